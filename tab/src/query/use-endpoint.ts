import { keepPreviousData, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { AnyEndpoint, EndpointInput, EndpointOutput } from '@contract';
import { useCallback } from 'react';
import { useOptionalLanguage } from '../i18n/i18n-context.js';
import { useApiScope } from './api-context.js';

export type Load<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'ok'; data: T; error?: undefined }
  | { state: 'error'; data?: undefined; error: unknown };

/**
 * The cache key of an endpoint's answer: its path first (invalidation goes by path), then
 * whose and in which language, then the input.
 */
export function endpointKey(endpoint: AnyEndpoint, scope: string, lang: string | null, input?: unknown): QueryKey {
  return [endpoint.path, endpoint.method, scope, lang, input ?? null];
}

export interface EndpointOptions<T> {
  enabled?: boolean;
  /** Poll every so many milliseconds (the next waits for the previous); false: no polling. A function decides by the latest answer. */
  refetchInterval?: number | false | ((data: T | undefined) => number | false);
  /** Keep showing the previous answer while the input changes (filters, search). */
  keepPrevious?: boolean;
  placeholder?: T;
  /** Never show a cached answer: for forms that copy the answer into their own state once. */
  fresh?: boolean;
}

/** One endpoint's answer through TanStack Query, as a loading / ok / error state with `reload`. */
export function useEndpoint<E extends AnyEndpoint>(endpoint: E, input?: EndpointInput<E>, options: EndpointOptions<EndpointOutput<E>> = {}) {
  const { api, scope } = useApiScope();
  const lang = useOptionalLanguage();
  const query = useQuery({
    queryKey: endpointKey(endpoint, scope, lang, input),
    queryFn: ({ signal }) => api.call(endpoint, input, signal),
    enabled: options.enabled ?? true,
    refetchInterval: (q) => {
      const every = options.refetchInterval ?? false;
      return typeof every === 'function' ? every(q.state.data) : every;
    },
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.fresh ? { gcTime: 0 } : {}),
  });
  const reload = useCallback(() => void query.refetch({ cancelRefetch: true }), [query.refetch]);
  const load: Load<EndpointOutput<E>> =
    query.status === 'success'
      ? { state: 'ok', data: query.data }
      : query.status === 'error'
        ? { state: 'error', error: query.error }
        : { state: 'loading' };
  return { ...load, reload, query };
}

/** Fetches an answer ahead, into the cache `useEndpoint` reads with the same input. */
export function usePrefetch() {
  const client = useQueryClient();
  const { api, scope } = useApiScope();
  const lang = useOptionalLanguage();
  return useCallback(
    <E extends AnyEndpoint>(endpoint: E, input?: EndpointInput<E>) =>
      client.prefetchQuery({ queryKey: endpointKey(endpoint, scope, lang, input), queryFn: ({ signal }) => api.call(endpoint, input, signal) }),
    [client, api, scope, lang],
  );
}

/** Marks answers as outdated by endpoint (every input, person and language): shown pages refetch. */
export function useInvalidate() {
  const client = useQueryClient();
  return useCallback(
    (...endpoints: AnyEndpoint[]) => Promise.all(endpoints.map((e) => client.invalidateQueries({ queryKey: [e.path] }))).then(() => undefined),
    [client],
  );
}
