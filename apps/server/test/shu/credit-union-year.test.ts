import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFiscalYear, postJournalEntry } from '../../src/modules/ledger/index.js';
import { repayLoan } from '../../src/modules/loans/index.js';
import { verifyShuCounters } from '../../src/modules/shu/index.js';
import { queryRows, withTenant } from '../../src/platform/db/database.js';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  shuDistributionMembersView,
  shuDistributionView,
  shuMemberExplanationView,
  shuRulesListView,
  shuSummaryView,
} from '@lumbung/shared/contracts/shu';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { givenMember, signIn } from '../harness/builders.js';
import { anEntry, credit, debit, inLedger } from '../harness/ledger-fixtures.js';
import { givenLendingCooperative, inLoans, verifyLedger } from '../loans/loans-fixtures.js';
import { at, givenPlainFlatProduct, givenRunningLoan } from '../loans/reschedule-fixtures.js';
import { givenDeposit, givenSavingsMember } from '../savings/savings-fixtures.js';

type Coop = Awaited<ReturnType<typeof givenLendingCooperative>>;
type Explanation = z.infer<typeof shuMemberExplanationView>;
type Summary = z.infer<typeof shuSummaryView>;
type Distribution = z.infer<typeof shuDistributionView>;
type RulesList = z.infer<typeof shuRulesListView>;
type MembersList = z.infer<typeof shuDistributionMembersView>;
interface Problem {
  code: string;
}

describe(`SHU year of a credit union on ${process.env.LUMBUNG_TEST_DB ?? 'pglite'}`, () => {
  let test: TestApp;
  let coop: Coop;
  let lukman: Awaited<ReturnType<typeof givenSavingsMember>> & { token: string; loanId: string };
  let maria: Awaited<ReturnType<typeof givenSavingsMember>> & { token: string; loanId: string };

  beforeAll(async () => {
    test = await createTestApp({ env: { LUMBUNG_LOGIN_RATE_PER_MINUTE: '10000' } });
    coop = await givenLendingCooperative(test);
    await givenPlainFlatProduct(test.db, coop.cooperativeId, coop.manajer.personId);
    const member = async (pokok: bigint, wajib: bigint, loanAmount: bigint) => {
      const registered = await givenSavingsMember(test.db, coop.cooperativeId);
      for (const [kind, amount] of [
        ['pokok', pokok],
        ['wajib', wajib],
      ] as const)
        await givenDeposit(test.db, coop.cooperativeId, coop.kasir.personId, {
          membershipId: registered.membershipId,
          kind,
          amount,
        });
      const loan = await givenRunningLoan(test.db, coop.cooperativeId, {
        membershipId: registered.membershipId,
        amount: loanAmount,
        installments: 12,
        officerPersonId: coop.bendahara.personId,
        approverPersonId: coop.manajer.personId,
      });
      return { ...registered, token: await signIn(test, registered), loanId: loan.id };
    };
    lukman = await member(100_000n, 1_900_000n, 1_200_000n);
    maria = await member(100_000n, 7_900_000n, 6_000_000n);
  });
  afterAll(() => test.drop());

  const url = (path: string) => `/api/v1/cooperatives/${coop.cooperativeId}/shu/${path}`;
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
  const repay = (loanId: string, amount: bigint, date: string) =>
    inLoans(
      test.db,
      coop.cooperativeId,
      coop.bendahara.personId,
      (ctx) => repayLoan(ctx, { loanId, amount, channel: 'sukarela' }),
      at(date),
    );

  it('shows a member their SHU estimate growing after a repayment, explained', async () => {
    await repay(lukman.loanId, 112_000n, '2026-04-02');
    await repay(maria.loanId, 560_000n, '2026-04-02');
    const before = await get('years/2026/me', lukman.token);
    expect(before.statusCode, before.body).toBe(200);
    await repay(lukman.loanId, 112_000n, '2026-05-02');
    const after = await get('years/2026/me', lukman.token);
    expect(BigInt(after.json<Explanation>().share)).toBeGreaterThan(
      BigInt(before.json<Explanation>().share),
    );
    const body = after.json<Explanation>();
    expect(body.participation[0]).toMatchObject({
      sourceKey: 'loan_interest_paid',
      member: '24000',
    });
    expect(body.capital).toMatchObject({ member: '2000000', total: '10000000' });
    expect(body.explanation.map((line) => line.key)).toContain('shu.explain.participation');
    expect(body.explanation.at(-1)?.id).toMatch(/perkiraan berjalan/);
  });

  it('refuses a member reading another member’s SHU, and lets the pengawas read it', async () => {
    const other = await get(`years/2026/members/${maria.membershipId}`, lukman.token);
    expect(other.statusCode).toBe(403);
    const byPengawas = await get(`years/2026/members/${maria.membershipId}`, coop.pengawas.token);
    expect(byPengawas.statusCode).toBe(200);
    const running = await get('years/2026/running', lukman.token);
    expect(running.statusCode).toBe(403);
  });

  it('simulates other percentages without saving them, and refuses rules that are not whole', async () => {
    const simulated = await post('years/2026/simulations', coop.ketua.token, {
      components: [
        { key: 'cadangan', bps: 5_000 },
        { key: 'jasa_modal', bps: 2_500 },
        { key: 'jasa_usaha', bps: 2_500 },
      ],
      limit: 1,
    });
    expect(simulated.statusCode, simulated.body).toBe(200);
    const sim = simulated.json<Summary>();
    expect(sim.members).toHaveLength(1);
    expect(sim.nextCursor).toBe('1');
    const pools = sim.pools.reduce((sum, pool) => sum + BigInt(pool.amount), 0n);
    expect(pools).toBe(BigInt(sim.surplus));
    const rules = await get('years/2026/rules', coop.ketua.token);
    expect(rules.json<RulesList>().active.isDefault).toBe(true);
    const refused = await post('years/2026/simulations', coop.ketua.token, {
      components: [{ key: 'cadangan', bps: 9_000 }],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Problem>().code).toBe('shu.components_not_whole');
  });

  it('closes the year, proposes, records the RAT approval with a countersignature, posts and pays to sukarela', async () => {
    // A non-member sale and a year of costs: what non-members brought stays with the cooperative.
    await inLedger(test.db, coop.cooperativeId, (ctx) =>
      postJournalEntry(
        ctx,
        anEntry(
          [debit(coop.chart.id('1-1101'), 300_000n), credit(coop.chart.id('4-1301'), 300_000n)],
          { businessDate: '2026-06-10' },
        ),
      ),
    );
    const refusedEarly = await post('years/2026/distributions', coop.ketua.token, {});
    expect(refusedEarly.json<Problem>().code).toBe('shu.year_not_closed');
    await inLedger(
      test.db,
      coop.cooperativeId,
      (ctx) => closeFiscalYear(ctx, { fiscalYearStart: '2026-01-01', fiscalYearEnd: '2026-12-31' }),
      new Date('2027-01-04T02:00:00Z'),
    );
    test.clock.advance(Date.parse('2027-01-10T02:00:00Z') - test.clock.now().getTime());
    const token = async (person: Parameters<typeof signIn>[1]) => signIn(test, person);
    const ketua = await token(coop.ketua);
    const pengawas = await token(coop.pengawas);
    const bendahara = await token(coop.bendahara);
    const rules = await post('years/2026/rules', ketua, {
      components: [
        { key: 'cadangan', bps: 5_500 },
        { key: 'jasa_modal', bps: 2_000 },
        { key: 'jasa_usaha', bps: 2_500 },
      ],
      capitalBase: { kinds: ['pokok', 'wajib'], method: 'year_end_balance' },
      participation: [{ sourceKey: 'loan_interest_paid', weightBps: 10_000 }],
      taxRateBps: 1_000,
    });
    expect(rules.statusCode, rules.body).toBe(201);
    const proposed = await post('years/2026/distributions', ketua, { payout: 'sukarela' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const proposal = proposed.json<Distribution>();
    // The year-end wizard finds the proposal again from the year alone.
    const listed = await get('years/2026/distributions', pengawas);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<{ items: Distribution[] }>().items.map((item) => item.id)).toEqual([
      proposal.id,
    ]);
    // Interest paid: Lukman 24,000 + Maria 60,000... plus the non-member sale of 300,000.
    expect(BigInt(proposal.nonMemberSurplus)).toBeGreaterThan(0n);
    expect(BigInt(proposal.membersTotal)).toBe(
      proposal.pools
        .filter((pool) => pool.key.startsWith('jasa_'))
        .reduce((sum, pool) => sum + BigInt(pool.amount), 0n) - BigInt(proposal.toCadanganResidue),
    );
    const approvedPools = proposal.pools.map((pool) => ({
      key: pool.key,
      amount: pool.amount,
    }));
    const id = proposal.id;
    const wrong = await post(`distributions/${id}/approval`, ketua, {
      ratDate: '2027-01-09',
      minutesReference: 'BA-RAT/2027/01',
      approvedPools: approvedPools.map((pool) =>
        pool.key === 'cadangan' ? { ...pool, amount: '1' } : pool,
      ),
    });
    expect(wrong.json<Problem>().code).toBe('shu.approved_figures_mismatch');
    // A person who is both ketua and pengawas may record or countersign, never both.
    const both = await givenMember(test.db, coop.cooperativeId, ['ketua', 'pengawas']);
    const bothToken = await signIn(test, both);
    const recorded = await post(`distributions/${id}/approval`, bothToken, {
      ratDate: '2027-01-09',
      minutesReference: 'BA-RAT/2027/01',
      approvedPools,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json<Distribution>().status).toBe('awaiting_countersign');
    expect((await post(`distributions/${id}/countersignature`, ketua)).statusCode).toBe(403);
    expect(
      (await post(`distributions/${id}/countersignature`, bothToken)).json<Problem>().code,
    ).toBe('shu.countersigner_must_differ');
    expect((await post(`distributions/${id}/posting`, bendahara)).json<Problem>().code).toBe(
      'shu.not_approved',
    );
    const countersigned = await post(`distributions/${id}/countersignature`, pengawas);
    expect(countersigned.json<Distribution>().status).toBe('approved');
    const frozen = await post('years/2026/rules', ketua, {
      components: [{ key: 'cadangan', bps: 10_000 }],
      capitalBase: { kinds: ['pokok'], method: 'year_end_balance' },
      participation: [{ sourceKey: 'loan_interest_paid', weightBps: 10_000 }],
      taxRateBps: 0,
    });
    expect(frozen.json<Problem>().code).toBe('shu.rules_frozen');

    const posted = await post(`distributions/${id}/posting`, bendahara);
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json<Distribution>().status).toBe('posted');
    const again = await post(`distributions/${id}/posting`, bendahara);
    expect(again.json<Distribution>().entryIds).toEqual(posted.json<Distribution>().entryIds);

    const list = await get(`distributions/${id}/members`, ketua);
    const items = list.json<MembersList>().items;
    expect(items.every((item) => item.isPaid)).toBe(true);
    const balances = await withTenant(test.db, coop.cooperativeId, (tx) =>
      queryRows<{ code: string; balance: string }>(
        tx,
        sql`select a.code, (b.credit_total - b.debit_total)::text as balance
            from ledger_accounts a join ledger_balances b on b.cooperative_id = a.cooperative_id and b.account_id = a.id
            where a.code in ('2-1401', '2-1301', '3-1301')`,
      ),
    );
    const balanceOf = (code: string) =>
      BigInt(balances.find((row) => row.code === code)?.balance ?? '0');
    expect(balanceOf('2-1401')).toBe(0n);
    expect(balanceOf('3-1301')).toBe(0n);
    expect(balanceOf('2-1301')).toBe(items.reduce((sum, item) => sum + BigInt(item.tax), 0n));
    for (const item of items) expect(BigInt(item.net)).toBe(BigInt(item.share) - BigInt(item.tax));

    const report = await verifyLedger(test.db, coop.cooperativeId);
    expect(report.problems).toEqual([]);
    const counters = await withTenant(test.db, coop.cooperativeId, (tx) =>
      verifyShuCounters({ tx, cooperativeId: coop.cooperativeId }),
    );
    expect(counters.differences).toEqual([]);

    const again2026 = await post('years/2026/distributions', ketua, {});
    expect(again2026.statusCode).toBe(409);

    const xlsx = await get(`distributions/${id}/members?format=xlsx`, ketua);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const pdf = await get(`distributions/${id}/members?format=pdf`, pengawas);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const lukmanToken = await token(lukman);
    expect((await get(`distributions/${id}/members`, lukmanToken)).statusCode).toBe(403);
  });
});
