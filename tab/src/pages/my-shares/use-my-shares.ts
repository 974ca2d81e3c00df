import { useInfiniteQuery } from '@tanstack/react-query';
import type { Endpoints, MyShares } from '@contract';
import { useOptionalLanguage } from '../../i18n/i18n-context.js';
import { useApiScope } from '../../query/api-context.js';
import { endpointKey, type Load } from '../../query/use-endpoint.js';

/**
 * My shares a page of items at a time, with the totals over all of them (they come with
 * every page): the first page as before, "load more" for the rest.
 */
export function usePagedShares(endpoint: Endpoints['myShares']) {
  const { api, scope } = useApiScope();
  const lang = useOptionalLanguage();
  const query = useInfiniteQuery({
    queryKey: endpointKey(endpoint, scope, lang),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.call(endpoint, { query: pageParam ? { cursor: pageParam } : {} }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    gcTime: 0, // opened again, it starts at its first page
  });
  const pages = query.data?.pages ?? [];
  const first = pages[0];
  const merged: MyShares | undefined = first && { totals: first.totals, items: pages.flatMap((p) => p.items), nextCursor: pages[pages.length - 1]?.nextCursor ?? null };
  const load: Load<MyShares> = merged ? { state: 'ok', data: merged } : query.isError ? { state: 'error', error: query.error } : { state: 'loading' };
  return {
    ...load,
    reload: () => void query.refetch(),
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}
