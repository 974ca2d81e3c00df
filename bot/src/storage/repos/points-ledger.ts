import type { EventProcessor, StoredEvent } from '../../domain/events/domain-event.js';
import { programOnAt, readerPoints, sourceKeys, type LedgerReason, type PointsRules } from '../../domain/points/points-rules.js';
import type { Db, Queryable } from '../db.js';
import { replayIn } from '../events/event-log.js';
import { readProgramLog, readRules } from './points.js';

interface Entry {
  personId: string;
  points: number;
  reason: LedgerReason;
  sourceKey: string;
  event: StoredEvent;
  itemId?: string;
  network?: string;
  linkCode?: string;
  trainingId?: string;
  day?: string;
  readers?: number;
  counted?: number;
}

/** One ledger row, once: its source key is unique, so an event seen again adds nothing. */
async function insertEntry(tx: Queryable, e: Entry): Promise<void> {
  await insertEntries(tx, [e]);
}

/** Ledger rows in one statement (a flush of the click counter brings thousands of link-days). */
async function insertEntries(tx: Queryable, entries: readonly Entry[]): Promise<void> {
  if (entries.length === 0) return;
  const column = <T>(pick: (e: Entry) => T) => entries.map(pick);
  await tx.query(
    `insert into points_ledger (person_id, points, reason, source_key, event_id, occurred_at, item_id, network, link_code, training_id, day, readers, counted)
     select * from unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[], $7::uuid[], $8::text[], $9::text[],
                          $10::uuid[], $11::date[], $12::int[], $13::int[])
     on conflict (source_key) do nothing`,
    [column((e) => e.personId), column((e) => e.points), column((e) => e.reason), column((e) => e.sourceKey), column((e) => e.event.id),
      column((e) => e.event.at), column((e) => e.itemId ?? null), column((e) => e.network ?? null), column((e) => e.linkCode ?? null),
      column((e) => e.trainingId ?? null), column((e) => e.day ?? null), column((e) => e.readers ?? null), column((e) => e.counted ?? null)],
  );
}

/** `on`: whether the programme was on when the event happened; only then does it earn points. */
async function handleEvent(tx: Queryable, e: StoredEvent, rules: PointsRules, on: boolean): Promise<void> {
  switch (e.type) {
    case 'share.recorded': {
      if (!on) return;
      const { itemId, personId, network, linkCode } = e.payload;
      if (rules.perShare > 0) {
        await insertEntry(tx, { personId, points: rules.perShare, reason: 'share', sourceKey: sourceKeys.share(itemId, personId, network), event: e, itemId, network, linkCode });
      }
      return;
    }
    case 'readers.counted': {
      if (!on) return;
      // All of the event's link-days in two statements: what each link-day earned so far and
      // whether this event's entry exists; then the entries, capped in order as they come.
      const counts = e.payload.counts.filter((c) => c.readers > 0);
      if (counts.length === 0) return;
      const keys = counts.map((c) => sourceKeys.readers(e.id, c.linkCode, c.day));
      const rows = await tx.query<{ i: string | number; person_id: string; before: number; seen: boolean }>(
        `select c.i, l.person_id,
                coalesce((select sum(readers) from points_ledger p where p.link_code = c.code and p.day = c.day and p.reason = 'readers'), 0)::int as before,
                exists (select 1 from points_ledger p where p.source_key = c.key) as seen
         from unnest($1::text[], $2::date[], $3::text[]) with ordinality as c(code, day, key, i)
         join links l on l.code = c.code`,
        [counts.map((c) => c.linkCode), counts.map((c) => c.day), keys],
      );
      const found = new Map(rows.map((r) => [Number(r.i) - 1, r]));
      const earlier = new Map<string, number>();
      const entries: Entry[] = [];
      counts.forEach((c, i) => {
        const row = found.get(i);
        const sourceKey = keys[i] as string;
        if (!row || row.seen || earlier.has(`key:${sourceKey}`)) return;
        // A link-day twice in one event: the second starts where the first left off.
        const linkDay = `${c.linkCode}@${c.day}`;
        const { counted, points } = readerPoints(row.before + (earlier.get(linkDay) ?? 0), c.readers, rules);
        earlier.set(linkDay, (earlier.get(linkDay) ?? 0) + c.readers);
        earlier.set(`key:${sourceKey}`, 1);
        entries.push({
          personId: row.person_id, points, reason: 'readers', sourceKey, event: e,
          itemId: c.itemId, network: c.network, linkCode: c.linkCode, day: c.day, readers: c.readers, counted,
        });
      });
      await insertEntries(tx, entries);
      return;
    }
    case 'training.attendance': {
      const { trainingId, attendance } = e.payload;
      for (const a of attendance) {
        const sourceKey = sourceKeys.training(trainingId, a.personId);
        // Attendance corrected to "did not come": the points for it go again (also while the programme is off).
        if (!a.attended || rules.perTraining === 0) await tx.query('delete from points_ledger where source_key = $1', [sourceKey]);
        else if (on) await insertEntry(tx, { personId: a.personId, points: rules.perTraining, reason: 'training', sourceKey, event: e, trainingId });
      }
      return;
    }
    case 'conversion.recorded': {
      if (!on || rules.perConversion === 0) return;
      const { conversionId, personId, itemId, network, linkCode, day } = e.payload;
      await insertEntry(tx, { personId, points: rules.perConversion, reason: 'conversion', sourceKey: sourceKeys.conversion(conversionId), event: e, itemId, network, linkCode, day });
      return;
    }
    default:
      return;
  }
}

/**
 * The `points` event processor: ledger entries from shares, unique readers (capped per
 * share and day), attended trainings and conversions through a person's link, by the rules in force. Only events that happened
 * while the programme was on earn points (`points_program_log`, by event id), however late
 * they are processed — so processing as they come and recomputing agree. Idempotent: every
 * entry has a unique source key.
 */
export const pointsProcessor: EventProcessor<Queryable> = {
  name: 'points',
  types: ['share.recorded', 'readers.counted', 'training.attendance', 'conversion.recorded'],
  async handle(events, tx) {
    const rules = await readRules(tx);
    const log = await readProgramLog(tx);
    for (const e of events) await handleEvent(tx, e, rules, programOnAt(log, e.id));
  },
};

/**
 * Rebuilds the ledger from the events under the current rules, in one transaction: the
 * running processor waits or skips, and nobody sees a half-built ledger. Events from times
 * the programme was off earn nothing here either.
 */
export async function recomputePoints(db: Db): Promise<{ events: number; entries: number }> {
  return db.transaction(async (tx) => {
    await tx.query('select 1 from points_rules for update');
    await tx.query('delete from points_ledger');
    const events = await replayIn(tx, pointsProcessor);
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>('select count(*)::int as n from points_ledger');
    // Every instance ranks its boards again with the next request, not after the refresh time.
    await tx.query('update board_versions set members = members + 1 where id');
    return { events, entries: n };
  });
}
