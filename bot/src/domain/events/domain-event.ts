import type { ConversionType } from '../model/conversions.js';
import type { Network } from '../sharing/networks.js';

/**
 * What happened, as processors (points, rollups, notifications) learn of it. Each event
 * names the subject it belongs to: processors see the events of one subject in the order
 * they happened. Payloads carry ids, never names or text: the events table is not a
 * second copy of anyone's data.
 */
export type DomainEvent =
  /** A person shared an item to a network for the first time (posting again is the same share). */
  | { type: 'share.recorded'; subject: `item:${string}`; payload: { itemId: string; personId: string; network: Network; linkCode: string } }
  | {
      type: 'clicks.counted';
      subject: 'clicks';
      /** One event per flush of the click counter, not per click. */
      payload: { counts: Array<{ linkCode: string; itemId: string; network: Network; minute: string; clicks: number }> };
    }
  | {
      type: 'readers.counted';
      subject: 'clicks';
      /**
       * New unique readers per link and day (the tenant's calendar day), as counted by one
       * flush: a reader already counted for that link on that day is not in it again.
       */
      payload: { counts: Array<{ linkCode: string; itemId: string; network: Network; day: string; readers: number }> };
    }
  | { type: 'training.attendance'; subject: `training:${string}`; payload: { trainingId: string; attendance: Array<{ personId: string; attended: boolean }> } }
  | { type: 'guideline.acknowledged'; subject: `guideline:${string}`; payload: { guidelineId: string; version: number; personId: string } }
  | { type: 'item.published'; subject: `item:${string}`; payload: { itemId: string; publishAt: string } }
  | { type: 'item.archived'; subject: `item:${string}`; payload: { itemId: string } }
  | { type: 'crisis.switched'; subject: 'crisis'; payload: { active: boolean; version: number } }
  | { type: 'person.joined'; subject: `person:${string}`; payload: { personId: string; via: 'teams' | 'entra' | 'directory' | 'demo' } }
  | { type: 'person.left'; subject: `person:${string}`; payload: { personId: string } }
  /** A campaign's end was processed: its thank-you cards are queued (once per campaign). */
  | { type: 'campaign.ended'; subject: `campaign:${string}`; payload: { campaignId: string } }
  | {
      type: 'conversion.recorded';
      subject: `item:${string}`;
      /**
       * A source reported a conversion through a person's tracked link (once per source and
       * event id). `personId` is who shared, never who converted; `day` is the tenant's day
       * it happened on; `value` has `currency` when the source sent one.
       */
      payload: {
        conversionId: string;
        linkCode: string;
        itemId: string;
        network: Network;
        personId: string;
        type: ConversionType;
        value: number | null;
        currency: string | null;
        day: string;
      };
    };

export type DomainEventType = DomainEvent['type'];

/** An event as stored: its position in the log and when it was written. */
export type StoredEvent = DomainEvent & { id: number; at: string };

/**
 * Reacts to events, idempotently: it may see an event again after a crash (at least
 * once), always in log order. `handle` gets the transaction that also moves the
 * processor's position, so effects written to the database happen exactly once.
 */
export interface EventProcessor<Q> {
  /** Stable: the position in the log is kept under this name. */
  name: string;
  /** The event types it wants; others pass by without a call. */
  types: readonly DomainEventType[];
  handle(events: StoredEvent[], tx: Q): Promise<void>;
}
