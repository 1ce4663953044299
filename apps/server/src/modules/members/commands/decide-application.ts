import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import { setMembershipStatus } from '../../identity/index.js';
import { findMemberRow, nextMemberNumber, updateMember } from '../members.sql.js';

/**
 * The pengurus decides an application: approval gives the next member number and makes both
 * the registry record and the membership aktif; refusal marks both ditolak. Either way the
 * decision records who, when and why.
 *
 * Refuses: members.member_not_found, members.application_not_pending.
 */
export async function decideApplication(
  ctx: { tx: Tx; now: Date; cooperativeId: string; actorPersonId: string },
  input: { membershipId: string; decision: 'approve' | 'reject'; note?: string | undefined },
) {
  const member = await findMemberRow(ctx.tx, ctx.cooperativeId, input.membershipId, true);
  if (!member) throw new DomainError('members.member_not_found');
  if (member.status !== 'calon') throw new DomainError('members.application_not_pending');
  const isApproved = input.decision === 'approve';
  const status = isApproved ? 'aktif' : 'ditolak';
  await updateMember(ctx.tx, ctx.cooperativeId, member.membershipId, {
    status,
    memberNumber: isApproved ? await nextMemberNumber(ctx.tx, ctx.cooperativeId) : null,
    joinedOn: isApproved ? ctx.now.toISOString().slice(0, 10) : null,
    decidedBy: ctx.actorPersonId,
    decidedAt: ctx.now,
    decisionNote: input.note ?? null,
  });
  await setMembershipStatus(ctx, { membershipId: member.membershipId, status });
  const decided = await findMemberRow(ctx.tx, ctx.cooperativeId, member.membershipId);
  if (!decided) throw new DomainError('members.member_not_found');
  return decided;
}
