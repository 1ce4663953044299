import type { Tx } from '../../../platform/db/database.js';
import { listRegionRows } from '../cooperatives.sql.js';

export async function listRegions(ctx: { tx: Tx }) {
  return listRegionRows(ctx.tx);
}
