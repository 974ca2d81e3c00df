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
  await tx.query(
    `insert into points_ledger (person_id, points, reason, source_key, event_id, occurred_at, item_id, network, link_code, training_id, day, readers, counted)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     on conflict (source_key) do nothing`,
    [e.personId, e.points, e.reason, e.sourceKey, e.event.id, e.event.at, e.itemId ?? null, e.network ?? null, e.linkCode ?? null,
      e.trainingId ?? null, e.day ?? null, e.readers ?? null, e.counted ?? null],
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
      for (const c of e.payload.counts) {
        if (c.readers <= 0) continue;
        const sourceKey = sourceKeys.readers(e.id, c.linkCode, c.day);
        const [row] = await tx.query<{ person_id: string; before: number; seen: boolean }>(
          `select l.person_id,
                  coalesce((select sum(readers) from points_ledger p where p.link_code = l.code and p.day = $2::date and p.reason = 'readers'), 0)::int as before,
                  exists (select 1 from points_ledger p where p.source_key = $3) as seen
           from links l where l.code = $1`,
          [c.linkCode, c.day, sourceKey],
        );
        if (!row || row.seen) continue;
        const { counted, points } = readerPoints(row.before, c.readers, rules);
        await insertEntry(tx, {
          personId: row.person_id, points, reason: 'readers', sourceKey, event: e,
          itemId: c.itemId, network: c.network, linkCode: c.linkCode, day: c.day, readers: c.readers, counted,
        });
      }
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
    default:
      return;
  }
}

/**
 * The `points` event processor: ledger entries from shares, unique readers (capped per
 * share and day) and attended trainings, by the rules in force. Only events that happened
 * while the programme was on earn points (`points_program_log`, by event id), however late
 * they are processed — so processing as they come and recomputing agree. Idempotent: every
 * entry has a unique source key.
 */
export const pointsProcessor: EventProcessor<Queryable> = {
  name: 'points',
  types: ['share.recorded', 'readers.counted', 'training.attendance'],
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
    return { events, entries: n };
  });
}
