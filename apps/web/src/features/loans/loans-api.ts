import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiFetch } from '../../lib/api';
import { useIdempotentPost } from '../../lib/use-idempotent-post';
import { cooperativePath, withQuery } from '../members/members-api';
import { savingsKey } from '../savings/savings-api';
import type {
  LoanApplicationInput,
  LoanAutoDebit,
  LoanChannel,
  LoanDetail,
  LoanList,
  LoanProduct,
  LoanProductInput,
  LoanProductList,
  LoanQueue,
  LoanRepayment,
  LoanRescheduleInput,
  LoanStatus,
} from './loans-types';

export function loansPath(cooperativeId: string, rest = ''): string {
  return cooperativePath(cooperativeId, `/loans${rest}`);
}

/** Every loans query of a cooperative starts with this key, so a decision refreshes them all. */
export const loansKey = (cooperativeId: string) => ['loans', cooperativeId] as const;

/** What a money move makes stale besides the loans: savings (sukarela, teller drawer), books. */
function moneyKeys(cooperativeId: string) {
  return [
    loansKey(cooperativeId),
    savingsKey(cooperativeId),
    ['ledger', cooperativeId],
    ['figures', cooperativeId],
  ] as const;
}

export function useLoanProducts(cooperativeId: string) {
  return useQuery({
    queryKey: [...loansKey(cooperativeId), 'products'],
    queryFn: () => apiFetch<LoanProductList>(loansPath(cooperativeId, '/products')),
  });
}

/** Sets a product (PUT, replaces it whole: not a money move, so no idempotency key). */
export function useSetLoanProduct(cooperativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: LoanProductInput }) =>
      apiFetch<LoanProduct>(loansPath(cooperativeId, `/products/${encodeURIComponent(code)}`), {
        method: 'PUT',
        json: body,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: loansKey(cooperativeId) });
    },
  });
}

export function useApplyForLoan(cooperativeId: string) {
  return useIdempotentPost<LoanApplicationInput, LoanDetail>({
    pathOf: () => loansPath(cooperativeId, '/applications'),
    invalidates: [loansKey(cooperativeId)],
  });
}

export function useCommitteeQueue(cooperativeId: string) {
  return useQuery({
    queryKey: [...loansKey(cooperativeId), 'queue'],
    queryFn: () => apiFetch<LoanQueue>(loansPath(cooperativeId, '/queue')),
  });
}

export function useLoanList(cooperativeId: string, status: LoanStatus | null) {
  return useInfiniteQuery({
    queryKey: [...loansKey(cooperativeId), 'list', status],
    queryFn: ({ pageParam }) =>
      apiFetch<LoanList>(
        withQuery(loansPath(cooperativeId), { status, cursor: pageParam, limit: '30' }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** A member's loans and applications (their own, or any for the back office). */
export function useMemberLoans(cooperativeId: string, membershipId: string | null) {
  return useQuery({
    queryKey: [...loansKey(cooperativeId), 'member', membershipId],
    queryFn: () =>
      apiFetch<LoanList>(
        withQuery(
          cooperativePath(
            cooperativeId,
            `/members/${encodeURIComponent(membershipId ?? '')}/loans`,
          ),
          { limit: '50' },
        ),
      ),
    enabled: membershipId !== null,
  });
}

export function useLoan(cooperativeId: string, loanId: string | null) {
  return useQuery({
    queryKey: [...loansKey(cooperativeId), 'loan', loanId],
    queryFn: () =>
      apiFetch<LoanDetail>(loansPath(cooperativeId, `/${encodeURIComponent(loanId ?? '')}`)),
    enabled: loanId !== null,
  });
}

export interface DecisionInput {
  loanId: string;
  decision: 'approve' | 'reject';
  reason: string;
}

export function useDecideLoan(cooperativeId: string) {
  return useIdempotentPost<DecisionInput, LoanDetail>({
    pathOf: ({ loanId }) => loansPath(cooperativeId, `/${encodeURIComponent(loanId)}/decisions`),
    jsonOf: ({ decision, reason }) => ({ decision, reason }),
    invalidates: [loansKey(cooperativeId)],
  });
}

export function useDisburseLoan(cooperativeId: string) {
  return useIdempotentPost<{ loanId: string; channel: LoanChannel }, LoanDetail>({
    pathOf: ({ loanId }) => loansPath(cooperativeId, `/${encodeURIComponent(loanId)}/disbursement`),
    jsonOf: ({ channel }) => ({ channel }),
    invalidates: moneyKeys(cooperativeId),
  });
}

export interface RepaymentInput {
  loanId: string;
  channel: LoanChannel;
  /** null pays the loan off: penalty, interest to date and all remaining principal. */
  amount: string | null;
}

export function useRepayLoan(cooperativeId: string) {
  return useIdempotentPost<RepaymentInput, LoanRepayment>({
    pathOf: ({ loanId, amount }) =>
      loansPath(
        cooperativeId,
        `/${encodeURIComponent(loanId)}/${amount === null ? 'payoff' : 'repayments'}`,
      ),
    jsonOf: ({ channel, amount }) => (amount === null ? { channel } : { channel, amount }),
    invalidates: moneyKeys(cooperativeId),
  });
}

export function useRescheduleLoan(cooperativeId: string) {
  return useIdempotentPost<LoanRescheduleInput & { loanId: string }, LoanDetail>({
    pathOf: ({ loanId }) => loansPath(cooperativeId, `/${encodeURIComponent(loanId)}/reschedule`),
    jsonOf: ({ loanId: _loanId, ...body }) => body,
    invalidates: [loansKey(cooperativeId)],
  });
}

/** The member repays their own loan from their sukarela, confirmed by the transaction PIN. */
export function useRepayOwnLoan(cooperativeId: string) {
  return useIdempotentPost<{ loanId: string; amount: string; pin: string }, LoanRepayment>({
    pathOf: ({ loanId }) =>
      loansPath(cooperativeId, `/${encodeURIComponent(loanId)}/repayments/self`),
    jsonOf: ({ amount, pin }) => ({ amount, pin }),
    invalidates: moneyKeys(cooperativeId),
  });
}

/**
 * Switches auto-debit from sukarela on the due date (PUT, sets a flag: not a money move, so no
 * idempotency key, as for products).
 */
export function useSetAutoDebit(cooperativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ loanId, isAutoDebit }: { loanId: string; isAutoDebit: boolean }) =>
      apiFetch<LoanAutoDebit>(
        loansPath(cooperativeId, `/${encodeURIComponent(loanId)}/auto-debit`),
        {
          method: 'PUT',
          json: { isAutoDebit },
        },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: loansKey(cooperativeId) });
    },
  });
}
