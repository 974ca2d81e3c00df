import { useEffect, useRef } from 'react';

/**
 * Calls `tick` every `intervalMs` while `active`: the next call waits for the previous
 * one to finish, and unmounting (or turning inactive) stops the timer and aborts the call.
 */
export function usePolling(tick: (signal: AbortSignal) => Promise<void>, intervalMs: number, active: boolean): void {
  const latest = useRef(tick);
  latest.current = tick;

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const schedule = () => {
      timer = window.setTimeout(() => {
        latest.current(controller.signal).then(
          () => {
            if (!controller.signal.aborted) schedule();
          },
          () => {
            // A failed refresh is retried on the next tick; the page keeps what it shows.
            if (!controller.signal.aborted) schedule();
          },
        );
      }, intervalMs);
    };
    schedule();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [active, intervalMs]);
}
