import { listFacilityLoanLines, listMovements, listRemittances } from '../bank-facilities.sql.js';
import { businessDateOf, type LoansReadContext } from '../loans.types.js';
import { facilityTotalsOf, getBankFacility, movementViewsOf } from './get-bank-facility.js';

const runningStatuses = new Set(['aktif']);

/**
 * The facility utilization and repayment report for the bank, as of today. Executing: drawn from
 * and repaid to the bank, interest paid, and the member loans the facility funds. Channeling:
 * principal the bank disbursed, collected (principal and interest), remitted, the cooperative's
 * fee and what is collected but not yet remitted, per member loan.
 * Refuses: loans.facility_not_found.
 */
export async function getFacilityReport(ctx: LoansReadContext, facilityId: string) {
  const facility = await getBankFacility(ctx, facilityId);
  const loanLines = await listFacilityLoanLines(ctx.tx, ctx.cooperativeId, facilityId);
  const movements = await listMovements(ctx.tx, ctx.cooperativeId, facilityId);
  const remittances = await listRemittances(ctx.tx, ctx.cooperativeId, facilityId);
  const lines = loanLines.map(({ collected: _collected, ...line }) => ({
    ...line,
    outstanding:
      line.disbursedOn && runningStatuses.has(line.status)
        ? line.principal - line.principalRepaid
        : 0n,
  }));
  const collected = loanLines.reduce((sum, line) => sum + line.collected, 0n);
  const remitted = remittances.reduce((sum, row) => sum + row.remitted, 0n);
  const fee = remittances.reduce((sum, row) => sum + row.fee, 0n);
  const taken = remittances.reduce((sum, row) => sum + row.collected, 0n);
  const interestPaid =
    facility.kind === 'executing'
      ? facilityTotalsOf(movements).interestPaid
      : loanLines.reduce((sum, line) => sum + line.interestRepaid, 0n);
  return {
    asOf: businessDateOf(ctx.now),
    facility,
    totals: {
      plafond: facility.plafond,
      drawn: facility.drawn,
      repaid: facility.repaid,
      outstanding: facility.outstanding,
      interestPaid,
      collected,
      remitted,
      fee,
      collectedNotRemitted: collected - taken,
    },
    lines,
    movements: movementViewsOf(movements),
    remittances: remittances.map((row) => ({
      id: row.id,
      facilityId: row.facilityId,
      businessDate: row.businessDate,
      collected: row.collected,
      fee: row.fee,
      remitted: row.remitted,
      entryId: row.entryId,
      collections: row.collections,
    })),
  };
}

export type FacilityReport = Awaited<ReturnType<typeof getFacilityReport>>;
