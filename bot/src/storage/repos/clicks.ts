import type { Db, Queryable } from '../db.js';
import type { Network } from '../../domain/sharing/networks.js';
import type { DomainEvent } from '../../domain/events/domain-event.js';
import { recordEvents } from '../events/record-events.js';
import { readerMarkOf, type ReaderKeys } from './readers.js';

export interface ResolvedLink {
  code: string;
  itemId: string;
  network: Network;
  destination: string;
  campaign: string;
}

export function linksRepo(db: Db) {
  return {
    async resolve(code: string): Promise<ResolvedLink | undefined> {
      const [row] = await db.query<{ code: string; item_id: string; network: Network; url: string; campaign: string }>(
        'select l.code, l.item_id, l.network, i.url, i.campaign from links l join items i on i.id = l.item_id where l.code = $1',
        [code],
      );
      return row && { code: row.code, itemId: row.item_id, network: row.network, destination: row.url, campaign: row.campaign };
    },
  };
}

export interface Click {
  code: string;
  itemId: string;
  network: Network;
  /** epoch milliseconds */
  at: number;
  /**
   * Who clicked, for unique readers only: held in memory until the next flush (one short
   * interval), hashed there into the day's mark and forgotten — never stored. Hashing in
   * the flush, once per distinct reader, keeps the HMAC off the redirect's path.
   */
  reader?: { address: string; userAgent: string };
}

/** New marks of one link on one day, waiting for the next flush. */
interface PendingMarks {
  code: string;
  itemId: string;
  network: Network;
  day: string;
  /** Marks already hashed (kept for a retry when a write failed). */
  marks: Set<string>;
  /** This interval's readers, not yet hashed: "address\nuser agent" (gone at the next flush). */
  unhashed: Set<string>;
}

interface PendingCount {
  code: string;
  itemId: string;
  network: Network;
  minute: number;
  clicks: number;
}

const MINUTE = 60_000;

/**
 * Clicks are counted in memory per (link, minute) and written in batches: a redirect
 * never waits for the database, and a burst of readers on one link becomes one upsert.
 * flush() runs on a short timer and on shutdown, so a graceful stop loses nothing; a
 * crash can lose at most one interval of clicks. While the database is unreachable,
 * counts wait in memory (bounded by `maxPending` link-minutes; beyond that new ones are
 * dropped and reported rather than growing without bound).
 */
export class ClickRecorder {
  private pending = new Map<string, PendingCount>();
  private pendingMarks = new Map<string, PendingMarks>();
  private markCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private failures = 0;
  /** Clicks given up on (database unreachable for too long); reported on close. */
  dropped = 0;
  /** Clicks whose reader could not be told apart (no key for their day in this process). */
  readersUncounted = 0;

  constructor(
    private readonly db: Db,
    private readonly options: {
      intervalMs: number;
      maxPending?: number;
      onError: (err: unknown) => void;
      /** The day keys for unique readers; without them only clicks are counted. */
      readers?: ReaderKeys;
    },
  ) {}

  record(click: Click): void {
    const minute = click.at - (click.at % MINUTE);
    const key = `${click.code}@${minute}`;
    const entry = this.pending.get(key);
    if (entry) entry.clicks++;
    else if (this.pending.size >= (this.options.maxPending ?? 100_000)) this.dropped++;
    else this.pending.set(key, { code: click.code, itemId: click.itemId, network: click.network, minute, clicks: 1 });
    if (click.reader && this.options.readers) this.markReader(click, this.options.readers);
    this.schedule(this.options.intervalMs);
  }

  private markReader(click: Click, readers: ReaderKeys): void {
    const day = readers.days.dayAt(click.at);
    const dayKey = readers.keyOf(day);
    if (!dayKey) {
      this.readersUncounted++;
      return;
    }
    const reader = `${click.reader!.address}\n${click.reader!.userAgent}`;
    const key = `${click.code}@${day}`;
    const entry = this.pendingMarks.get(key);
    if (entry) {
      if (entry.unhashed.has(reader)) return;
    } else if (this.markCount >= (this.options.maxPending ?? 100_000)) {
      this.readersUncounted++;
      return;
    }
    const marks = entry ?? this.pendingMarks.set(key, { code: click.code, itemId: click.itemId, network: click.network, day, marks: new Set(), unhashed: new Set() }).get(key)!;
    marks.unhashed.add(reader);
    this.markCount++;
  }

  /** The interval's readers become marks under their day's key; the addresses are dropped here. */
  private hashReaders(pending: PendingMarks[]): void {
    const readers = this.options.readers;
    for (const p of pending) {
      const dayKey = readers?.keyOf(p.day);
      if (!dayKey) this.readersUncounted += p.unhashed.size;
      else for (const reader of p.unhashed) p.marks.add(readerMarkOf(dayKey, p.code, reader));
      p.unhashed.clear();
    }
  }

  /** Writes everything counted so far; resolves when it is stored (or failed and re-queued). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.values()];
    const marks = [...this.pendingMarks.values()];
    this.hashReaders(marks);
    this.pending = new Map();
    this.pendingMarks = new Map();
    this.markCount = 0;
    this.flushing = this.flushing.then(() => (batch.length || marks.length ? this.write(batch, marks) : undefined));
    return this.flushing;
  }

  /** The last flush on shutdown: throws when clicks could not be stored, so nobody mistakes a loss for success. */
  async close(): Promise<void> {
    await this.flush();
    if (this.pending.size > 0 || this.pendingMarks.size > 0) await this.flush();
    const lost = [...this.pending.values()].reduce((n, p) => n + p.clicks, 0) + this.dropped;
    if (lost > 0) throw new Error(`${lost} clicks could not be stored`);
  }

  private schedule(ms: number) {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), ms);
    // A pending flush must not keep a stopping process alive; close() flushes explicitly.
    this.timer.unref();
  }

  private async write(batch: PendingCount[], marks: PendingMarks[]): Promise<void> {
    try {
      // Only links that still exist: one deleted link must not block the batch. The counts
      // and their event ("clicks counted", one per flush) are stored together or not at all.
      await this.db.transaction(async (tx) => {
        const stored = await tx.query<{ link_code: string; minute: Date | string }>(
          `insert into clicks (link_code, minute, item_id, network, clicks)
           select c.code, c.minute, c.item_id, c.network, c.n
           from unnest($1::text[], $2::timestamptz[], $3::uuid[], $4::text[], $5::int[]) as c(code, minute, item_id, network, n)
           where exists (select 1 from links l where l.code = c.code)
           on conflict (link_code, minute) do update set clicks = clicks.clicks + excluded.clicks
           returning link_code, minute`,
          [
            batch.map((c) => c.code),
            batch.map((c) => new Date(c.minute).toISOString()),
            batch.map((c) => c.itemId),
            batch.map((c) => c.network),
            batch.map((c) => c.clicks),
          ],
        );
        const kept = new Set(stored.map((r) => `${r.link_code}@${new Date(r.minute).getTime()}`));
        const counts = batch
          .filter((c) => kept.has(`${c.code}@${c.minute}`))
          .map((c) => ({ linkCode: c.code, itemId: c.itemId, network: c.network, minute: new Date(c.minute).toISOString(), clicks: c.clicks }));
        const readers = marks.length > 0 ? await storeReaders(tx, marks) : [];
        const events: DomainEvent[] = [];
        if (counts.length > 0) events.push({ type: 'clicks.counted', subject: 'clicks', payload: { counts } });
        if (readers.length > 0) events.push({ type: 'readers.counted', subject: 'clicks', payload: { counts: readers } });
        if (events.length > 0) await recordEvents(tx, events);
      });
      this.failures = 0;
    } catch (err) {
      // Put the counts back and try again later, backing off up to ~30 s between tries.
      this.failures++;
      for (const c of batch) {
        const key = `${c.code}@${c.minute}`;
        const entry = this.pending.get(key);
        if (entry) entry.clicks += c.clicks;
        else this.pending.set(key, c);
      }
      for (const m of marks) {
        const key = `${m.code}@${m.day}`;
        const entry = this.pendingMarks.get(key);
        if (entry) for (const mark of m.marks) entry.marks.add(mark);
        else this.pendingMarks.set(key, m);
        this.markCount += m.marks.size;
      }
      this.schedule(Math.min(30_000, this.options.intervalMs * 2 ** this.failures));
      this.options.onError(err);
    }
  }
}

/**
 * Stores new marks; a mark already there is a reader counted before. The new ones are
 * added to the link's readers of that day. Returns what it added, for the event.
 */
async function storeReaders(tx: Queryable, marks: PendingMarks[]) {
  const rows = marks.flatMap((m) => [...m.marks].map((mark) => [m.day, m.code, mark] as const));
  const fresh = await tx.query<{ day: string; link_code: string; n: number }>(
    `with added as (
       insert into reader_marks (day, link_code, mark)
       select r.day, r.code, decode(r.mark, 'hex')
       from unnest($1::date[], $2::text[], $3::text[]) as r(day, code, mark)
       where exists (select 1 from links l where l.code = r.code)
       on conflict do nothing
       returning day, link_code)
     select day::text as day, link_code, count(*)::int as n from added group by day, link_code`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
  if (fresh.length === 0) return [];
  const byKey = new Map(marks.map((m) => [`${m.code}@${m.day}`, m]));
  const counts = fresh.map((f) => {
    const m = byKey.get(`${f.link_code}@${f.day}`)!;
    return { linkCode: m.code, itemId: m.itemId, network: m.network, day: m.day, readers: f.n };
  });
  await tx.query(
    `insert into link_readers (link_code, day, item_id, network, readers)
     select c.code, c.day, c.item_id, c.network, c.n
     from unnest($1::text[], $2::date[], $3::uuid[], $4::text[], $5::int[]) as c(code, day, item_id, network, n)
     on conflict (link_code, day) do update set readers = link_readers.readers + excluded.readers`,
    [counts.map((c) => c.linkCode), counts.map((c) => c.day), counts.map((c) => c.itemId), counts.map((c) => c.network), counts.map((c) => c.readers)],
  );
  return counts;
}
