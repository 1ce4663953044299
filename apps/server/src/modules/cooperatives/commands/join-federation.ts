import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import { insertFederationLink } from '../cooperatives.sql.js';
import { getCooperative } from '../queries/get-cooperative.js';
import { getFederation } from '../queries/get-federation.js';

/**
 * Records that cooperative `memberCooperativeId` (a primary) has joined a secondary cooperative.
 *
 * Refuses: cooperatives.cooperative_not_found, cooperatives.federation_self,
 * cooperatives.federation_requires_secondary, cooperatives.federation_already_member.
 */
export async function joinFederation(
  ctx: { tx: Tx; now: Date },
  input: { memberCooperativeId: string; secondaryCooperativeId: string },
) {
  if (input.memberCooperativeId === input.secondaryCooperativeId) {
    throw new DomainError('cooperatives.federation_self');
  }
  await getCooperative(ctx, input.memberCooperativeId);
  const secondary = await getCooperative(ctx, input.secondaryCooperativeId);
  // UU 25/1992: a secondary cooperative is formed by and of cooperatives; primaries join those.
  if (secondary.tier !== 'sekunder')
    throw new DomainError('cooperatives.federation_requires_secondary');
  const isNew = await insertFederationLink(ctx.tx, {
    secondaryCooperativeId: input.secondaryCooperativeId,
    memberCooperativeId: input.memberCooperativeId,
    joinedOn: ctx.now.toISOString().slice(0, 10),
  });
  if (!isNew) throw new DomainError('cooperatives.federation_already_member');
  return getFederation(ctx, input.memberCooperativeId);
}
