import type { MembershipRole } from '@lumbung/shared/contracts/identity';
import type { Tx } from '../../../platform/db/database.js';
import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import { findMembershipRow, setMembershipRoles } from '../identity.sql.js';

/**
 * Replaces a membership's roles (the ketua's act; the RAT elects, the app records). Every member
 * keeps `anggota` unless they are staff only.
 * Refuses: identity.person_not_found.
 */
export async function grantRoles(
  ctx: { tx: Tx; cooperativeId: string | null },
  input: { membershipId: string; roles: MembershipRole[] },
) {
  assert(ctx.cooperativeId, 'grantRoles runs in a cooperative scope');
  const membership = await findMembershipRow(ctx.tx, ctx.cooperativeId, input.membershipId);
  if (!membership) throw new DomainError('identity.person_not_found');
  const roles = [...new Set(input.roles)];
  await setMembershipRoles(ctx.tx, ctx.cooperativeId, input.membershipId, roles);
  return { membershipId: input.membershipId, roles };
}
