import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, apiFetch } from '../../lib/api';
import { useIdempotentPost } from '../../lib/use-idempotent-post';
import { sessionQueryKey } from '../auth/session';
import { cooperativePath, withQuery } from '../members/members-api';
import type {
  ArrearsView,
  MemberSavingsView,
  PassbookView,
  SavingsReceipt,
  TellerSession,
  TellerTransactionInput,
  TransferInput,
} from './savings-types';

export function savingsPath(cooperativeId: string, rest: string): string {
  return cooperativePath(cooperativeId, `/savings${rest}`);
}

/** Every savings query of a cooperative starts with this key, so a posting refreshes them all. */
export const savingsKey = (cooperativeId: string) => ['savings', cooperativeId] as const;

export function useMemberSavings(cooperativeId: string, membershipId: string | null) {
  return useQuery({
    queryKey: [...savingsKey(cooperativeId), 'member', membershipId],
    queryFn: () =>
      apiFetch<MemberSavingsView>(
        cooperativePath(
          cooperativeId,
          `/members/${encodeURIComponent(membershipId ?? '')}/savings`,
        ),
      ),
    enabled: membershipId !== null,
  });
}

/** Where the passbook PDF downloads (same-origin link: the session cookie goes along). */
export function passbookPdfPath(cooperativeId: string, accountId: string): string {
  return withQuery(
    savingsPath(cooperativeId, `/accounts/${encodeURIComponent(accountId)}/passbook`),
    {
      format: 'pdf',
    },
  );
}

export function usePassbook(cooperativeId: string, accountId: string | null) {
  return useInfiniteQuery({
    queryKey: [...savingsKey(cooperativeId), 'passbook', accountId],
    queryFn: ({ pageParam }) =>
      apiFetch<PassbookView>(
        withQuery(
          savingsPath(cooperativeId, `/accounts/${encodeURIComponent(accountId ?? '')}/passbook`),
          { cursor: pageParam, limit: '50' },
        ),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    enabled: accountId !== null,
  });
}

/** The caller's open teller session, or null when there is none (404 session_not_found). */
export function useCurrentTellerSession(cooperativeId: string) {
  return useQuery({
    queryKey: [...savingsKey(cooperativeId), 'teller-session'],
    queryFn: async () => {
      try {
        return await apiFetch<TellerSession>(
          savingsPath(cooperativeId, '/teller-sessions/current'),
        );
      } catch (error) {
        if (error instanceof ApiError && error.code === 'savings.session_not_found') return null;
        throw error;
      }
    },
  });
}

export function useOpenTellerSession(cooperativeId: string) {
  return useIdempotentPost<{ openingFloat: string }, TellerSession>({
    pathOf: () => savingsPath(cooperativeId, '/teller-sessions'),
    invalidates: [savingsKey(cooperativeId)],
  });
}

export function useCloseTellerSession(cooperativeId: string) {
  return useIdempotentPost<{ sessionId: string; countedCash: string }, TellerSession>({
    pathOf: ({ sessionId }) =>
      savingsPath(cooperativeId, `/teller-sessions/${encodeURIComponent(sessionId)}/close`),
    jsonOf: ({ countedCash }) => ({ countedCash }),
    invalidates: [savingsKey(cooperativeId), ['ledger', cooperativeId]],
  });
}

export function useTellerTransaction(cooperativeId: string) {
  return useIdempotentPost<TellerTransactionInput, SavingsReceipt>({
    pathOf: ({ type }) =>
      savingsPath(cooperativeId, type === 'deposit' ? '/deposits' : '/withdrawals'),
    jsonOf: ({ type: _type, ...body }) => body,
    invalidates: [savingsKey(cooperativeId), ['ledger', cooperativeId], ['figures', cooperativeId]],
  });
}

export function useTransfer(cooperativeId: string) {
  return useIdempotentPost<TransferInput, SavingsReceipt>({
    pathOf: () => savingsPath(cooperativeId, '/transfers'),
    invalidates: [savingsKey(cooperativeId)],
  });
}

export function useArrears(cooperativeId: string, asOf: string) {
  return useQuery({
    queryKey: [...savingsKey(cooperativeId), 'arrears', asOf],
    queryFn: () =>
      apiFetch<ArrearsView>(withQuery(savingsPath(cooperativeId, '/arrears'), { asOf })),
    placeholderData: keepPreviousData,
  });
}

/** Sets (or changes) the transaction PIN, confirmed by the password; the session then has hasPin. */
export function useSetPin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { password: string; pin: string }) =>
      apiFetch<undefined>('/api/v1/auth/pin', { method: 'PUT', json: body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
