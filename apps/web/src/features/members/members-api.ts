import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../lib/api';
import { useIdempotentPost } from '../../lib/use-idempotent-post';
import { sessionQueryKey } from '../auth/session';
import type {
  ApplyInput,
  DecisionInput,
  MemberCardView,
  MemberPage,
  MemberStatus,
  MemberView,
  RegisterMemberInput,
  VerifiedCard,
} from './members-types';

export function cooperativePath(cooperativeId: string, rest: string): string {
  return `/api/v1/cooperatives/${encodeURIComponent(cooperativeId)}${rest}`;
}

export function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

/** Every member query of a cooperative starts with this key, so a change can refresh them all. */
export const membersKey = (cooperativeId: string) => ['members', cooperativeId] as const;

export function useMemberList(cooperativeId: string, status: MemberStatus | null) {
  return useInfiniteQuery({
    queryKey: [...membersKey(cooperativeId), 'list', status],
    queryFn: ({ pageParam }) =>
      apiFetch<MemberPage>(
        withQuery(cooperativePath(cooperativeId, '/members'), {
          status,
          cursor: pageParam,
          limit: '30',
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Search by number, NIK, phone or name; idle until there is something to look for. */
export function useMemberSearch(cooperativeId: string, query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: [...membersKey(cooperativeId), 'search', q],
    queryFn: () =>
      apiFetch<{ items: MemberView[] }>(
        withQuery(cooperativePath(cooperativeId, '/members/search'), { q, limit: '20' }),
      ).then((response) => response.items),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useMember(cooperativeId: string, membershipId: string) {
  return useQuery({
    queryKey: [...membersKey(cooperativeId), 'member', membershipId],
    queryFn: () =>
      apiFetch<MemberView>(
        cooperativePath(cooperativeId, `/members/${encodeURIComponent(membershipId)}`),
      ),
  });
}

export function useMemberCard(cooperativeId: string, membershipId: string, enabled = true) {
  return useQuery({
    queryKey: [...membersKey(cooperativeId), 'card', membershipId],
    queryFn: () =>
      apiFetch<MemberCardView>(
        cooperativePath(cooperativeId, `/members/${encodeURIComponent(membershipId)}/card`),
      ),
    enabled,
    staleTime: 60 * 60_000,
  });
}

export function useRegisterMember(cooperativeId: string) {
  return useIdempotentPost<RegisterMemberInput, MemberView>({
    pathOf: () => cooperativePath(cooperativeId, '/members'),
    invalidates: [membersKey(cooperativeId)],
  });
}

export function useDecideApplication(cooperativeId: string) {
  return useIdempotentPost<DecisionInput, MemberView>({
    pathOf: ({ membershipId }) =>
      cooperativePath(
        cooperativeId,
        `/member-applications/${encodeURIComponent(membershipId)}/decision`,
      ),
    jsonOf: ({ decision, note }) => (note ? { decision, note } : { decision }),
    invalidates: [membersKey(cooperativeId)],
  });
}

/** A person applies to a cooperative; their session then lists the pending (calon) membership. */
export function useApplyForMembership() {
  return useIdempotentPost<ApplyInput & { cooperativeId: string }, MemberView>({
    pathOf: ({ cooperativeId }) => cooperativePath(cooperativeId, '/member-applications'),
    jsonOf: ({ cooperativeId: _cooperativeId, ...body }) => body,
    invalidates: [sessionQueryKey],
  });
}

/** Checks a card's signature on the server (public, not idempotent: it changes nothing). */
export function verifyCard(payload: string): Promise<VerifiedCard> {
  return apiFetch<VerifiedCard>('/api/v1/member-cards/verify', {
    method: 'POST',
    json: { payload },
  });
}
