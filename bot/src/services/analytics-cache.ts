export interface AnalyticsCacheOptions {
  /** An answer younger than this is served as it is (ms); 0: every request computes. */
  refreshMs: number;
  now: () => number;
  /** The most rows (breakdown rows, trend buckets …) kept over all answers; the least recently used go first. */
  maxRows?: number;
  /** Told when a refresh in the background failed (the older answer stays). */
  onRefreshError?: (error: unknown) => void;
}

interface Entry {
  value: unknown;
  rows: number;
  /** When it was computed, by the cache's clock (ms). */
  at: number;
}

/**
 * The dashboard's answers, kept per process (issue 13 §6). Summing a quarter of daily
 * aggregates and counting the different people behind every number takes a second or more at
 * company size, while the numbers only move as shares and clicks arrive; so an answer is
 * computed once and served for `refreshMs`. After that it is still served — at once — while
 * one computation in the background replaces it (stale while revalidating): a busy dashboard
 * costs one computation per view and interval, and shows numbers at most `refreshMs` plus one
 * computation old. Requests that miss together share one computation.
 *
 * Keys must hold everything an answer depends on that has to show at once: the period, the
 * language, and the settings' version (a raised minimum group must never be answered from an
 * answer made under the lower one).
 */
export class AnalyticsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private rows = 0;
  private readonly maxRows: number;

  constructor(private readonly options: AnalyticsCacheOptions) {
    this.maxRows = options.maxRows ?? 20_000;
  }

  /** The answer for `key`: kept, or computed by `compute` (which also says how many rows it holds). */
  async get<T>(key: string, compute: () => Promise<{ value: T; rows: number }>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached) {
      this.touch(key, cached);
      const age = this.options.now() - cached.at;
      if (age < this.options.refreshMs) return cached.value as T;
      if (this.options.refreshMs > 0) {
        this.flight(key, compute).catch((error: unknown) => this.options.onRefreshError?.(error));
        return cached.value as T;
      }
    }
    return (await this.flight(key, compute)).value as T;
  }

  /** Forgets every answer. */
  clear(): void {
    this.entries.clear();
    this.rows = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private flight<T>(key: string, compute: () => Promise<{ value: T; rows: number }>): Promise<Entry> {
    let running = this.pending.get(key);
    if (!running) {
      const at = this.options.now();
      running = compute()
        .then(({ value, rows }) => {
          const entry: Entry = { value, rows: Math.max(1, rows), at };
          this.store(key, entry);
          return entry;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, running);
    }
    return running;
  }

  private touch(key: string, entry: Entry): void {
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private store(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.rows -= old.rows;
    }
    // An answer larger than the whole budget (a breakdown of 100,000 items) is not kept.
    if (entry.rows > this.maxRows) return;
    this.entries.set(key, entry);
    this.rows += entry.rows;
    for (const [k, e] of this.entries) {
      if (this.rows <= this.maxRows) break;
      this.entries.delete(k);
      this.rows -= e.rows;
    }
  }
}
