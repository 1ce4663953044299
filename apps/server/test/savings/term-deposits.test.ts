import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { givenCooperative } from '../harness/builders.js';
import { endOfTime, inLedger, ledgerStateOf, refusalOf } from '../harness/ledger-fixtures.js';
import {
  getCurrentBalance,
  getTrialBalance,
  verifyCooperativeLedger,
} from '../../src/modules/ledger/index.js';
import {
  breakTermDeposit,
  getMemberSavings,
  matureTermDeposits,
  openTermDeposit,
  setSavingsProducts,
  settleMemberExit,
  type SavingsContext,
  type SavingsProducts,
} from '../../src/modules/savings/index.js';
import {
  givenDeposit,
  givenSavingsCooperative,
  givenSavingsMember,
  inSavings,
} from './savings-fixtures.js';

const products = (berjangka: Partial<SavingsProducts['berjangka']>): SavingsProducts => ({
  pokok: { amount: 100_000n },
  wajib: { monthlyAmount: 25_000n },
  sukarela: { interestRateBps: 300, minimumBalance: 0n },
  berjangka: {
    termMonths: 12,
    interestRateBps: 600,
    maturityAction: 'to_sukarela',
    earlyBreakPenaltyBps: 100,
    ...berjangka,
  },
});

const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe('simpanan berjangka (term deposits)', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenSavingsCooperative>>;
  const members: Record<string, string> = {};
  const deposits: Record<string, string> = {};
  const berjangkaAccounts: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestApp();
    coop = await givenSavingsCooperative(test);
    for (const name of ['rolling', 'maturing', 'twice', 'cash', 'breaking', 'short', 'leaving']) {
      members[name] = (await givenSavingsMember(test.db, coop.cooperativeId)).membershipId;
    }
  });
  afterAll(() => test.drop());

  const as = <T>(
    date: string,
    fn: (ctx: SavingsContext) => Promise<T>,
    personId: string | null = coop.bendahara.personId,
  ) => inSavings(test.db, coop.cooperativeId, personId, fn, { now: at(date) });
  const setProducts = (date: string, berjangka: Partial<SavingsProducts['berjangka']>) =>
    as(date, (ctx) => setSavingsProducts(ctx, products(berjangka)));
  const balanceOf = (accountId: string) =>
    inLedger(
      test.db,
      coop.cooperativeId,
      async (ctx) => (await getCurrentBalance(ctx, accountId)).balance,
    );
  const sukarelaBalanceOf = async (member: string) => {
    const savings = await as('2026-03-02', (ctx) => getMemberSavings(ctx, members[member] ?? ''));
    const sukarela = savings.accounts.find((account) => account.kind === 'sukarela');
    return sukarela?.balance ?? 0n;
  };
  const fundSukarela = (member: string, amount: bigint, date: string) =>
    givenDeposit(
      test.db,
      coop.cooperativeId,
      coop.kasir.personId,
      { membershipId: members[member] ?? '', kind: 'sukarela', amount },
      at(date),
    );

  it('opens a deposit from sukarela: Dr sukarela, Cr berjangka, the product terms copied on', async () => {
    await setProducts('2026-02-15', { termMonths: 3, maturityAction: 'rollover' });
    await fundSukarela('rolling', 10_000_000n, '2026-02-15');
    const deposit = await as('2026-02-15', (ctx) =>
      openTermDeposit(ctx, {
        membershipId: members.rolling ?? '',
        amount: 10_000_000n,
        source: 'sukarela',
      }),
    );
    deposits.rolling = deposit.id;
    berjangkaAccounts.rolling = deposit.accountId;
    // 15 February – 15 May 2026 is 89 days: floor(10,000,000 × 600 × 89 / 3,650,000) = 146,301
    expect(deposit).toMatchObject({
      principal: 10_000_000n,
      interestRateBps: 600,
      termMonths: 3,
      maturityAction: 'rollover',
      earlyBreakPenaltyBps: 100,
      startDate: '2026-02-15',
      maturityDate: '2026-05-15',
      source: 'sukarela',
      status: 'active',
      interestAtMaturity: 146_301n,
      closure: null,
    });
    expect(await sukarelaBalanceOf('rolling')).toBe(0n);
    expect(await balanceOf(deposit.accountId)).toBe(10_000_000n);

    // Later placements take the product as it is then; this one keeps its own terms.
    await setProducts('2026-03-02', {});
    for (const [member, amount] of [
      ['maturing', 10_000_000n],
      ['breaking', 4_000_000n],
    ] as const) {
      await fundSukarela(member, amount + 5_000_000n, '2026-03-02');
      const opened = await as('2026-03-02', (ctx) =>
        openTermDeposit(ctx, { membershipId: members[member] ?? '', amount, source: 'sukarela' }),
      );
      expect(opened).toMatchObject({ maturityDate: '2027-03-02', maturityAction: 'to_sukarela' });
      deposits[member] = opened.id;
      berjangkaAccounts[member] = opened.accountId;
    }
    expect(await sukarelaBalanceOf('maturing')).toBe(5_000_000n);
    // Two deposits of one member, each earning Rp180,000: the month's Rp360,000 is taxed.
    await fundSukarela('twice', 6_000_000n, '2026-03-02');
    for (let count = 0; count < 2; count++)
      await as('2026-03-02', (ctx) =>
        openTermDeposit(ctx, {
          membershipId: members.twice ?? '',
          amount: 3_000_000n,
          source: 'sukarela',
        }),
      );
    expect(await sukarelaBalanceOf('twice')).toBe(0n);
  });

  it('refuses a deposit larger than the sukarela balance, zero, or for a member who left, changing nothing', async () => {
    await fundSukarela('short', 1_000_000n, '2026-03-02');
    await as('2026-03-02', (ctx) =>
      settleMemberExit(ctx, {
        membershipId: members.leaving ?? '',
        status: 'keluar',
        reason: 'Pindah domisili',
      }),
    );
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const open = (member: string, amount: bigint) =>
      refusalOf(
        as('2026-03-02', (ctx) =>
          openTermDeposit(ctx, { membershipId: members[member] ?? '', amount, source: 'sukarela' }),
        ),
      );
    expect(await open('short', 1_000_001n)).toMatchObject({
      code: 'savings.insufficient_balance',
      params: { available: '1000000', requested: '1000001' },
    });
    expect((await open('short', 0n)).code).toBe('savings.term_deposit_amount_invalid');
    expect((await open('short', -5n)).code).toBe('savings.term_deposit_amount_invalid');
    expect((await open('leaving', 100_000n)).code).toBe('members.not_active');
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
  });

  it('opens a deposit from cash at the teller over HTTP, counted in the drawer, replayed on retry', async () => {
    const url = `/api/v1/cooperatives/${coop.cooperativeId}/savings/term-deposits`;
    const payload = { membershipId: members.cash, amount: '5000000', source: 'cash' };
    const before = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/teller-sessions/current`,
      token: coop.kasir.token,
    });
    const key = newIdempotencyKey();
    const first = await test.request({
      method: 'POST',
      url,
      token: coop.kasir.token,
      idempotencyKey: key,
      payload,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      principal: '5000000',
      source: 'cash',
      startDate: '2026-03-02',
      maturityDate: '2027-03-02',
      interestAtMaturity: '300000',
    });
    deposits.cash = first.json<{ id: string }>().id;
    berjangkaAccounts.cash = first.json<{ accountId: string }>().accountId;
    const again = await test.request({
      method: 'POST',
      url,
      token: coop.kasir.token,
      idempotencyKey: key,
      payload,
    });
    expect(again.json()).toEqual(first.json());
    const after = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/teller-sessions/current`,
      token: coop.kasir.token,
    });
    expect(
      BigInt(after.json<{ cashIn: string }>().cashIn) -
        BigInt(before.json<{ cashIn: string }>().cashIn),
    ).toBe(5_000_000n);

    const noSession = await test.request({
      method: 'POST',
      url,
      token: coop.bendahara.token,
      idempotencyKey: newIdempotencyKey(),
      payload,
    });
    expect(noSession.statusCode).toBe(422);
    expect(noSession.json()).toMatchObject({ code: 'savings.session_not_open' });

    const list = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/members/${members.cash}/term-deposits`,
      token: coop.bendahara.token,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual([
      deposits.cash,
    ]);
  });

  it('breaks a deposit early: principal less 1% penalty to sukarela, the penalty to 4-1204, no interest', async () => {
    const broken = await as(
      '2026-06-10',
      (ctx) => breakTermDeposit(ctx, { depositId: deposits.breaking ?? '' }),
      coop.kasir.personId,
    );
    // floor(4,000,000 × 100 / 10,000) = 40,000
    expect(broken).toMatchObject({
      status: 'broken',
      closure: {
        outcome: 'broken',
        closedOn: '2026-06-10',
        grossInterest: 0n,
        taxWithheld: 0n,
        penalty: 40_000n,
        paidToSukarela: 3_960_000n,
      },
    });
    expect(await sukarelaBalanceOf('breaking')).toBe(5_000_000n + 3_960_000n);
    expect(await balanceOf(broken.accountId)).toBe(0n);
    const state = await ledgerStateOf(test.db, coop.cooperativeId);
    expect(state.accounts['4-1204']?.balance).toBe(40_000n);

    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    expect(
      await refusalOf(
        as('2026-06-11', (ctx) => breakTermDeposit(ctx, { depositId: deposits.breaking ?? '' })),
      ),
    ).toMatchObject({ code: 'savings.term_deposit_already_closed', params: { outcome: 'broken' } });
    // On its maturity date a deposit matures instead: the full interest, no penalty.
    expect(
      await refusalOf(
        as('2027-03-02', (ctx) => breakTermDeposit(ctx, { depositId: deposits.maturing ?? '' })),
      ),
    ).toMatchObject({ code: 'savings.term_deposit_due', params: { maturityDate: '2027-03-02' } });
    expect(
      (
        await refusalOf(
          as('2026-06-11', (ctx) =>
            breakTermDeposit(ctx, { depositId: '01900000-0000-7000-8000-000000000000' }),
          ),
        )
      ).code,
    ).toBe('savings.term_deposit_not_found');
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
  });

  it('rolls over at maturity: the interest to sukarela, the principal into a new linked term', async () => {
    const run = await as('2026-05-15', (ctx) => matureTermDeposits(ctx, { asOf: '2026-05-15' }));
    expect(run).toMatchObject({
      asOf: '2026-05-15',
      maturedCount: 0,
      rolledOverCount: 1,
      grossInterest: 146_301n,
      taxWithheld: 0n, // Rp146,301 in May is not above Rp240,000
    });
    const [rolled] = run.deposits;
    expect(rolled).toMatchObject({
      depositId: deposits.rolling,
      outcome: 'rolled_over',
      paidToSukarela: 146_301n,
    });
    expect(await sukarelaBalanceOf('rolling')).toBe(146_301n);
    const list = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/members/${members.rolling}/term-deposits`,
      token: coop.kasir.token,
    });
    const items = list.json<{ items: Record<string, unknown>[] }>().items;
    expect(items).toHaveLength(2);
    // The new term is on the product of the day it started (12 months, to_sukarela).
    expect(items[0]).toMatchObject({
      id: rolled?.rolledIntoId,
      rolledFromId: deposits.rolling,
      source: 'rollover',
      openingEntryId: null,
      principal: '10000000',
      startDate: '2026-05-15',
      maturityDate: '2027-05-15',
      termMonths: 12,
      status: 'active',
    });
    expect(items[1]).toMatchObject({ id: deposits.rolling, status: 'rolled_over' });
    expect(items[0]?.accountId).toBe(berjangkaAccounts.rolling);
    expect(await balanceOf(berjangkaAccounts.rolling ?? '')).toBe(10_000_000n);
  });

  it('runs the maturity job twice for the same date and posts once', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const again = await as('2026-05-20', (ctx) => matureTermDeposits(ctx, { asOf: '2026-05-15' }));
    expect(again).toMatchObject({ maturedCount: 0, rolledOverCount: 0, deposits: [] });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
    expect(
      await refusalOf(as('2026-05-20', (ctx) => matureTermDeposits(ctx, { asOf: '2026-05-21' }))),
    ).toMatchObject({ code: 'savings.maturity_date_in_future', params: { asOf: '2026-05-21' } });
  });

  it('matures to sukarela: principal and interest less 10% tax when the month is above Rp240,000', async () => {
    const stateBefore = await ledgerStateOf(test.db, coop.cooperativeId);
    const run = await as('2027-03-02', (ctx) => matureTermDeposits(ctx, { asOf: '2027-03-02' }));
    // maturing: 10,000,000 × 600 × 365 / 3,650,000 = 600,000, tax 60,000
    // cash:      5,000,000 × 600 × 365 / 3,650,000 = 300,000, tax 30,000
    // twice:     2 × 180,000 = 360,000 in March 2027, tax 36,000 (all on the second)
    expect(run).toMatchObject({
      maturedCount: 4,
      rolledOverCount: 0,
      grossInterest: 1_260_000n,
      taxWithheld: 126_000n,
    });
    const twice = run.deposits.filter((item) => item.membershipId === members.twice);
    expect(twice.map((item) => item.taxWithheld)).toEqual([0n, 36_000n]);
    expect(await sukarelaBalanceOf('twice')).toBe(6_000_000n + 360_000n - 36_000n);
    expect(await sukarelaBalanceOf('maturing')).toBe(5_000_000n + 10_000_000n + 540_000n);
    expect(await sukarelaBalanceOf('cash')).toBe(5_000_000n + 270_000n);
    const state = await ledgerStateOf(test.db, coop.cooperativeId);
    const moved = (code: string) =>
      (state.accounts[code]?.balance ?? 0n) - (stateBefore.accounts[code]?.balance ?? 0n);
    expect(moved('5-2101')).toBe(1_260_000n);
    expect(moved('2-1301')).toBe(126_000n);
    expect(await balanceOf(berjangkaAccounts.maturing ?? '')).toBe(0n);
    expect(await balanceOf(berjangkaAccounts.cash ?? '')).toBe(0n);
    // The rolled-over term (due 2027-05-15) is still running.
    expect(await balanceOf(berjangkaAccounts.rolling ?? '')).toBe(10_000_000n);
  });

  it('leaves the ledger verifiable and the trial balance balanced', async () => {
    const report = await inLedger(test.db, coop.cooperativeId, (ctx) =>
      verifyCooperativeLedger(ctx.tx, coop.cooperativeId),
    );
    expect(report.problems).toEqual([]);
    const trial = await inLedger(test.db, coop.cooperativeId, (ctx) =>
      getTrialBalance(ctx, { asOf: endOfTime }),
    );
    expect(trial.isBalanced).toBe(true);
  });

  it('lets only the bendahara run maturities over HTTP', async () => {
    const url = `/api/v1/cooperatives/${coop.cooperativeId}/savings/term-deposits/maturities`;
    const refused = await test.request({
      method: 'POST',
      url,
      token: coop.kasir.token,
      idempotencyKey: newIdempotencyKey(),
      payload: { asOf: '2026-03-01' },
    });
    expect(refused.statusCode).toBe(403);
    const ran = await test.request({
      method: 'POST',
      url,
      token: coop.bendahara.token,
      idempotencyKey: newIdempotencyKey(),
      payload: { asOf: '2026-03-01' },
    });
    expect(ran.statusCode).toBe(201);
    expect(ran.json()).toMatchObject({ asOf: '2026-03-01', maturedCount: 0, deposits: [] });
  });

  it('refuses a term deposit clearly in a konsumen cooperative, whose chart has no 2-1202', async () => {
    const konsumen = await givenCooperative(test.db, { type: 'konsumen' });
    const member = await givenSavingsMember(test.db, konsumen.id);
    const before = await ledgerStateOf(test.db, konsumen.id);
    const refusal = await refusalOf(
      inSavings(test.db, konsumen.id, null, (ctx) =>
        openTermDeposit(ctx, {
          membershipId: member.membershipId,
          amount: 1_000_000n,
          source: 'sukarela',
        }),
      ),
    );
    expect(refusal).toMatchObject({
      code: 'savings.term_deposit_unavailable',
      params: { controlCode: '2-1202' },
    });
    expect(await ledgerStateOf(test.db, konsumen.id)).toEqual(before);
  });
});
