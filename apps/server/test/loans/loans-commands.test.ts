import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyForLoan,
  decideLoanApplication,
  disburseLoan,
  getLoanDetail,
  repayLoan,
  setLoanProduct,
  type LoanProduct,
} from '../../src/modules/loans/index.js';
import { queryRows, withSystem } from '../../src/platform/db/database.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { refusalOf } from '../harness/ledger-fixtures.js';
import { givenDeposit, givenSavingsMember } from '../savings/savings-fixtures.js';
import { givenLendingCooperative, inLoans, verifyLedger } from './loans-fixtures.js';

const anuitasWeekly: LoanProduct = {
  code: 'MINGGUAN',
  name: 'Pinjaman mingguan pasar',
  interestMethod: 'anuitas',
  interestRateBpsPerMonth: 150,
  tenors: [10, 20],
  frequency: 'weekly',
  adminFeeBps: 100,
  provisionFeeBps: 0,
  feeTreatment: 'financed',
  penaltyBpsPerDay: 15,
  graceInstallments: 1,
  plafondSavingsMultiple: null,
  minAmount: 100_000n,
  maxAmount: 5_000_000n,
  membersOnly: true,
  approvalTiers: [{ upTo: null, approvals: 1, requiresKetua: false }],
  collectibilityScheme: 'OJK_BANK',
  isActive: true,
};

const at = (date: string) => ({ now: new Date(`${date}T02:00:00Z`) });

describe('loans commands', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenLendingCooperative>>;
  beforeAll(async () => {
    test = await createTestApp({ env: { LUMBUNG_LOGIN_RATE_PER_MINUTE: '10000' } });
    coop = await givenLendingCooperative(test);
    await inLoans(test.db, coop.cooperativeId, coop.manajer.personId, (ctx) =>
      setLoanProduct(ctx, anuitasWeekly),
    );
  });
  afterAll(() => test.drop());

  async function countEntries(sourceType: string) {
    const [row] = await withSystem(test.db, 'test counts entries', (tx) =>
      queryRows<{ count: number }>(
        tx,
        sql`select count(*)::int as count from journal_entries
            where cooperative_id = ${coop.cooperativeId} and source_type = ${sourceType}`,
      ),
    );
    return row?.count ?? 0;
  }

  it('finances the fees, stores a weekly anuitas schedule with a grace week, and posts each key once', async () => {
    const member = await givenSavingsMember(test.db, coop.cooperativeId);
    const applied = await inLoans(test.db, coop.cooperativeId, coop.kasir.personId, (ctx) =>
      applyForLoan(ctx, {
        membershipId: member.membershipId,
        productCode: 'MINGGUAN',
        amount: 2_000_000n,
        installments: 20,
        purpose: 'Dagangan sayur di pasar Alok',
        declaredMonthlyIncome: 4_000_000n,
        guarantors: [],
        collateral: [],
        appliedVia: 'officer',
      }),
    );
    // Financed fees are lent too: Rp2,000,000 + 1% admin.
    expect(applied).toMatchObject({
      principal: 2_020_000n,
      adminFee: 20_000n,
      appliedVia: 'officer',
    });
    await inLoans(test.db, coop.cooperativeId, coop.manajer.personId, (ctx) =>
      decideLoanApplication(ctx, {
        loanId: applied.id,
        decision: 'approve',
        reason: 'Lancar di pasar',
      }),
    );
    const key = 'disburse-once-0001';
    const disburse = () =>
      inLoans(
        test.db,
        coop.cooperativeId,
        coop.bendahara.personId,
        (ctx) => disburseLoan(ctx, { loanId: applied.id, channel: 'sukarela' }),
        { idempotencyKey: key },
      );
    const first = await disburse();
    const second = await disburse();
    expect(second).toEqual(first);
    expect(await countEntries('loans.disbursement')).toBe(1);
    expect(first.disbursement).toMatchObject({ netAmount: 2_000_000n });
    expect(first.schedule).toHaveLength(20);
    expect(first.schedule[0]).toMatchObject({ dueDate: '2026-03-09', principal: 0n });
    expect(first.schedule.reduce((sum, row) => sum + row.principal, 0n)).toBe(2_020_000n);
    expect(first.schedule.at(-1)).toMatchObject({ principalOutstandingAfter: 0n });

    const repay = () =>
      inLoans(
        test.db,
        coop.cooperativeId,
        coop.kasir.personId,
        (ctx) => repayLoan(ctx, { loanId: applied.id, channel: 'sukarela', amount: 50_000n }),
        { ...at('2026-03-09'), idempotencyKey: 'repay-once-0001' },
      );
    const paid = await repay();
    expect(await repay()).toEqual(paid);
    expect(await countEntries('loans.repayment')).toBe(1);
    expect(paid.penalty).toBe(0n);
    expect(paid.interest + paid.principal).toBe(50_000n);
  });

  it('refuses a repayment from savings that would take sukarela below its balance, changing nothing', async () => {
    const member = await givenSavingsMember(test.db, coop.cooperativeId);
    await givenDeposit(test.db, coop.cooperativeId, coop.kasir.personId, {
      membershipId: member.membershipId,
      kind: 'sukarela',
      amount: 10_000n,
    });
    const loan = await inLoans(test.db, coop.cooperativeId, member.personId, (ctx) =>
      applyForLoan(ctx, {
        membershipId: member.membershipId,
        productCode: 'MINGGUAN',
        amount: 500_000n,
        installments: 10,
        purpose: 'Modal warung',
        declaredMonthlyIncome: 3_000_000n,
        guarantors: [],
        collateral: [],
        appliedVia: 'member',
      }),
    );
    await inLoans(test.db, coop.cooperativeId, coop.ketua.personId, (ctx) =>
      decideLoanApplication(ctx, { loanId: loan.id, decision: 'approve', reason: 'Anggota aktif' }),
    );
    // Paid out in cash at the kasir's drawer: sukarela keeps its Rp10,000.
    await inLoans(test.db, coop.cooperativeId, coop.kasir.personId, (ctx) =>
      disburseLoan(ctx, { loanId: loan.id, channel: 'cash' }),
    );
    const refusal = await refusalOf(
      inLoans(test.db, coop.cooperativeId, coop.kasir.personId, (ctx) =>
        repayLoan(ctx, { loanId: loan.id, channel: 'sukarela', amount: 10_001n }),
      ),
    );
    expect(refusal).toMatchObject({
      code: 'savings.insufficient_balance',
      params: { available: '10000', requested: '10001' },
    });
    const detail = await inLoans(test.db, coop.cooperativeId, null, (ctx) =>
      getLoanDetail(ctx, loan.id),
    );
    expect(detail.repayments).toEqual([]);
  });

  it("scores a second application with the member's repayment history", async () => {
    const member = await givenSavingsMember(test.db, coop.cooperativeId);
    const application = {
      membershipId: member.membershipId,
      productCode: 'MINGGUAN',
      amount: 300_000n,
      installments: 10,
      purpose: 'Modal warung',
      declaredMonthlyIncome: 3_000_000n,
      guarantors: [],
      collateral: [],
      appliedVia: 'member' as const,
    };
    const first = await inLoans(test.db, coop.cooperativeId, member.personId, (ctx) =>
      applyForLoan(ctx, application),
    );
    expect(
      first.assessment?.factors.find((factor) => factor.key === 'repayment_history'),
    ).toMatchObject({
      value: 'none',
    });
    await inLoans(test.db, coop.cooperativeId, coop.manajer.personId, (ctx) =>
      decideLoanApplication(ctx, {
        loanId: first.id,
        decision: 'approve',
        reason: 'Anggota aktif',
      }),
    );
    await inLoans(test.db, coop.cooperativeId, coop.kasir.personId, (ctx) =>
      disburseLoan(ctx, { loanId: first.id, channel: 'sukarela' }),
    );
    // The first week's installment (interest only, a grace week) is paid 5 days late.
    await inLoans(
      test.db,
      coop.cooperativeId,
      coop.kasir.personId,
      async (ctx) => {
        const detail = await getLoanDetail(ctx, first.id);
        expect(detail.position).toMatchObject({ daysPastDue: 5 });
        return repayLoan(ctx, {
          loanId: first.id,
          channel: 'sukarela',
          amount: detail.position?.amountDue ?? 0n,
        });
      },
      at('2026-03-14'),
    );
    const second = await inLoans(
      test.db,
      coop.cooperativeId,
      member.personId,
      (ctx) => applyForLoan(ctx, application),
      at('2026-03-14'),
    );
    expect(
      second.assessment?.factors.find((factor) => factor.key === 'repayment_history'),
    ).toMatchObject({
      value: '1:5',
      points: 20,
    });
    expect(second.assessment?.inputs).toMatchObject({
      pastLoanCount: 1,
      pastLoanMaxDaysPastDue: 5,
    });
    expect(BigInt(String(second.assessment?.inputs.existingInstallments))).toBeGreaterThan(0n);
  });

  it('leaves a ledger that verifies', async () => {
    expect((await verifyLedger(test.db, coop.cooperativeId)).problems).toEqual([]);
  });
});
