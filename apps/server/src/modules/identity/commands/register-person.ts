import { uuidv7 } from '@lumbung/shared/ids';
import type { MembershipRole } from '@lumbung/shared/contracts/identity';
import type { Tx } from '../../../platform/db/database.js';
import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import {
  findMembershipOfPerson,
  insertMembership,
  listMembershipsOfPerson,
} from '../identity.sql.js';
import { getPersonAccess } from '../queries/get-person-access.js';
import { ensurePerson, type PersonInput } from './ensure-person.js';

/**
 * Registers a person in cooperative `ctx.cooperativeId` with `roles` (a person already known by
 * NIK in another cooperative joins with the same identity).
 *
 * Refuses: identity.nik_invalid, identity.phone_invalid, identity.password_too_weak,
 * identity.phone_already_registered, identity.membership_already_exists.
 */
export async function registerPerson(
  ctx: { tx: Tx; now: Date; cooperativeId: string | null },
  input: PersonInput & { roles: MembershipRole[]; status?: 'calon' | 'aktif' },
) {
  const cooperativeId = ctx.cooperativeId;
  assert(cooperativeId, 'registerPerson runs in a cooperative scope');
  const { personId } = await ensurePerson(ctx, input);
  const isNew = await insertMembership(ctx.tx, {
    cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    personId,
    roles: [...new Set(input.roles)],
    status: input.status ?? 'aktif',
    joinedOn: ctx.now.toISOString().slice(0, 10),
    createdAt: ctx.now,
  });
  if (!isNew) throw new DomainError('identity.membership_already_exists');
  const access = await getPersonAccess(ctx, personId);
  const membership = (await listMembershipsOfPerson(ctx.tx, personId)).find(
    (m) => m.cooperativeId === cooperativeId,
  );
  assert(membership, 'the membership just inserted is visible in its own cooperative');
  assert(await findMembershipOfPerson(ctx.tx, cooperativeId, personId), 'membership row exists');
  return { person: access.person, membership };
}
