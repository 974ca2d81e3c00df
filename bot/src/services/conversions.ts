import { canonicalInput, MAX_SECRETS_PER_SOURCE, occurredAt } from '../domain/conversions/conversion-rules.js';
import { conflict, invalid, notFound } from '../domain/errors.js';
import type { ConversionInput, ConversionRecorded } from '../domain/model/conversions.js';
import { dayOf } from '../domain/time/tenant-day.js';
import type { Db } from '../storage/db.js';
import { recordEvents } from '../storage/events/record-events.js';
import { conversionsRepo } from '../storage/repos/conversions.js';

/**
 * Conversions reported by signed sources, and the sources themselves. A conversion and its
 * `conversion.recorded` event are written in one transaction; a retry of the same event
 * (same source, same event id, same content) answers what the first one stored and writes
 * nothing; the same event id with other content is a 409.
 */
export function conversionsServiceFor(db: Db, o: { timeZone: string }) {
  const repo = conversionsRepo(db);
  return {
    activeSecrets: () => repo.activeSecrets(),

    /** `sourceId`: the source whose secret signed the request (checked at the edge). */
    async record(sourceId: string, input: ConversionInput, nowMs: number): Promise<{ created: boolean; conversion: ConversionRecorded }> {
      const at = occurredAt(input, nowMs);
      const canonical = canonicalInput(input);
      const seen = (stored: { input: string; view: ConversionRecorded }) => {
        if (stored.input !== canonical) throw conflict('conversion.eventIdReused');
        return { created: false, conversion: stored.view };
      };
      return db.transaction(async (tx) => {
        const store = conversionsRepo(tx);
        const before = await store.byEvent(sourceId, input.eventId);
        if (before) return seen(before);
        const link = await store.link(input.linkCode);
        // 400, not 404: the route exists; the code in the body names no link.
        if (!link) throw invalid({ linkCode: 'conversion.unknownLink' });
        const day = dayOf(at, o.timeZone);
        const stored = await store.insert({
          sourceId,
          eventId: input.eventId,
          input: canonical,
          link,
          type: input.type,
          value: input.value ?? null,
          currency: input.currency ?? null,
          occurredAt: new Date(at).toISOString(),
          day,
        });
        // Another request with this event id committed first (it waited for it): answer as a retry.
        if (!stored) return seen((await store.byEvent(sourceId, input.eventId)) as { input: string; view: ConversionRecorded });
        await recordEvents(tx, [
          {
            type: 'conversion.recorded',
            subject: `item:${link.itemId}`,
            payload: {
              conversionId: stored.view.id,
              linkCode: link.code,
              itemId: link.itemId,
              network: link.network,
              personId: link.personId,
              type: input.type,
              value: stored.view.value,
              currency: stored.view.currency,
              day,
            },
          },
        ]);
        return { created: true, conversion: stored.view };
      });
    },

    sources: () => repo.sources(),

    async createSource(name: string, by: string) {
      const created = await repo.createSource(name, by);
      if (!created) throw conflict('conversion.sourceNameTaken');
      return created;
    },

    /** A further secret (rotation): both sign valid requests until the old one is deleted. */
    async addSecret(sourceId: string) {
      return db.transaction(async (tx) => {
        const store = conversionsRepo(tx);
        const source = await store.lockSource(sourceId);
        if (!source) throw notFound('Conversion source');
        if (source.secrets >= MAX_SECRETS_PER_SOURCE) throw conflict('conversion.tooManySecrets', { max: MAX_SECRETS_PER_SOURCE });
        return store.addSecret(sourceId);
      });
    },

    async deleteSecret(sourceId: string, secretId: string): Promise<void> {
      if (!(await repo.deleteSecret(sourceId, secretId))) throw notFound('Secret');
    },
  };
}
export type ConversionsService = ReturnType<typeof conversionsServiceFor>;
