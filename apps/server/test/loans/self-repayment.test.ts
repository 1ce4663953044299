import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSavingsProducts, setSavingsProducts } from '../../src/modules/savings/index.js';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { ledgerStateOf } from '../harness/ledger-fixtures.js';
import { inSavings } from '../savings/savings-fixtures.js';
import {
  givenBorrower,
  givenLendingCooperative,
  loansApi,
  verifyLedger,
} from './loans-fixtures.js';
import { givenPlainFlatProduct, givenRunningLoan } from './reschedule-fixtures.js';

const day = 24 * 60 * 60 * 1000;
const pin = '260417';

describe('a member repays their own loan from sukarela with the transaction PIN', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenLendingCooperative>>;
  let api: ReturnType<typeof loansApi>;
  type Borrower = Awaited<ReturnType<typeof givenBorrower>>;

  const repaySelf = (loanId: string, token: string, payload: object, key = newIdempotencyKey()) =>
    api.post(`${loanId}/repayments/self`, token, payload, key);
  const setPin = (member: Borrower) =>
    test.request({
      method: 'PUT',
      url: '/api/v1/auth/pin',
      token: member.token,
      payload: { password: member.password, pin },
    });
  const sukarelaOf = async (member: Borrower) => {
    const response = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/members/${member.membershipId}/savings`,
      token: member.token,
    });
    const accounts = response.json<{ accounts: { kind: string; balance: string }[] }>().accounts;
    return accounts.find((account) => account.kind === 'sukarela')?.balance;
  };
  /** A member with a Rp1,200,000 loan over 12 months paid into sukarela, and a PIN. */
  async function givenBorrowerWithLoan() {
    const member = await givenBorrower(test, coop.cooperativeId);
    const loan = await givenRunningLoan(test.db, coop.cooperativeId, {
      membershipId: member.membershipId,
      amount: 1_200_000n,
      installments: 12,
      officerPersonId: coop.bendahara.personId,
      approverPersonId: coop.manajer.personId,
    });
    expect((await setPin(member)).statusCode).toBe(204);
    return { member, loan };
  }

  let owner: Borrower;
  let ownLoanId: string;
  let other: { member: Borrower; loanId: string };

  beforeAll(async () => {
    test = await createTestApp({
      env: { LUMBUNG_LOGIN_RATE_PER_MINUTE: '10000', LUMBUNG_SESSION_TTL_HOURS: '8760' },
    });
    coop = await givenLendingCooperative(test);
    api = loansApi(test, coop.cooperativeId);
    await givenPlainFlatProduct(test.db, coop.cooperativeId, coop.manajer.personId);
    const first = await givenBorrowerWithLoan();
    owner = first.member;
    ownLoanId = first.loan.id;
    const second = await givenBorrowerWithLoan();
    other = { member: second.member, loanId: second.loan.id };
    test.clock.advance(31 * day); // 2026-04-02, the first installment's due date
  });
  afterAll(() => test.drop());

  it("pays the month's installment from sukarela and replays a retry", async () => {
    const key = newIdempotencyKey();
    const paid = await repaySelf(ownLoanId, owner.token, { amount: '112000', pin }, key);
    expect(paid.statusCode).toBe(201);
    expect(paid.json()).toMatchObject({
      channel: 'sukarela',
      amount: '112000',
      penalty: '0',
      interest: '12000',
      principal: '100000',
      principalOutstandingAfter: '1100000',
    });
    const retry = await repaySelf(ownLoanId, owner.token, { amount: '112000', pin }, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(paid.json());
    expect(await sukarelaOf(owner)).toBe('1088000');
  });

  it("refuses another member's loan, posting nothing", async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const response = await repaySelf(other.loanId, owner.token, { amount: '10000', pin });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.forbidden' });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
  });

  it('refuses more than sukarela holds, and what would take it below the minimum balance', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const overdraft = await repaySelf(ownLoanId, owner.token, { amount: '1100000', pin });
    expect(overdraft.json()).toMatchObject({
      code: 'savings.insufficient_balance',
      params: { available: '1088000', requested: '1100000' },
    });
    await inSavings(test.db, coop.cooperativeId, coop.bendahara.personId, async (ctx) => {
      const products = await getSavingsProducts(ctx);
      await setSavingsProducts(ctx, {
        ...products,
        sukarela: { ...products.sukarela, minimumBalance: 1_000_000n },
      });
    });
    const belowMinimum = await repaySelf(ownLoanId, owner.token, { amount: '100000', pin });
    expect(belowMinimum.statusCode).toBe(422);
    expect(belowMinimum.json()).toMatchObject({ code: 'savings.insufficient_balance' });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
    await inSavings(test.db, coop.cooperativeId, coop.bendahara.personId, async (ctx) => {
      const products = await getSavingsProducts(ctx);
      await setSavingsProducts(ctx, {
        ...products,
        sukarela: { ...products.sukarela, minimumBalance: 0n },
      });
    });
  });

  it('refuses a wrong PIN and counts it with transfers: the third wrong PIN locks both', async () => {
    const wrong = { amount: '1000', pin: '111111' };
    expect((await repaySelf(other.loanId, other.member.token, wrong)).json()).toMatchObject({
      code: 'auth.pin_invalid',
    });
    expect((await repaySelf(other.loanId, other.member.token, wrong)).json()).toMatchObject({
      code: 'auth.pin_invalid',
    });
    // The third wrong PIN is typed for a transfer: the same counter locks.
    const transfer = await test.request({
      method: 'POST',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/transfers`,
      token: other.member.token,
      idempotencyKey: newIdempotencyKey(),
      payload: { toMemberNumber: owner.memberNumber, amount: '1000', pin: '111111' },
    });
    expect(transfer.json()).toMatchObject({ code: 'auth.pin_locked' });
    const locked = await repaySelf(other.loanId, other.member.token, { amount: '1000', pin });
    expect(locked.json()).toMatchObject({ code: 'auth.pin_locked' });
    const detail = await api.get(other.loanId, other.member.token);
    expect(detail.json()).toMatchObject({ repayments: [] });
  });

  it('leaves a ledger that verifies', async () => {
    expect((await verifyLedger(test.db, coop.cooperativeId)).problems).toEqual([]);
  });
});
