import { divRoundHalfUp } from '@lumbung/shared/money';
import type { Tx } from '../platform/db/database.js';
import {
  addPartnerBank,
  applyForLoan,
  assignLoanToFacility,
  collectChanneledRepayment,
  decideLoanApplication,
  disburseChanneledLoan,
  disburseLoan,
  drawBankFacility,
  openBankFacility,
  payOffLoan,
  recordChannelingBankDecision,
  remitChannelingCollections,
  repayBankFacility,
  repayLoan,
  runLoanDayEnd,
  setLoanProduct,
  type LoanProduct,
  type LoansContext,
} from '../modules/loans/index.js';
import {
  closeTellerSession,
  getTellerSession,
  openTellerSession,
} from '../modules/savings/index.js';
import type { DemoMember } from './seed-ledger-activity.js';

/** The officers who run the demo credit union's lending. */
export interface DemoLendingStaff {
  manajer: string;
  ketua: string;
  kasir: string;
  bendahara: string;
}

const tiers = [
  { upTo: 10_000_000n, approvals: 1, requiresKetua: false },
  { upTo: null, approvals: 2, requiresKetua: true },
];

/** The credit union's two products: a flat consumer loan and a declining (annuity) business loan. */
export const demoLoanProducts: LoanProduct[] = [
  {
    code: 'UMUM',
    name: 'Pinjaman Umum',
    interestMethod: 'flat',
    interestRateBpsPerMonth: 100,
    tenors: [6, 10, 12],
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
    approvalTiers: tiers,
    collectibilityScheme: 'KSP_2009',
    isActive: true,
  },
  {
    code: 'PRODUKTIF',
    name: 'Pinjaman Produktif (anuitas)',
    interestMethod: 'anuitas',
    interestRateBpsPerMonth: 125,
    tenors: [12, 24],
    frequency: 'monthly',
    adminFeeBps: 100,
    provisionFeeBps: 50,
    feeTreatment: 'deducted',
    penaltyBpsPerDay: 10,
    graceInstallments: 0,
    plafondSavingsMultiple: null,
    minAmount: 1_000_000n,
    maxAmount: 50_000_000n,
    membersOnly: true,
    approvalTiers: tiers,
    collectibilityScheme: 'KSP_2009',
    isActive: true,
  },
];

/**
 * One demo loan. Applied for on `on` (approved and paid out the same day unless `fate` stops it
 * earlier); installments fall on the same day of later months and are paid on their due dates at
 * the counter, `paid` of them; `late` pays one of them `days` late (its denda first); `payoffOn`
 * closes the loan early.
 */
interface DemoLoan {
  key: string;
  /** Index into the ordinary members, or the member with the printed anggota login. */
  borrower: number | 'anggota';
  product: 'UMUM' | 'PRODUKTIF';
  amount: bigint;
  tenor: number;
  on: string;
  purpose: string;
  fate: 'diajukan' | 'menunggu_ketua' | 'disetujui' | 'ditolak' | 'aktif' | 'channeled';
  paid?: number;
  late?: { installment: number; days: number };
  payoffOn?: string;
  payout?: 'sukarela' | 'cash';
  /** Funded by the executing facility from Bank BRI. */
  isBankFunded?: boolean;
}

/**
 * The loan book on 31 October 2026: lunas by schedule and by early payoff, aktif on time, late a
 * little, kurang lancar and diragukan (stopped paying), one channeled to Bank NTT, and
 * applications still with the committee (one waiting for the ketua), approved, and rejected.
 */
const demoLoans: DemoLoan[] = [
  {
    key: 'lunas-jadwal',
    borrower: 3,
    product: 'UMUM',
    amount: 3_000_000n,
    tenor: 6,
    on: '2026-04-15',
    purpose: 'Biaya sekolah anak',
    fate: 'aktif',
    paid: 6,
  },
  {
    key: 'lunas-dipercepat',
    borrower: 10,
    product: 'UMUM',
    amount: 4_000_000n,
    tenor: 10,
    on: '2026-05-15',
    purpose: 'Renovasi dapur',
    fate: 'aktif',
    paid: 2,
    payoffOn: '2026-08-15',
  },
  {
    key: 'anggota',
    borrower: 'anggota',
    product: 'UMUM',
    amount: 5_000_000n,
    tenor: 10,
    on: '2026-07-15',
    purpose: 'Modal kios sembako',
    fate: 'aktif',
    paid: 3,
  },
  {
    key: 'telat-sekali',
    borrower: 17,
    product: 'UMUM',
    amount: 5_000_000n,
    tenor: 10,
    on: '2026-07-15',
    purpose: 'Modal tenun ikat',
    fate: 'aktif',
    paid: 3,
    late: { installment: 1, days: 7 },
  },
  {
    key: 'produktif-1',
    borrower: 24,
    product: 'PRODUKTIF',
    amount: 8_000_000n,
    tenor: 12,
    on: '2026-08-15',
    purpose: 'Bibit kakao dan pupuk',
    fate: 'aktif',
    paid: 2,
    isBankFunded: true,
  },
  {
    key: 'produktif-2',
    borrower: 31,
    product: 'PRODUKTIF',
    amount: 10_000_000n,
    tenor: 24,
    on: '2026-09-15',
    purpose: 'Perahu dan jaring',
    fate: 'aktif',
    paid: 1,
    isBankFunded: true,
  },
  {
    key: 'besar',
    borrower: 38,
    product: 'UMUM',
    amount: 24_000_000n,
    tenor: 12,
    on: '2026-09-15',
    purpose: 'Mesin penggiling kopi',
    fate: 'aktif',
    paid: 1,
    payout: 'cash',
  },
  {
    key: 'menunggak',
    borrower: 45,
    product: 'UMUM',
    amount: 5_000_000n,
    tenor: 10,
    on: '2026-06-15',
    purpose: 'Modal dagang ikan',
    fate: 'aktif',
    paid: 2,
  },
  {
    key: 'kurang-lancar',
    borrower: 52,
    product: 'UMUM',
    amount: 6_000_000n,
    tenor: 10,
    on: '2026-03-15',
    purpose: 'Ternak babi',
    fate: 'aktif',
    paid: 1,
  },
  {
    key: 'diragukan',
    borrower: 59,
    product: 'UMUM',
    amount: 4_000_000n,
    tenor: 10,
    on: '2026-01-15',
    purpose: 'Modal warung',
    fate: 'aktif',
    paid: 1,
  },
  {
    key: 'channeling',
    borrower: 66,
    product: 'UMUM',
    amount: 6_000_000n,
    tenor: 10,
    on: '2026-07-15',
    purpose: 'KUR usaha bengkel',
    fate: 'channeled',
    paid: 3,
  },
  {
    key: 'ditolak',
    borrower: 73,
    product: 'UMUM',
    amount: 8_000_000n,
    tenor: 10,
    on: '2026-09-10',
    purpose: 'Pesta adat',
    fate: 'ditolak',
  },
  {
    key: 'menunggu-ketua',
    borrower: 80,
    product: 'UMUM',
    amount: 15_000_000n,
    tenor: 12,
    on: '2026-10-27',
    purpose: 'Pikap pengangkut hasil kebun',
    fate: 'menunggu_ketua',
  },
  {
    key: 'disetujui',
    borrower: 87,
    product: 'UMUM',
    amount: 3_000_000n,
    tenor: 6,
    on: '2026-10-28',
    purpose: 'Biaya kuliah',
    fate: 'disetujui',
  },
  {
    key: 'diajukan',
    borrower: 94,
    product: 'PRODUKTIF',
    amount: 2_000_000n,
    tenor: 12,
    on: '2026-10-29',
    purpose: 'Bibit sayur dan selang',
    fate: 'diajukan',
  },
];

/** The demo's last business date: the loan day-end runs on it. */
export const lastDemoDate = '2026-10-31';

type Step = { date: string; order: number; run: (tx: Tx) => Promise<void> };

/**
 * The demo credit union's lending through the loans module's own commands, month by month:
 * `atMonthEnd(tx, month)` runs the month's applications, decisions, disbursements, repayments
 * (cash at the counter in a teller session on the 15th), the channeled loan's bank steps and
 * remittance, and on 31 October the loan day-end (aging, denda, cadangan). Call it after the
 * month's other books are posted, in the same transaction.
 */
export function demoLending(input: {
  cooperativeId: string;
  members: DemoMember[];
  anggota: DemoMember;
  staff: DemoLendingStaff;
}) {
  const { cooperativeId, staff } = input;
  let tick = 0;
  const ctxOf = (tx: Tx, date: string, personId: string, key: string): LoansContext => ({
    tx,
    cooperativeId,
    // 09:00 WITA on the business date, one second apart so the day's rows keep their order.
    now: new Date(Date.parse(`${date}T01:00:00Z`) + ++tick * 1_000),
    actorPersonId: personId,
    idempotencyKey: `demo:${key}`,
  });
  const ids = new Map<string, string>();
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`the demo loan ${key} does not exist yet`);
    return id;
  };
  const schedules = new Map<string, { dueDate: string; total: bigint }[]>();
  const steps: Step[] = [];
  const counterDays = new Set<string>();
  const at = (date: string, order: number, run: Step['run']) => steps.push({ date, order, run });
  const borrowerOf = (loan: DemoLoan) => {
    if (loan.borrower === 'anggota') return input.anggota;
    const member = input.members[loan.borrower % input.members.length];
    if (!member) throw new Error('the demo credit union has no members to lend to');
    return member;
  };
  const facilities = { executing: '', channeling: '' };

  at('2026-01-05', 0, async (tx) => {
    for (const product of demoLoanProducts)
      await setLoanProduct(
        ctxOf(tx, '2026-01-05', staff.manajer, `product-${product.code}`),
        product,
      );
    const bri = await addPartnerBank(ctxOf(tx, '2026-01-05', staff.manajer, 'bank-bri'), {
      code: 'BRI',
      name: 'Bank Rakyat Indonesia, Cabang Maumere',
      contactName: 'Account officer KMK',
      contactPhone: null,
    });
    const executing = await openBankFacility(ctxOf(tx, '2026-01-05', staff.ketua, 'fac-bri'), {
      bankId: bri.id,
      kind: 'executing',
      agreementNumber: 'KMK-BRI-MME-2026-001',
      plafond: 250_000_000n,
      interestRateBps: 1_000,
      ratePeriod: 'year',
      tenorMonths: 36,
      quotaPerMember: 25_000_000n,
      feeBps: 0,
      openedOn: '2026-01-05',
    });
    facilities.executing = executing.id;
    await drawBankFacility(ctxOf(tx, '2026-01-05', staff.bendahara, 'fac-bri-draw-1'), {
      facilityId: executing.id,
      amount: 200_000_000n,
    });
    const ntt = await addPartnerBank(ctxOf(tx, '2026-01-05', staff.manajer, 'bank-ntt'), {
      code: 'BPD-NTT',
      name: 'Bank NTT, Cabang Maumere',
      contactName: 'Petugas KUR',
      contactPhone: null,
    });
    const channeling = await openBankFacility(ctxOf(tx, '2026-01-05', staff.ketua, 'fac-ntt'), {
      bankId: ntt.id,
      kind: 'channeling',
      agreementNumber: 'CHN-NTT-MME-2026-007',
      plafond: 100_000_000n,
      interestRateBps: 100,
      ratePeriod: 'month',
      tenorMonths: 24,
      quotaPerMember: 10_000_000n,
      feeBps: 150,
      openedOn: '2026-01-05',
    });
    facilities.channeling = channeling.id;
  });

  for (const loan of demoLoans) planLoan(loan);
  // The bank's interest on the executing facility, paid each quarter (10% a year on 200 million).
  for (const date of ['2026-03-31', '2026-06-30', '2026-09-30'])
    at(date, 0, async (tx) => {
      await repayBankFacility(ctxOf(tx, date, staff.bendahara, `fac-bri-pay-${date}`), {
        facilityId: facilities.executing,
        principal: 10_000_000n,
        interest: 5_000_000n,
      });
    });
  at(lastDemoDate, 9, async (tx) => {
    await runLoanDayEnd(ctxOf(tx, lastDemoDate, staff.bendahara, 'day-end'), {
      businessDate: lastDemoDate,
    });
  });

  function planLoan(loan: DemoLoan) {
    const member = borrowerOf(loan);
    const ctx = (tx: Tx, date: string, personId: string, action: string) =>
      ctxOf(tx, date, personId, `loan-${loan.key}-${action}`);
    at(loan.on, 1, async (tx) => {
      const applied = await applyForLoan(ctx(tx, loan.on, staff.kasir, 'apply'), {
        membershipId: member.membershipId,
        productCode: loan.product,
        amount: loan.amount,
        installments: loan.tenor,
        purpose: loan.purpose,
        declaredMonthlyIncome: loan.amount / 2n,
        guarantors: [],
        collateral: [],
        appliedVia: loan.borrower === 'anggota' ? 'member' : 'officer',
      });
      ids.set(loan.key, applied.id);
      if (loan.fate === 'diajukan') return;
      const decide = (personId: string, decision: 'approve' | 'reject', reason: string) =>
        decideLoanApplication(ctx(tx, loan.on, personId, `decide-${personId}`), {
          loanId: applied.id,
          decision,
          reason,
        });
      if (loan.fate === 'ditolak') {
        await decide(staff.manajer, 'reject', 'Kapasitas bayar belum cukup untuk angsuran ini');
        return;
      }
      await decide(staff.manajer, 'approve', 'Usaha berjalan, simpanan teratur');
      if (loan.fate === 'menunggu_ketua') return;
      if (applied.approvals.required > 1)
        await decide(staff.ketua, 'approve', 'Disetujui dalam rapat pengurus');
      if (loan.isBankFunded)
        await assignLoanToFacility(ctx(tx, loan.on, staff.manajer, 'fund'), {
          loanId: applied.id,
          facilityId: facilities.executing,
        });
      if (loan.fate === 'disetujui') return;
      if (loan.fate === 'channeled') return planChanneled(tx, loan, applied.id);
      if (loan.payout === 'cash') return; // paid out at the counter (below)
      const disbursed = await disburseLoan(ctx(tx, loan.on, staff.bendahara, 'disburse'), {
        loanId: applied.id,
        channel: 'sukarela',
      });
      schedules.set(loan.key, disbursed.schedule);
    });
    if (loan.payout === 'cash')
      atCounter(loan.on, 2, async (tx) => {
        const disbursed = await disburseLoan(ctx(tx, loan.on, staff.kasir, 'disburse'), {
          loanId: idOf(loan.key),
          channel: 'cash',
        });
        schedules.set(loan.key, disbursed.schedule);
      });
    if (loan.fate !== 'aktif') return;
    for (let index = 0; index < (loan.paid ?? 0); index++) {
      const dueDate = monthsAfter(loan.on, index + 1);
      if (loan.payoffOn && dueDate > loan.payoffOn) break;
      const days = loan.late?.installment === index + 1 ? loan.late.days : 0;
      const paidOn = days > 0 ? daysAfter(dueDate, days) : dueDate;
      atCounter(paidOn, 3, async (tx) => {
        const installment = schedules.get(loan.key)?.[index];
        if (!installment)
          throw new Error(`the demo loan ${loan.key} has no installment ${index + 1}`);
        // Late: the denda of the days late comes first (0.1% a day of the installment).
        const penalty = divRoundHalfUp(installment.total * BigInt(10 * days), 10_000n);
        await repayLoan(ctx(tx, paidOn, staff.kasir, `repay-${index + 1}`), {
          loanId: idOf(loan.key),
          channel: 'cash',
          amount: installment.total + penalty,
        });
      });
    }
    const payoffOn = loan.payoffOn;
    if (payoffOn)
      atCounter(payoffOn, 4, async (tx) => {
        await payOffLoan(ctx(tx, payoffOn, staff.kasir, 'payoff'), {
          loanId: idOf(loan.key),
          channel: 'cash',
        });
      });
  }

  /** The board passed it to Bank NTT, which approves and pays the member directly. */
  async function planChanneled(tx: Tx, loan: DemoLoan, loanId: string) {
    const ctx = (personId: string, action: string) =>
      ctxOf(tx, loan.on, personId, `loan-${loan.key}-${action}`);
    await assignLoanToFacility(ctx(staff.manajer, 'fund'), {
      loanId,
      facilityId: facilities.channeling,
    });
    await recordChannelingBankDecision(ctx(staff.manajer, 'bank-decision'), {
      loanId,
      decision: 'approved',
      bankReference: 'NTT/KUR/MME/2026/0415',
      decidedOn: loan.on,
      note: 'KUR mikro',
      approvedAmount: null,
      interestRateBpsPerMonth: null,
      installments: null,
    });
    const disbursed = await disburseChanneledLoan(ctx(staff.bendahara, 'bank-disburse'), {
      loanId,
      payout: 'bank_direct',
      disbursedOn: loan.on,
      bankReference: 'TRF-NTT-20260715-18',
    });
    schedules.set(loan.key, disbursed.schedule);
  }

  // The channeled loan's installments collected at the counter; remitted to the bank in October.
  const channeled = demoLoans.find((loan) => loan.fate === 'channeled');
  if (channeled)
    for (let index = 0; index < (channeled.paid ?? 0); index++) {
      const dueDate = monthsAfter(channeled.on, index + 1);
      atCounter(dueDate, 3, async (tx) => {
        const installment = schedules.get(channeled.key)?.[index];
        if (!installment) throw new Error('the channeled demo loan has no such installment');
        await collectChanneledRepayment(
          ctxOf(tx, dueDate, staff.kasir, `loan-${channeled.key}-collect-${index + 1}`),
          { loanId: idOf(channeled.key), channel: 'cash', amount: installment.total },
        );
      });
    }
  at('2026-10-20', 0, async (tx) => {
    await remitChannelingCollections(ctxOf(tx, '2026-10-20', staff.bendahara, 'remit-ntt-1'), {
      facilityId: facilities.channeling,
    });
  });

  /** Cash steps of one day share one teller session, opened first and counted last. */
  function atCounter(date: string, order: number, run: Step['run']) {
    if (!counterDays.has(date)) {
      counterDays.add(date);
      let sessionId = '';
      at(date, 2, async (tx) => {
        const session = await openTellerSession(ctxOf(tx, date, staff.kasir, `till-${date}`), {
          openingFloat: 30_000_000n,
        });
        sessionId = session.id;
      });
      at(date, 8, async (tx) => {
        const drawer = await getTellerSession(
          ctxOf(tx, date, staff.kasir, `count-${date}`),
          sessionId,
        );
        await closeTellerSession(ctxOf(tx, date, staff.kasir, `close-${date}`), {
          sessionId,
          countedCash: drawer.expectedCash,
        });
      });
    }
    at(date, Math.max(order, 3), run);
  }

  steps.sort((left, right) =>
    left.date === right.date ? left.order - right.order : left.date < right.date ? -1 : 1,
  );
  return {
    /** Runs the lending of `month` (YYYY-MM) in `tx`. */
    async atMonthEnd(tx: Tx, month: string) {
      for (const step of steps.filter((candidate) => candidate.date.startsWith(month)))
        await step.run(tx);
    },
  };
}

function monthsAfter(date: string, months: number) {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1 + months, day));
  return shifted.toISOString().slice(0, 10);
}

function daysAfter(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
