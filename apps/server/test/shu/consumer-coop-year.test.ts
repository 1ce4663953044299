import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  shuDistributionMembersView,
  shuDistributionView,
  shuMemberExplanationView,
  shuSummaryView,
} from '@lumbung/shared/contracts/shu';
import { closeFiscalYear, postJournalEntry } from '../../src/modules/ledger/index.js';
import { participationSources, verifyShuCounters } from '../../src/modules/shu/index.js';
import { queryRows, withTenant } from '../../src/platform/db/database.js';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { givenCooperative, givenMember, signIn } from '../harness/builders.js';
import { anEntry, chartOf, credit, debit, inLedger } from '../harness/ledger-fixtures.js';
import { verifyLedger } from '../loans/loans-fixtures.js';
import { givenDeposit, givenSavingsMember } from '../savings/savings-fixtures.js';

type Explanation = z.infer<typeof shuMemberExplanationView>;
type Summary = z.infer<typeof shuSummaryView>;
type Distribution = z.infer<typeof shuDistributionView>;
type MembersList = z.infer<typeof shuDistributionMembersView>;

/**
 * A year of a consumer cooperative (koperasi konsumen): members' savings, a store selling to members
 * and to non-members, its costs, then the year end. The store's sales to members are its members'
 * business (jasa usaha "belanja di toko koperasi", store_purchases), but no store module posts yet:
 * the books cannot tell which member bought what, so the line is registered and not measured, its
 * total is zero and its pool is the residue that goes to cadangan, shown as such to the board and to
 * every member.
 */
describe(`SHU year of a consumer cooperative on ${process.env.LUMBUNG_TEST_DB ?? 'pglite'}`, () => {
  let test: TestApp;
  let cooperativeId: string;
  let chart: Awaited<ReturnType<typeof chartOf>>;
  type Person = Awaited<ReturnType<typeof givenMember>> & { personId: string; token: string };
  const officers = {} as Record<'kasir' | 'ketua' | 'pengawas' | 'bendahara', Person>;
  let ani: Awaited<ReturnType<typeof givenSavingsMember>> & { token: string };
  let budi: Awaited<ReturnType<typeof givenSavingsMember>> & { token: string };

  beforeAll(async () => {
    test = await createTestApp({ env: { LUMBUNG_LOGIN_RATE_PER_MINUTE: '10000' } });
    const cooperative = await givenCooperative(test.db, { type: 'konsumen' });
    cooperativeId = cooperative.id;
    chart = await chartOf(test.db, cooperativeId);
    for (const role of ['kasir', 'ketua', 'pengawas', 'bendahara'] as const) {
      const person = await givenMember(test.db, cooperativeId, [role]);
      officers[role] = { ...person, personId: person.person.id, token: await signIn(test, person) };
    }
    const member = async (wajib: bigint) => {
      const registered = await givenSavingsMember(test.db, cooperativeId);
      for (const [kind, amount] of [
        ['pokok', 100_000n],
        ['wajib', wajib],
      ] as const)
        await givenDeposit(test.db, cooperativeId, officers.kasir.personId, {
          membershipId: registered.membershipId,
          kind,
          amount,
        });
      return { ...registered, token: await signIn(test, registered) };
    };
    ani = await member(900_000n);
    budi = await member(1_900_000n);

    // The store's year: opening capital, stock bought, sales to members and non-members with their
    // cost of goods, wages.
    const post = (lines: Parameters<typeof anEntry>[0], businessDate: string, memo: string) =>
      inLedger(test.db, cooperativeId, (ctx) =>
        postJournalEntry(ctx, anEntry(lines, { businessDate, memo })),
      );
    const id = (code: string) => chart.id(code);
    await post(
      [debit(id('1-1201'), 50_000_000n), credit(id('3-1201'), 50_000_000n)],
      '2026-03-01',
      'Saldo awal cadangan',
    );
    await post(
      [debit(id('1-1401'), 20_000_000n), credit(id('1-1201'), 20_000_000n)],
      '2026-03-03',
      'Pembelian barang dagangan',
    );
    const sale = async (revenue: string, amount: bigint, cost: bigint, businessDate: string) => {
      await post(
        [debit(id('1-1101'), amount), credit(id(revenue), amount)],
        businessDate,
        'Penjualan toko',
      );
      await post(
        [debit(id('5-1101'), cost), credit(id('1-1401'), cost)],
        businessDate,
        'Harga pokok penjualan',
      );
    };
    await sale('4-1101', 4_000_000n, 3_000_000n, '2026-04-10');
    await sale('4-1101', 3_000_000n, 2_250_000n, '2026-07-15');
    await sale('4-1102', 2_000_000n, 1_500_000n, '2026-09-20');
    await post(
      [debit(id('5-2201'), 750_000n), credit(id('1-1101'), 750_000n)],
      '2026-10-31',
      'Gaji pramuniaga',
    );
  });
  afterAll(() => test.drop());

  const url = (path: string) => `/api/v1/cooperatives/${cooperativeId}/shu/${path}`;
  const get = (path: string, token: string) =>
    test.request({ method: 'GET', url: url(path), token });
  const post = (path: string, token: string, payload: object = {}) =>
    test.request({
      method: 'POST',
      url: url(path),
      token,
      payload,
      idempotencyKey: newIdempotencyKey(),
    });
  const rules = {
    components: [
      { key: 'cadangan', bps: 4_000 },
      { key: 'jasa_modal', bps: 3_000 },
      { key: 'jasa_usaha', bps: 3_000 },
    ],
    capitalBase: { kinds: ['pokok', 'wajib'], method: 'year_end_balance' },
    participation: [{ sourceKey: 'store_purchases', weightBps: 10_000 }],
    taxRateBps: 0,
  };
  const poolOf = (pools: { key: string; amount: string }[], key: string) =>
    BigInt(pools.find((pool) => pool.key === key)?.amount ?? 'NaN');

  it('counts the store’s sales as the year’s surplus, and store purchases (not measured yet) as zero', async () => {
    expect(participationSources.store_purchases.isMeasured).toBe(false);
    const set = await post('years/2026/rules', officers.ketua.token, rules);
    expect(set.statusCode, set.body).toBe(201);
    const running = await get('years/2026/running', officers.ketua.token);
    expect(running.statusCode, running.body).toBe(200);
    const summary = running.json<Summary>();
    // Revenue 9,000,000 (7,000,000 from members), costs 7,500,000.
    expect(summary).toMatchObject({
      revenueFromMembers: '7000000',
      revenueFromNonMembers: '2000000',
      expenses: '7500000',
      surplus: '1500000',
      capitalTotal: '3000000',
    });
    expect(summary.pools.reduce((sum, pool) => sum + BigInt(pool.amount), 0n)).toBe(1_500_000n);
    // The store earns 2,250,000 over its cost of goods; the wages are shared (umum).
    expect(summary.businessUnits).toEqual([
      { unit: 'toko', revenue: '9000000', expenses: '6750000', surplus: '2250000' },
      { unit: null, revenue: '0', expenses: '750000', surplus: '-750000' },
    ]);
    // No member's purchases are in the books: the jasa usaha pool is nobody's to share, and says so.
    const store = summary.participationTotals.find((line) => line.sourceKey === 'store_purchases');
    expect(store).toMatchObject({ total: '0', unattributed: '0' });
    expect(BigInt(store?.pool ?? '0')).toBe(poolOf(summary.pools, 'jasa_usaha'));
    expect(BigInt(summary.toCadanganResidue)).toBe(poolOf(summary.pools, 'jasa_usaha'));
    expect(BigInt(summary.toCadanganResidue)).toBeGreaterThan(0n);
    const shares = summary.members.reduce((sum, member) => sum + BigInt(member.share), 0n);
    expect(shares).toBe(poolOf(summary.pools, 'jasa_modal'));
    expect(summary.members.every((member) => member.jasaUsaha === '0')).toBe(true);
  });

  it('explains to a member that their share is jasa modal, and that store purchases count nothing yet', async () => {
    const response = await get('years/2026/me', ani.token);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Explanation>();
    expect(body.capital).toMatchObject({ member: '1000000', total: '3000000' });
    expect(body.participation).toEqual([
      expect.objectContaining({
        sourceKey: 'store_purchases',
        member: '0',
        total: '0',
        share: '0',
      }),
    ]);
    expect(BigInt(body.share)).toBeGreaterThan(0n);
    const keys = body.explanation.map((line) => line.key);
    expect(keys).toContain('shu.explain.non_member');
    expect(keys).toContain('shu.explain.participation');
    const participation = body.explanation.find((line) => line.key === 'shu.explain.participation');
    expect(participation?.id).toContain('Belanja di toko koperasi');
    expect(participation?.en).toContain('purchases at the cooperative store');
  });

  it('closes the year, proposes, approves with a countersignature, posts and pays to sukarela; the ledger verifies', async () => {
    await inLedger(
      test.db,
      cooperativeId,
      (ctx) => closeFiscalYear(ctx, { fiscalYearStart: '2026-01-01', fiscalYearEnd: '2026-12-31' }),
      new Date('2027-01-04T02:00:00Z'),
    );
    test.clock.advance(Date.parse('2027-01-10T02:00:00Z') - test.clock.now().getTime());
    const ketua = await signIn(test, officers.ketua);
    const pengawas = await signIn(test, officers.pengawas);
    const bendahara = await signIn(test, officers.bendahara);

    const proposed = await post('years/2026/distributions', ketua, { payout: 'sukarela' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const proposal = proposed.json<Distribution>();
    expect(proposal.surplus).toBe('1500000');
    expect(proposal.memberCount).toBe(2);
    const residue = BigInt(proposal.toCadanganResidue);
    expect(residue).toBe(poolOf(proposal.pools, 'jasa_usaha'));
    expect(BigInt(proposal.membersTotal)).toBe(poolOf(proposal.pools, 'jasa_modal'));
    expect(proposal.pools.reduce((sum, pool) => sum + BigInt(pool.amount), 0n)).toBe(1_500_000n);

    const approvedPools = proposal.pools.map((pool) => ({ key: pool.key, amount: pool.amount }));
    const recorded = await post(`distributions/${proposal.id}/approval`, ketua, {
      ratDate: '2027-01-09',
      minutesReference: 'BA-RAT/KONSUMEN/2027/01',
      approvedPools,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const countersigned = await post(`distributions/${proposal.id}/countersignature`, pengawas);
    expect(countersigned.json<Distribution>().status).toBe('approved');
    const posted = await post(`distributions/${proposal.id}/posting`, bendahara);
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json<Distribution>().status).toBe('posted');

    const items = (await get(`distributions/${proposal.id}/members`, ketua)).json<MembersList>()
      .items;
    expect(items.every((item) => item.isPaid)).toBe(true);
    const byMember = new Map(items.map((item) => [item.membershipId, item]));
    // Capital 1,000,000 against 2,000,000: a third and two thirds of jasa modal, the rupiah left
    // over going to the larger remainder, and together the whole pool.
    const jasaModal = poolOf(proposal.pools, 'jasa_modal');
    const third = jasaModal / 3n;
    expect([third, third + 1n]).toContain(BigInt(byMember.get(ani.membershipId)?.share ?? '0'));
    expect(
      BigInt(byMember.get(ani.membershipId)?.share ?? '0') +
        BigInt(byMember.get(budi.membershipId)?.share ?? '0'),
    ).toBe(jasaModal);
    expect(items.every((item) => item.jasaUsaha === '0')).toBe(true);

    const balances = await withTenant(test.db, cooperativeId, (tx) =>
      queryRows<{ code: string; balance: string }>(
        tx,
        sql`select a.code, (b.credit_total - b.debit_total)::text as balance
            from ledger_accounts a join ledger_balances b on b.cooperative_id = a.cooperative_id and b.account_id = a.id
            where a.code in ('2-1401', '3-1301', '3-1201')`,
      ),
    );
    const balanceOf = (code: string) =>
      BigInt(balances.find((row) => row.code === code)?.balance ?? 'NaN');
    expect(balanceOf('2-1401')).toBe(0n);
    expect(balanceOf('3-1301')).toBe(0n);
    // Cadangan: the opening 50,000,000, its own pool, and the jasa usaha nobody could share.
    expect(balanceOf('3-1201')).toBe(50_000_000n + poolOf(proposal.pools, 'cadangan') + residue);

    const report = await verifyLedger(test.db, cooperativeId);
    expect(report.problems).toEqual([]);
    const counters = await withTenant(test.db, cooperativeId, (tx) =>
      verifyShuCounters({ tx, cooperativeId }),
    );
    expect(counters.differences).toEqual([]);
  });
});
