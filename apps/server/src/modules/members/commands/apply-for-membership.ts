import type { Tx } from '../../../platform/db/database.js';
import { assert } from '../../../platform/assert.js';
import { getPersonAccess, registerPerson } from '../../identity/index.js';
import { findMemberRow, insertMember } from '../members.sql.js';
import type { MemberDetails } from './register-member.js';

/**
 * A signed-in person applies to join a cooperative from the app: a 'calon' membership and
 * registry record without a member number, until the pengurus decides. The NIK must be the
 * applicant's own (another person's NIK is refused as their phone not matching).
 *
 * Refuses: identity.nik_invalid, identity.phone_already_registered,
 * identity.membership_already_exists.
 */
export async function applyForMembership(
  ctx: { tx: Tx; now: Date; cooperativeId: string; personId: string },
  input: MemberDetails & { nik: string; fullName: string },
) {
  const applicant = await getPersonAccess(ctx, ctx.personId);
  const { person, membership } = await registerPerson(ctx, {
    nik: input.nik,
    fullName: input.fullName,
    phone: applicant.person.phone,
    roles: ['anggota'],
    status: 'calon',
  });
  await insertMember(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    membershipId: membership.membershipId,
    memberNumber: null,
    personId: person.id,
    fullName: person.fullName,
    nik: input.nik.replace(/[\s.-]/g, ''),
    phone: person.phone,
    address: input.address,
    village: input.village ?? null,
    occupationSegment: input.occupationSegment,
    employer: input.employer ?? null,
    status: 'calon',
    registeredVia: 'self',
    registeredBy: ctx.personId,
    appliedAt: ctx.now,
  });
  const member = await findMemberRow(ctx.tx, ctx.cooperativeId, membership.membershipId);
  assert(member, 'the application just filed is visible in its cooperative');
  return member;
}
