import type { DomainEvent } from '../../domain/events/domain-event.js';
import type { Queryable } from '../db.js';

/** The advisory lock that puts appends to the event log in order ("ChEv"). */
const APPEND_LOCK = 0x43684576;

/**
 * For a change that is one statement (no transaction of its own): a data-modifying CTE
 * `appended` that appends one event per row of `rows` for which `when` holds, taking the
 * same lock first — held until the statement, its own transaction, ends. `rows` must
 * yield the columns `type`, `subject` and `payload` (jsonb).
 */
export function appendEventsCte(rows: string): string {
  return `appended as (
    insert into events (type, subject, payload)
    select e.type, e.subject, e.payload from (${rows}) e cross join lateral (select pg_advisory_xact_lock(${APPEND_LOCK})) l
  )`;
}

/**
 * Appends events inside the caller's transaction, as its last statements: the lock taken
 * here is held until that transaction ends, so appends commit one at a time, in id order.
 * That is what lets a processor remember a single position: once it has seen id N, no
 * smaller id can still appear (ids of rolled-back appends never do). Appending last keeps
 * the time the lock is held to the commit itself.
 */
export async function recordEvents(tx: Queryable, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query('select pg_advisory_xact_lock($1)', [APPEND_LOCK]);
  await tx.query(
    `insert into events (type, subject, payload)
     select * from unnest($1::text[], $2::text[], $3::jsonb[])`,
    [events.map((e) => e.type), events.map((e) => e.subject), events.map((e) => JSON.stringify(e.payload))],
  );
}
