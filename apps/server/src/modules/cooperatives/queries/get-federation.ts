import type { Tx } from '../../../platform/db/database.js';
import { listFederationLinks } from '../cooperatives.sql.js';

/** Which secondary cooperatives this one belongs to, and which primaries belong to it. */
export async function getFederation(ctx: { tx: Tx }, cooperativeId: string) {
  const { links, names } = await listFederationLinks(ctx.tx, cooperativeId);
  const view = (id: string, joinedOn: string) => ({
    cooperativeId: id,
    name: names.get(id) ?? '',
    joinedOn,
  });
  return {
    memberOf: links
      .filter((link) => link.memberCooperativeId === cooperativeId)
      .map((link) => view(link.secondaryCooperativeId, link.joinedOn)),
    members: links
      .filter((link) => link.secondaryCooperativeId === cooperativeId)
      .map((link) => view(link.memberCooperativeId, link.joinedOn)),
  };
}
