import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../../lib/api';
import { createIdempotencyKeys, type IdempotencyKeys } from './idempotency-key';
import type {
  AccountView,
  CheckpointsResponse,
  ClosedPeriod,
  CreateAccountInput,
  GeneralLedgerView,
  JournalEntryDetail,
  JournalPage,
  ManualJournalInput,
  ManualJournalView,
  ReversalInput,
  StatementKind,
  TrialBalanceView,
} from './ledger-types';

function cooperativePath(cooperativeId: string): string {
  return `/api/v1/cooperatives/${encodeURIComponent(cooperativeId)}`;
}

export function ledgerPath(cooperativeId: string, rest: string): string {
  return `${cooperativePath(cooperativeId)}/ledger${rest}`;
}

export function reportsPath(cooperativeId: string, rest: string): string {
  return `${cooperativePath(cooperativeId)}/reports${rest}`;
}

function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

/** Where a statement is downloaded (same-origin link: the session cookie goes along). */
export function statementPath(
  cooperativeId: string,
  kind: StatementKind,
  period: string,
  format: 'json' | 'pdf' | 'xlsx',
): string {
  return withQuery(reportsPath(cooperativeId, `/${kind}`), { period, format });
}

/** Every ledger query of a cooperative starts with this key, so a posting can refresh them all. */
export const ledgerKey = (cooperativeId: string) => ['ledger', cooperativeId] as const;

export function useAccounts(cooperativeId: string, options: { includeSubAccounts?: boolean } = {}) {
  const includeSubAccounts = options.includeSubAccounts ?? false;
  return useQuery({
    queryKey: [...ledgerKey(cooperativeId), 'accounts', { includeSubAccounts }],
    queryFn: () =>
      apiFetch<{ items: AccountView[] }>(
        withQuery(ledgerPath(cooperativeId, '/accounts'), {
          includeSubAccounts: includeSubAccounts ? 'true' : null,
        }),
      ).then((response) => response.items),
  });
}

export interface JournalFilters {
  from: string;
  to: string;
  sourceType: string;
}

export function useJournalEntries(cooperativeId: string, filters: JournalFilters) {
  return useInfiniteQuery({
    queryKey: [...ledgerKey(cooperativeId), 'entries', filters],
    queryFn: ({ pageParam }) =>
      apiFetch<JournalPage>(
        withQuery(ledgerPath(cooperativeId, '/entries'), {
          from: filters.from,
          to: filters.to,
          sourceType: filters.sourceType,
          cursor: pageParam,
          limit: '30',
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useJournalEntry(cooperativeId: string, entryId: string) {
  return useQuery({
    queryKey: [...ledgerKey(cooperativeId), 'entry', entryId],
    queryFn: () =>
      apiFetch<JournalEntryDetail>(
        ledgerPath(cooperativeId, `/entries/${encodeURIComponent(entryId)}`),
      ),
  });
}

export function useGeneralLedger(
  cooperativeId: string,
  accountId: string,
  range: { from: string; to: string },
) {
  return useInfiniteQuery({
    queryKey: [...ledgerKey(cooperativeId), 'general-ledger', accountId, range],
    queryFn: ({ pageParam }) =>
      apiFetch<GeneralLedgerView>(
        withQuery(
          ledgerPath(cooperativeId, `/accounts/${encodeURIComponent(accountId)}/general-ledger`),
          { from: range.from, to: range.to, cursor: pageParam, limit: '50' },
        ),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useTrialBalance(cooperativeId: string, asOf: string) {
  return useQuery({
    queryKey: [...ledgerKey(cooperativeId), 'trial-balance', asOf],
    queryFn: () =>
      apiFetch<TrialBalanceView>(withQuery(reportsPath(cooperativeId, '/trial-balance'), { asOf })),
    placeholderData: keepPreviousData,
  });
}

export function useManualJournals(cooperativeId: string) {
  return useQuery({
    queryKey: [...ledgerKey(cooperativeId), 'manual-journals', 'awaiting_approval'],
    queryFn: () =>
      apiFetch<{ items: ManualJournalView[] }>(
        withQuery(ledgerPath(cooperativeId, '/manual-journals'), { status: 'awaiting_approval' }),
      ).then((response) => response.items),
  });
}

export function useClosedPeriods(cooperativeId: string) {
  return useQuery({
    queryKey: [...ledgerKey(cooperativeId), 'periods'],
    queryFn: () =>
      apiFetch<{ items: ClosedPeriod[] }>(ledgerPath(cooperativeId, '/periods')).then(
        (response) => response.items,
      ),
  });
}

/** A statement's JSON, shape left open: the screen reads it tolerantly (report-shapes.ts). */
export function useStatement(cooperativeId: string, kind: StatementKind, period: string) {
  return useQuery({
    queryKey: [...ledgerKey(cooperativeId), 'statement', kind, period],
    queryFn: () => apiFetch<unknown>(statementPath(cooperativeId, kind, period, 'json')),
    enabled: period !== '',
  });
}

/** "Koperasi dalam angka": readable by every member (not under the ledger key on purpose). */
export function useHighlights(cooperativeId: string) {
  return useQuery({
    queryKey: ['figures', cooperativeId, 'highlights'],
    queryFn: () => apiFetch<unknown>(reportsPath(cooperativeId, '/highlights')),
    enabled: cooperativeId !== '',
  });
}

/** The published checkpoints and live head: the fallback when highlights carry no hash. */
export function useCheckpoints(cooperativeId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['figures', cooperativeId, 'checkpoints'],
    queryFn: () =>
      apiFetch<CheckpointsResponse>(
        withQuery(ledgerPath(cooperativeId, '/checkpoints'), { limit: '1' }),
      ),
    enabled,
  });
}

// --- Writes -------------------------------------------------------------------------------------

/** Idempotency keys that live as long as the form: one per submission, reused on retry. */
export function useIdempotencyKeys(): IdempotencyKeys {
  const [keys] = useState(() => createIdempotencyKeys());
  return keys;
}

/**
 * A POST that carries an Idempotency-Key: the same body retried (after a network failure, or a
 * second tap) reuses the key and gets the first answer back; a success forgets the key.
 */
function useIdempotentPost<TBody, TResult>(
  cooperativeId: string,
  pathOf: (body: TBody) => string,
  jsonOf: (body: TBody) => unknown = (body) => body,
) {
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  return useMutation({
    mutationFn: (body: TBody) => {
      const path = pathOf(body);
      const json = jsonOf(body);
      return apiFetch<TResult>(path, {
        method: 'POST',
        json,
        headers: { 'Idempotency-Key': keys.keyFor({ path, json }) },
      });
    },
    onSuccess: () => {
      keys.reset();
      // Not awaited: the caller's own onSuccess must run even if the refetch unmounts it (an
      // approved journal leaves the queue).
      void queryClient.invalidateQueries({ queryKey: ledgerKey(cooperativeId) });
      void queryClient.invalidateQueries({ queryKey: ['figures', cooperativeId] });
    },
  });
}

export function useAddAccount(cooperativeId: string) {
  return useIdempotentPost<CreateAccountInput, AccountView>(cooperativeId, () =>
    ledgerPath(cooperativeId, '/accounts'),
  );
}

export function useChangeAccount(cooperativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { accountId: string; name?: string; isActive?: boolean }) => {
      const { accountId, ...body } = change;
      return apiFetch<{ id: string; name: string; isActive: boolean }>(
        ledgerPath(cooperativeId, `/accounts/${encodeURIComponent(accountId)}`),
        { method: 'PATCH', json: body },
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerKey(cooperativeId) }),
  });
}

export function usePrepareManualJournal(cooperativeId: string) {
  return useIdempotentPost<ManualJournalInput, ManualJournalView>(cooperativeId, () =>
    ledgerPath(cooperativeId, '/manual-journals'),
  );
}

export function useDecideManualJournal(cooperativeId: string) {
  return useIdempotentPost<
    { draftId: string; decision: 'approval' | 'rejection'; note?: string },
    ManualJournalView
  >(
    cooperativeId,
    ({ draftId, decision }) =>
      ledgerPath(cooperativeId, `/manual-journals/${encodeURIComponent(draftId)}/${decision}`),
    ({ note }) => (note === undefined ? {} : { note }),
  );
}

export function useReverseEntry(cooperativeId: string, entryId: string) {
  return useIdempotentPost<ReversalInput, { id: string; sequence: number; hash: string }>(
    cooperativeId,
    () => ledgerPath(cooperativeId, `/entries/${encodeURIComponent(entryId)}/reversal`),
  );
}

export function useClosePeriod(cooperativeId: string) {
  return useIdempotentPost<{ period: string }, { period: string; closedAt: string }>(
    cooperativeId,
    ({ period }) => ledgerPath(cooperativeId, `/periods/${encodeURIComponent(period)}/close`),
    () => undefined,
  );
}
