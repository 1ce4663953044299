import type { Collectibility } from '../rules/collectibility.js';
import { findLastDayEndRun, listCollectionRows } from '../loans-day-end.sql.js';
import type { LoansReadContext } from '../loans.types.js';

/**
 * The collections list: running loans overdue at the last day-end, most days past due first, with
 * the member's name, number and phone, the overdue amounts and the collectibility. Empty before any
 * day-end.
 */
export async function listCollections(
  ctx: LoansReadContext,
  input: { minDaysPastDue: number; limit: number },
) {
  const run = await findLastDayEndRun(ctx.tx, ctx.cooperativeId);
  if (!run) return { businessDate: null, items: [] };
  const rows = await listCollectionRows(ctx.tx, ctx.cooperativeId, {
    businessDate: run.businessDate,
    ...input,
  });
  return {
    businessDate: run.businessDate,
    items: rows.map((row) => {
      const overduePrincipal = BigInt(row.overdue_principal);
      const overdueInterest = BigInt(row.overdue_interest);
      const penaltyOwed = BigInt(row.penalty_owed);
      return {
        loanId: row.loan_id,
        productCode: row.product_code,
        membershipId: row.membership_id,
        memberNumber: row.member_number,
        memberName: row.full_name,
        phone: row.phone,
        daysPastDue: row.days_past_due,
        collectibility: row.collectibility as Collectibility,
        collectibilityScheme: row.collectibility_scheme,
        principalOutstanding: BigInt(row.principal_outstanding),
        overduePrincipal,
        overdueInterest,
        penaltyOwed,
        amountOverdue: overduePrincipal + overdueInterest + penaltyOwed,
      };
    }),
  };
}
