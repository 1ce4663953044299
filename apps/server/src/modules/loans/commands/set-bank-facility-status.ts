import { setFacilityStatus } from '../bank-facilities.sql.js';
import type { BankFacilityRow, LoansContext } from '../loans.types.js';
import { getBankFacility } from '../queries/get-bank-facility.js';
import { getFacility } from './bank-facility-support.js';

/**
 * Closes a facility (no new drawdowns or loans; running ones run on) or reopens it.
 * Refuses: loans.facility_not_found.
 */
export async function setBankFacilityStatus(
  ctx: LoansContext,
  input: { facilityId: string; status: BankFacilityRow['status'] },
) {
  const facility = await getFacility(ctx, input.facilityId, { lock: true });
  await setFacilityStatus(ctx.tx, ctx.cooperativeId, facility.id, input.status);
  return getBankFacility(ctx, facility.id);
}
