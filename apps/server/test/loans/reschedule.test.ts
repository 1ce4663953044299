import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getLoanDetail,
  repayLoan,
  rescheduleLoan,
  runLoanDayEnd,
  type RescheduleLoanInput,
} from '../../src/modules/loans/index.js';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { ledgerStateOf, refusalOf } from '../harness/ledger-fixtures.js';
import { givenDeposit } from '../savings/savings-fixtures.js';
import {
  givenBoardBorrower,
  givenBorrower,
  givenLendingCooperative,
  inLoans,
  loansApi,
  verifyLedger,
} from './loans-fixtures.js';
import { at, givenPlainFlatProduct, givenRunningLoan } from './reschedule-fixtures.js';

interface RescheduledDetail {
  installments: number;
  interestRateBpsPerMonth: number;
  schedule: {
    number: number;
    dueDate: string;
    principal: string;
    interest: string;
    status: string;
  }[];
  reschedules: {
    scheduleVersion: number;
    reason: string;
    approvedBy: string;
    approverRoles: string[];
    supersededSchedule: unknown[];
    after: { interestRateBpsPerMonth: number };
  }[];
}

describe('rescheduling a running loan (restrukturisasi)', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenLendingCooperative>>;

  const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n);

  /** Rp1,200,000 over 12 months flat 1%: Rp100,000 + Rp12,000 a month from 2026-04-02. */
  async function givenLoanTwoAndAHalfMonthsIn() {
    const member = await givenBorrower(test, coop.cooperativeId);
    const loan = await givenRunningLoan(test.db, coop.cooperativeId, {
      membershipId: member.membershipId,
      amount: 1_200_000n,
      installments: 12,
      officerPersonId: coop.bendahara.personId,
      approverPersonId: coop.manajer.personId,
    });
    // Two installments on their due dates, the second with half the third's interest.
    for (const [date, amount] of [
      ['2026-04-02', 112_000n],
      ['2026-05-02', 118_000n],
    ] as const)
      await inLoans(
        test.db,
        coop.cooperativeId,
        coop.kasir.personId,
        (ctx) => repayLoan(ctx, { loanId: loan.id, channel: 'sukarela', amount }),
        at(date),
      );
    return { member, loan };
  }

  const reschedule = (
    personId: string,
    input: RescheduleLoanInput,
    options: { date?: string; idempotencyKey?: string } = {},
  ) =>
    inLoans(test.db, coop.cooperativeId, personId, (ctx) => rescheduleLoan(ctx, input), {
      ...at(options.date ?? '2026-06-10'),
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    });

  beforeAll(async () => {
    test = await createTestApp({
      env: { LUMBUNG_LOGIN_RATE_PER_MINUTE: '10000', LUMBUNG_SESSION_TTL_HOURS: '8760' },
    });
    coop = await givenLendingCooperative(test);
    await givenPlainFlatProduct(test.db, coop.cooperativeId, coop.manajer.personId);
  });
  afterAll(() => test.drop());

  it('replaces the unpaid schedule by one over the principal outstanding, keeping what was paid and the old schedule', async () => {
    const { loan } = await givenLoanTwoAndAHalfMonthsIn();
    const before = await inLoans(
      test.db,
      coop.cooperativeId,
      null,
      (ctx) => getLoanDetail(ctx, loan.id),
      at('2026-06-10'),
    );
    expect(before.position).toMatchObject({ principalOutstanding: 1_000_000n, daysPastDue: 8 });
    const penaltyDue = before.position?.penaltyDue ?? 0n;
    expect(penaltyDue).toBeGreaterThan(0n);
    const ledgerBefore = await ledgerStateOf(test.db, coop.cooperativeId);

    const detail = await reschedule(coop.ketua.personId, {
      loanId: loan.id,
      newInstallments: 6,
      newRateBpsPerMonth: 80,
      reason: 'Panen gagal karena kemarau; angsuran diringankan',
      effectiveDate: '2026-06-10',
    });

    // Two paid installments kept, the half-paid third keeps only its paid interest, then six new.
    expect(detail.schedule).toHaveLength(9);
    expect(detail.schedule.slice(0, 3).map((row) => [row.number, row.status])).toEqual([
      [1, 'paid'],
      [2, 'paid'],
      [3, 'paid'],
    ]);
    expect(detail.schedule[2]).toMatchObject({ principal: 0n, interest: 6_000n });
    const fresh = detail.schedule.slice(3);
    expect(fresh.map((row) => row.dueDate)).toEqual([
      '2026-07-10',
      '2026-08-10',
      '2026-09-10',
      '2026-10-10',
      '2026-11-10',
      '2026-12-10',
    ]);
    // The new principals sum to the outstanding; the whole version sums to the loan.
    expect(sum(fresh.map((row) => row.principal))).toBe(1_000_000n);
    expect(sum(detail.schedule.map((row) => row.principal))).toBe(1_200_000n);
    // Flat 0.8% on Rp1,000,000 is Rp8,000; the third installment's unpaid Rp6,000 is carried.
    expect(fresh.map((row) => row.interest)).toEqual([
      14_000n,
      8_000n,
      8_000n,
      8_000n,
      8_000n,
      8_000n,
    ]);
    expect(fresh.every((row) => row.status === 'upcoming')).toBe(true);
    expect(detail.position).toMatchObject({
      principalOutstanding: 1_000_000n,
      daysPastDue: 0,
      penaltyDue: 0n,
      principalPaid: 200_000n,
      interestPaid: 30_000n,
    });
    expect(detail).toMatchObject({ installments: 9, interestRateBpsPerMonth: 80 });
    expect(detail.reschedules).toHaveLength(1);
    expect(detail.reschedules[0]).toMatchObject({
      scheduleVersion: 2,
      effectiveDate: '2026-06-10',
      reason: 'Panen gagal karena kemarau; angsuran diringankan',
      principalOutstanding: 1_000_000n,
      interestCarried: 6_000n,
      penaltyWaived: penaltyDue,
      before: {
        installments: 12,
        remainingInstallments: 10,
        interestRateBpsPerMonth: 100,
        lastDueDate: '2027-03-02',
      },
      after: {
        installments: 9,
        newInstallments: 6,
        interestRateBpsPerMonth: 80,
        lastDueDate: '2026-12-10',
      },
      approvedBy: coop.ketua.personId,
      approverRoles: ['ketua'],
    });
    // The superseded schedule is kept as it was, all twelve installments.
    const superseded = detail.reschedules[0]?.supersededSchedule ?? [];
    expect(superseded).toHaveLength(12);
    expect(superseded[11]).toMatchObject({
      number: 12,
      dueDate: '2027-03-02',
      principal: 100_000n,
    });
    // Nothing is posted: interest and denda are income when paid; there is no fee.
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(ledgerBefore);

    // The new schedule is the one repayments now follow.
    const paid = await inLoans(
      test.db,
      coop.cooperativeId,
      coop.kasir.personId,
      (ctx) => repayLoan(ctx, { loanId: loan.id, channel: 'sukarela', amount: 180_666n }),
      at('2026-07-10'),
    );
    expect(paid).toMatchObject({ penalty: 0n, interest: 14_000n, principal: 166_666n });
  });

  it('reschedules again, superseding the second schedule and keeping both earlier ones', async () => {
    const { loan } = await givenLoanTwoAndAHalfMonthsIn();
    await reschedule(coop.ketua.personId, {
      loanId: loan.id,
      newInstallments: 6,
      reason: 'Kemarau',
      effectiveDate: '2026-06-10',
    });
    const again = await reschedule(
      coop.manajer.personId,
      {
        loanId: loan.id,
        newInstallments: 12,
        reason: 'Masih kemarau',
        effectiveDate: '2026-07-01',
      },
      { date: '2026-07-01' },
    );
    expect(
      again.reschedules.map((row) => [row.scheduleVersion, row.supersededSchedule.length]),
    ).toEqual([
      [2, 12],
      [3, 9],
    ]);
    expect(sum(again.schedule.map((row) => row.principal))).toBe(1_200_000n);
    expect(again.schedule).toHaveLength(15);
  });

  it('returns the first result for a retried key and records one reschedule', async () => {
    const { loan } = await givenLoanTwoAndAHalfMonthsIn();
    const input = {
      loanId: loan.id,
      newInstallments: 6,
      reason: 'Sakit',
      effectiveDate: '2026-06-10',
    };
    const first = await reschedule(coop.ketua.personId, input, {
      idempotencyKey: 'resched-once-1',
    });
    const retry = await reschedule(coop.ketua.personId, input, {
      idempotencyKey: 'resched-once-1',
    });
    expect(retry).toEqual(first);
    expect(retry.reschedules).toHaveLength(1);
  });

  it('refuses a borrower who sits on the board rescheduling their own loan', async () => {
    const bendahara = await givenBoardBorrower(test, coop.cooperativeId, 'bendahara');
    const loan = await givenRunningLoan(test.db, coop.cooperativeId, {
      membershipId: bendahara.membershipId,
      amount: 600_000n,
      installments: 6,
      officerPersonId: coop.kasir.personId,
      approverPersonId: coop.manajer.personId,
    });
    const input = {
      loanId: loan.id,
      newInstallments: 12,
      reason: 'Saya sendiri',
      effectiveDate: '2026-06-10',
    };
    expect(await refusalOf(reschedule(bendahara.personId, input))).toMatchObject({
      code: 'loans.self_reschedule_forbidden',
    });
    // Another board member may.
    const detail = await reschedule(coop.ketua.personId, input);
    expect(detail.reschedules).toHaveLength(1);
  });

  it('refuses a kasir, an effective date in the past or too far ahead, and a loan not running', async () => {
    const { loan } = await givenLoanTwoAndAHalfMonthsIn();
    const input = {
      loanId: loan.id,
      newInstallments: 6,
      reason: 'Kemarau',
      effectiveDate: '2026-06-10',
    };
    expect(await refusalOf(reschedule(coop.kasir.personId, input))).toMatchObject({
      code: 'auth.forbidden',
    });
    expect(
      await refusalOf(reschedule(coop.ketua.personId, { ...input, effectiveDate: '2026-06-09' })),
    ).toMatchObject({ code: 'loans.reschedule_date_invalid', params: { earliest: '2026-06-10' } });
    expect(
      await refusalOf(reschedule(coop.ketua.personId, { ...input, effectiveDate: '2026-09-09' })),
    ).toMatchObject({ code: 'loans.reschedule_date_invalid' });
    const payer = await givenBorrower(test, coop.cooperativeId);
    await givenDeposit(test.db, coop.cooperativeId, coop.kasir.personId, {
      membershipId: payer.membershipId,
      kind: 'sukarela',
      amount: 10_000n,
    });
    const paidOff = await givenRunningLoan(test.db, coop.cooperativeId, {
      membershipId: payer.membershipId,
      amount: 100_000n,
      installments: 6,
      officerPersonId: coop.kasir.personId,
      approverPersonId: coop.manajer.personId,
    });
    await inLoans(test.db, coop.cooperativeId, coop.kasir.personId, (ctx) =>
      repayLoan(ctx, { loanId: paidOff.id, channel: 'sukarela', amount: 101_000n }),
    );
    expect(
      await refusalOf(reschedule(coop.ketua.personId, { ...input, loanId: paidOff.id })),
    ).toMatchObject({ code: 'loans.not_active', params: { status: 'lunas' } });
    const detail = await inLoans(test.db, coop.cooperativeId, null, (ctx) =>
      getLoanDetail(ctx, loan.id),
    );
    expect(detail.reschedules).toEqual([]);
  });

  it('reschedules over HTTP for the pengurus, replays a retry, refuses the kasir and shows the history to the member', async () => {
    const { loan, member } = await givenLoanTwoAndAHalfMonthsIn();
    const api = loansApi(test, coop.cooperativeId);
    const body = {
      newInstallments: 6,
      newRateBpsPerMonth: 90,
      reason: 'Usaha tutup sementara',
      effectiveDate: '2026-03-02',
    };
    // The HTTP clock stands at 2026-03-02, before the loan's first due date.
    expect((await api.post(`${loan.id}/reschedule`, coop.kasir.token, body)).statusCode).toBe(403);
    const key = newIdempotencyKey();
    const first = await api.post(`${loan.id}/reschedule`, coop.bendahara.token, body, key);
    expect(first.statusCode).toBe(201);
    const retry = await api.post(`${loan.id}/reschedule`, coop.bendahara.token, body, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const seen = await api.get(loan.id, member.token);
    const detail = seen.json<RescheduledDetail>();
    expect(detail.reschedules).toHaveLength(1);
    expect(detail.reschedules[0]).toMatchObject({
      reason: 'Usaha tutup sementara',
      approvedBy: coop.bendahara.personId,
      approverRoles: ['bendahara'],
      after: { interestRateBpsPerMonth: 90 },
    });
    expect(detail.reschedules[0]?.supersededSchedule).toHaveLength(12);
    const invalid = await api.post(`${loan.id}/reschedule`, coop.bendahara.token, {
      ...body,
      newInstallments: 0,
    });
    expect(invalid.statusCode).toBe(400);
  });

  it('leaves a ledger that verifies', async () => {
    expect((await verifyLedger(test.db, coop.cooperativeId)).problems).toEqual([]);
  });
});

/**
 * A reschedule between two day-ends: the denda owed on its day (the last day-end's total and the
 * days since, on the old schedule) is waived, and no later accrual goes back over those days on
 * the new schedule, so the waiver never eats denda of the new schedule.
 */
describe('rescheduling a loan between day-ends', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenLendingCooperative>>;
  beforeAll(async () => {
    test = await createTestApp();
    coop = await givenLendingCooperative(test);
    await givenPlainFlatProduct(test.db, coop.cooperativeId, coop.manajer.personId);
  });
  afterAll(() => test.drop());

  it('waives what was owed on the day and charges only the new schedule denda afterwards', async () => {
    const dayEnd = (date: string) =>
      inLoans(
        test.db,
        coop.cooperativeId,
        coop.bendahara.personId,
        (ctx) => runLoanDayEnd(ctx, { businessDate: date }),
        at(date),
      );
    const detailOn = (date: string) =>
      inLoans(test.db, coop.cooperativeId, null, (ctx) => getLoanDetail(ctx, loan.id), at(date));
    const member = await givenBorrower(test, coop.cooperativeId);
    // Rp6,000,000 over 12 months flat 1%: Rp560,000 a month from 2 April, denda Rp560 a day each.
    const loan = await givenRunningLoan(test.db, coop.cooperativeId, {
      membershipId: member.membershipId,
      amount: 6_000_000n,
      installments: 12,
      officerPersonId: coop.bendahara.personId,
      approverPersonId: coop.manajer.personId,
    });
    // 10 May: April's installment 38 days late, May's 8: 46 × Rp560.
    expect(await dayEnd('2026-05-10')).toMatchObject({ penaltyAccrued: 25_760n });
    // 12 May: two more days of both, Rp2,240, not yet seen by a day-end.
    expect((await detailOn('2026-05-12')).position).toMatchObject({ penaltyDue: 28_000n });
    const rescheduled = await inLoans(
      test.db,
      coop.cooperativeId,
      coop.ketua.personId,
      (ctx) =>
        rescheduleLoan(ctx, {
          loanId: loan.id,
          newInstallments: 12,
          reason: 'Gagal panen',
          effectiveDate: '2026-05-12',
        }),
      at('2026-05-12'),
    );
    expect(rescheduled.reschedules[0]).toMatchObject({ penaltyWaived: 28_000n });
    expect(rescheduled.position).toMatchObject({ penaltyDue: 0n });
    expect(await dayEnd('2026-05-13')).toMatchObject({ penaltyAccrued: 0n });
    // 22 June, days skipped: the first new installment (Rp680,000 with April's and May's interest
    // carried, due 12 June) is 10 days late: Rp6,800, all of it owed.
    expect(await dayEnd('2026-06-22')).toMatchObject({ penaltyAccrued: 6_800n });
    expect((await detailOn('2026-06-22')).position).toMatchObject({
      daysPastDue: 10,
      penaltyDue: 6_800n,
    });
    const paid = await inLoans(
      test.db,
      coop.cooperativeId,
      coop.kasir.personId,
      (ctx) => repayLoan(ctx, { loanId: loan.id, channel: 'sukarela', amount: 686_800n }),
      at('2026-06-22'),
    );
    expect(paid).toMatchObject({ penalty: 6_800n, interest: 180_000n, principal: 500_000n });
  });
});
