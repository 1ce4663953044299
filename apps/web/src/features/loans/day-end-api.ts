import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../lib/api';
import { useIdempotentPost } from '../../lib/use-idempotent-post';
import { savingsKey } from '../savings/savings-api';
import { loansKey, loansPath } from './loans-api';
import type { LoanDayEndRun, LoanDayEndSettings, LoanDayEndSettingsInput } from './loans-types';

/** Loan day-end and its settings (apps/server/.../day-end.routes.ts). */
const settingsKey = (cooperativeId: string) =>
  [...loansKey(cooperativeId), 'day-end-settings'] as const;

/**
 * Closes a lending day: auto-debits, aging, penalties, the allowance. The server runs a date once;
 * a retry of the same date replays. Auto-debits move sukarela and the allowance posts to the books.
 */
export function useRunDayEnd(cooperativeId: string) {
  return useIdempotentPost<{ businessDate: string }, LoanDayEndRun>({
    pathOf: () => loansPath(cooperativeId, '/day-end'),
    invalidates: [
      loansKey(cooperativeId),
      savingsKey(cooperativeId),
      ['ledger', cooperativeId],
      ['figures', cooperativeId],
    ],
  });
}

export function useDayEndSettings(cooperativeId: string) {
  return useQuery({
    queryKey: settingsKey(cooperativeId),
    queryFn: () => apiFetch<LoanDayEndSettings>(loansPath(cooperativeId, '/day-end-settings')),
  });
}

/** Sets bands and rates (PUT, replaces them whole: not a money move, so no idempotency key). */
export function useSetDayEndSettings(cooperativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoanDayEndSettingsInput) =>
      apiFetch<LoanDayEndSettings>(loansPath(cooperativeId, '/day-end-settings'), {
        method: 'PUT',
        json: body,
      }),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKey(cooperativeId), settings);
    },
  });
}
