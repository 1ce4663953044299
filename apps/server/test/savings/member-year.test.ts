import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { endOfTime, inLedger } from '../harness/ledger-fixtures.js';
import { getTrialBalance, verifyCooperativeLedger } from '../../src/modules/ledger/index.js';
import {
  closeTellerSession,
  depositSavings,
  getMemberSavings,
  getTellerSession,
  openTellerSession,
  runMonthEndInterest,
  transferSavings,
  withdrawSavings,
} from '../../src/modules/savings/index.js';
import { givenSavingsCooperative, givenSavingsMember, inSavings } from './savings-fixtures.js';

describe("scenario: a member's year of savings", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.drop());

  it('deposits, withdraws, transfers and earns interest, and the ledger still verifies', async () => {
    const coop = await givenSavingsCooperative(test);
    const siti = await givenSavingsMember(test.db, coop.cooperativeId, { joinedOn: '2026-01-02' });
    const yosef = await givenSavingsMember(test.db, coop.cooperativeId, { joinedOn: '2026-01-02' });
    const teller = coop.kasir.personId;
    const at = (date: string) => ({ now: new Date(`${date}T02:00:00Z`) });
    const run = <T>(
      fn: Parameters<typeof inSavings<T>>[3],
      date: string,
      personId: string | null = teller,
    ) => inSavings(test.db, coop.cooperativeId, personId, fn, at(date));

    const session = await run(
      (ctx) => openTellerSession(ctx, { openingFloat: 500_000n }),
      '2026-01-02',
    );
    await run(
      (ctx) =>
        depositSavings(ctx, { membershipId: siti.membershipId, kind: 'pokok', amount: 100_000n }),
      '2026-01-02',
    );
    await run(
      (ctx) =>
        depositSavings(ctx, { membershipId: yosef.membershipId, kind: 'pokok', amount: 100_000n }),
      '2026-01-02',
    );
    await run(
      (ctx) =>
        depositSavings(ctx, {
          membershipId: siti.membershipId,
          kind: 'sukarela',
          amount: 3_650_000n,
        }),
      '2026-01-02',
    );
    for (const month of ['01', '02', '03']) {
      await run(
        (ctx) =>
          depositSavings(ctx, { membershipId: siti.membershipId, kind: 'wajib', amount: 25_000n }),
        `2026-${month}-10`,
      );
    }
    await run(
      (ctx) =>
        withdrawSavings(ctx, {
          membershipId: siti.membershipId,
          kind: 'sukarela',
          amount: 500_000n,
        }),
      '2026-01-17',
    );
    await run(
      (ctx) =>
        transferSavings(ctx, {
          fromMembershipId: siti.membershipId,
          toMemberNumber: yosef.memberNumber ?? '',
          amount: 150_000n,
        }),
      '2026-02-01',
      siti.personId,
    );
    const january = await run(
      (ctx) => runMonthEndInterest(ctx, { month: '2026-01' }),
      '2026-02-02',
      coop.bendahara.personId,
    );
    const february = await run(
      (ctx) => runMonthEndInterest(ctx, { month: '2026-02' }),
      '2026-03-02',
      coop.bendahara.personId,
    );
    // January at 300 bps: 3,650,000 from the 2nd (30 days) less 500,000 from the 17th (15 days)
    // = 109,500,000 − 7,500,000 = 102,000,000 balance-days → floor(102,000,000 × 300 / 3,650,000) = 8,383.
    expect(january).toMatchObject({ memberCount: 1, grossInterest: 8_383n, taxWithheld: 0n });
    // February: Siti 3,150,000 + 8,383 − 150,000 (transfer on the 1st) all 28 days; Yosef 150,000.
    const sitiFebruary = ((3_150_000n + 8_383n - 150_000n) * 28n * 300n) / 3_650_000n;
    const yosefFebruary = (150_000n * 28n * 300n) / 3_650_000n;
    expect(february).toMatchObject({
      memberCount: 2,
      grossInterest: sitiFebruary + yosefFebruary,
      taxWithheld: 0n,
    });

    const savings = await inSavings(test.db, coop.cooperativeId, null, (ctx) =>
      getMemberSavings(ctx, siti.membershipId),
    );
    expect(savings.accounts.map((account) => [account.kind, account.balance])).toEqual([
      ['pokok', 100_000n],
      ['wajib', 75_000n],
      ['sukarela', 3_650_000n - 500_000n - 150_000n + 8_383n + sitiFebruary],
    ]);

    const drawer = await inSavings(test.db, coop.cooperativeId, teller, (ctx) =>
      getTellerSession(ctx, session.id),
    );
    expect(drawer.expectedCash).toBe(500_000n + 200_000n + 3_650_000n + 75_000n - 500_000n);
    const closed = await run(
      (ctx) => closeTellerSession(ctx, { sessionId: session.id, countedCash: drawer.expectedCash }),
      '2026-03-02',
    );
    expect(closed).toMatchObject({ difference: 0n, differenceEntryId: null });

    const report = await inLedger(test.db, coop.cooperativeId, (ctx) =>
      verifyCooperativeLedger(ctx.tx, coop.cooperativeId),
    );
    expect(report.problems).toEqual([]);
    const trial = await inLedger(test.db, coop.cooperativeId, (ctx) =>
      getTrialBalance(ctx, { asOf: endOfTime }),
    );
    expect(trial.isBalanced).toBe(true);
  });
});
