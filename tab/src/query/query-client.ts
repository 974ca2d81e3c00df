import { QueryClient } from '@tanstack/react-query';

/**
 * Server state for the tab. Answers are cached per person and language and shown at once
 * when a page is opened again, then refreshed. No automatic retries and no refetch on
 * window focus: a failure shows its error with "Try again", as before.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}
