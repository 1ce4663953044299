import type { OfficerRole } from '@lumbung/shared/contracts/identity';
import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import { countKnownRegions, upsertOfficerScope } from '../identity.sql.js';
import { getPersonAccess } from '../queries/get-person-access.js';
import { ensurePerson, type PersonInput } from './ensure-person.js';

/**
 * Grants a person an officer role: `dinas` scoped to region codes (a province '53' or a district
 * '5310'), or `platform`. Runs in the system scope (platform operators and the CLI only).
 *
 * Refuses: identity.region_scope_invalid, and ensurePerson's refusals.
 */
export async function createOfficer(
  ctx: { tx: Tx; now: Date },
  input: PersonInput & { role: OfficerRole; regionCodes: string[] },
) {
  const regionCodes = [...new Set(input.regionCodes)];
  if (input.role === 'dinas' && regionCodes.length === 0) {
    throw new DomainError('identity.region_scope_invalid', { regionCode: '(none)' });
  }
  if ((await countKnownRegions(ctx.tx, regionCodes)) !== regionCodes.length) {
    throw new DomainError('identity.region_scope_invalid', { regionCode: regionCodes.join(', ') });
  }
  const { personId } = await ensurePerson(ctx, input);
  await upsertOfficerScope(ctx.tx, { personId, role: input.role, regionCodes, grantedAt: ctx.now });
  return getPersonAccess(ctx, personId);
}
