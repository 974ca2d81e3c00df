/**
 * Time as the background loops see it: what time it is, and "call me in ms". Passed in,
 * so tests move time forward themselves instead of waiting for it (never a real sleep).
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `fn` once after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

/**
 * The real clock. Its timers do not keep the process alive: the HTTP server does, and a
 * stopping process should not wait for the next poll.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/**
 * A promise that resolves after `ms` on `clock` (or at once when `ms` ≤ 0); with `signal`, it
 * rejects as soon as the signal is aborted (a process that stops does not wait it out).
 */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new Error('stopped'));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const cancel = clock.after(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    const onAbort = () => {
      cancel();
      reject(new Error('stopped'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
