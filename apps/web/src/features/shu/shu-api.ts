import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../lib/api';
import { useIdempotentPost } from '../../lib/use-idempotent-post';
import { cooperativePath, withQuery } from '../members/members-api';
import type {
  ShuCashPayout,
  ShuDistribution,
  ShuExplanation,
  ShuMemberDistribution,
  ShuOwedList,
  ShuPayout,
  ShuRulesInput,
  ShuRulesList,
  ShuSummary,
} from './shu-types';

export function shuPath(cooperativeId: string, rest: string): string {
  return cooperativePath(cooperativeId, `/shu${rest}`);
}

const yearPath = (cooperativeId: string, year: number, rest: string) =>
  shuPath(cooperativeId, `/years/${String(year)}${rest}`);

/** Every SHU query of a cooperative starts with this key, so any SHU write refreshes them all. */
export const shuKey = (cooperativeId: string) => ['shu', cooperativeId] as const;

/** "SHU saya": the signed-in member's estimate, explained. */
export function useMyShu(cooperativeId: string, year: number) {
  return useQuery({
    queryKey: [...shuKey(cooperativeId), 'me', year],
    queryFn: () => apiFetch<ShuExplanation>(yearPath(cooperativeId, year, '/me')),
  });
}

/** Any member's explanation (pengurus, manajer, pengawas). */
export function useMemberShu(cooperativeId: string, year: number, membershipId: string) {
  return useQuery({
    queryKey: [...shuKey(cooperativeId), 'member', year, membershipId],
    queryFn: () =>
      apiFetch<ShuExplanation>(
        yearPath(cooperativeId, year, `/members/${encodeURIComponent(membershipId)}`),
      ),
  });
}

/** "SHU saya" after the RAT: the posted share of the year and how it was paid (null before). */
export function useMyPostedShu(cooperativeId: string, year: number) {
  return useQuery({
    queryKey: [...shuKey(cooperativeId), 'me-posted', year],
    queryFn: () =>
      apiFetch<ShuMemberDistribution>(yearPath(cooperativeId, year, '/me/distribution')),
  });
}

export function useMemberPostedShu(cooperativeId: string, year: number, membershipId: string) {
  return useQuery({
    queryKey: [...shuKey(cooperativeId), 'member-posted', year, membershipId],
    queryFn: () =>
      apiFetch<ShuMemberDistribution>(
        yearPath(cooperativeId, year, `/members/${encodeURIComponent(membershipId)}/distribution`),
      ),
  });
}

/** Members' SHU still owed (posted, not paid), for the teller: all, or by member number or name. */
export function useOwedShu(cooperativeId: string, query: string) {
  return useInfiniteQuery({
    queryKey: [...shuKey(cooperativeId), 'owed', query],
    queryFn: ({ pageParam }) =>
      apiFetch<ShuOwedList>(
        withQuery(shuPath(cooperativeId, '/owed'), {
          q: query === '' ? null : query,
          cursor: pageParam,
          limit: '20',
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** A member's owed SHU paid in cash from the teller's session; the drawer's figures change too. */
export function usePayShuInCash(cooperativeId: string) {
  return useIdempotentPost<{ distributionId: string; membershipId: string }, ShuCashPayout>({
    pathOf: ({ distributionId, membershipId }) =>
      shuPath(
        cooperativeId,
        `/distributions/${encodeURIComponent(distributionId)}/members/${encodeURIComponent(membershipId)}/cash-payout`,
      ),
    jsonOf: () => ({}),
    invalidates: [
      shuKey(cooperativeId),
      ['savings', cooperativeId],
      ['ledger', cooperativeId],
      ['figures', cooperativeId],
    ],
  });
}

/** The running SHU, members paged largest share first (the cursor is the next offset). */
export function useRunningShu(cooperativeId: string, year: number) {
  return useInfiniteQuery({
    queryKey: [...shuKey(cooperativeId), 'running', year],
    queryFn: ({ pageParam }) =>
      apiFetch<ShuSummary>(
        withQuery(yearPath(cooperativeId, year, '/running'), { cursor: pageParam, limit: '20' }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useShuRules(cooperativeId: string, year: number) {
  return useQuery({
    queryKey: [...shuKey(cooperativeId), 'rules', year],
    queryFn: () => apiFetch<ShuRulesList>(yearPath(cooperativeId, year, '/rules')),
  });
}

/** What-if: nothing is saved, so a plain POST without an idempotency key (the server takes none). */
export function useSimulateShu(cooperativeId: string, year: number) {
  return useMutation({
    mutationFn: (rules: ShuRulesInput) =>
      apiFetch<ShuSummary>(yearPath(cooperativeId, year, '/simulations'), {
        method: 'POST',
        json: { ...rules, limit: 10 },
      }),
  });
}

export function useSetShuRules(cooperativeId: string, year: number) {
  return useIdempotentPost<ShuRulesInput, ShuRulesList>({
    pathOf: () => yearPath(cooperativeId, year, '/rules'),
    invalidates: [shuKey(cooperativeId)],
  });
}

/** The year's distributions, newest first: the wizard resumes the latest without a shared link. */
export function useShuDistributions(cooperativeId: string, year: number) {
  return useQuery({
    queryKey: [...shuKey(cooperativeId), 'distributions', year],
    queryFn: () =>
      apiFetch<{ items: ShuDistribution[] }>(
        shuPath(cooperativeId, `/years/${String(year)}/distributions`),
      ),
  });
}

export function useShuDistribution(cooperativeId: string, distributionId: string | null) {
  return useQuery({
    queryKey: [...shuKey(cooperativeId), 'distribution', distributionId],
    queryFn: () =>
      apiFetch<ShuDistribution>(
        shuPath(cooperativeId, `/distributions/${encodeURIComponent(distributionId ?? '')}`),
      ),
    enabled: distributionId !== null,
  });
}

/** The books' year-end close (ledger, ketua or bendahara): the year into SHU tahun berjalan. */
export function useCloseFiscalYear(cooperativeId: string) {
  return useIdempotentPost<
    { fiscalYearStart: string; fiscalYearEnd: string },
    { entryId: string | null; surplus: string }
  >({
    pathOf: () => cooperativePath(cooperativeId, '/ledger/fiscal-years/close'),
    invalidates: [shuKey(cooperativeId), ['ledger', cooperativeId], ['figures', cooperativeId]],
  });
}

export function useProposeShu(cooperativeId: string, year: number) {
  return useIdempotentPost<{ payout: ShuPayout }, ShuDistribution>({
    pathOf: () => yearPath(cooperativeId, year, '/distributions'),
    invalidates: [shuKey(cooperativeId)],
  });
}

export interface ApprovalInput {
  distributionId: string;
  ratDate: string;
  minutesReference: string;
  approvedPools: { key: string; amount: string }[];
}

export function useRecordRatApproval(cooperativeId: string) {
  return useIdempotentPost<ApprovalInput, ShuDistribution>({
    pathOf: ({ distributionId }) =>
      shuPath(cooperativeId, `/distributions/${encodeURIComponent(distributionId)}/approval`),
    jsonOf: ({ distributionId: _id, ...body }) => body,
    invalidates: [shuKey(cooperativeId)],
  });
}

/** Countersign (pengawas) or post (ketua, bendahara): a body-less step of a distribution. */
export function useDistributionStep(cooperativeId: string, step: 'countersignature' | 'posting') {
  return useIdempotentPost<{ distributionId: string }, ShuDistribution>({
    pathOf: ({ distributionId }) =>
      shuPath(cooperativeId, `/distributions/${encodeURIComponent(distributionId)}/${step}`),
    jsonOf: () => ({}),
    invalidates:
      step === 'posting'
        ? [
            shuKey(cooperativeId),
            ['savings', cooperativeId],
            ['ledger', cooperativeId],
            ['figures', cooperativeId],
          ]
        : [shuKey(cooperativeId)],
  });
}

/** Where the browser downloads the distribution list (the session cookie goes along). */
export function distributionListUrl(
  cooperativeId: string,
  distributionId: string,
  format: 'xlsx' | 'pdf',
): string {
  return withQuery(
    shuPath(cooperativeId, `/distributions/${encodeURIComponent(distributionId)}/members`),
    { format },
  );
}
