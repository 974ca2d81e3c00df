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
 */
export class ClickRecorder {
  private pending: PendingClick[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly options: { intervalMs: number; maxBatch: number; onError: (err: unknown) => void },
  ) {}

  record(click: PendingClick): void {
    this.pending.push(click);
    if (this.pending.length >= this.options.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.intervalMs);
  }

  /** Writes everything recorded so far; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => (batch.length ? this.write(batch) : undefined));
    return this.flushing;
  }

  private async write(batch: PendingClick[]): Promise<void> {
    try {
      await this.db.query(
        `insert into clicks (link_code, item_id, network, clicked_at)
         select * from unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[])`,
        [batch.map((c) => c.code), batch.map((c) => c.itemId), batch.map((c) => c.network), batch.map((c) => c.at.toISOString())],
      );
    } catch (err) {
      // Keep the clicks for the next try rather than dropping them.
      this.pending.unshift(...batch);
      this.timer ??= setTimeout(() => void this.flush(), this.options.intervalMs * 10);
      this.options.onError(err);
    }
  }
}
