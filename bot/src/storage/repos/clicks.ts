import type { Db } from '../db.js';
import type { Network } from '../../domain/sharing/networks.js';

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

interface PendingClick {
  code: string;
  itemId: string;
  network: Network;
  at: Date;
}

/**
 * Clicks are written in batches: a redirect never waits for the database, and one
 * insert carries hundreds of clicks. flush() runs on a short timer and on shutdown, so
 * a graceful stop loses nothing; a crash can lose at most one interval of clicks.
 * While the database is unreachable, clicks wait in memory up to `maxPending`; beyond
 * that the oldest are dropped and counted rather than growing without bound.
 */
export class ClickRecorder {
  private pending: PendingClick[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private failures = 0;
  /** Clicks given up on (database unreachable for too long); reported on close. */
  dropped = 0;

  constructor(
    private readonly db: Db,
    private readonly options: { intervalMs: number; maxBatch: number; maxPending?: number; onError: (err: unknown) => void },
  ) {}

  record(click: PendingClick): void {
    this.pending.push(click);
    const max = this.options.maxPending ?? 100_000;
    if (this.pending.length > max) {
      this.dropped += this.pending.length - max;
      this.pending.splice(0, this.pending.length - max);
    }
    if (this.pending.length >= this.options.maxBatch) void this.flush();
    else this.schedule(this.options.intervalMs);
  }

  /** Writes everything recorded so far; resolves when it is stored (or failed and re-queued). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => (batch.length ? this.write(batch) : undefined));
    return this.flushing;
  }

  /** The last flush on shutdown: throws when clicks could not be stored, so nobody mistakes a loss for success. */
  async close(): Promise<void> {
    await this.flush();
    if (this.pending.length > 0) await this.flush();
    const lost = this.pending.length + this.dropped;
    if (lost > 0) throw new Error(`${lost} clicks could not be stored`);
  }

  private schedule(ms: number) {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), ms);
    // A pending flush must not keep a stopping process alive; close() flushes explicitly.
    this.timer.unref();
  }

  private async write(batch: PendingClick[]): Promise<void> {
    try {
      // Only clicks whose link still exists: one deleted link must not block the batch.
      await this.db.query(
        `insert into clicks (link_code, item_id, network, clicked_at)
         select c.code, c.item_id, c.network, c.at
         from unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[]) as c(code, item_id, network, at)
         where exists (select 1 from links l where l.code = c.code)`,
        [batch.map((c) => c.code), batch.map((c) => c.itemId), batch.map((c) => c.network), batch.map((c) => c.at.toISOString())],
      );
      this.failures = 0;
    } catch (err) {
      // Keep the clicks and try again later, backing off up to ~30 s between tries.
      this.failures++;
      this.pending.unshift(...batch);
      this.schedule(Math.min(30_000, this.options.intervalMs * 2 ** this.failures));
      this.options.onError(err);
    }
  }
}
