import type { CooperativeView } from '@lumbung/shared/contracts/cooperatives';
import type { Tx } from '../../../platform/db/database.js';
import { listCooperativeRows } from '../cooperatives.sql.js';
import { toCooperativeView } from './to-cooperative-view.js';

/**
 * A page of the cooperative registry, limited to `regionPrefixes` for a dinas officer (null for
 * platform operators). The cursor is the last id seen (ids are time-ordered UUIDv7).
 */
export async function listCooperatives(
  ctx: { tx: Tx },
  input: { regionPrefixes: string[] | null; cursor: string | null; limit: number },
): Promise<{ items: CooperativeView[]; nextCursor: string | null }> {
  const rows = await listCooperativeRows(ctx.tx, {
    regionPrefixes: input.regionPrefixes,
    afterId: input.cursor,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(toCooperativeView),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
