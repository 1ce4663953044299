import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  shuCashPayoutView,
  shuDistributionMembersView,
  shuDistributionView,
  shuMemberDistributionView,
  shuOwedListView,
} from '@lumbung/shared/contracts/shu';
import { closeFiscalYear, postJournalEntry } from '../../src/modules/ledger/index.js';
import { recordMemberExit } from '../../src/modules/members/index.js';
import {
  getActiveMember,
  getTellerSession,
  openSavingsAccount,
} from '../../src/modules/savings/index.js';
import { payShuInCash } from '../../src/modules/shu/index.js';
import { queryRows, withTenant } from '../../src/platform/db/database.js';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { givenCooperative, givenMember, signIn } from '../harness/builders.js';
import { anEntry, chartOf, credit, debit, inLedger } from '../harness/ledger-fixtures.js';
import { verifyLedger } from '../loans/loans-fixtures.js';
import { givenDeposit, givenSavingsMember } from '../savings/savings-fixtures.js';

type Distribution = z.infer<typeof shuDistributionView>;
type Receipt = z.infer<typeof shuCashPayoutView>;
type Owed = z.infer<typeof shuOwedListView>;
type MemberDistribution = z.infer<typeof shuMemberDistributionView>;
type MembersList = z.infer<typeof shuDistributionMembersView>;
interface Problem {
  code: string;
  params?: Record<string, unknown>;
}

const payoutDay = new Date('2027-01-10T02:00:00Z');

/**
 * A consumer cooperative's year: two members' savings (the capital base) and a store sale (the
 * surplus), closed, proposed, approved and countersigned. `beforePosting` runs between the
 * countersignature and the posting (a member leaving, say).
 */
async function givenApprovedYear(
  test: TestApp,
  options: { payout: 'sukarela' | 'cash'; taxRateBps: number },
) {
  const cooperative = await givenCooperative(test.db, { type: 'konsumen' });
  const cooperativeId = cooperative.id;
  const chart = await chartOf(test.db, cooperativeId);
  type Person = Awaited<ReturnType<typeof givenMember>> & { personId: string; token: string };
  const officers = {} as Record<'kasir' | 'ketua' | 'pengawas' | 'bendahara', Person>;
  for (const role of ['kasir', 'ketua', 'pengawas', 'bendahara'] as const) {
    const person = await givenMember(test.db, cooperativeId, [role]);
    officers[role] = { ...person, personId: person.person.id, token: '' };
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
    return registered;
  };
  // Capital 1,000,000 and 2,000,000: a third and two thirds of the jasa modal pool.
  const first = await member(900_000n);
  const second = await member(1_900_000n);
  const post = (lines: Parameters<typeof anEntry>[0], businessDate: string) =>
    inLedger(test.db, cooperativeId, (ctx) =>
      postJournalEntry(ctx, anEntry(lines, { businessDate })),
    );
  await post(
    [debit(chart.id('1-1101'), 4_000_000n), credit(chart.id('4-1101'), 4_000_000n)],
    '2026-04-10',
  );
  await post(
    [debit(chart.id('5-1101'), 3_000_000n), credit(chart.id('1-1401'), 3_000_000n)],
    '2026-04-10',
  );
  await inLedger(
    test.db,
    cooperativeId,
    (ctx) => closeFiscalYear(ctx, { fiscalYearStart: '2026-01-01', fiscalYearEnd: '2026-12-31' }),
    new Date('2027-01-04T02:00:00Z'),
  );
  if (test.clock.now() < payoutDay)
    test.clock.advance(payoutDay.getTime() - test.clock.now().getTime());
  for (const role of Object.keys(officers) as (keyof typeof officers)[])
    officers[role].token = await signIn(test, officers[role]);

  const url = (path: string) => `/api/v1/cooperatives/${cooperativeId}/shu/${path}`;
  const api = {
    url,
    get: (path: string, token: string) => test.request({ method: 'GET', url: url(path), token }),
    post: (path: string, token: string, payload: object = {}, key = newIdempotencyKey()) =>
      test.request({ method: 'POST', url: url(path), token, payload, idempotencyKey: key }),
  };
  const rules = await api.post('years/2026/rules', officers.ketua.token, {
    components: [
      { key: 'cadangan', bps: 4_000 },
      { key: 'jasa_modal', bps: 3_000 },
      { key: 'jasa_usaha', bps: 3_000 },
    ],
    capitalBase: { kinds: ['pokok', 'wajib'], method: 'year_end_balance' },
    participation: [{ sourceKey: 'store_purchases', weightBps: 10_000 }],
    taxRateBps: options.taxRateBps,
  });
  expect(rules.statusCode, rules.body).toBe(201);
  const proposed = await api.post('years/2026/distributions', officers.ketua.token, {
    payout: options.payout,
  });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const distribution = proposed.json<Distribution>();
  const recorded = await api.post(
    `distributions/${distribution.id}/approval`,
    officers.ketua.token,
    {
      ratDate: '2027-01-09',
      minutesReference: 'BA-RAT/2027/01',
      approvedPools: distribution.pools.map((pool) => ({ key: pool.key, amount: pool.amount })),
    },
  );
  expect(recorded.statusCode, recorded.body).toBe(200);
  const countersigned = await api.post(
    `distributions/${distribution.id}/countersignature`,
    officers.pengawas.token,
  );
  expect(countersigned.statusCode, countersigned.body).toBe(200);
  const postDistribution = async () => {
    const posted = await api.post(
      `distributions/${distribution.id}/posting`,
      officers.bendahara.token,
    );
    expect(posted.statusCode, posted.body).toBe(200);
    return posted.json<Distribution>();
  };
  return { cooperativeId, chart, officers, first, second, distribution, api, postDistribution };
}

type Year = Awaited<ReturnType<typeof givenApprovedYear>>;

async function balancesOf(test: TestApp, cooperativeId: string) {
  const rows = await withTenant(test.db, cooperativeId, (tx) =>
    queryRows<{ code: string; balance: string }>(
      tx,
      sql`select a.code, (b.credit_total - b.debit_total)::text as balance
          from ledger_accounts a join ledger_balances b on b.cooperative_id = a.cooperative_id and b.account_id = a.id
          where a.code in ('2-1401', '2-1301', '1-1101')`,
    ),
  );
  const of = (code: string) => BigInt(rows.find((row) => row.code === code)?.balance ?? '0');
  // Kas is a debit-balance account: its balance is debits less credits.
  return { toDistribute: of('2-1401'), taxPayable: of('2-1301'), cash: -of('1-1101') };
}

describe(`paying SHU in cash at the teller on ${process.env.LUMBUNG_TEST_DB ?? 'pglite'}`, () => {
  let test: TestApp;
  let cash: Year;
  let sukarela: Year;
  let memberToken: string;

  beforeAll(async () => {
    test = await createTestApp({ env: { LUMBUNG_LOGIN_RATE_PER_MINUTE: '10000' } });
    cash = await givenApprovedYear(test, { payout: 'cash', taxRateBps: 1_000 });
    sukarela = await givenApprovedYear(test, { payout: 'sukarela', taxRateBps: 0 });
    memberToken = await signIn(test, cash.first);
  });
  afterAll(() => test.drop());

  const payPath = (year: Year, membershipId: string) =>
    `distributions/${year.distribution.id}/members/${membershipId}/cash-payout`;

  it('refuses to pay out before the distribution is posted', async () => {
    const refused = await cash.api.post(
      payPath(cash, cash.first.membershipId),
      cash.officers.kasir.token,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Problem>().code).toBe('shu.not_posted');
  });

  it('pays a member’s share in cash from the teller’s session: 2-1401 down by the share, Kas by the net, tax payable up', async () => {
    await cash.postDistribution();
    const members = (
      await cash.api.get(`distributions/${cash.distribution.id}/members`, cash.officers.ketua.token)
    ).json<MembersList>().items;
    expect(members.every((item) => !item.isPaid)).toBe(true);
    const owedBefore = await cash.api.get(
      `years/2026/members/${cash.first.membershipId}/distribution`,
      cash.officers.ketua.token,
    );
    expect(owedBefore.json<MemberDistribution>().posted).toMatchObject({
      paidTo: null,
      paidAt: null,
      isOwed: true,
    });
    const first = members.find((item) => item.membershipId === cash.first.membershipId);
    expect(first).toBeDefined();
    const share = BigInt(first?.share ?? '0');
    const tax = BigInt(first?.tax ?? '0');
    // Jasa modal 300,000 of a 1,000,000 surplus; a third is 100,000, withheld at 10 %.
    expect(share).toBe(100_000n);
    expect(tax).toBe(10_000n);
    const before = await balancesOf(test, cash.cooperativeId);

    const key = newIdempotencyKey();
    const paid = await cash.api.post(
      payPath(cash, cash.first.membershipId),
      cash.officers.kasir.token,
      {},
      key,
    );
    expect(paid.statusCode, paid.body).toBe(201);
    const receipt = paid.json<Receipt>();
    expect(receipt).toMatchObject({
      membershipId: cash.first.membershipId,
      share: '100000',
      tax: '10000',
      net: '90000',
      fiscalYearStart: '2026-01-01',
      paidBy: cash.officers.kasir.personId,
    });
    const after = await balancesOf(test, cash.cooperativeId);
    expect(before.toDistribute - after.toDistribute).toBe(share);
    expect(before.cash - after.cash).toBe(share - tax);
    expect(after.taxPayable - before.taxPayable).toBe(tax);
    // The drawer counts it: the session's cash out includes the net paid.
    const session = await withTenant(test.db, cash.cooperativeId, (tx) =>
      getTellerSession({ tx, cooperativeId: cash.cooperativeId }, receipt.sessionId),
    );
    expect(session.cashOut).toBeGreaterThanOrEqual(share - tax);
    expect(session.tellerPersonId).toBe(cash.officers.kasir.personId);

    const replayed = await cash.api.post(
      payPath(cash, cash.first.membershipId),
      cash.officers.kasir.token,
      {},
      key,
    );
    expect(replayed.statusCode).toBe(201);
    expect(replayed.json<Receipt>().entryId).toBe(receipt.entryId);
    const again = await cash.api.post(
      payPath(cash, cash.first.membershipId),
      cash.officers.kasir.token,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>()).toMatchObject({
      code: 'shu.share_already_paid',
      params: { paidTo: 'cash', year: '2026', paidAt: '2027-01-10' },
    });
    expect((await balancesOf(test, cash.cooperativeId)).toDistribute).toBe(after.toDistribute);

    const listed = (
      await cash.api.get(`distributions/${cash.distribution.id}/members`, cash.officers.ketua.token)
    ).json<MembersList>().items;
    expect(listed.find((item) => item.membershipId === cash.first.membershipId)?.isPaid).toBe(true);
    expect((await verifyLedger(test.db, cash.cooperativeId)).problems).toEqual([]);
  });

  it('returns the first receipt to a retry of the command with the same key, without a second entry', async () => {
    const key = `test-direct-${cash.second.membershipId}`;
    const pay = () =>
      withTenant(test.db, cash.cooperativeId, (tx) =>
        payShuInCash(
          {
            tx,
            cooperativeId: cash.cooperativeId,
            now: payoutDay,
            actorPersonId: cash.officers.kasir.personId,
            idempotencyKey: key,
          },
          { distributionId: cash.distribution.id, membershipId: cash.second.membershipId },
        ),
      );
    const first = await pay();
    const before = await balancesOf(test, cash.cooperativeId);
    const second = await pay();
    expect(second.entryId).toBe(first.entryId);
    expect(second.net).toBe(first.net);
    expect(await balancesOf(test, cash.cooperativeId)).toEqual(before);
    // Both members paid: nothing of the members' shares is left owed.
    expect(before.toDistribute).toBe(0n);
    expect((await verifyLedger(test.db, cash.cooperativeId)).problems).toEqual([]);
  });

  it('refuses without an open teller session, for someone not in the distribution, and for a member', async () => {
    const noSession = await cash.api.post(
      payPath(cash, cash.first.membershipId),
      cash.officers.bendahara.token,
    );
    expect(noSession.statusCode).toBe(422);
    expect(noSession.json<Problem>().code).toBe('savings.session_not_open');
    const stranger = await cash.api.post(
      payPath(cash, cash.officers.ketua.membership.membershipId),
      cash.officers.kasir.token,
    );
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json<Problem>().code).toBe('shu.distribution_member_not_found');
    const byMember = await cash.api.post(payPath(cash, cash.first.membershipId), memberToken);
    expect(byMember.statusCode).toBe(403);
  });

  it('leaves a member who left before a sukarela payout owed, finds them for the teller and pays them in cash', async () => {
    // The second member leaves after the RAT. They still hold the sukarela account they had as a
    // member, but a member who has left is paid at the teller, not into it.
    await withTenant(test.db, sukarela.cooperativeId, async (tx) => {
      const ctx = {
        tx,
        cooperativeId: sukarela.cooperativeId,
        now: new Date(),
        actorPersonId: null,
        idempotencyKey: null,
      };
      await openSavingsAccount(
        ctx,
        await getActiveMember(ctx, sukarela.second.membershipId),
        'sukarela',
      );
    });
    await withTenant(test.db, sukarela.cooperativeId, (tx) =>
      recordMemberExit(
        { tx, cooperativeId: sukarela.cooperativeId },
        {
          membershipId: sukarela.second.membershipId,
          status: 'keluar',
          leftOn: '2027-01-09',
          reason: 'Pindah domisili',
        },
      ),
    );
    const posted = await sukarela.postDistribution();
    expect(posted.status).toBe('posted');
    const kasir = sukarela.officers.kasir.token;
    const owed = await sukarela.api.get('owed', kasir);
    expect(owed.statusCode, owed.body).toBe(200);
    const items = owed.json<Owed>().items;
    expect(items.map((item) => item.membershipId)).toEqual([sukarela.second.membershipId]);
    expect(items[0]).toMatchObject({ memberStatus: 'keluar', payout: 'sukarela', share: '200000' });
    const byNumber = await sukarela.api.get(
      `owed?q=${encodeURIComponent(items[0]?.memberNumber ?? '')}`,
      kasir,
    );
    expect(byNumber.json<Owed>().items).toHaveLength(1);
    const aktif = await sukarela.api.get(`owed?membershipId=${sukarela.first.membershipId}`, kasir);
    expect(aktif.json<Owed>().items).toEqual([]);

    const paidToSukarela = await sukarela.api.post(
      payPath(sukarela, sukarela.first.membershipId),
      kasir,
    );
    expect(paidToSukarela.statusCode).toBe(409);
    expect(paidToSukarela.json<Problem>().params).toMatchObject({ paidTo: 'sukarela' });
    const paid = await sukarela.api.post(payPath(sukarela, sukarela.second.membershipId), kasir);
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json<Receipt>()).toMatchObject({ share: '200000', tax: '0', net: '200000' });
    expect((await sukarela.api.get('owed', kasir)).json<Owed>().items).toEqual([]);
    expect((await balancesOf(test, sukarela.cooperativeId)).toDistribute).toBe(0n);
    expect((await verifyLedger(test.db, sukarela.cooperativeId)).problems).toEqual([]);
  });

  it('keeps cooperatives apart: another cooperative’s distribution is not found, its owed list is not seen', async () => {
    const across = await sukarela.api.post(
      `distributions/${cash.distribution.id}/members/${cash.first.membershipId}/cash-payout`,
      sukarela.officers.kasir.token,
    );
    expect(across.statusCode).toBe(404);
    expect(across.json<Problem>().code).toBe('shu.distribution_not_found');
    const foreignUrl = await test.request({
      method: 'POST',
      url: cash.api.url(payPath(cash, cash.first.membershipId)),
      token: sukarela.officers.kasir.token,
      payload: {},
      idempotencyKey: newIdempotencyKey(),
    });
    expect(foreignUrl.statusCode).toBe(403);
    const owedByOther = await sukarela.api.get(
      `owed?membershipId=${cash.second.membershipId}`,
      sukarela.officers.kasir.token,
    );
    expect(owedByOther.json<Owed>().items).toEqual([]);
  });

  it('shows the member their posted SHU and how it was paid, and nothing posted for a year without a distribution', async () => {
    const mine = await cash.api.get('years/2026/me/distribution', memberToken);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<MemberDistribution>().posted).toMatchObject({
      distributionId: cash.distribution.id,
      payout: 'cash',
      share: '100000',
      tax: '10000',
      net: '90000',
      paidTo: 'cash',
      paidAt: payoutDay.toISOString(),
      isOwed: false,
      ratDate: '2027-01-09',
    });
    const earlier = await cash.api.get('years/2025/me/distribution', memberToken);
    expect(earlier.json<MemberDistribution>().posted).toBeNull();
    const other = await cash.api.get(
      `years/2026/members/${cash.second.membershipId}/distribution`,
      memberToken,
    );
    expect(other.statusCode).toBe(403);
    const viaSukarela = await sukarela.api.get(
      `years/2026/members/${sukarela.first.membershipId}/distribution`,
      sukarela.officers.pengawas.token,
    );
    expect(viaSukarela.json<MemberDistribution>().posted).toMatchObject({
      paidTo: 'sukarela',
      isOwed: false,
    });
  });
});
