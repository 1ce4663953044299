import type { CooperativeView } from '@lumbung/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from '../../lib/api';

/** The fields of a cooperative the oversight list shows. */
export type CooperativeListItem = Pick<
  CooperativeView,
  'id' | 'name' | 'type' | 'districtCode' | 'districtName'
>;

export interface CooperativePage {
  items: CooperativeListItem[];
  nextCursor: string | null;
}

export function cooperativesPath(cursor: string | null): string {
  return cursor === null
    ? '/api/v1/cooperatives'
    : `/api/v1/cooperatives?cursor=${encodeURIComponent(cursor)}`;
}

/** The cooperatives in the officer's regions (the server applies the scope), page by page. */
export function useCooperatives() {
  return useInfiniteQuery({
    queryKey: ['oversight', 'cooperatives'],
    queryFn: ({ pageParam }) => apiFetch<CooperativePage>(cooperativesPath(pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}
