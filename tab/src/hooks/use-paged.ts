import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@contract';

export interface PagedState<T> {
  status: 'loading' | 'ok' | 'error';
  items: T[];
  nextCursor: string | null;
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
}

function initial<T>(): PagedState<T> {
  return { status: 'loading', items: [], nextCursor: null, error: null, loadingMore: false, moreError: null };
}

/**
 * A cursor-paged list: a dependency change (filters) starts over and drops answers to
 * older requests; loadMore appends the next page; patch refreshes items in place.
 */
export function usePaged<T extends { id: string }>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  deps: readonly unknown[],
) {
  const [state, setState] = useState<PagedState<T>>(initial<T>);
  const [attempt, setAttempt] = useState(0);
  const current = useRef<{ controller: AbortController; fetchPage: typeof fetchPage } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    current.current = { controller, fetchPage };
    setState(initial<T>());
    fetchPage(undefined, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) setState({ ...initial<T>(), status: 'ok', items: page.items, nextCursor: page.nextCursor });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ ...initial<T>(), status: 'error', error });
      },
    );
    return () => controller.abort();
    // The caller lists what fetchPage depends on, as with useEffect.
  }, [...deps, attempt]);

  const loadMore = useCallback(() => {
    const run = current.current;
    if (!run || !state.nextCursor || state.loadingMore) return;
    const { controller } = run;
    setState((s) => ({ ...s, loadingMore: true, moreError: null }));
    run.fetchPage(state.nextCursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setState((s) => {
          const seen = new Set(s.items.map((i) => i.id));
          return {
            ...s,
            items: [...s.items, ...page.items.filter((i) => !seen.has(i.id))],
            nextCursor: page.nextCursor,
            loadingMore: false,
          };
        });
      },
      (moreError: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, loadingMore: false, moreError }));
      },
    );
  }, [state.nextCursor, state.loadingMore]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  /** Puts fresher copies of shown items in place (matched by id); others stay as they are. */
  const patch = useCallback((fresh: readonly T[]) => {
    if (fresh.length === 0) return;
    const byId = new Map(fresh.map((i) => [i.id, i]));
    setState((s) => ({ ...s, items: s.items.map((i) => byId.get(i.id) ?? i) }));
  }, []);
  return { ...state, loadMore, reload, patch };
}
