import type { CooperativeView } from '@lumbung/shared/contracts/cooperatives';
import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import { findCooperativeRow } from '../cooperatives.sql.js';
import { toCooperativeView } from './to-cooperative-view.js';

/** Refuses: cooperatives.cooperative_not_found. */
export async function getCooperative(
  ctx: { tx: Tx },
  cooperativeId: string,
): Promise<CooperativeView> {
  const row = await findCooperativeRow(ctx.tx, cooperativeId);
  if (!row) throw new DomainError('cooperatives.cooperative_not_found', { cooperativeId });
  return toCooperativeView(row);
}

export async function findCooperativeDistrict(ctx: { tx: Tx }, cooperativeId: string) {
  return (await findCooperativeRow(ctx.tx, cooperativeId))?.districtCode ?? null;
}
