import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import { findPersonRow, listMembershipsOfPerson, listOfficerScopes } from '../identity.sql.js';
import type { PersonAccess } from '../identity.types.js';
import { maskNik } from '../rules/mask-nik.js';

/** The person with every membership and officer scope: what the app needs to pick a home. */
export async function getPersonAccess(ctx: { tx: Tx }, personId: string): Promise<PersonAccess> {
  const person = await findPersonRow(ctx.tx, personId);
  if (!person) throw new DomainError('identity.person_not_found');
  const [memberships, officerScopes] = await Promise.all([
    listMembershipsOfPerson(ctx.tx, personId),
    listOfficerScopes(ctx.tx, personId),
  ]);
  return {
    person: {
      id: person.id,
      fullName: person.fullName,
      phone: person.phone,
      nikMasked: maskNik(person.nik),
      locale: person.locale,
      hasPin: person.pinHash !== null,
    },
    memberships,
    officerScopes,
  };
}
