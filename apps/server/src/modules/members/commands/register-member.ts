import type { Tx } from '../../../platform/db/database.js';
import { assert } from '../../../platform/assert.js';
import { registerPerson } from '../../identity/index.js';
import { findMemberRow, insertMember, nextMemberNumber } from '../members.sql.js';

export interface MemberDetails {
  address: string;
  village?: string | undefined;
  occupationSegment:
    'petani' | 'umkm' | 'karyawan' | 'pedagang' | 'mahasiswa' | 'pelajar' | 'lainnya';
  employer?: string | undefined;
}

/**
 * An officer registers a member: the person (found by NIK or created), an aktif membership with
 * the anggota role, the next member number and the registry record, in one transaction.
 *
 * Refuses: identity.nik_invalid, identity.phone_invalid, identity.password_too_weak,
 * identity.phone_already_registered, identity.membership_already_exists.
 */
export async function registerMember(
  ctx: { tx: Tx; now: Date; cooperativeId: string; actorPersonId: string | null },
  input: MemberDetails & {
    nik: string;
    fullName: string;
    phone: string;
    joinedOn?: string | undefined;
    password?: string | undefined;
    extraRoles?: ('ketua' | 'sekretaris' | 'bendahara' | 'pengawas' | 'manajer' | 'kasir')[];
  },
) {
  const { person, membership } = await registerPerson(ctx, {
    nik: input.nik,
    fullName: input.fullName,
    phone: input.phone,
    password: input.password,
    roles: ['anggota', ...(input.extraRoles ?? [])],
  });
  await insertMember(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    membershipId: membership.membershipId,
    memberNumber: await nextMemberNumber(ctx.tx, ctx.cooperativeId),
    personId: person.id,
    fullName: person.fullName,
    nik: input.nik.replace(/[\s.-]/g, ''),
    phone: person.phone,
    address: input.address,
    village: input.village ?? null,
    occupationSegment: input.occupationSegment,
    employer: input.employer ?? null,
    status: 'aktif',
    registeredVia: 'officer',
    registeredBy: ctx.actorPersonId,
    appliedAt: ctx.now,
    decidedBy: ctx.actorPersonId,
    decidedAt: ctx.now,
    joinedOn: input.joinedOn ?? ctx.now.toISOString().slice(0, 10),
  });
  const member = await findMemberRow(ctx.tx, ctx.cooperativeId, membership.membershipId);
  assert(member, 'the member just registered is visible in its cooperative');
  return member;
}
