import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getTrialBalance,
  listAccounts,
  postJournalEntry,
  verifyCooperativeLedger,
} from '../../src/modules/ledger/index.js';
import {
  addPartnerBank,
  applyForLoan,
  assignLoanToFacility,
  collectChanneledRepayment,
  decideLoanApplication,
  disburseChanneledLoan,
  disburseLoan,
  getFacilityReport,
  getLoanDetail,
  getPortfolioQuality,
  openBankFacility,
  payOffLoan,
  recordChannelingBankDecision,
  remitChannelingCollections,
  repayLoan,
  rescheduleLoan,
  runLoanDayEnd,
  setLoanProduct,
  type LoanProduct,
  type LoansContext,
} from '../../src/modules/loans/index.js';
import { registerMember } from '../../src/modules/members/index.js';
import {
  closeTellerSession,
  getTellerSession,
  openTellerSession,
} from '../../src/modules/savings/index.js';
import { verifyShuCounters } from '../../src/modules/shu/index.js';
import { queryRows, withSystem, withTenant } from '../../src/platform/db/database.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { aPerson, givenCooperative, givenMember } from '../harness/builders.js';
import {
  anEntry,
  chartOf,
  credit,
  debit,
  endOfTime,
  refusalOf,
} from '../harness/ledger-fixtures.js';

/**
 * One credit union's year of lending, on a clock moved day by day to the dates that matter: six
 * members borrow, the committee decides by tier, loans are paid out to savings and in cash, paid
 * on time, late (denda first) and off early; one stops paying and ages to macet over the day-end
 * runs while the allowance follows; one goes through a partner bank (channeling); one is
 * rescheduled. At the end the books verify.
 */

/** Flat 1% a month, 1% admin fee deducted, denda 0.1% a day; one approver up to Rp10 million. */
const umum: LoanProduct = {
  code: 'UMUM',
  name: 'Pinjaman Umum',
  interestMethod: 'flat',
  interestRateBpsPerMonth: 100,
  tenors: [6, 12],
  frequency: 'monthly',
  adminFeeBps: 100,
  provisionFeeBps: 0,
  feeTreatment: 'deducted',
  penaltyBpsPerDay: 10,
  graceInstallments: 0,
  plafondSavingsMultiple: null,
  minAmount: 500_000n,
  maxAmount: 50_000_000n,
  membersOnly: true,
  approvalTiers: [
    { upTo: 10_000_000n, approvals: 1, requiresKetua: false },
    { upTo: null, approvals: 2, requiresKetua: true },
  ],
  collectibilityScheme: 'KSP_2009',
  isActive: true,
};

describe("scenario: a credit union's year of lending", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.drop());

  it('lends, collects, ages a default to macet with its allowance, channels a bank loan, reschedules, and the books verify', async () => {
    const cooperativeId = (await givenCooperative(test.db)).id;
    const chart = await chartOf(test.db, cooperativeId);
    const officer = async (role: 'kasir' | 'bendahara' | 'manajer' | 'ketua' | 'pengawas') =>
      (await givenMember(test.db, cooperativeId, [role])).person.id;
    const kasir = await officer('kasir');
    const bendahara = await officer('bendahara');
    const manajer = await officer('manajer');
    const ketua = await officer('ketua');
    const pengawas = await officer('pengawas');

    // The clock: the app's fixed clock, moved to 02:00 UTC of each date that matters and one
    // second on for every command, so ids and entries of one day keep their order.
    const goTo = (date: string) =>
      test.clock.advance(Date.parse(`${date}T02:00:00Z`) - test.clock.now().getTime());
    const today = () => test.clock.now().toISOString().slice(0, 10);
    const run = <T>(personId: string | null, fn: (ctx: LoansContext) => Promise<T>) => {
      test.clock.advance(1_000);
      const now = test.clock.now();
      return withTenant(test.db, cooperativeId, (tx) =>
        fn({ tx, cooperativeId, now, actorPersonId: personId, idempotencyKey: randomUUID() }),
      );
    };

    goTo('2026-01-02');
    // Eight years of reserves (cadangan umum Rp200 million) are the own capital the limits use.
    await run(null, (ctx) =>
      postJournalEntry(
        ctx,
        anEntry(
          [
            debit(chart.id('1-1101'), 40_000_000n),
            debit(chart.id('1-1201'), 160_000_000n),
            credit(chart.id('3-1201'), 200_000_000n),
          ],
          { businessDate: '2026-01-02', memo: 'Saldo awal tahun buku 2026' },
        ),
      ),
    );
    await run(manajer, (ctx) => setLoanProduct(ctx, umum));
    const member = (fullName: string, extraRoles: 'sekretaris'[] = []) =>
      run(null, (ctx) =>
        registerMember(ctx, {
          ...aPerson(),
          fullName,
          address: 'RT 002/RW 001, Nita',
          occupationSegment: 'petani',
          joinedOn: '2026-01-02',
          extraRoles,
        }),
      );
    const ani = await member('Ani Parera');
    const budi = await member('Budi Wodon');
    const citra = await member('Citra Lewar');
    const dewi = await member('Dewi Kolo', ['sekretaris']); // a related party: 10% limit
    const eko = await member('Eko Tefa');
    const fajar = await member('Fajar Bura');
    const bankId = (
      await run(manajer, (ctx) =>
        addPartnerBank(ctx, {
          code: 'BPD-NTT',
          name: 'Bank NTT',
          contactName: null,
          contactPhone: null,
        }),
      )
    ).id;
    const facilityId = (
      await run(ketua, (ctx) =>
        openBankFacility(ctx, {
          bankId,
          kind: 'channeling',
          agreementNumber: 'CHN-NTT-2026-01',
          plafond: 100_000_000n,
          interestRateBps: 100,
          ratePeriod: 'month',
          tenorMonths: 12,
          quotaPerMember: 10_000_000n,
          feeBps: 150,
          openedOn: '2026-01-02',
        }),
      )
    ).id;

    const apply = (membershipId: string, amount: bigint, installments: number) =>
      run(kasir, (ctx) =>
        applyForLoan(ctx, {
          membershipId,
          productCode: 'UMUM',
          amount,
          installments,
          purpose: 'Modal usaha tenun ikat',
          declaredMonthlyIncome: 8_000_000n,
          guarantors: [],
          collateral: [],
          appliedVia: 'officer',
        }),
      ).then((loan) => loan.id);
    const decide = (personId: string, loanId: string, decision: 'approve' | 'reject' = 'approve') =>
      run(personId, (ctx) =>
        decideLoanApplication(ctx, { loanId, decision, reason: 'Dinilai komite kredit' }),
      );
    const repay = (
      personId: string,
      loanId: string,
      amount: bigint,
      channel: 'sukarela' | 'cash',
    ) => run(personId, (ctx) => repayLoan(ctx, { loanId, channel, amount }));
    const detailOf = (loanId: string) => run(pengawas, (ctx) => getLoanDetail(ctx, loanId));
    /** A kasir's day at the counter: a session opened, `fn`, and the drawer counted exactly. */
    const atTeller = async (fn: () => Promise<unknown>, openingFloat = 0n) => {
      const session = await run(kasir, (ctx) => openTellerSession(ctx, { openingFloat }));
      await fn();
      const drawer = await run(kasir, (ctx) => getTellerSession(ctx, session.id));
      const closed = await run(kasir, (ctx) =>
        closeTellerSession(ctx, { sessionId: session.id, countedCash: drawer.expectedCash }),
      );
      expect(closed.difference, `the drawer of ${today()}`).toBe(0n);
      return drawer;
    };
    const dayEnd = () =>
      run(bendahara, (ctx) => runLoanDayEnd(ctx, { businessDate: today() })).then(
        async (result) => {
          // Each run moves Cadangan kerugian piutang from what was booked to what is required.
          expect(await allowanceMovedOn(today())).toBe(
            result.requiredAllowance - result.bookedAllowanceBefore,
          );
          expect(await balanceOf('1-1319')).toBe(result.requiredAllowance);
          return result;
        },
      );
    const positionOf = async (loanId: string) => {
      const [row] = await withSystem(test.db, 'scenario reads a day-end position', (tx) =>
        queryRows<{
          days_past_due: number;
          collectibility: string;
          principal_outstanding: string;
          penalty_accrued_total: string;
          penalty_owed: string;
          required_allowance: string;
        }>(
          tx,
          sql`select days_past_due, collectibility, principal_outstanding::text,
                penalty_accrued_total::text, penalty_owed::text, required_allowance::text
              from loan_day_end_positions
              where cooperative_id = ${cooperativeId} and loan_id = ${loanId}
                and business_date = ${today()}::date`,
        ),
      );
      if (!row) throw new Error(`no day-end position of ${loanId} on ${today()}`);
      return row;
    };
    const allowanceMovedOn = async (date: string) => {
      const rows = await allowanceLines();
      return rows
        .filter((row) => row.business_date === date)
        .reduce((sum, row) => sum + (row.side === 'credit' ? row.amount : -row.amount), 0n);
    };
    const allowanceLines = async () =>
      (
        await withSystem(test.db, 'scenario reads allowance entries', (tx) =>
          queryRows<{ business_date: string; side: string; amount: string }>(
            tx,
            sql`select to_char(e.business_date, 'YYYY-MM-DD') as business_date, l.side,
                  l.amount::text
                from journal_entries e
                join journal_lines l on l.cooperative_id = e.cooperative_id and l.entry_id = e.id
                join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
                where e.cooperative_id = ${cooperativeId} and e.source_type = 'loans.allowance'
                  and a.code = '1-1319'
                order by e.sequence`,
          ),
        )
      ).map((row) => ({ ...row, amount: BigInt(row.amount) }));
    const balanceOf = async (code: string) => {
      const accounts = await run(null, (ctx) => listAccounts(ctx, { includeSubAccounts: false }));
      return accounts.find((account) => account.code === code)?.balance ?? 0n;
    };
    const portfolio = () => run(pengawas, (ctx) => getPortfolioQuality(ctx));
    const report = () => run(pengawas, (ctx) => getFacilityReport(ctx, facilityId));
    /** A share of the portfolio in basis points, half up. */
    const bps = (part: bigint, whole: bigint) => Number((part * 20_000n + whole) / (2n * whole));

    // 5 January: three loans. Ani's Rp6 million needs one approver; Budi's Rp24 million needs two
    // with the ketua; Budi and Citra are paid out in cash at the counter, Ani into her sukarela.
    goTo('2026-01-05');
    const aniLoan = await apply(ani.membershipId, 6_000_000n, 12);
    expect(await decide(manajer, aniLoan)).toMatchObject({ status: 'disetujui' });
    const budiLoan = await apply(budi.membershipId, 24_000_000n, 12);
    const afterManajer = await decide(manajer, budiLoan);
    expect(afterManajer).toMatchObject({
      status: 'diajukan',
      approvals: { required: 2, requiresKetua: true, complete: false, isKetuaMissing: true },
    });
    expect(await refusalOf(decide(manajer, budiLoan))).toMatchObject({
      code: 'loans.decision_already_recorded',
    });
    expect(await decide(ketua, budiLoan)).toMatchObject({ status: 'disetujui' });
    const citraLoan = await apply(citra.membershipId, 9_000_000n, 12);
    await decide(manajer, citraLoan);
    const ani0 = await run(bendahara, (ctx) =>
      disburseLoan(ctx, { loanId: aniLoan, channel: 'sukarela' }),
    );
    expect(ani0.disbursement).toMatchObject({ channel: 'sukarela', netAmount: 5_940_000n });
    expect(ani0.schedule[0]).toMatchObject({
      dueDate: '2026-02-05',
      principal: 500_000n,
      interest: 60_000n,
      total: 560_000n,
    });
    const opening = await atTeller(async () => {
      await run(kasir, (ctx) => disburseLoan(ctx, { loanId: budiLoan, channel: 'cash' }));
      await run(kasir, (ctx) => disburseLoan(ctx, { loanId: citraLoan, channel: 'cash' }));
    }, 40_000_000n);
    // Rp24 million less Rp240,000 and Rp9 million less Rp90,000 of admin fee left the drawer.
    expect(opening.expectedCash).toBe(40_000_000n - 23_760_000n - 8_910_000n);
    expect(await balanceOf('4-1202')).toBe(60_000n + 240_000n + 90_000n);

    // The installments every month on the 5th: Ani from her sukarela, the others at the counter.
    const installments = {
      ani: 560_000n, // 500,000 + 1% of 6,000,000
      budi: 2_240_000n, // 2,000,000 + 240,000
      citra: 840_000n, // 750,000 + 90,000
      dewi: 530_000n, // 500,000 + 30,000
      eko: 1_060_000n, // the bank's schedule: 1,000,000 + 60,000
      fajar: 560_000n,
    };

    goTo('2026-02-05');
    await repay(kasir, aniLoan, installments.ani, 'sukarela');
    await atTeller(async () => {
      await repay(kasir, budiLoan, installments.budi, 'cash');
      // Citra pays her first installment, and never again.
      await repay(kasir, citraLoan, installments.citra, 'cash');
    });
    // Dewi is sekretaris, a related party: at most 10% of Rp200 million; then her own
    // application may not be decided by herself.
    const dewiTooLarge = await apply(dewi.membershipId, 25_000_000n, 12);
    expect(await refusalOf(decide(manajer, dewiTooLarge))).toMatchObject({
      code: 'loans.limit_exceeded',
      params: { limit: '20000000' },
    });
    expect(await decide(manajer, dewiTooLarge, 'reject')).toMatchObject({ status: 'ditolak' });
    const dewiLoan = await apply(dewi.membershipId, 3_000_000n, 6);
    expect(await refusalOf(decide(dewi.personId, dewiLoan))).toMatchObject({
      code: 'loans.self_approval_forbidden',
    });
    await decide(manajer, dewiLoan);
    await run(kasir, (ctx) => disburseLoan(ctx, { loanId: dewiLoan, channel: 'sukarela' }));
    // Eko's loan goes to Bank NTT through the cooperative: board gate, bank decision, bank payout.
    const ekoLoan = await apply(eko.membershipId, 6_000_000n, 6);
    await decide(manajer, ekoLoan);
    await run(manajer, (ctx) => assignLoanToFacility(ctx, { loanId: ekoLoan, facilityId }));
    await run(manajer, (ctx) =>
      recordChannelingBankDecision(ctx, {
        loanId: ekoLoan,
        decision: 'approved',
        bankReference: 'NTT/KUR/2026/015',
        decidedOn: '2026-02-05',
        note: null,
        approvedAmount: null,
        interestRateBpsPerMonth: null,
        installments: null,
      }),
    );
    const loansBefore = await balanceOf('1-1310');
    await run(bendahara, (ctx) =>
      disburseChanneledLoan(ctx, {
        loanId: ekoLoan,
        payout: 'bank_direct',
        disbursedOn: '2026-02-05',
        bankReference: 'TRF-NTT-0205',
      }),
    );
    expect(await balanceOf('1-1310')).toBe(loansBefore); // the bank's loan, not the cooperative's
    const fajarLoan = await apply(fajar.membershipId, 6_000_000n, 12);
    await decide(manajer, fajarLoan);
    await run(bendahara, (ctx) => disburseLoan(ctx, { loanId: fajarLoan, channel: 'sukarela' }));

    const collectEko = () =>
      run(kasir, (ctx) =>
        collectChanneledRepayment(ctx, {
          loanId: ekoLoan,
          channel: 'cash',
          amount: installments.eko,
        }),
      );
    const remit = () => run(bendahara, (ctx) => remitChannelingCollections(ctx, { facilityId }));
    /** The 5th of a month: everyone due pays on time, except those named in `skip`. */
    const fifth = async (month: string, skip: string[] = []) => {
      goTo(`2026-${month}-05`);
      const payable = (loanId: string) => !skip.includes(loanId);
      if (payable(aniLoan)) await repay(kasir, aniLoan, installments.ani, 'sukarela');
      if (payable(fajarLoan)) await repay(kasir, fajarLoan, installments.fajar, 'sukarela');
      await atTeller(async () => {
        if (payable(budiLoan)) await repay(kasir, budiLoan, installments.budi, 'cash');
        if (payable(dewiLoan) && month <= '08')
          await repay(kasir, dewiLoan, installments.dewi, 'cash');
        if (month <= '08') await collectEko();
      });
    };

    await fifth('03', [citraLoan]);
    // 31 March: the first day-end. Citra's second installment is 26 days late: denda 0.1% a day
    // of Rp840,000 = Rp840 a day, caught up over the days no day-end ran. Still lancar.
    goTo('2026-03-31');
    const march = await dayEnd();
    expect(march).toMatchObject({ loanCount: 5, overdueLoanCount: 1, requiredAllowance: 0n });
    expect(await positionOf(citraLoan)).toMatchObject({
      days_past_due: 26,
      collectibility: 'lancar',
      penalty_accrued_total: '21840',
    });

    // April: Budi pays five days late, and his money pays the denda first.
    await fifth('04', [citraLoan, budiLoan]);
    goTo('2026-04-10');
    await atTeller(async () => {
      const late = await repay(kasir, budiLoan, installments.budi + 11_200n, 'cash');
      expect(late).toMatchObject({ penalty: 11_200n, interest: 240_000n, principal: 2_000_000n });
    });
    expect(await balanceOf('4-1203')).toBe(11_200n);

    await fifth('05', [citraLoan]);
    const firstRemittance = await remit();
    // Rp3,180,000 collected; 1.5% stays with the cooperative.
    expect(firstRemittance).toMatchObject({
      collected: 3_180_000n,
      fee: 47_700n,
      remitted: 3_132_300n,
      collections: 3,
    });

    // 3 June: Citra 90 days late is still lancar under KSP 2009; PAR30 sees her, PAR90 not yet.
    goTo('2026-06-03');
    await dayEnd();
    expect(await positionOf(citraLoan)).toMatchObject({
      days_past_due: 90,
      collectibility: 'lancar',
    });
    // Budi's denda, charged when he paid, is what the day-end accrued for those days: nothing owed.
    expect(await positionOf(budiLoan)).toMatchObject({
      days_past_due: 0,
      penalty_accrued_total: '11200',
      penalty_owed: '0',
    });
    // Outstanding: Ani 4,000,000, Budi 16,000,000, Citra 8,250,000, Dewi 1,500,000, Fajar 4,500,000.
    const juneTotal = 34_250_000n;
    expect(await portfolio()).toMatchObject({
      businessDate: '2026-06-03',
      loanCount: 5,
      totalOutstanding: juneTotal,
      npl: { outstanding: 0n, loanCount: 0 },
      par30: { outstanding: 8_250_000n, ratioBps: bps(8_250_000n, juneTotal), loanCount: 1 },
      par90: { outstanding: 0n, loanCount: 0 },
      requiredAllowance: 0n,
    });

    // 4 June, day 91: kurang lancar, 50% of Rp8,250,000 reserved.
    goTo('2026-06-04');
    expect(await dayEnd()).toMatchObject({
      requiredAllowance: 4_125_000n,
      bookedAllowanceBefore: 0n,
    });
    expect(await positionOf(citraLoan)).toMatchObject({
      days_past_due: 91,
      collectibility: 'kurang_lancar',
      required_allowance: '4125000',
    });
    expect(await portfolio()).toMatchObject({
      totalOutstanding: juneTotal,
      npl: { outstanding: 8_250_000n, ratioBps: 2_409, loanCount: 1 },
      par1: { outstanding: 8_250_000n, ratioBps: 2_409 },
      par30: { outstanding: 8_250_000n, ratioBps: 2_409 },
      par90: { outstanding: 8_250_000n, ratioBps: 2_409 },
      byCollectibility: { kurang_lancar: { outstanding: 8_250_000n, loanCount: 1 } },
      requiredAllowance: 4_125_000n,
      bookedAllowance: 4_125_000n,
    });

    // June and July: Fajar misses two installments.
    await fifth('06', [citraLoan, fajarLoan]);
    await fifth('07', [citraLoan, fajarLoan]);
    // After five collections and one remittance, the bank's report.
    expect((await report()).totals).toEqual({
      plafond: 100_000_000n,
      drawn: 6_000_000n,
      repaid: 5_000_000n,
      outstanding: 1_000_000n,
      interestPaid: 300_000n,
      collected: 5_300_000n,
      remitted: 3_132_300n,
      fee: 47_700n,
      collectedNotRemitted: 2_120_000n,
    });

    // 20 July: Fajar is 45 days late on June's installment and 15 on July's. The ketua
    // reschedules the Rp4,500,000 left over 12 months from today; the unpaid interest of June
    // and July (Rp120,000) is carried into the first new installment, the denda waived. (A day-end
    // between the arrears and a reschedule is left out here: see the known bugs below.)
    goTo('2026-07-20');
    expect((await detailOf(fajarLoan)).position).toMatchObject({
      daysPastDue: 45,
      overduePrincipal: 1_000_000n,
      overdueInterest: 120_000n,
    });
    expect(
      await refusalOf(
        run(fajar.personId, (ctx) =>
          rescheduleLoan(ctx, {
            loanId: fajarLoan,
            newInstallments: 12,
            reason: 'Minta sendiri',
            effectiveDate: today(),
          }),
        ),
      ),
    ).toMatchObject({ code: 'loans.self_reschedule_forbidden' });
    const rescheduled = await run(ketua, (ctx) =>
      rescheduleLoan(ctx, {
        loanId: fajarLoan,
        newInstallments: 12,
        reason: 'Gagal panen kemiri; angsuran diringankan',
        effectiveDate: today(),
      }),
    );
    expect(rescheduled.reschedules[0]).toMatchObject({
      principalOutstanding: 4_500_000n,
      interestCarried: 120_000n,
      approvedBy: ketua,
      approverRoles: ['ketua'],
    });
    const fresh = rescheduled.schedule.slice(3);
    expect(fresh).toHaveLength(12);
    expect(fresh[0]).toMatchObject({
      dueDate: '2026-08-20',
      principal: 375_000n,
      interest: 165_000n,
      total: 540_000n,
    });
    expect(fresh[1]).toMatchObject({ dueDate: '2026-09-20', total: 420_000n });
    // The day-end of the same day sees him current: no days past due, no denda owed.
    await dayEnd();
    expect(await positionOf(fajarLoan)).toMatchObject({
      days_past_due: 0,
      collectibility: 'lancar',
      penalty_owed: '0',
    });

    // August: Dewi's last installment closes her loan; Eko's too, and the bank gets the rest.
    await fifth('08', [citraLoan, fajarLoan]);
    expect(await detailOf(dewiLoan)).toMatchObject({ status: 'lunas' });
    expect(await remit()).toMatchObject({ collected: 3_180_000n, fee: 47_700n, collections: 3 });
    const bankReport = await report();
    expect(bankReport.totals).toEqual({
      plafond: 100_000_000n,
      drawn: 6_000_000n,
      repaid: 6_000_000n,
      outstanding: 0n,
      interestPaid: 360_000n,
      collected: 6_360_000n,
      remitted: 6_264_600n,
      fee: 95_400n,
      collectedNotRemitted: 0n,
    });
    expect(bankReport.lines).toEqual([
      expect.objectContaining({
        loanId: ekoLoan,
        status: 'lunas',
        principal: 6_000_000n,
        principalRepaid: 6_000_000n,
        interestRepaid: 360_000n,
        outstanding: 0n,
        collectedNotRemitted: 0n,
      }),
    ]);
    expect(await balanceOf('2-1601')).toBe(0n);
    expect(await balanceOf('4-1211')).toBe(95_400n);

    // Fajar pays the new schedule on the 20th: the waived denda is not charged.
    goTo('2026-08-20');
    expect(await repay(kasir, fajarLoan, 540_000n, 'sukarela')).toMatchObject({
      penalty: 0n,
      interest: 165_000n,
      principal: 375_000n,
    });

    // 2 September, day 181: diragukan, 75%. Fajar is current again.
    goTo('2026-09-02');
    expect(await dayEnd()).toMatchObject({
      requiredAllowance: 6_187_500n,
      bookedAllowanceBefore: 4_125_000n,
    });
    expect(await positionOf(citraLoan)).toMatchObject({ collectibility: 'diragukan' });
    expect(await positionOf(fajarLoan)).toMatchObject({ days_past_due: 0, penalty_owed: '0' });

    for (const month of ['09', '10', '11']) {
      await fifth(month, [citraLoan, fajarLoan]);
      goTo(`2026-${month}-20`);
      await repay(kasir, fajarLoan, 420_000n, 'sukarela');
    }
    // 20 November: Ani pays off early: the current period's interest and the principal left;
    // December's and January's interest are not owed.
    await atTeller(async () => {
      const payoff = await run(kasir, (ctx) =>
        payOffLoan(ctx, { loanId: aniLoan, channel: 'cash' }),
      );
      expect(payoff).toMatchObject({
        amount: 1_060_000n,
        interest: 60_000n,
        principal: 1_000_000n,
        loanStatus: 'lunas',
      });
    });

    // 1 December, day 271: macet, 100%. The portfolio: Budi 4,000,000, Citra 8,250,000 and
    // Fajar 3,000,000 outstanding.
    goTo('2026-12-01');
    expect(await dayEnd()).toMatchObject({
      loanCount: 3,
      requiredAllowance: 8_250_000n,
      bookedAllowanceBefore: 6_187_500n,
    });
    expect(await positionOf(citraLoan)).toMatchObject({
      days_past_due: 271,
      collectibility: 'macet',
      principal_outstanding: '8250000',
    });
    const decemberTotal = 15_250_000n;
    expect(await portfolio()).toMatchObject({
      businessDate: '2026-12-01',
      loanCount: 3,
      totalOutstanding: decemberTotal,
      npl: { outstanding: 8_250_000n, ratioBps: 5_410, loanCount: 1 },
      par1: { outstanding: 8_250_000n, ratioBps: 5_410, loanCount: 1 },
      par30: { outstanding: 8_250_000n, ratioBps: 5_410, loanCount: 1 },
      par90: { outstanding: 8_250_000n, ratioBps: 5_410, loanCount: 1 },
      byCollectibility: {
        lancar: { outstanding: 7_000_000n, loanCount: 2 },
        macet: { outstanding: 8_250_000n, loanCount: 1 },
      },
      requiredAllowance: 8_250_000n,
      bookedAllowance: 8_250_000n,
    });
    expect(bps(8_250_000n, decemberTotal)).toBe(5_410);

    await fifth('12', [aniLoan, citraLoan, fajarLoan]);
    goTo('2026-12-20');
    await repay(kasir, fajarLoan, 420_000n, 'sukarela');

    // 31 December: nothing moves the allowance; it went 0 → 4,125,000 → 6,187,500 → 8,250,000.
    goTo('2026-12-31');
    expect(await dayEnd()).toMatchObject({
      totalOutstanding: 2_000_000n + 8_250_000n + 2_625_000n,
      requiredAllowance: 8_250_000n,
      allowanceEntryId: null,
    });
    expect(
      (await allowanceLines()).map((row) => [row.business_date, row.side, row.amount]),
    ).toEqual([
      ['2026-06-04', 'credit', 4_125_000n],
      ['2026-09-02', 'credit', 2_062_500n],
      ['2026-12-01', 'credit', 2_062_500n],
    ]);
    expect(await balanceOf('5-2501')).toBe(8_250_000n);
    const statuses = await Promise.all(
      [aniLoan, budiLoan, citraLoan, dewiTooLarge, dewiLoan, fajarLoan].map(async (loanId) =>
        detailOf(loanId).then((loan) => loan.status),
      ),
    );
    expect(statuses).toEqual(['lunas', 'aktif', 'aktif', 'ditolak', 'lunas', 'aktif']);
    // Piutang pinjaman holds exactly what the loans still owe.
    expect(await balanceOf('1-1310')).toBe(2_000_000n + 8_250_000n + 2_625_000n);

    const verified = await run(null, (ctx) => verifyCooperativeLedger(ctx.tx, cooperativeId));
    expect(verified.problems).toEqual([]);
    const trial = await run(null, (ctx) => getTrialBalance(ctx, { asOf: endOfTime }));
    expect(trial.isBalanced).toBe(true);
    const counters = await run(null, (ctx) => verifyShuCounters(ctx));
    expect(counters).toEqual({ isConsistent: true, differences: [] });
  });
});

/**
 * Three bugs once found with this scenario (pinned here as `it.fails` until fixed), around a
 * reschedule after a day-end: the year scenario above runs no day-end between Fajar's arrears
 * and his reschedule, so it does not see them.
 *
 * A flat loan of Rp6,000,000 over 12 months at 1% (Rp560,000 a month, denda 0.1% a day) paid
 * out on 2 March misses April and May; the day-end of 12 May accrues the denda day by day:
 * April's Rp560,000 for 40 days and May's for 10 = 50 × Rp560 = Rp28,000. The ketua then
 * reschedules it that day.
 */
describe('loans: a reschedule after a day-end', () => {
  let test: TestApp;
  let loanId: string;
  let kasir: string;
  let cooperativeId: string;
  let before: Awaited<ReturnType<typeof getLoanDetail>>;
  let rescheduled: Awaited<ReturnType<typeof rescheduleLoan>>;
  const at = (date: string) => new Date(`${date}T02:00:00Z`);
  const run = <T>(personId: string | null, date: string, fn: (ctx: LoansContext) => Promise<T>) =>
    withTenant(test.db, cooperativeId, (tx) =>
      fn({
        tx,
        cooperativeId,
        now: at(date),
        actorPersonId: personId,
        idempotencyKey: randomUUID(),
      }),
    );

  beforeAll(async () => {
    test = await createTestApp();
    cooperativeId = (await givenCooperative(test.db)).id;
    const chart = await chartOf(test.db, cooperativeId);
    kasir = (await givenMember(test.db, cooperativeId, ['kasir'])).person.id;
    const ketua = (await givenMember(test.db, cooperativeId, ['ketua'])).person.id;
    await run(null, '2026-03-01', (ctx) =>
      postJournalEntry(
        ctx,
        anEntry(
          [debit(chart.id('1-1201'), 100_000_000n), credit(chart.id('3-1201'), 100_000_000n)],
          {
            businessDate: '2026-03-01',
          },
        ),
      ),
    );
    await run(ketua, '2026-03-01', (ctx) => setLoanProduct(ctx, { ...umum, adminFeeBps: 0 }));
    const borrower = await run(null, '2026-03-01', (ctx) =>
      registerMember(ctx, {
        ...aPerson(),
        address: 'RT 001/RW 001, Koting',
        occupationSegment: 'petani',
        joinedOn: '2026-01-02',
        extraRoles: [],
      }),
    );
    loanId = (
      await run(kasir, '2026-03-02', (ctx) =>
        applyForLoan(ctx, {
          membershipId: borrower.membershipId,
          productCode: 'UMUM',
          amount: 6_000_000n,
          installments: 12,
          purpose: 'Modal usaha',
          declaredMonthlyIncome: 8_000_000n,
          guarantors: [],
          collateral: [],
          appliedVia: 'officer',
        }),
      )
    ).id;
    await run(ketua, '2026-03-02', (ctx) =>
      decideLoanApplication(ctx, { loanId, decision: 'approve', reason: 'Layak' }),
    );
    await run(kasir, '2026-03-02', (ctx) => disburseLoan(ctx, { loanId, channel: 'sukarela' }));
    await run(kasir, '2026-05-12', (ctx) => runLoanDayEnd(ctx, { businessDate: '2026-05-12' }));
    before = await run(null, '2026-05-12', (ctx) => getLoanDetail(ctx, loanId));
    rescheduled = await run(ketua, '2026-05-12', (ctx) =>
      rescheduleLoan(ctx, {
        loanId,
        newInstallments: 12,
        reason: 'Gagal panen',
        effectiveDate: '2026-05-12',
      }),
    );
  });
  afterAll(() => test.drop());

  // Was bug A: getLoanDetail showed all that is overdue × the oldest installment's days
  // = Rp1,120,000 × 0.1% × 40 = Rp44,800, not the Rp28,000 the day-end accrued and repayLoan
  // charges (accruedPositionOf): a denda the teller would not take.
  it('shows on the loan the denda a repayment would charge', () => {
    expect(before.position).toMatchObject({ daysPastDue: 40, penaltyDue: 28_000n });
  });

  // Was bug B: rescheduleLoan recorded penaltyWaived from the same formula (Rp44,800), not the
  // denda owed (Rp28,000).
  it('records as waived the denda that was owed', () => {
    expect(rescheduled.reschedules[0]).toMatchObject({
      interestCarried: 120_000n,
      penaltyWaived: 28_000n,
    });
  });

  // Was bug C: the waiver was not applied. accruedPositionOf started from the last day-end
  // position's penalty_accrued_total (Rp28,000, accrued before the reschedule) and nothing
  // subtracted what the reschedule waived, so the first installment of the new schedule paid the
  // waived denda first and the loan was in arrears again. Now the denda owed is accrued less paid
  // less waived (a reschedule between day-ends: reschedule.test.ts).
  it('does not charge the waived denda on the first new installment', async () => {
    const paid = await run(kasir, '2026-06-12', (ctx) =>
      repayLoan(ctx, { loanId, channel: 'sukarela', amount: 680_000n }),
    );
    expect(paid).toMatchObject({ penalty: 0n, interest: 180_000n, principal: 500_000n });
  });
});
