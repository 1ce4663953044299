import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyForLoan,
  decideLoanApplication,
  disburseLoan,
  getLoanDetail,
  getPortfolioQuality,
  listCollections,
  repayLoan,
  runLoanDayEnd,
  setLoanAutoDebit,
  setLoanProduct,
  type LoanProduct,
} from '../../src/modules/loans/index.js';
import { installmentStatusAsOf } from '../../src/modules/loans/rules/repayment-allocation.js';
import { queryRows, withSystem } from '../../src/platform/db/database.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { databaseErrorOf } from '../harness/errors.js';
import { refusalOf } from '../harness/ledger-fixtures.js';
import { givenSavingsMember } from '../savings/savings-fixtures.js';
import { givenLendingCooperative, inLoans, loansApi, verifyLedger } from './loans-fixtures.js';

const product = (code: string, scheme: 'KSP_2009' | 'OJK_BANK'): LoanProduct => ({
  code,
  name: `Pinjaman ${scheme}`,
  interestMethod: 'flat',
  interestRateBpsPerMonth: 100,
  tenors: [12],
  frequency: 'monthly',
  adminFeeBps: 0,
  provisionFeeBps: 0,
  feeTreatment: 'deducted',
  penaltyBpsPerDay: 10,
  graceInstallments: 0,
  plafondSavingsMultiple: null,
  minAmount: 500_000n,
  maxAmount: 10_000_000n,
  membersOnly: true,
  approvalTiers: [{ upTo: null, approvals: 1, requiresKetua: false }],
  collectibilityScheme: scheme,
  isActive: true,
});

const at = (date: string) => ({ now: new Date(`${date}T02:00:00Z`) });
type Coop = Awaited<ReturnType<typeof givenLendingCooperative>>;

describe('loan day-end', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ env: { LUMBUNG_LOGIN_RATE_PER_MINUTE: '10000' } });
  });
  afterAll(() => test.drop());

  async function lendingCoop() {
    const coop = await givenLendingCooperative(test);
    for (const [code, scheme] of [
      ['KSP', 'KSP_2009'],
      ['OJK', 'OJK_BANK'],
    ] as const)
      await inLoans(test.db, coop.cooperativeId, coop.manajer.personId, (ctx) =>
        setLoanProduct(ctx, product(code, scheme)),
      );
    return coop;
  }

  /** A 12-month flat loan at 1% a month disbursed to sukarela on `on`: Rp`amount`/12 + 1% a month. */
  async function givenLoan(coop: Coop, code: string, amount: bigint, on = '2026-03-02') {
    const member = await givenSavingsMember(test.db, coop.cooperativeId);
    const applied = await inLoans(
      test.db,
      coop.cooperativeId,
      coop.kasir.personId,
      (ctx) =>
        applyForLoan(ctx, {
          membershipId: member.membershipId,
          productCode: code,
          amount,
          installments: 12,
          purpose: 'Modal usaha tenun',
          declaredMonthlyIncome: 5_000_000n,
          guarantors: [],
          collateral: [],
          appliedVia: 'officer',
        }),
      at(on),
    );
    await inLoans(
      test.db,
      coop.cooperativeId,
      coop.manajer.personId,
      (ctx) =>
        decideLoanApplication(ctx, { loanId: applied.id, decision: 'approve', reason: 'Layak' }),
      at(on),
    );
    await inLoans(
      test.db,
      coop.cooperativeId,
      coop.bendahara.personId,
      (ctx) => disburseLoan(ctx, { loanId: applied.id, channel: 'sukarela' }),
      at(on),
    );
    return { loanId: applied.id, member };
  }

  const dayEnd = (coop: Coop, date: string, now = date) =>
    inLoans(
      test.db,
      coop.cooperativeId,
      coop.bendahara.personId,
      (ctx) => runLoanDayEnd(ctx, { businessDate: date }),
      at(now),
    );

  async function positionOf(coop: Coop, loanId: string, date: string) {
    const [row] = await withSystem(test.db, 'test reads a day-end position', (tx) =>
      queryRows<{
        days_past_due: number;
        collectibility: string;
        principal_outstanding: string;
        overdue_principal: string;
        overdue_interest: string;
        penalty_accrued: string;
        penalty_accrued_total: string;
        penalty_owed: string;
      }>(
        tx,
        sql`select days_past_due, collectibility, principal_outstanding::text,
              overdue_principal::text, overdue_interest::text, penalty_accrued::text,
              penalty_accrued_total::text, penalty_owed::text
            from loan_day_end_positions
            where cooperative_id = ${coop.cooperativeId} and loan_id = ${loanId}
              and business_date = ${date}::date`,
      ),
    );
    if (!row) throw new Error(`no position of ${loanId} on ${date}`);
    return row;
  }

  async function allowanceEntries(coop: Coop) {
    return withSystem(test.db, 'test reads allowance entries', (tx) =>
      queryRows<{ business_date: string; side: string; amount: string }>(
        tx,
        sql`select to_char(e.business_date, 'YYYY-MM-DD') as business_date, l.side, l.amount::text
            from journal_entries e
            join journal_lines l on l.cooperative_id = e.cooperative_id and l.entry_id = e.id
            join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
            where e.cooperative_id = ${coop.cooperativeId} and e.source_type = 'loans.allowance'
              and a.code = '1-1319'
            order by e.business_date`,
      ),
    );
  }

  it('accrues the penalty day by day on what is overdue, catches up skipped days, and a repayment pays it first', async () => {
    const coop = await lendingCoop();
    const { loanId } = await givenLoan(coop, 'KSP', 9_000_000n);
    // Installment 1 (Rp750,000 + Rp90,000) is due 2026-04-02: not late on its due date.
    await dayEnd(coop, '2026-04-02');
    expect(await positionOf(coop, loanId, '2026-04-02')).toMatchObject({
      days_past_due: 0,
      penalty_accrued: '0',
      collectibility: 'lancar',
    });
    await dayEnd(coop, '2026-04-03');
    expect(await positionOf(coop, loanId, '2026-04-03')).toMatchObject({
      days_past_due: 1,
      overdue_principal: '750000',
      overdue_interest: '90000',
      penalty_accrued: '840', // 10 bps of Rp840,000 for one day
      penalty_accrued_total: '840',
    });
    await dayEnd(coop, '2026-04-04');
    expect(await positionOf(coop, loanId, '2026-04-04')).toMatchObject({
      days_past_due: 2,
      penalty_accrued: '840',
      penalty_accrued_total: '1680',
    });
    // 04-05 and 04-06 are skipped: 04-07 catches up three days.
    await dayEnd(coop, '2026-04-07');
    const caughtUp = await positionOf(coop, loanId, '2026-04-07');
    expect(caughtUp).toMatchObject({
      days_past_due: 5,
      penalty_accrued: '2520',
      penalty_accrued_total: '4200',
      penalty_owed: '4200',
    });
    // The set-based aging agrees with the rule.
    const status = installmentStatusAsOf(
      [
        {
          number: 1,
          dueDate: '2026-04-02',
          principal: 750_000n,
          interest: 90_000n,
          total: 840_000n,
          principalOutstandingAfter: 8_250_000n,
        },
      ],
      { principal: 0n, interest: 0n },
      '2026-04-07',
    );
    expect(caughtUp.days_past_due).toBe(status.daysPastDue);
    const paid = await inLoans(
      test.db,
      coop.cooperativeId,
      coop.kasir.personId,
      (ctx) => repayLoan(ctx, { loanId, channel: 'sukarela', amount: 844_200n }),
      at('2026-04-07'),
    );
    expect(paid).toMatchObject({ penalty: 4_200n, interest: 90_000n, principal: 750_000n });
    // Paid on 04-07: from 04-08 nothing is overdue, so nothing accrues and nothing is owed.
    await dayEnd(coop, '2026-04-08');
    expect(await positionOf(coop, loanId, '2026-04-08')).toMatchObject({
      days_past_due: 0,
      penalty_accrued: '0',
      penalty_accrued_total: '4200',
      penalty_owed: '0',
    });
    expect((await verifyLedger(test.db, coop.cooperativeId)).problems).toEqual([]);
  });

  it('charges at repayment the days since the last day-end, so the next day-end accrues them once', async () => {
    const coop = await lendingCoop();
    const { loanId } = await givenLoan(coop, 'KSP', 9_000_000n);
    await dayEnd(coop, '2026-04-03'); // 840 accrued
    // Paid on 04-05 before its day-end: owes 04-04 and 04-05 too (3 days in all).
    const paid = await inLoans(
      test.db,
      coop.cooperativeId,
      coop.kasir.personId,
      (ctx) => repayLoan(ctx, { loanId, channel: 'sukarela', amount: 2_520n }),
      at('2026-04-05'),
    );
    expect(paid.penalty).toBe(2_520n);
    await dayEnd(coop, '2026-04-05');
    expect(await positionOf(coop, loanId, '2026-04-05')).toMatchObject({
      penalty_accrued_total: '2520',
      penalty_owed: '0',
      days_past_due: 3,
    });
  });

  it('catches up long windows of partial payments to exactly the denda the loan detail and the repayment path compute', async () => {
    const coop = await lendingCoop();
    const { loanId: early } = await givenLoan(coop, 'KSP', 9_000_000n);
    await dayEnd(coop, '2026-04-03');
    // Disbursed after that run: its first day-end has no accrual base (from its first due date).
    const { loanId: late } = await givenLoan(coop, 'OJK', 6_000_000n, '2026-04-05');
    const repay = (loanId: string, amount: bigint, on: string) =>
      inLoans(
        test.db,
        coop.cooperativeId,
        coop.kasir.personId,
        (ctx) => repayLoan(ctx, { loanId, channel: 'sukarela', amount }),
        at(on),
      );
    await repay(early, 400_000n, '2026-04-20');
    await repay(early, 500_000n, '2026-05-10');
    await repay(late, 250_000n, '2026-05-20');
    await repay(early, 300_000n, '2026-06-05');
    const detailOn = (loanId: string, date: string) =>
      inLoans(
        test.db,
        coop.cooperativeId,
        coop.manajer.personId,
        (ctx) => getLoanDetail(ctx, loanId),
        at(date),
      );
    const expected = {
      early: (await detailOn(early, '2026-06-20')).position,
      late: (await detailOn(late, '2026-06-20')).position,
    };
    // 04-04 … 06-19 skipped: the day-end of 06-20 sums both windows set-based.
    await dayEnd(coop, '2026-06-20');
    for (const [loanId, position] of [
      [early, expected.early],
      [late, expected.late],
    ] as const) {
      const stored = await positionOf(coop, loanId, '2026-06-20');
      expect(BigInt(stored.penalty_owed)).toBeGreaterThan(0n);
      expect(stored).toMatchObject({
        penalty_owed: String(position?.penaltyDue),
        days_past_due: position?.daysPastDue,
        overdue_principal: String(position?.overduePrincipal),
        overdue_interest: String(position?.overdueInterest),
      });
    }
  });

  it('moves collectibility over time under KSP_2009 and OJK_BANK, books the allowance difference, reports NPL and PAR, and posts nothing on a rerun', async () => {
    const coop = await lendingCoop();
    const ksp = await givenLoan(coop, 'KSP', 9_000_000n);
    const ojk = await givenLoan(coop, 'OJK', 9_000_000n);
    const expected: [string, string, string][] = [
      ['2026-04-03', 'lancar', 'dalam_perhatian_khusus'], // 1 day past due
      ['2026-07-01', 'lancar', 'dalam_perhatian_khusus'], // 90
      ['2026-07-02', 'kurang_lancar', 'kurang_lancar'], // 91
      ['2026-08-01', 'kurang_lancar', 'diragukan'], // 121
      ['2026-09-30', 'diragukan', 'macet'], // 181
      ['2026-12-29', 'macet', 'macet'], // 271
    ];
    let current: { loanId: string } | null = null;
    for (const [date, kspClass, ojkClass] of expected) {
      if (date === '2026-08-01') current = await givenLoan(coop, 'KSP', 6_000_000n, '2026-07-15');
      const run = await dayEnd(coop, date);
      expect((await positionOf(coop, ksp.loanId, date)).collectibility).toBe(kspClass);
      expect((await positionOf(coop, ojk.loanId, date)).collectibility).toBe(ojkClass);
      const entries = (await allowanceEntries(coop)).filter((row) => row.business_date === date);
      const moved = entries.reduce(
        (sum, row) => sum + (row.side === 'credit' ? BigInt(row.amount) : -BigInt(row.amount)),
        0n,
      );
      expect(moved).toBe(run.requiredAllowance - run.bookedAllowanceBefore);
      if (date === '2026-08-01') {
        // KSP kurang lancar 50% of 9,000,000; OJK diragukan 50% of 9,000,000; the new loan lancar 0%.
        expect(run.requiredAllowance).toBe(9_000_000n);
        const quality = await inLoans(test.db, coop.cooperativeId, coop.pengawas.personId, (ctx) =>
          getPortfolioQuality(ctx),
        );
        expect(quality).toMatchObject({
          businessDate: '2026-08-01',
          loanCount: 3,
          totalOutstanding: 24_000_000n,
          npl: { outstanding: 18_000_000n, ratioBps: 7_500, loanCount: 2 },
          par1: { outstanding: 18_000_000n, ratioBps: 7_500 },
          par30: { outstanding: 18_000_000n, ratioBps: 7_500 },
          par90: { outstanding: 18_000_000n, ratioBps: 7_500 },
          requiredAllowance: 9_000_000n,
          bookedAllowance: 9_000_000n,
        });
        expect(quality.byCollectibility.lancar).toMatchObject({ outstanding: 6_000_000n });
        const collections = await inLoans(test.db, coop.cooperativeId, null, (ctx) =>
          listCollections(ctx, { minDaysPastDue: 1, limit: 10 }),
        );
        expect(collections.items.map((item) => item.daysPastDue)).toEqual([121, 121]);
        expect(collections.items[0]).toMatchObject({ overduePrincipal: 3_000_000n });
        expect(current).not.toBeNull();
      }
    }
    // Macet on both: 100% of what is outstanding.
    const last = await dayEnd(coop, '2026-12-29');
    expect(last.requiredAllowance).toBeGreaterThanOrEqual(18_000_000n);
    const entriesBefore = (await allowanceEntries(coop)).length;
    expect(await dayEnd(coop, '2026-12-29')).toEqual(last);
    expect((await allowanceEntries(coop)).length).toBe(entriesBefore);
    expect(await refusalOf(dayEnd(coop, '2026-12-01', '2026-12-29'))).toMatchObject({
      code: 'loans.day_end_date_before_last_run',
    });
    expect(await refusalOf(dayEnd(coop, '2026-12-31', '2026-12-30'))).toMatchObject({
      code: 'loans.day_end_date_in_future',
    });
    expect((await verifyLedger(test.db, coop.cooperativeId)).problems).toEqual([]);
  });

  it('takes what is due from sukarela on the due date when auto-debit is on', async () => {
    const coop = await lendingCoop();
    const { loanId } = await givenLoan(coop, 'KSP', 9_000_000n);
    await inLoans(test.db, coop.cooperativeId, coop.bendahara.personId, (ctx) =>
      setLoanAutoDebit(ctx, { loanId, isAutoDebit: true }),
    );
    const run = await dayEnd(coop, '2026-04-02');
    expect(run).toMatchObject({ autoDebitCount: 1, autoDebitAmount: 840_000n });
    expect(await positionOf(coop, loanId, '2026-04-02')).toMatchObject({
      days_past_due: 0,
      principal_outstanding: '8250000',
    });
    expect((await verifyLedger(test.db, coop.cooperativeId)).problems).toEqual([]);
  });

  it('refuses a position naming a loan or a day-end run that does not exist (checked once per statement)', async () => {
    const coop = await lendingCoop();
    const { loanId } = await givenLoan(coop, 'KSP', 1_000_000n);
    await dayEnd(coop, '2026-03-03');
    const insert = (loan: string, date: string) =>
      withSystem(test.db, 'test writes a position', (tx) =>
        tx.execute(sql`insert into loan_day_end_positions (cooperative_id, business_date, loan_id,
            days_past_due, collectibility, principal_outstanding, overdue_principal, overdue_interest,
            penalty_accrued, penalty_accrued_total, penalty_owed, required_allowance)
          values (${coop.cooperativeId}, ${date}, ${loan}, 0, 'lancar', 0, 0, 0, 0, 0, 0, 0)`),
      );
    const noLoan = await databaseErrorOf(insert(randomUUID(), '2026-03-03'));
    expect(noLoan.message).toContain('names a loan that does not exist');
    const noRun = await databaseErrorOf(insert(loanId, '2026-03-04'));
    expect(noRun.message).toContain('names a day-end run that does not exist');
  });

  it('lets the pengawas read the portfolio but not run the day-end', async () => {
    const coop = await lendingCoop();
    const api = loansApi(test, coop.cooperativeId);
    const read = await api.get('portfolio-quality', coop.pengawas.token);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ businessDate: null, loanCount: 0 });
    const run = await api.post('day-end', coop.pengawas.token, {});
    expect(run.statusCode).toBe(403);
    const collections = await api.get('collections', coop.kasir.token);
    expect(collections.statusCode).toBe(200);
  });
});
