import type { MeResponse, SessionResponse } from '@lumbung/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from '../../lib/api';

export type Session = MeResponse;

export const sessionQueryKey = ['session'] as const;

/** The signed-in person, or null when the session cookie is missing or expired. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await apiFetch<Session>('/api/v1/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

export interface LoginInput {
  phone: string;
  password: string;
}

/** The token in the login answer is for API clients; the browser relies on the httpOnly cookie. */
export function toSession({ person, memberships, officerScopes }: SessionResponse): Session {
  return { person, memberships, officerScopes };
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) =>
      apiFetch<SessionResponse>('/api/v1/auth/login', { method: 'POST', json: input }),
    onSuccess: (response) => {
      queryClient.setQueryData(sessionQueryKey, toSession(response));
    },
  });
}

/** Forgets everything cached for the previous person, so the next one cannot see it. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, null);
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<undefined>('/api/v1/auth/logout', { method: 'POST' }),
    onSuccess: () => {
      forgetSession(queryClient);
    },
  });
}
