import type { Tx } from '../../../platform/db/database.js';
import { listMembershipRows } from '../identity.sql.js';
import { maskNik } from '../rules/mask-nik.js';

/** A page of the cooperative's people and their roles (tenant scope; NIK masked). */
export async function listMemberships(
  ctx: { tx: Tx },
  input: { cursor: string | null; limit: number },
) {
  const rows = await listMembershipRows(ctx.tx, { afterId: input.cursor, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ nik, ...row }) => ({ ...row, nikMasked: maskNik(nik) })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.membershipId ?? null) : null,
  };
}
