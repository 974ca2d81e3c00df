import { describe, expect, it, vi } from 'vitest';
import { AnalyticsCache } from './analytics-cache.js';

/** A computation that answers "v1", "v2", … and can be held until released. */
function counter() {
  let n = 0;
  let gate: Promise<void> | null = null;
  let open = () => undefined as void;
  return {
    get calls() {
      return n;
    },
    hold() {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
    compute: async () => {
      n += 1;
      const mine = n;
      if (gate) await gate;
      return { value: `v${mine}`, rows: 1 };
    },
  };
}

describe('AnalyticsCache', () => {
  it('serves a computed answer until the refresh time has passed', async () => {
    let now = 1_000;
    const cache = new AnalyticsCache({ refreshMs: 60_000, now: () => now });
    const c = counter();
    expect(await cache.get('k', c.compute)).toBe('v1');
    now += 59_999;
    expect(await cache.get('k', c.compute)).toBe('v1');
    expect(c.calls).toBe(1);
  });

  it('after the refresh time, serves the older answer at once and replaces it in the background', async () => {
    let now = 0;
    const cache = new AnalyticsCache({ refreshMs: 60_000, now: () => now });
    const c = counter();
    await cache.get('k', c.compute);
    now = 60_000;
    c.hold();
    // Not waiting for the recomputation: the answer before is there at once.
    expect(await cache.get('k', c.compute)).toBe('v1');
    expect(await cache.get('k', c.compute)).toBe('v1');
    expect(c.calls).toBe(2); // one recomputation for both requests
    c.release();
    // The recomputation lands when it lands: wait on it, not on a timer.
    await vi.waitFor(async () => expect(await cache.get('k', c.compute)).toBe('v2'));
  });

  it('computes on every request with refresh 0', async () => {
    const cache = new AnalyticsCache({ refreshMs: 0, now: () => 0 });
    const c = counter();
    expect(await cache.get('k', c.compute)).toBe('v1');
    expect(await cache.get('k', c.compute)).toBe('v2');
  });

  it('shares one computation between requests that miss together', async () => {
    const cache = new AnalyticsCache({ refreshMs: 1_000, now: () => 0 });
    const c = counter();
    c.hold();
    const both = Promise.all([cache.get('k', c.compute), cache.get('k', c.compute)]);
    c.release();
    expect(await both).toEqual(['v1', 'v1']);
    expect(c.calls).toBe(1);
  });

  it('keeps different keys apart (a new settings key is a new answer)', async () => {
    const cache = new AnalyticsCache({ refreshMs: 60_000, now: () => 0 });
    const c = counter();
    expect(await cache.get('overview|minGroup=5', c.compute)).toBe('v1');
    expect(await cache.get('overview|minGroup=10', c.compute)).toBe('v2');
  });

  it('keeps nothing of a failed computation: the next request tries again, and a failed refresh keeps the older answer', async () => {
    let now = 0;
    const errors: unknown[] = [];
    const cache = new AnalyticsCache({ refreshMs: 10, now: () => now, onRefreshError: (e) => errors.push(e) });
    const boom = async (): Promise<{ value: string; rows: number }> => {
      throw new Error('database gone');
    };
    await expect(cache.get('k', boom)).rejects.toThrow('database gone');
    expect(await cache.get('k', async () => ({ value: 'ok', rows: 1 }))).toBe('ok');
    now = 10;
    expect(await cache.get('k', boom)).toBe('ok');
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(await cache.get('k', boom)).toBe('ok');
  });

  it('keeps at most maxRows rows, dropping the least recently used, and never an answer larger than that', async () => {
    const cache = new AnalyticsCache({ refreshMs: 60_000, now: () => 0, maxRows: 10 });
    const answer = (value: string, rows: number) => async () => ({ value, rows });
    await cache.get('a', answer('a', 4));
    await cache.get('b', answer('b', 4));
    await cache.get('a', answer('a again', 4)); // a is used again: b is now the oldest
    await cache.get('c', answer('c', 4));
    expect(cache.size).toBe(2);
    expect(await cache.get('a', answer('a recomputed', 4))).toBe('a');
    expect(await cache.get('b', answer('b recomputed', 4))).toBe('b recomputed');
    await cache.get('huge', answer('huge', 11));
    expect(await cache.get('huge', answer('huge recomputed', 11))).toBe('huge recomputed');
  });
});
