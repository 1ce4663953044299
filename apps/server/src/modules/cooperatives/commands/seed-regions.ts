import { regions } from '@lumbung/shared/regions';
import type { Tx } from '../../../platform/db/database.js';
import { upsertRegions } from '../cooperatives.sql.js';

/** Reference data kept in code (packages/shared/regions.ts) and upserted after every migrate. */
export async function seedRegions(ctx: { tx: Tx }) {
  await upsertRegions(
    ctx.tx,
    regions.map((region) => ({ ...region })),
  );
  return regions.length;
}
