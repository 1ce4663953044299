import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { chartOf } from '../harness/ledger-fixtures.js';
import { signIn } from '../harness/builders.js';
import { withdrawSavings } from '../../src/modules/savings/index.js';
import {
  givenDeposit,
  givenSavingsCooperative,
  givenSavingsMember,
  inSavings,
} from './savings-fixtures.js';

describe('wajib arrears and passbooks', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenSavingsCooperative>>;
  let paidUp: Awaited<ReturnType<typeof givenSavingsMember>>;
  let behind: Awaited<ReturnType<typeof givenSavingsMember>>;
  let unpaid: Awaited<ReturnType<typeof givenSavingsMember>>;
  let sukarelaAccountId: string;

  beforeAll(async () => {
    test = await createTestApp();
    coop = await givenSavingsCooperative(test);
    paidUp = await givenSavingsMember(test.db, coop.cooperativeId, { joinedOn: '2026-01-05' });
    behind = await givenSavingsMember(test.db, coop.cooperativeId, { joinedOn: '2026-01-20' });
    unpaid = await givenSavingsMember(test.db, coop.cooperativeId, { joinedOn: '2026-02-01' });
    const deposit = (
      membershipId: string,
      kind: 'wajib' | 'sukarela',
      amount: bigint,
      on: string,
    ) =>
      givenDeposit(
        test.db,
        coop.cooperativeId,
        coop.kasir.personId,
        { membershipId, kind, amount },
        new Date(`${on}T02:00:00Z`),
      );
    await deposit(paidUp.membershipId, 'wajib', 75_000n, '2026-01-05');
    await deposit(behind.membershipId, 'wajib', 25_000n, '2026-01-20');
    sukarelaAccountId = (await deposit(paidUp.membershipId, 'sukarela', 200_000n, '2026-01-10'))
      .accountId;
    await deposit(paidUp.membershipId, 'sukarela', 50_000n, '2026-02-15');
    await inSavings(
      test.db,
      coop.cooperativeId,
      coop.kasir.personId,
      (ctx) =>
        withdrawSavings(ctx, {
          membershipId: paidUp.membershipId,
          kind: 'sukarela',
          amount: 30_000n,
        }),
      { now: new Date('2026-03-01T02:00:00Z') },
    );
  });
  afterAll(() => test.drop());

  it('lists aktif members behind on wajib with months and amount owed', async () => {
    const response = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/arrears?asOf=2026-03-02`,
      token: coop.kasir.token,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      asOf: '2026-03-02',
      monthlyAmount: '25000',
      items: [
        {
          membershipId: behind.membershipId,
          memberNumber: behind.memberNumber,
          fullName: behind.fullName,
          joinedOn: '2026-01-20',
          monthsDue: 3,
          paid: '25000',
          amountOwed: '50000',
          monthsOwed: 2,
        },
        {
          membershipId: unpaid.membershipId,
          memberNumber: unpaid.memberNumber,
          fullName: unpaid.fullName,
          joinedOn: '2026-02-01',
          monthsDue: 2,
          paid: '0',
          amountOwed: '50000',
          monthsOwed: 2,
        },
      ],
    });
    const asOfJanuary = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/arrears?asOf=2026-01-31`,
      token: coop.kasir.token,
    });
    expect(asOfJanuary.json<{ items: unknown[] }>().items).toEqual([]);
    const member = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/arrears`,
      token: await signIn(test, unpaid),
    });
    expect(member.json()).toMatchObject({ code: 'auth.forbidden' });
  });

  it('shows the passbook with a running balance to its owner', async () => {
    const url = `/api/v1/cooperatives/${coop.cooperativeId}/savings/accounts/${sukarelaAccountId}/passbook?from=2026-02-01&to=2026-03-31`;
    const response = await test.request({ method: 'GET', url, token: await signIn(test, paidUp) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      account: { id: sukarelaAccountId, kind: 'sukarela' },
      member: { memberNumber: paidUp.memberNumber, fullName: paidUp.fullName },
      openingBalance: '200000',
      lines: [
        { businessDate: '2026-02-15', debit: '0', credit: '50000', balance: '250000' },
        { businessDate: '2026-03-01', debit: '30000', credit: '0', balance: '220000' },
      ],
      nextCursor: null,
    });
    const paged = await test.request({
      method: 'GET',
      url: `${url}&limit=1`,
      token: coop.kasir.token,
    });
    const next = await test.request({
      method: 'GET',
      url: `${url}&limit=1&cursor=${encodeURIComponent(paged.json<{ nextCursor: string }>().nextCursor)}`,
      token: coop.kasir.token,
    });
    expect(next.json<{ lines: unknown[] }>().lines).toMatchObject([{ balance: '220000' }]);
  });

  it('renders the passbook as a PDF', async () => {
    const response = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/accounts/${sukarelaAccountId}/passbook?from=2026-01-01&to=2026-03-31&format=pdf`,
      token: coop.kasir.token,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses another member, an unknown account and an account that is not savings', async () => {
    const base = `/api/v1/cooperatives/${coop.cooperativeId}/savings/accounts`;
    const other = await test.request({
      method: 'GET',
      url: `${base}/${sukarelaAccountId}/passbook`,
      token: await signIn(test, behind),
    });
    expect(other.json()).toMatchObject({ code: 'auth.forbidden' });
    const unknown = await test.request({
      method: 'GET',
      url: `${base}/${randomUUID()}/passbook`,
      token: coop.kasir.token,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'savings.account_not_found' });
    const kas = (await chartOf(test.db, coop.cooperativeId)).id('1-1101');
    const notSavings = await test.request({
      method: 'GET',
      url: `${base}/${kas}/passbook`,
      token: coop.kasir.token,
    });
    expect(notSavings.json()).toMatchObject({ code: 'savings.account_not_found' });
  });
});
