import { withTenant, type Database } from '../../src/platform/db/database.js';
import { registerMember } from '../../src/modules/members/index.js';
import { aPerson } from './builders.js';

/** A member in the registry (member number, address, segment), signed-in-able with the test password. */
export async function givenRegisteredMember(
  db: Database,
  cooperativeId: string,
  overrides: {
    fullName?: string;
    extraRoles?: ('ketua' | 'sekretaris' | 'bendahara' | 'pengawas')[];
  } = {},
) {
  const person = { ...aPerson(), ...(overrides.fullName ? { fullName: overrides.fullName } : {}) };
  const member = await withTenant(db, cooperativeId, (tx) =>
    registerMember(
      { tx, now: new Date('2026-03-01T00:00:00Z'), cooperativeId, actorPersonId: null },
      {
        ...person,
        address: 'RT 001/RW 002, Nita',
        occupationSegment: 'petani',
        extraRoles: overrides.extraRoles ?? [],
      },
    ),
  );
  return { ...member, phone: person.phone, password: person.password, nik: person.nik };
}
