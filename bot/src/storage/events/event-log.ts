import type { EventProcessor, StoredEvent } from '../../domain/events/domain-event.js';
import type { Db, Queryable } from '../db.js';
import { isoRequired } from '../repos/rows.js';

interface EventRow {
  id: string | number;
  type: StoredEvent['type'];
  subject: string;
  payload: StoredEvent['payload'];
  created_at: Date | string;
}

export interface ProcessorPosition {
  processor: string;
  lastId: number;
  processed: number;
  /** Events in the log after the position (of any type): how far behind it is. */
  behind: number;
}

/**
 * Runs one batch of one processor: takes its position (a row lock, so one process at a
 * time advances it), hands it the next events of its types in log order, and moves the
 * position in the same transaction — effects in the database happen exactly once, other
 * effects at least once. Another process already busy with this processor is not waited
 * for. Returns how many events it handed over.
 */
export async function processNext(db: Db, processor: EventProcessor<Queryable>, batchSize = 500): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('insert into event_positions (processor) values ($1) on conflict do nothing', [processor.name]);
    const [position] = await tx.query<{ last_id: string | number }>(
      'select last_id from event_positions where processor = $1 for update skip locked',
      [processor.name],
    );
    if (!position) return 0;
    const from = Number(position.last_id);
    // Everything up to `top` is visible (appends commit in id order), so the position may
    // move to `top` even when no event of this processor's types lies in between.
    const [{ top } = { top: from }] = await tx.query<{ top: string | number }>('select coalesce(max(id), 0) as top from events');
    const rows = await tx.query<EventRow>(
      `select id, type, subject, payload, created_at from events
       where id > $1 and id <= $2 and type = any($3::text[]) order by id limit $4`,
      [from, top, processor.types, batchSize],
    );
    const events = rows.map(toEvent);
    if (events.length > 0) await processor.handle(events, tx);
    const last = events.length === batchSize ? (events.at(-1) as StoredEvent).id : Number(top);
    if (last !== from) {
      await tx.query('update event_positions set last_id = $2, processed = processed + $3, updated_at = now() where processor = $1', [
        processor.name,
        last,
        events.length,
      ]);
    }
    return events.length;
  });
}

/** Runs batches until the processor has caught up; returns how many events it handled. */
export async function catchUp(db: Db, processor: EventProcessor<Queryable>, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await processNext(db, processor, batchSize);
    total += n;
    if (n < batchSize) return total;
  }
}

/** Where each processor stands (operators, tests). */
export async function positions(db: Queryable): Promise<ProcessorPosition[]> {
  const rows = await db.query<{ processor: string; last_id: string | number; processed: string | number; behind: number }>(
    `select p.processor, p.last_id, p.processed, (select count(*)::int from events e where e.id > p.last_id) as behind
     from event_positions p order by p.processor`,
  );
  return rows.map((r) => ({ processor: r.processor, lastId: Number(r.last_id), processed: Number(r.processed), behind: r.behind }));
}

/** Rewinds a processor to the start of the log, for recomputing after a rule changed. */
export async function rewind(db: Queryable, processor: string): Promise<void> {
  await db.query('update event_positions set last_id = 0, processed = 0, updated_at = now() where processor = $1', [processor]);
}

function toEvent(r: EventRow): StoredEvent {
  return { id: Number(r.id), type: r.type, subject: r.subject, payload: r.payload, at: isoRequired(r.created_at) } as StoredEvent;
}

/**
 * Recomputes a processor from the start of the log inside the caller's transaction (which
 * first clears what the processor wrote): waits for a batch of it that is running, hands it
 * every event of its types again in log order, and moves its position to the end — the
 * running processor skips meanwhile and carries on after it. Readers see the old results
 * or the new ones, never a half-built mix. Returns how many events it handed over.
 */
export async function replayIn(tx: Queryable, processor: EventProcessor<Queryable>, batchSize = 1_000): Promise<number> {
  await tx.query('insert into event_positions (processor) values ($1) on conflict do nothing', [processor.name]);
  await tx.query('select last_id from event_positions where processor = $1 for update', [processor.name]);
  const [{ top } = { top: 0 }] = await tx.query<{ top: string | number }>('select coalesce(max(id), 0) as top from events');
  let from = 0;
  let handled = 0;
  for (;;) {
    const rows = await tx.query<EventRow>(
      `select id, type, subject, payload, created_at from events
       where id > $1 and id <= $2 and type = any($3::text[]) order by id limit $4`,
      [from, top, processor.types, batchSize],
    );
    if (rows.length === 0) break;
    const events = rows.map(toEvent);
    await processor.handle(events, tx);
    handled += events.length;
    from = (events.at(-1) as StoredEvent).id;
    if (rows.length < batchSize) break;
  }
  await tx.query('update event_positions set last_id = $2, processed = $3, updated_at = now() where processor = $1', [processor.name, Number(top), handled]);
  return handled;
}
