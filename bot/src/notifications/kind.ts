import { z } from 'zod';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import type { AnnouncementView } from '../domain/model/announcements.js';
import type { ClaimedDelivery } from '../storage/repos/deliveries.js';
import type { RenderContext } from './render-context.js';
import type { WantsPolicy } from './wants.js';

/**
 * Who an announcement is for, as its caller says. Kinds that work their recipients out
 * themselves when the send starts (an item's audience at that moment, a session's
 * registrants, the readers of an earlier card) are enqueued with 'by_kind'.
 */
export type Audience =
  /** Everyone in these departments and locations; empty lists: everyone. */
  | { departments: string[]; locations: string[] }
  /** Exactly these people. */
  | { people: string[] }
  | 'by_kind';

export type AudienceForm = 'groups' | 'people' | 'by_kind';

export const EVERYONE: Audience = { departments: [], locations: [] };

/** What the admin API shows about an announcement besides its progress (declared with the model). */
export type { AnnouncementView };

/** A claimed delivery with its announcement's payload, checked against the kind's schema. */
export type KindDelivery<P> = ClaimedDelivery & { payload: P };

/** SQL run before due announcements are started: keeps scheduled ones in step with what they announce. */
export interface Upkeep {
  /** May return the ids it cancelled (`returning a.id`): they are logged with `log`. */
  sql: string;
  log?: string;
}

/**
 * One kind of card, declared in one file (notifications/kinds/<kind>.ts) and registered in
 * notifications/registry.ts. The delivery engine knows kinds only through this: it never
 * names one. SQL fragments see the announcement as `a` (ready, upkeep, crisis) or, when the
 * send starts, as `s` with `s.id`, `s.payload`, `s.priority`, `s.created_at` and the
 * caller's audience as `s.departments`, `s.locations` (text[]) and `s.people` (uuid[]).
 */
export interface NotificationKind<P> {
  /** Stored in announcements.kind; the admin API's `subject`. */
  readonly name: string;
  /** The payload (one jsonb column). Ids are stored as Postgres writes them (lower case). */
  readonly payload: z.ZodType<P>;
  /** The audiences its callers may give. */
  readonly audience: readonly AudienceForm[];
  /** Above 0: sent first, and sent while crisis mode holds every other card. Default 0. */
  readonly priority?: number;
  /** Whether a person wants it (preferences, "stop"): in the recipients' SQL and again per card. */
  readonly wants: WantsPolicy;
  /**
   * Who receives it, fixed in one statement when the send starts: a SELECT of (person_id,
   * conversation_id, tenant_id, activity_id), built with notifications/recipients.ts.
   */
  readonly recipients: string;
  /** SQL condition on `a`: it may start now (its item is live, its session still ahead …). */
  readonly ready?: string;
  readonly upkeep?: readonly Upkeep[];
  /**
   * Crisis mode: which of them a switch cancels (true: all not yet done; a string: those
   * matching this condition on `a`). The rest are held (priority 0) or sent (above 0).
   */
  readonly crisis?: { cancelOnSwitchOn?: true | string; cancelOnSwitchOff?: true | string };
  /** The card replaces the one Teams already shows (the delivery's activity id). */
  readonly updatesCard?: boolean;
  /** Never two with this key, even once one is cancelled (a digest per run, a reminder per start). */
  onceKey?(payload: P): string | undefined;
  /** Never two with this key that are not cancelled (an item is announced again only after a cancel). */
  liveKey?(payload: P): string | undefined;
  /** The item whose share token the card needs: made for a whole batch in one statement. */
  shareTokenFor?(payload: P): string | undefined;
  /** What the admin API shows (subject, item, training, period …). */
  view(payload: P): AnnouncementView;
  /** The card for this person now, or why they get nothing after all (a skip reason). */
  render(d: KindDelivery<P>, ctx: RenderContext): Promise<AdaptiveCard | string>;
}

/** Declares a kind; its payload type is inferred from the schema, so render and keys are typed. */
export const defineKind = <P>(kind: NotificationKind<P>): NotificationKind<P> => kind;

/**
 * Any kind, as the registry and the engine hold them (payloads unchecked until parsed with
 * the kind's own schema). Methods are checked bivariantly, so every kind is one of these.
 */
export type AnyKind = NotificationKind<unknown>;

/** An id in a payload: compared as text (unique keys, lookups), so stored as Postgres writes uuids. */
export const idRef = z.guid().transform((s) => s.toLowerCase());

/** A time in a payload: ISO with milliseconds in UTC, as Date#toISOString writes it (keys compare it as text). */
export const timeRef = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
