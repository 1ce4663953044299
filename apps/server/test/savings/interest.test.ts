import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { endOfTime, inLedger, ledgerStateOf } from '../harness/ledger-fixtures.js';
import {
  getCurrentBalance,
  getTrialBalance,
  verifyCooperativeLedger,
} from '../../src/modules/ledger/index.js';
import { runMonthEndInterest, setSavingsProducts } from '../../src/modules/savings/index.js';
import {
  givenDeposit,
  givenSavingsCooperative,
  givenSavingsMember,
  inSavings,
} from './savings-fixtures.js';

const endOfMarch = new Date('2026-03-31T02:00:00Z');
const firstOfMay = new Date('2026-05-01T02:00:00Z');

describe('month-end interest and tax', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenSavingsCooperative>>;
  const accounts: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestApp();
    coop = await givenSavingsCooperative(test);
    await inSavings(test.db, coop.cooperativeId, coop.bendahara.personId, (ctx) =>
      setSavingsProducts(ctx, {
        pokok: { amount: 100_000n },
        wajib: { monthlyAmount: 25_000n },
        sukarela: { interestRateBps: 600, minimumBalance: 0n },
        berjangka: {
          termMonths: 12,
          interestRateBps: 600,
          maturityAction: 'to_sukarela',
          earlyBreakPenaltyBps: 100,
        },
      }),
    );
    for (const [name, amount, when] of [
      ['small', 10_000_000n, endOfMarch],
      ['large', 60_000_000n, endOfMarch],
      ['late', 1_000_000n, new Date('2026-04-21T02:00:00Z')],
    ] as const) {
      const member = await givenSavingsMember(test.db, coop.cooperativeId);
      const receipt = await givenDeposit(
        test.db,
        coop.cooperativeId,
        coop.kasir.personId,
        { membershipId: member.membershipId, kind: 'sukarela', amount },
        when,
      );
      accounts[name] = receipt.accountId;
    }
  });
  afterAll(() => test.drop());

  const balanceOf = (accountId: string | undefined) =>
    inLedger(
      test.db,
      coop.cooperativeId,
      async (ctx) => (await getCurrentBalance(ctx, accountId ?? '')).balance,
    );

  it('refuses a month that has not ended, changing nothing', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    await expect(
      inSavings(
        test.db,
        coop.cooperativeId,
        coop.bendahara.personId,
        (ctx) => runMonthEndInterest(ctx, { month: '2026-05' }),
        { now: firstOfMay },
      ),
    ).rejects.toMatchObject({ code: 'savings.month_not_ended', params: { month: '2026-05' } });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
  });

  it('pays interest on the daily balance, rounded down, and withholds tax above Rp240,000', async () => {
    const run = await inSavings(
      test.db,
      coop.cooperativeId,
      coop.bendahara.personId,
      (ctx) => runMonthEndInterest(ctx, { month: '2026-04' }),
      { now: firstOfMay },
    );
    // small: floor(10,000,000 × 600 × 30 / 3,650,000) = 49,315, no tax
    // large: floor(60,000,000 × 600 × 30 / 3,650,000) = 295,890, tax floor(29,589.0) = 29,589
    // late:  Rp1,000,000 for the last 10 days: floor(10,000,000 × 600 / 3,650,000) = 1,643
    expect(run).toMatchObject({
      month: '2026-04',
      accountCount: 3,
      memberCount: 3,
      grossInterest: 49_315n + 295_890n + 1_643n,
      taxWithheld: 29_589n,
    });
    // One batch entry for the three members (entries hold up to 1,000 members each).
    expect(run.entryIds).toHaveLength(1);
    expect(await balanceOf(accounts.small)).toBe(10_000_000n + 49_315n);
    expect(await balanceOf(accounts.large)).toBe(60_000_000n + 295_890n - 29_589n);
    expect(await balanceOf(accounts.late)).toBe(1_000_000n + 1_643n);
    const state = await ledgerStateOf(test.db, coop.cooperativeId);
    expect(state.accounts['5-2101']?.balance).toBe(346_848n);
    expect(state.accounts['2-1301']?.balance).toBe(29_589n);
  });

  it('returns the first run when run again, posting nothing', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const first = await inSavings(
      test.db,
      coop.cooperativeId,
      null,
      (ctx) => runMonthEndInterest(ctx, { month: '2026-04' }),
      { now: firstOfMay },
    );
    const again = await inSavings(
      test.db,
      coop.cooperativeId,
      null,
      (ctx) => runMonthEndInterest(ctx, { month: '2026-04', taxRateBps: 0 }),
      { now: new Date('2026-06-01T00:00:00Z') },
    );
    expect(again).toEqual(first);
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
    const report = await inLedger(test.db, coop.cooperativeId, (ctx) =>
      verifyCooperativeLedger(ctx.tx, coop.cooperativeId),
    );
    expect(report.problems).toEqual([]);
    const trial = await inLedger(test.db, coop.cooperativeId, (ctx) =>
      getTrialBalance(ctx, { asOf: endOfTime }),
    );
    expect(trial.isBalanced).toBe(true);
  });

  it('runs over HTTP for the bendahara only, once per month, replaying a retried request', async () => {
    const url = `/api/v1/cooperatives/${coop.cooperativeId}/savings/interest-runs`;
    const refused = await test.request({
      method: 'POST',
      url,
      token: coop.kasir.token,
      idempotencyKey: newIdempotencyKey(),
      payload: { month: '2026-02' },
    });
    expect(refused.statusCode).toBe(403);
    const key = newIdempotencyKey();
    const first = await test.request({
      method: 'POST',
      url,
      token: coop.bendahara.token,
      idempotencyKey: key,
      payload: { month: '2026-02' },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      month: '2026-02',
      accountCount: 0,
      grossInterest: '0',
      taxWithheld: '0',
      entryIds: [],
    });
    const replay = await test.request({
      method: 'POST',
      url,
      token: coop.bendahara.token,
      idempotencyKey: key,
      payload: { month: '2026-02' },
    });
    expect(replay.json()).toEqual(first.json());
    const rerun = await test.request({
      method: 'POST',
      url,
      token: coop.bendahara.token,
      idempotencyKey: newIdempotencyKey(),
      payload: { month: '2026-02' },
    });
    expect(rerun.json()).toEqual(first.json());
    const early = await test.request({
      method: 'POST',
      url,
      token: coop.bendahara.token,
      idempotencyKey: newIdempotencyKey(),
      payload: { month: '2026-03' },
    });
    expect(early.json()).toMatchObject({ code: 'savings.month_not_ended' });
  });
});
