import { DomainError } from '../../../platform/domain-error.js';
import {
  getCurrentBalance,
  lockLedgerForPosting,
  postJournalEntry,
  type EntryLineInput,
} from '../../ledger/index.js';
import { getActiveMember, getSavingsProducts, openSavingsAccount } from '../../savings/index.js';
import { accruePenalty } from '../rules/penalty.js';
import { classify, requiredAllowance, type Collectibility } from '../rules/collectibility.js';
import { daysBetween } from '../rules/calendar.js';
import {
  findDayEndRun,
  findLastDayEndRun,
  insertDayEndPositions,
  insertDayEndRun,
  listAgingRows,
  listAutoDebitLoanIds,
  listPenaltyWaivers,
  listSchedulesAndRepayments,
  type AgingRow,
  type LoanDayEndRunRow,
} from '../loans-day-end.sql.js';
import { findAccountIdsByCode, listInstallments, listRepayments } from '../loans.sql.js';
import {
  allowanceCode,
  allowanceExpenseCode,
  businessDateOf,
  type LoansContext,
} from '../loans.types.js';
import { getLoan } from '../queries/get-loan.js';
import { getLoanDayEndSettings } from '../queries/get-loan-day-end-settings.js';
import type { Installment } from '../rules/schedule.js';
import { accruedPositionOf } from './accrued-position.js';
import { scheduleOf } from './loan-position.js';
import {
  accrualBaseOf,
  overdueRupiahDays,
  penaltyOfRupiahDays,
  penaltyOwedOf,
  type AccruedPenalty,
} from './penalty-accrual.js';
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
 * 2. Aging, set-based (listAgingRows): days past due, overdue principal and interest, principal
 *    outstanding; collectibility by the loan's scheme and the cooperative's bands.
 * 3. Penalty (denda): accrued for each day since the loan's last accrual (skipped days caught up)
 *    on what was overdue when the day began (penalty-accrual.ts); a loan rescheduled since its
 *    last accrual accrues from the reschedule's day (accrualBaseOf: the denda owed then was
 *    waived, the replaced installments accrue nothing more), and what reschedules waived is not
 *    owed. Tracked off the ledger in the
 *    positions and recognised as income (4-1203) when paid: penalties on loans in arrears are
 *    too uncertain to book as income and receivable (SAK EP: income when it is probable the
 *    benefit flows; docs/architecture.md, Loans).
 * 4. Loss allowance (cadangan kerugian piutang): Σ outstanding × the class's rate; one entry moves
 *    1-1319 from its booked balance to that total (Dr 5-2501 / Cr 1-1319 when it rises, the
 *    reverse when it falls).
 * 5. A position row per loan and the run row.
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
  const rows = await listAgingRows(ctx.tx, ctx.cooperativeId, {
    businessDate,
    previousRunDate: last?.businessDate ?? null,
  });
  const accrual = await accrualsOf(ctx, rows, businessDate);
  const aged = await classifyAndReserve(ctx, rows, accrual);
  const booked = (await getCurrentBalance(ctx, allowance)).balance;
  const entryId = await postAllowance(ctx, {
    businessDate,
    difference: aged.requiredAllowance - booked,
    allowance,
    expense,
  });
  const run: LoanDayEndRunRow = {
    cooperativeId: ctx.cooperativeId,
    businessDate,
    loanCount: rows.length,
    overdueLoanCount: aged.overdueLoanCount,
    totalOutstanding: aged.totalOutstanding,
    penaltyAccrued: accrual.total,
    requiredAllowance: aged.requiredAllowance,
    bookedAllowanceBefore: booked,
    allowanceEntryId: entryId,
    autoDebitCount: autoDebit.count,
    autoDebitAmount: autoDebit.amount,
    ranAt: ctx.now,
    ranBy: ctx.actorPersonId,
  };
  await insertDayEndRun(ctx.tx, run);
  await insertDayEndPositions(ctx.tx, ctx.cooperativeId, businessDate, aged.columns);
  return dayEndRunViewOf(run);
}

interface Accruals {
  /**
   * Per row (same order): penalty accrued by this run, the cumulative total after it, and the
   * penalty waived by the loan's reschedules.
   */
  accrued: bigint[];
  totals: bigint[];
  waived: bigint[];
  total: bigint;
}

/**
 * Each loan's penalty for the days since its last accrual (the previous run's position, or the
 * day of a reschedule on or after it: accrualBaseOf). A loan last accrued the day before needs
 * one day: its overdue amount when the day began (from the aging row). Others (no earlier
 * accrual, or skipped days) are summed over their window from schedule and repayments.
 */
async function accrualsOf(ctx: LoansContext, rows: AgingRow[], businessDate: string) {
  const result: Accruals = { accrued: [], totals: [], waived: [], total: 0n };
  const waivers = await listPenaltyWaivers(ctx.tx, ctx.cooperativeId, {
    loanIds: rows.map((row) => row.loan_id),
    through: businessDate,
  });
  const bases = new Map<string, AccruedPenalty | null>();
  for (const row of rows) {
    const last =
      row.last_accrual_date === null
        ? null
        : {
            businessDate: row.last_accrual_date,
            penaltyAccruedTotal: BigInt(row.last_penalty_accrued_total ?? '0'),
          };
    bases.set(row.loan_id, accrualBaseOf(last, waivers.get(row.loan_id) ?? null));
  }
  const baseDateOf = (row: AgingRow) => bases.get(row.loan_id)?.businessDate ?? null;
  const catchUp = rows.filter((row) => needsCatchUp(row, baseDateOf(row), businessDate));
  const windows = await catchUpRupiahDays(ctx, catchUp, { baseDateOf, businessDate });
  for (const row of rows) {
    const base = bases.get(row.loan_id) ?? null;
    const rupiahDays = windows.get(row.loan_id);
    const accrued =
      rupiahDays !== undefined
        ? penaltyOfRupiahDays(rupiahDays, row.penalty_bps_per_day)
        : base === null
          ? 0n
          : accruePenalty({
              overdueAmount: BigInt(row.overdue_at_start),
              penaltyBpsPerDay: row.penalty_bps_per_day,
              days: daysBetween(base.businessDate, businessDate),
            });
    result.accrued.push(accrued);
    result.totals.push((base?.penaltyAccruedTotal ?? 0n) + accrued);
    result.waived.push(waivers.get(row.loan_id)?.penaltyWaived ?? 0n);
    result.total += accrued;
  }
  return result;
}

function needsCatchUp(row: AgingRow, baseDate: string | null, businessDate: string): boolean {
  if (!row.has_installments_due || row.penalty_bps_per_day === 0) return false;
  return baseDate === null || daysBetween(baseDate, businessDate) > 1;
}

async function catchUpRupiahDays(
  ctx: LoansContext,
  rows: AgingRow[],
  input: { baseDateOf: (row: AgingRow) => string | null; businessDate: string },
) {
  const { businessDate } = input;
  const windows = new Map<string, bigint>();
  if (rows.length === 0) return windows;
  const loaded = await listSchedulesAndRepayments(
    ctx.tx,
    ctx.cooperativeId,
    rows.map((row) => row.loan_id),
  );
  const schedules = new Map<string, Installment[]>();
  for (const row of loaded.installments) {
    const list = schedules.get(row.loan_id) ?? [];
    list.push({
      number: row.number,
      dueDate: row.due_date,
      principal: BigInt(row.principal),
      interest: BigInt(row.interest),
      total: BigInt(row.total),
      principalOutstandingAfter: BigInt(row.principal_outstanding_after),
    });
    schedules.set(row.loan_id, list);
  }
  const repayments = new Map<string, { paidOn: string; principal: bigint; interest: bigint }[]>();
  for (const row of loaded.repayments) {
    if (row.paid_on > businessDate) continue;
    const list = repayments.get(row.loan_id) ?? [];
    list.push({
      paidOn: row.paid_on,
      principal: BigInt(row.principal),
      interest: BigInt(row.interest),
    });
    repayments.set(row.loan_id, list);
  }
  for (const row of rows) {
    const rupiahDays = overdueRupiahDays(
      schedules.get(row.loan_id) ?? [],
      repayments.get(row.loan_id) ?? [],
      { after: input.baseDateOf(row), through: businessDate },
    );
    windows.set(row.loan_id, rupiahDays);
  }
  return windows;
}

/** Classes each loan by its scheme's bands and sums the allowance, as position columns. */
async function classifyAndReserve(ctx: LoansContext, rows: AgingRow[], accrual: Accruals) {
  const settings = await getLoanDayEndSettings(ctx);
  const columns = {
    loanIds: [] as string[],
    daysPastDue: [] as number[],
    collectibilities: [] as Collectibility[],
    principalOutstanding: [] as string[],
    overduePrincipal: [] as string[],
    overdueInterest: [] as string[],
    penaltyAccrued: [] as string[],
    penaltyAccruedTotal: [] as string[],
    penaltyOwed: [] as string[],
    requiredAllowance: [] as string[],
  };
  let total = 0n;
  let totalOutstanding = 0n;
  let overdueLoanCount = 0;
  rows.forEach((row, index) => {
    const scheme = row.collectibility_scheme;
    const collectibility = classify(row.days_past_due, settings.bands[scheme]);
    const outstanding = BigInt(row.principal_outstanding);
    const reserve = requiredAllowance(
      outstanding,
      collectibility,
      settings.allowanceRatesBps[scheme],
    );
    const accruedTotal = accrual.totals[index] ?? 0n;
    const owed = penaltyOwedOf({
      accrued: accruedTotal,
      paid: BigInt(row.penalty_paid),
      waived: accrual.waived[index] ?? 0n,
    });
    total += reserve;
    totalOutstanding += outstanding;
    if (row.days_past_due > 0) overdueLoanCount++;
    columns.loanIds.push(row.loan_id);
    columns.daysPastDue.push(row.days_past_due);
    columns.collectibilities.push(collectibility);
    columns.principalOutstanding.push(row.principal_outstanding);
    columns.overduePrincipal.push(row.overdue_principal);
    columns.overdueInterest.push(row.overdue_interest);
    columns.penaltyAccrued.push(String(accrual.accrued[index] ?? 0n));
    columns.penaltyAccruedTotal.push(String(accruedTotal));
    columns.penaltyOwed.push(String(owed));
    columns.requiredAllowance.push(String(reserve));
  });
  return { columns, requiredAllowance: total, totalOutstanding, overdueLoanCount };
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
