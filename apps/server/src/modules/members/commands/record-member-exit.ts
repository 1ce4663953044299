import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import { setMembershipStatus } from '../../identity/index.js';
import { findMemberRow, updateMember } from '../members.sql.js';

/**
 * Records that a member left (keluar), died (meninggal) or was expelled (diberhentikan). The
 * savings module settles the member's position first and calls this in the same transaction.
 * Refuses: members.member_not_found, members.not_active.
 */
export async function recordMemberExit(
  ctx: { tx: Tx; cooperativeId: string },
  input: {
    membershipId: string;
    status: 'keluar' | 'meninggal' | 'diberhentikan';
    leftOn: string;
    reason: string;
  },
) {
  const member = await findMemberRow(ctx.tx, ctx.cooperativeId, input.membershipId, true);
  if (!member) throw new DomainError('members.member_not_found');
  if (member.status !== 'aktif') throw new DomainError('members.not_active');
  await updateMember(ctx.tx, ctx.cooperativeId, member.membershipId, {
    status: input.status,
    leftOn: input.leftOn,
    exitReason: input.reason,
  });
  await setMembershipStatus(ctx, { membershipId: member.membershipId, status: input.status });
}
