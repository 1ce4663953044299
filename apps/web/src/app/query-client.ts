import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';
import { sessionQueryKey } from '../features/auth/session';

/** Client errors (4xx) will not change on retry; network hiccups and 5xx get two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A session that expires mid-use shows up as a 401 on any query: go back to the login page.
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'auth.unauthenticated') {
          queryClient.setQueryData(sessionQueryKey, null);
        }
      },
    }),
    defaultOptions: {
      // 'always': run requests even when the browser claims to be offline, so the person sees a
      // clear error instead of a request paused forever.
      queries: { retry: shouldRetry, networkMode: 'always', staleTime: 30_000 },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  return queryClient;
}
