import { DomainError } from '../../../platform/domain-error.js';
import {
  getCurrentBalance,
  lockLedgerForPosting,
  postJournalEntry,
  type EntryLineInput,
} from '../../ledger/index.js';
import { getActiveMember, getSavingsProducts, openSavingsAccount } from '../../savings/index.js';
import {
  checkCollectibilityBands,
  collectibilities,
  type CollectibilityScheme,
} from '../rules/collectibility.js';
import {
  findDayEndRun,
  findLastDayEndRun,
  insertDayEndRun,
  insertStagedPositions,
  listAutoDebitLoanIds,
  stageDayEndPositions,
  type LoanDayEndRunRow,
  type StagedBand,
} from '../loans-day-end.sql.js';
import { findAccountIdsByCode, listInstallments, listRepayments } from '../loans.sql.js';
import {
  allowanceCode,
  allowanceExpenseCode,
  businessDateOf,
  type LoansContext,
} from '../loans.types.js';
import { getLoan } from '../queries/get-loan.js';
import {
  getLoanDayEndSettings,
  type LoanDayEndSettings,
} from '../queries/get-loan-day-end-settings.js';
import { accruedPositionOf } from './accrued-position.js';
import { scheduleOf } from './loan-position.js';
import { repayLoan } from './repay-loan.js';

export function dayEndRunViewOf(run: LoanDayEndRunRow) {
  const { cooperativeId: _cooperative, ranBy: _by, ...view } = run;
  return view;
}

/**
 * Loan day-end for one business date (today or earlier), once per (cooperative, date); a rerun
 * returns the first run and posts nothing. Dates close in order.
 * 1. Auto-debit (only when the date is today): each aktif loan with auto-debit on pays what is
 *    due (penalty owed, interest and principal due) from the member's sukarela through repayLoan,
 *    as far as the balance above the minimum allows (partial when short).
 * 2. Aging, penalty and allowance per loan, in one statement over all loans
 *    (stageDayEndPositions): days past due, overdue principal and interest, principal
 *    outstanding; the penalty (denda) accrued for each day since the loan's last accrual
 *    (skipped days caught up) on what was overdue when the day began (penalty-accrual.ts, whose
 *    single-loan functions the repayment path and the loan's detail use); a loan rescheduled
 *    since its last accrual accrues from the reschedule's day (accrualBaseOf: the denda owed
 *    then was waived, the replaced installments accrue nothing more), and what reschedules
 *    waived is not owed; collectibility by the loan's scheme and the cooperative's bands, and
 *    the loss allowance (cadangan kerugian piutang) at the class's rate. Penalties are tracked
 *    off the ledger in the positions and recognised as income (4-1203) when paid: penalties on
 *    loans in arrears are too uncertain to book as income and receivable (SAK EP: income when
 *    it is probable the benefit flows; docs/architecture.md, Loans).
 * 3. One entry moves 1-1319 from its booked balance to Σ allowance (Dr 5-2501 / Cr 1-1319 when
 *    it rises, the reverse when it falls).
 * 4. The run row, then the positions staged in step 2 (insertStagedPositions).
 *
 * Refuses: loans.day_end_date_in_future, loans.day_end_date_before_last_run,
 * loans.lending_unavailable, ledger.period_closed.
 */
export async function runLoanDayEnd(ctx: LoansContext, input: { businessDate: string }) {
  const { businessDate } = input;
  const today = businessDateOf(ctx.now);
  if (businessDate > today) throw new DomainError('loans.day_end_date_in_future', { businessDate });
  // The posting turn first: a concurrent run of the same date waits here, then finds the run.
  await lockLedgerForPosting(ctx);
  const earlier = await findDayEndRun(ctx.tx, ctx.cooperativeId, businessDate);
  if (earlier) return dayEndRunViewOf(earlier);
  const last = await findLastDayEndRun(ctx.tx, ctx.cooperativeId);
  if (last && last.businessDate > businessDate)
    throw new DomainError('loans.day_end_date_before_last_run', {
      businessDate,
      lastBusinessDate: last.businessDate,
    });
  const accounts = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [
    allowanceCode,
    allowanceExpenseCode,
  ]);
  const allowance = accounts.get(allowanceCode);
  const expense = accounts.get(allowanceExpenseCode);
  if (!allowance || !expense) throw new DomainError('loans.lending_unavailable');
  const autoDebit =
    businessDate === today ? await runAutoDebits(ctx, businessDate) : { count: 0, amount: 0n };
  const settings = await getLoanDayEndSettings(ctx);
  const totals = await stageDayEndPositions(ctx.tx, ctx.cooperativeId, {
    businessDate,
    previousRunDate: last?.businessDate ?? null,
    bands: stagedBandsOf(settings),
  });
  const requiredAllowance = BigInt(totals.required_allowance);
  const booked = (await getCurrentBalance(ctx, allowance)).balance;
  const entryId = await postAllowance(ctx, {
    businessDate,
    difference: requiredAllowance - booked,
    allowance,
    expense,
  });
  const run: LoanDayEndRunRow = {
    cooperativeId: ctx.cooperativeId,
    businessDate,
    loanCount: totals.loan_count,
    overdueLoanCount: totals.overdue_loan_count,
    totalOutstanding: BigInt(totals.total_outstanding),
    penaltyAccrued: BigInt(totals.penalty_accrued),
    requiredAllowance,
    bookedAllowanceBefore: booked,
    allowanceEntryId: entryId,
    autoDebitCount: autoDebit.count,
    autoDebitAmount: autoDebit.amount,
    ranAt: ctx.now,
    ranBy: ctx.actorPersonId,
  };
  await insertDayEndRun(ctx.tx, run);
  await insertStagedPositions(ctx.tx, ctx.cooperativeId, businessDate);
  return dayEndRunViewOf(run);
}

/**
 * The cooperative's bands with each class's allowance rate, for the staging statement: checked
 * here as rules/collectibility classify and requiredAllowance check them (bands from best to
 * worst, the last unbounded; rates 0–10,000 bps), with each band's lower bound.
 */
function stagedBandsOf(settings: LoanDayEndSettings): StagedBand[] {
  const staged: StagedBand[] = [];
  for (const scheme of ['KSP_2009', 'OJK_BANK'] as const satisfies CollectibilityScheme[]) {
    const bands = settings.bands[scheme];
    const rates = settings.allowanceRatesBps[scheme];
    checkCollectibilityBands(bands);
    for (const collectibility of collectibilities) {
      const rateBps = rates[collectibility];
      if (!Number.isSafeInteger(rateBps) || rateBps < 0 || rateBps > 10_000)
        throw new RangeError(
          `the allowance rate of ${collectibility} must be 0–10,000 bps, got ${rateBps}`,
        );
    }
    let minDaysPastDue = 0;
    for (const band of bands) {
      staged.push({
        scheme,
        collectibility: band.collectibility,
        minDaysPastDue,
        maxDaysPastDue: band.maxDaysPastDue,
        rateBps: rates[band.collectibility],
      });
      if (band.maxDaysPastDue !== null) minDaysPastDue = band.maxDaysPastDue + 1;
    }
  }
  return staged;
}

/** One entry moving Cadangan kerugian piutang by `difference`; null when nothing moves. */
async function postAllowance(
  ctx: LoansContext,
  input: { businessDate: string; difference: bigint; allowance: string; expense: string },
) {
  if (input.difference === 0n) return null;
  const isRise = input.difference > 0n;
  const amount = isRise ? input.difference : -input.difference;
  const lines: EntryLineInput[] = [
    { accountId: input.expense, side: isRise ? 'debit' : 'credit', amount },
    { accountId: input.allowance, side: isRise ? 'credit' : 'debit', amount },
  ];
  const posted = await postJournalEntry(ctx, {
    businessDate: input.businessDate,
    lines,
    sourceType: 'loans.allowance',
    sourceId: input.businessDate,
    memo: `${isRise ? 'Penyisihan' : 'Pemulihan'} cadangan kerugian piutang ${input.businessDate}`,
    idempotencyKey: `loans.allowance:${input.businessDate}`,
    postedBy: ctx.actorPersonId,
  });
  return posted.id;
}

/**
 * Auto-debit: each aktif auto-debit loan pays what is due today from sukarela, never taking the
 * account below the product's minimum balance (assertSukarelaCanPay in the repayment path checks
 * it again). A member no longer aktif is skipped.
 */
async function runAutoDebits(ctx: LoansContext, businessDate: string) {
  const result = { count: 0, amount: 0n };
  const loanIds = await listAutoDebitLoanIds(ctx.tx, ctx.cooperativeId, businessDate);
  if (loanIds.length === 0) return result;
  const products = await getSavingsProducts(ctx);
  for (const loanId of loanIds) {
    const loan = await getLoan(ctx, loanId);
    const schedule = scheduleOf(await listInstallments(ctx.tx, ctx.cooperativeId, loan.id));
    const repayments = await listRepayments(ctx.tx, ctx.cooperativeId, loan.id);
    const position = await accruedPositionOf(ctx, loan, schedule, repayments, businessDate);
    const due = position.penaltyDue + position.interestDue + position.principalDue;
    if (due === 0n) continue;
    const member = await getActiveMember(ctx, loan.membershipId).catch((error: unknown) => {
      if (error instanceof DomainError) return null;
      throw error;
    });
    if (!member) continue;
    const sukarela = await openSavingsAccount(ctx, member, 'sukarela');
    const { available } = await getCurrentBalance(ctx, sukarela.id);
    const payable = available - products.sukarela.minimumBalance;
    const amount = payable < due ? payable : due;
    if (amount <= 0n) continue;
    await repayLoan(
      { ...ctx, idempotencyKey: `auto-debit:${businessDate}:${loan.id}` },
      { loanId: loan.id, channel: 'sukarela', amount },
    );
    result.count++;
    result.amount += amount;
  }
  return result;
}
