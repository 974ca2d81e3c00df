import { createHmac, randomBytes } from 'node:crypto';
import { addDays, dayOf, TenantDays } from '../../domain/time/tenant-day.js';
import type { Clock } from '../../domain/time/clock.js';
import type { Queryable } from '../db.js';

/** Marks are HMAC-SHA256 cut to 128 bits: collisions among one link's readers of one day are negligible. */
const MARK_BYTES = 16;
/** How often a process reloads the keys (tomorrow's exists a day ahead, so midnight never waits). */
export const READER_KEYS_REFRESH_MS = 10 * 60_000;
/**
 * A day's key and marks go once its end is this far behind: a click from 23:59:59 that is
 * still on its way to the database is counted against the right day, not as a new reader.
 */
export const READER_DAY_GRACE_MS = 5 * 60_000;

/**
 * A reader's mark for one link on one day: HMAC(day key, link + address + user agent).
 * The link is in it so that one reader's marks on different links cannot be matched with
 * each other, even while the key exists.
 */
export function readerMark(key: Buffer, linkCode: string, address: string, userAgent: string): string {
  return readerMarkOf(key, linkCode, `${address}\n${userAgent}`);
}

/** The same, for a reader already written as "address\nuser agent" (the click recorder's form). */
export function readerMarkOf(key: Buffer, linkCode: string, reader: string): string {
  // The first 16 bytes as hex, cut from the hex digest.
  return createHmac('sha256', key).update(`${linkCode}\n${reader}`).digest('hex').slice(0, MARK_BYTES * 2);
}

/** Today's and tomorrow's keys, made if missing (every process gets the same ones). */
export async function ensureReaderKeys(db: Queryable, days: readonly string[]): Promise<Map<string, Buffer>> {
  await db.query(
    `insert into reader_day_keys (day, key)
     select d::date, decode(k, 'hex') from unnest($1::text[], $2::text[]) as t(d, k)
     on conflict (day) do nothing`,
    [days, days.map(() => randomBytes(32).toString('hex'))],
  );
  const rows = await db.query<{ day: string; key: string }>(
    `select day::text as day, encode(key, 'hex') as key from reader_day_keys where day = any($1::date[])`,
    [days],
  );
  return new Map(rows.map((r) => [r.day, Buffer.from(r.key, 'hex')]));
}

/**
 * Deletes the keys and marks of days that are over (with the grace above): from then on
 * nobody can tell whether a given address read a link that day. Counts stay.
 */
export async function forgetReaderDays(db: Queryable, now: number, timeZone: string): Promise<{ before: string; marks: number }> {
  const before = dayOf(now - READER_DAY_GRACE_MS, timeZone);
  await db.query('delete from reader_day_keys where day < $1::date', [before]);
  const gone = await db.query<{ n: number }>(
    'with d as (delete from reader_marks where day < $1::date returning 1) select count(*)::int as n from d',
    [before],
  );
  return { before, marks: gone[0]?.n ?? 0 };
}

/**
 * The day keys one process holds in memory, so that a redirect never waits for the
 * database. Loaded at start and every ten minutes (today and tomorrow, made if missing);
 * a day whose key could not be loaded (the database was away when it began) has no
 * readers counted until the next load succeeds — clicks are counted all the same.
 */
export class ReaderKeys {
  private keys = new Map<string, Buffer>();
  private cancel: (() => void) | undefined;
  private loading: Promise<void> | undefined;
  private lastTry = -Infinity;
  readonly days: TenantDays;

  constructor(
    private readonly db: Queryable,
    private readonly options: { timeZone: string; clock: Clock; onError: (err: unknown) => void },
  ) {
    this.days = new TenantDays(options.timeZone);
  }

  /** The key of `day`, if this process has it. A missing one asks for a reload (at most every 10 s). */
  keyOf(day: string): Buffer | undefined {
    const key = this.keys.get(day);
    if (!key && this.options.clock.now() - this.lastTry > 10_000) void this.load();
    return key;
  }

  /** Loads now and then every ten minutes; never throws (an error is reported, the next load retries). */
  async start(): Promise<void> {
    await this.load();
    const tick = () => {
      this.cancel = this.options.clock.after(READER_KEYS_REFRESH_MS, () => void this.load().finally(tick));
    };
    tick();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  load(): Promise<void> {
    this.loading ??= (async () => {
      const now = this.options.clock.now();
      this.lastTry = now;
      try {
        const today = dayOf(now, this.options.timeZone);
        // Yesterday stays in memory only during the grace; the database forgets it after.
        const keep = dayOf(now - READER_DAY_GRACE_MS, this.options.timeZone);
        const fresh = await ensureReaderKeys(this.db, [today, addDays(today, 1)]);
        const held = new Map([...this.keys].filter(([day]) => day >= keep));
        for (const [day, key] of fresh) held.set(day, key);
        this.keys = held;
      } catch (err) {
        this.options.onError(err);
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}
