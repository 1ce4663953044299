import { listOwedShareRows } from '../shu.sql.js';
import type { ShuReadContext } from '../shu.types.js';

/**
 * Members' SHU still owed from posted distributions, for the teller to find and pay in cash:
 * one member's, or those whose member number is `q` or whose name contains it; newest year first.
 * Paged by offset: the cursor is the next offset.
 */
export async function listOwedShu(
  ctx: ShuReadContext,
  input: {
    membershipId?: string | undefined;
    q?: string | undefined;
    offset: number;
    limit: number;
  },
) {
  const rows = await listOwedShareRows(ctx.tx, ctx.cooperativeId, {
    ...(input.membershipId ? { membershipId: input.membershipId } : {}),
    ...(input.q ? { q: input.q } : {}),
    offset: input.offset,
    limit: input.limit + 1,
  });
  const items = rows.slice(0, input.limit).map((row) => ({ ...row, net: row.share - row.tax }));
  return {
    items,
    nextCursor: rows.length > input.limit ? String(input.offset + input.limit) : null,
  };
}
