import type { MembershipStatus } from '@lumbung/shared/contracts/identity';
import type { Tx } from '../../../platform/db/database.js';
import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import { findMembershipRow, setMembershipStatus as writeStatus } from '../identity.sql.js';

/**
 * Moves a membership through its life (calon → aktif → keluar / meninggal / diberhentikan, or
 * calon → ditolak); the members module decides when. Only an aktif membership opens the app's
 * cooperative routes. Refuses: identity.person_not_found.
 */
export async function setMembershipStatus(
  ctx: { tx: Tx; cooperativeId: string | null },
  input: { membershipId: string; status: MembershipStatus },
) {
  assert(ctx.cooperativeId, 'membership status changes run in a cooperative scope');
  const membership = await findMembershipRow(ctx.tx, ctx.cooperativeId, input.membershipId);
  if (!membership) throw new DomainError('identity.person_not_found');
  await writeStatus(ctx.tx, ctx.cooperativeId, input.membershipId, input.status);
}
