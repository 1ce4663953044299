import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { inLedger } from '../harness/ledger-fixtures.js';
import { getCurrentBalance, verifyCooperativeLedger } from '../../src/modules/ledger/index.js';
import { givenDeposit, givenSavingsCooperative, givenSavingsMember } from './savings-fixtures.js';

describe('no overdraft under concurrency', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.drop());

  it('lets exactly the affordable ones of 50 concurrent withdrawals succeed', async () => {
    const coop = await givenSavingsCooperative(test);
    const member = await givenSavingsMember(test.db, coop.cooperativeId);
    const receipt = await givenDeposit(test.db, coop.cooperativeId, coop.kasir.personId, {
      membershipId: member.membershipId,
      kind: 'sukarela',
      amount: 1_000_000n,
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        test.request({
          method: 'POST',
          url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/withdrawals`,
          token: coop.kasir.token,
          idempotencyKey: newIdempotencyKey(),
          payload: { membershipId: member.membershipId, kind: 'sukarela', amount: '30000' },
        }),
      ),
    );
    const succeeded = responses.filter((response) => response.statusCode === 201);
    const refused = responses.filter((response) => response.statusCode !== 201);
    // floor(1,000,000 / 30,000) = 33 withdrawals are affordable; the 34th would overdraw.
    expect(succeeded).toHaveLength(33);
    expect(refused).toHaveLength(17);
    for (const response of refused)
      expect(response.json()).toMatchObject({
        code: 'savings.insufficient_balance',
        params: { requested: '30000' },
      });
    const balancesAfter = succeeded.map((response) =>
      BigInt(response.json<{ balanceAfter: string }>().balanceAfter),
    );
    expect(balancesAfter.every((balance) => balance >= 0n)).toBe(true);
    expect([...balancesAfter].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(
      Array.from({ length: 33 }, (_, index) => 1_000_000n - 30_000n * BigInt(index + 1)),
    );
    const { balance } = await inLedger(test.db, coop.cooperativeId, (ctx) =>
      getCurrentBalance(ctx, receipt.accountId),
    );
    expect(balance).toBe(10_000n);
    const report = await inLedger(test.db, coop.cooperativeId, (ctx) =>
      verifyCooperativeLedger(ctx.tx, coop.cooperativeId),
    );
    expect(report.problems).toEqual([]);
  });
});
