import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { AnyEndpoint, EndpointInput, EndpointOutput, Page } from '@contract';
import { useCallback, useMemo } from 'react';
import { useOptionalLanguage } from '../i18n/i18n-context.js';
import { useApiScope } from './api-context.js';
import { endpointKey } from './use-endpoint.js';

type Paged<E extends AnyEndpoint> = EndpointOutput<E> extends Page<infer T> ? T : never;

/**
 * A keyset-paged list: the first page, "load more" for the next (duplicates dropped), and
 * `patch` to put fresher copies of shown items in place. Changing the input (filters)
 * starts over; answers to older inputs never show. Not kept once no one shows it: a list
 * opened again starts at its first page.
 */
export function usePagedEndpoint<E extends AnyEndpoint, T extends Paged<E> & object = Paged<E> & object>(
  endpoint: E,
  input: EndpointInput<E> & { query?: Record<string, unknown> },
  identify: (item: T) => string,
) {
  const { api, scope } = useApiScope();
  const lang = useOptionalLanguage();
  const client = useQueryClient();
  const queryKey = endpointKey(endpoint, scope, lang, input);
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.call(endpoint, { ...input, query: { ...input.query, ...(pageParam ? { cursor: pageParam } : {}) } } as EndpointInput<E>, signal) as Promise<Page<T>>,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A list opened again (or with other filters) starts over at its first page, as people expect.
    gcTime: 0,
  });

  const items = useMemo(() => {
    const seen = new Set<string>();
    const all: T[] = [];
    for (const page of query.data?.pages ?? []) {
      for (const item of page.items) {
        const id = identify(item);
        if (!seen.has(id)) {
          seen.add(id);
          all.push(item);
        }
      }
    }
    return all;
    // identify is a pure accessor; the pages decide.
  }, [query.data]);

  const loadMore = useCallback(() => {
    if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  }, [query.hasNextPage, query.isFetchingNextPage, query.fetchNextPage]);
  const reload = useCallback(() => void query.refetch(), [query.refetch]);
  /** Puts fresher copies of shown items in place (matched by id); others stay as they are. */
  const patch = useCallback(
    (fresh: readonly T[]) => {
      if (fresh.length === 0) return;
      const byId = new Map(fresh.map((i) => [identify(i), i]));
      client.setQueryData<InfiniteData<Page<T>>>(queryKey, (data) =>
        data && { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => byId.get(identify(i)) ?? i) })) },
      );
    },
    // queryKey is rebuilt each render from stable parts.
    [client, JSON.stringify(queryKey)],
  );

  const firstFailed = query.status === 'error' && !query.data;
  return {
    status: query.status === 'pending' ? ('loading' as const) : firstFailed ? ('error' as const) : ('ok' as const),
    items,
    nextCursor: query.hasNextPage ? 'more' : null,
    error: firstFailed ? query.error : null,
    loadingMore: query.isFetchingNextPage,
    moreError: query.isFetchNextPageError ? query.error : null,
    loadMore,
    reload,
    patch,
  };
}
