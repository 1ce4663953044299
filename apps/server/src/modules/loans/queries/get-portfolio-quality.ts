import { getCurrentBalance } from '../../ledger/index.js';
import { portfolioQuality, type Collectibility } from '../rules/collectibility.js';
import { findLastDayEndRun, listRunPositions } from '../loans-day-end.sql.js';
import { findAccountIdsByCode } from '../loans.sql.js';
import { allowanceCode, type LoansReadContext } from '../loans.types.js';

/**
 * Portfolio quality as of the last day-end (rules/collectibility portfolioQuality over its
 * positions): outstanding by collectibility, NPL (kurang lancar + diragukan + macet), PAR1/30/90,
 * the allowance required (Σ of the positions, each by its own scheme's rate) and booked (1-1319).
 * Before any day-end every figure is zero and `businessDate` null.
 */
export async function getPortfolioQuality(ctx: LoansReadContext) {
  const run = await findLastDayEndRun(ctx.tx, ctx.cooperativeId);
  const rows = run ? await listRunPositions(ctx.tx, ctx.cooperativeId, run.businessDate) : [];
  const quality = portfolioQuality(
    rows.map((row) => ({
      outstanding: BigInt(row.principal_outstanding),
      daysPastDue: row.days_past_due,
      collectibility: row.collectibility as Collectibility,
    })),
  );
  const required = rows.reduce((sum, row) => sum + BigInt(row.required_allowance), 0n);
  const accounts = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [allowanceCode]);
  const allowance = accounts.get(allowanceCode);
  const booked = allowance ? (await getCurrentBalance(ctx, allowance)).balance : 0n;
  return {
    businessDate: run?.businessDate ?? null,
    loanCount: quality.loanCount,
    totalOutstanding: quality.totalOutstanding,
    byCollectibility: quality.byCollectibility,
    npl: quality.npl,
    par1: quality.par1,
    par30: quality.par30,
    par90: quality.par90,
    requiredAllowance: required,
    bookedAllowance: booked,
  };
}
