import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openMemberSubAccount,
  postJournalEntry,
  type EntryLineInput,
} from '../../src/modules/ledger/index.js';
import type { Database } from '../../src/platform/db/database.js';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { givenCooperative, givenMember, givenOfficer, signIn } from '../harness/builders.js';
import { anEntry, chartOf, credit, debit, inLedger } from '../harness/ledger-fixtures.js';
import { testDatabaseKind } from '../harness/settings.js';

interface AccountBody {
  id: string;
  code: string;
  name: string;
  isActive: boolean;
  isControl: boolean;
  parentAccountId: string | null;
  balance: string;
}
interface DraftBody {
  id: string;
  status: string;
  preparedBy: string;
  decidedBy: string | null;
  decisionNote: string | null;
  entryId: string | null;
}
interface EntryBody {
  id: string;
  sequence: number;
  sourceType: string;
  sourceId: string;
  postedBy: string | null;
  approvedBy: string | null;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  lines: { accountId: string; side: string; amount: string }[];
}
interface GeneralLedgerBody {
  openingBalance: string;
  lines: {
    entryId: string;
    lineNumber: number;
    side: string;
    amount: string;
    runningBalance: string;
  }[];
  nextCursor: string | null;
}

const codeOf = (response: LightMyRequestResponse) => (response.json() as { code?: string }).code;

describe(`ledger API on ${testDatabaseKind()}`, () => {
  let test: TestApp;
  let db: Database;

  beforeAll(async () => {
    test = await createTestApp();
    db = test.db;
  });
  afterAll(() => test.drop());

  /** A cooperative with a signed-in bendahara, ketua and plain anggota. */
  async function givenCooperativeWithOfficers() {
    const cooperativeId = (await givenCooperative(db)).id;
    const bendahara = await givenMember(db, cooperativeId, ['anggota', 'bendahara']);
    const ketua = await givenMember(db, cooperativeId, ['anggota', 'ketua']);
    const anggota = await givenMember(db, cooperativeId);
    const chart = await chartOf(db, cooperativeId);
    const tokens = {
      bendahara: await signIn(test, bendahara),
      ketua: await signIn(test, ketua),
      anggota: await signIn(test, anggota),
    };
    const call = (
      method: 'GET' | 'POST' | 'PATCH',
      path: string,
      options: { token: string; payload?: object; idempotencyKey?: string },
    ) =>
      test.request({
        method,
        url: `/api/v1/cooperatives/${cooperativeId}${path}`,
        token: options.token,
        ...(options.payload ? { payload: options.payload } : {}),
        ...(method === 'POST'
          ? { idempotencyKey: options.idempotencyKey ?? newIdempotencyKey() }
          : {}),
      });
    const post = (lines: EntryLineInput[], businessDate = '2026-03-01') =>
      inLedger(
        db,
        cooperativeId,
        (ctx) => postJournalEntry(ctx, anEntry(lines, { businessDate })),
        test.clock.now(),
      );
    return { cooperativeId, bendahara, ketua, anggota, chart, tokens, call, post };
  }

  describe('chart of accounts', () => {
    let coop: Awaited<ReturnType<typeof givenCooperativeWithOfficers>>;

    beforeAll(async () => {
      coop = await givenCooperativeWithOfficers();
    });

    it('shows the back office the chart with balances, control accounts rolled up', async () => {
      const savings = await inLedger(db, coop.cooperativeId, (ctx) =>
        openMemberSubAccount(ctx, {
          controlCode: '2-1201',
          membershipId: coop.anggota.membership.membershipId,
          memberNumber: '0001',
          memberName: coop.anggota.person.fullName,
        }),
      );
      await coop.post([debit(coop.chart.id('1-1101'), 75_000n), credit(savings.id, 75_000n)]);

      const response = await coop.call('GET', '/ledger/accounts', { token: coop.tokens.bendahara });

      expect(response.statusCode).toBe(200);
      const items = (response.json() as { items: AccountBody[] }).items;
      expect(items.find((account) => account.code === '1-1101')).toMatchObject({
        name: 'Kas',
        balance: '75000',
        isControl: false,
        isActive: true,
      });
      expect(items.find((account) => account.code === '2-1201')).toMatchObject({
        isControl: true,
        balance: '75000',
      });
      expect(items.some((account) => account.parentAccountId !== null)).toBe(false);
      const detailed = await coop.call('GET', '/ledger/accounts?includeSubAccounts=true', {
        token: coop.tokens.ketua,
      });
      expect(
        (detailed.json() as { items: AccountBody[] }).items.find(
          (account) => account.id === savings.id,
        ),
      ).toMatchObject({ code: '2-1201.0001', balance: '75000' });
    });

    it('refuses the chart to a plain anggota and to a caller who is not signed in', async () => {
      const asMember = await coop.call('GET', '/ledger/accounts', { token: coop.tokens.anggota });
      const anonymous = await test.request({
        method: 'GET',
        url: `/api/v1/cooperatives/${coop.cooperativeId}/ledger/accounts`,
      });

      expect(asMember.statusCode).toBe(403);
      expect(codeOf(asMember)).toBe('auth.forbidden');
      expect(anonymous.statusCode).toBe(401);
    });

    it('lets the bendahara add an account, and replays it for a retry with the same key', async () => {
      const idempotencyKey = newIdempotencyKey();
      const payload = { code: '4-1901', name: 'Pendapatan sewa gedung', class: 'revenue' };

      const created = await coop.call('POST', '/ledger/accounts', {
        token: coop.tokens.bendahara,
        payload,
        idempotencyKey,
      });
      const retried = await coop.call('POST', '/ledger/accounts', {
        token: coop.tokens.bendahara,
        payload,
        idempotencyKey,
      });

      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        code: '4-1901',
        name: 'Pendapatan sewa gedung',
        class: 'revenue',
        normalSide: 'credit',
        balance: '0',
        isActive: true,
        isControl: false,
      });
      expect(retried.statusCode).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(retried.json()).toEqual(created.json());
      const chart = await coop.call('GET', '/ledger/accounts', { token: coop.tokens.bendahara });
      expect(
        (chart.json() as { items: AccountBody[] }).items.filter((item) => item.code === '4-1901'),
      ).toHaveLength(1);
    });

    it('refuses a second account with a code already in the chart (409)', async () => {
      const duplicate = await coop.call('POST', '/ledger/accounts', {
        token: coop.tokens.bendahara,
        payload: { code: '1-1101', name: 'Kas kedua', class: 'asset' },
      });

      expect(duplicate.statusCode).toBe(409);
      expect(codeOf(duplicate)).toBe('ledger.account_code_already_exists');
    });

    it('refuses adding an account to the ketua, and to anyone without an Idempotency-Key', async () => {
      const asKetua = await coop.call('POST', '/ledger/accounts', {
        token: coop.tokens.ketua,
        payload: { code: '1-1999', name: 'Kas ketua', class: 'asset' },
      });
      const withoutKey = await test.request({
        method: 'POST',
        url: `/api/v1/cooperatives/${coop.cooperativeId}/ledger/accounts`,
        token: coop.tokens.bendahara,
        payload: { code: '1-1998', name: 'Kas tanpa kunci', class: 'asset' },
      });

      expect(asKetua.statusCode).toBe(403);
      expect(withoutKey.statusCode).toBe(400);
      expect(codeOf(withoutKey)).toBe('request.idempotency_key_required');
    });

    it('lets the bendahara rename and deactivate an account, never delete it', async () => {
      const created = (
        await coop.call('POST', '/ledger/accounts', {
          token: coop.tokens.bendahara,
          payload: { code: '5-2999', name: 'Beban lain', class: 'expense' },
        })
      ).json() as AccountBody;

      const renamed = await coop.call('PATCH', `/ledger/accounts/${created.id}`, {
        token: coop.tokens.bendahara,
        payload: { name: 'Beban rupa-rupa' },
      });
      const deactivated = await coop.call('PATCH', `/ledger/accounts/${created.id}`, {
        token: coop.tokens.bendahara,
        payload: { isActive: false },
      });

      expect(renamed.json()).toEqual({ id: created.id, name: 'Beban rupa-rupa', isActive: true });
      expect(deactivated.json()).toEqual({
        id: created.id,
        name: 'Beban rupa-rupa',
        isActive: false,
      });
      const chart = await coop.call('GET', '/ledger/accounts', { token: coop.tokens.bendahara });
      expect(
        (chart.json() as { items: AccountBody[] }).items.find((item) => item.id === created.id),
      ).toMatchObject({ name: 'Beban rupa-rupa', isActive: false });
    });

    it('refuses an empty change, an unknown account and a change by anyone but the bendahara', async () => {
      const cash = coop.chart.id('1-1101');

      const empty = await coop.call('PATCH', `/ledger/accounts/${cash}`, {
        token: coop.tokens.bendahara,
        payload: {},
      });
      const unknown = await coop.call('PATCH', `/ledger/accounts/${randomUUID()}`, {
        token: coop.tokens.bendahara,
        payload: { name: 'Tidak ada' },
      });
      const asKetua = await coop.call('PATCH', `/ledger/accounts/${cash}`, {
        token: coop.tokens.ketua,
        payload: { name: 'Kas ketua' },
      });

      expect(empty.statusCode).toBe(400);
      expect(unknown.statusCode).toBe(404);
      expect(codeOf(unknown)).toBe('ledger.account_not_found');
      expect(asKetua.statusCode).toBe(403);
    });
  });

  describe('manual journals (maker and checker)', () => {
    let coop: Awaited<ReturnType<typeof givenCooperativeWithOfficers>>;
    let lines: { accountId: string; side: 'debit' | 'credit'; amount: string }[];

    beforeAll(async () => {
      coop = await givenCooperativeWithOfficers();
      lines = [
        { accountId: coop.chart.id('5-2203'), side: 'debit', amount: '150000' },
        { accountId: coop.chart.id('1-1101'), side: 'credit', amount: '150000' },
      ];
    });

    const entryCount = async () => {
      const response = await coop.call('GET', '/ledger/entries?limit=200', {
        token: coop.tokens.bendahara,
      });
      return (response.json() as { items: unknown[] }).items.length;
    };
    const prepare = (payload: object, token = coop.tokens.bendahara) =>
      coop.call('POST', '/ledger/manual-journals', { token, payload });
    const decide = (
      draftId: string,
      decision: 'approval' | 'rejection',
      token: string,
      note?: string,
    ) =>
      coop.call('POST', `/ledger/manual-journals/${draftId}/${decision}`, {
        token,
        payload: note === undefined ? {} : { note },
      });

    it('posts nothing until another officer approves, then posts an entry naming both', async () => {
      const countBefore = await entryCount();
      const prepared = await prepare({
        businessDate: '2026-03-01',
        memo: 'Pembelian alat tulis kantor',
        lines,
      });
      expect(prepared.statusCode).toBe(201);
      const draft = prepared.json() as DraftBody;
      expect(draft).toMatchObject({
        status: 'awaiting_approval',
        preparedBy: coop.bendahara.person.id,
        entryId: null,
      });
      expect(await entryCount()).toBe(countBefore);

      const selfApproval = await decide(draft.id, 'approval', coop.tokens.bendahara);
      expect(selfApproval.statusCode).toBe(422);
      expect(codeOf(selfApproval)).toBe('ledger.manual_journal_self_approval');
      expect(await entryCount()).toBe(countBefore);

      const approved = await decide(draft.id, 'approval', coop.tokens.ketua, 'Sesuai nota');
      expect(approved.statusCode).toBe(200);
      const decided = approved.json() as DraftBody;
      expect(decided).toMatchObject({
        status: 'approved',
        decidedBy: coop.ketua.person.id,
        decisionNote: 'Sesuai nota',
      });
      expect(await entryCount()).toBe(countBefore + 1);
      const entry = await coop.call('GET', `/ledger/entries/${decided.entryId ?? ''}`, {
        token: coop.tokens.bendahara,
      });
      expect(entry.json()).toMatchObject({
        sourceType: 'ledger.manual',
        sourceId: draft.id,
        postedBy: coop.bendahara.person.id,
        approvedBy: coop.ketua.person.id,
        lines: [
          { accountId: lines[0]?.accountId, side: 'debit', amount: '150000' },
          { accountId: lines[1]?.accountId, side: 'credit', amount: '150000' },
        ],
      });

      const approvedAgain = await decide(draft.id, 'approval', coop.tokens.ketua);
      const rejectedAfter = await decide(draft.id, 'rejection', coop.tokens.ketua, 'Terlambat');
      expect(approvedAgain.statusCode).toBe(409);
      expect(codeOf(approvedAgain)).toBe('ledger.manual_journal_not_pending');
      expect(rejectedAfter.statusCode).toBe(409);
      expect(await entryCount()).toBe(countBefore + 1);
    });

    it('posts nothing for a rejected manual journal, and it cannot be approved afterwards', async () => {
      const countBefore = await entryCount();
      const draft = (
        await prepare({ businessDate: '2026-03-01', memo: 'Biaya yang meragukan', lines })
      ).json() as DraftBody;

      const rejected = await decide(draft.id, 'rejection', coop.tokens.ketua, 'Tanpa bukti');
      const approvedAfter = await decide(draft.id, 'approval', coop.tokens.ketua);

      expect(rejected.statusCode).toBe(200);
      expect(rejected.json()).toMatchObject({
        status: 'rejected',
        decisionNote: 'Tanpa bukti',
        entryId: null,
      });
      expect(approvedAfter.statusCode).toBe(409);
      expect(await entryCount()).toBe(countBefore);
    });

    it('refuses an unbalanced manual journal when it is prepared, keeping no draft', async () => {
      const draftsBefore = await coop.call('GET', '/ledger/manual-journals', {
        token: coop.tokens.bendahara,
      });

      const unbalanced = await prepare({
        businessDate: '2026-03-01',
        memo: 'Tidak seimbang',
        lines: [lines[0], { ...lines[1], amount: '149999' }],
      });

      expect(unbalanced.statusCode).toBe(422);
      expect(codeOf(unbalanced)).toBe('ledger.entry_not_balanced');
      const draftsAfter = await coop.call('GET', '/ledger/manual-journals', {
        token: coop.tokens.bendahara,
      });
      expect(draftsAfter.json()).toEqual(draftsBefore.json());
    });

    it('refuses a manual journal of one line or a zero amount as an invalid request', async () => {
      const oneLine = await prepare({
        businessDate: '2026-03-01',
        memo: 'Satu baris',
        lines: [lines[0]],
      });
      const zero = await prepare({
        businessDate: '2026-03-01',
        memo: 'Nol rupiah',
        lines: lines.map((line) => ({ ...line, amount: '0' })),
      });

      expect(oneLine.statusCode).toBe(400);
      expect(zero.statusCode).toBe(400);
    });

    it('refuses preparing a manual journal to a plain anggota', async () => {
      const response = await prepare(
        { businessDate: '2026-03-01', memo: 'Dari anggota', lines },
        coop.tokens.anggota,
      );

      expect(response.statusCode).toBe(403);
    });
  });

  describe('reversal', () => {
    let coop: Awaited<ReturnType<typeof givenCooperativeWithOfficers>>;

    beforeAll(async () => {
      coop = await givenCooperativeWithOfficers();
    });

    const givenEntry = () =>
      coop.post([
        debit(coop.chart.id('1-1201'), 40_000n),
        credit(coop.chart.id('1-1101'), 40_000n),
      ]);
    const reverse = (
      entryId: string,
      idempotencyKey = newIdempotencyKey(),
      token = coop.tokens.bendahara,
    ) =>
      coop.call('POST', `/ledger/entries/${entryId}/reversal`, {
        token,
        idempotencyKey,
        payload: { businessDate: '2026-03-02', memo: 'Salah rekening' },
      });

    it('reverses an entry: the reversal names the original and the original names its reversal', async () => {
      const entry = await givenEntry();
      const idempotencyKey = newIdempotencyKey();

      const reversed = await reverse(entry.id, idempotencyKey);
      const retried = await reverse(entry.id, idempotencyKey);

      expect(reversed.statusCode).toBe(201);
      const reversal = reversed.json() as { id: string; sequence: number };
      expect(reversal.sequence).toBe(entry.sequence + 1);
      expect(retried.json()).toEqual(reversed.json());
      const original = await coop.call('GET', `/ledger/entries/${entry.id}`, {
        token: coop.tokens.ketua,
      });
      const correction = await coop.call('GET', `/ledger/entries/${reversal.id}`, {
        token: coop.tokens.ketua,
      });
      expect((original.json() as EntryBody).reversedByEntryId).toBe(reversal.id);
      expect(correction.json()).toMatchObject({
        reversesEntryId: entry.id,
        sourceType: 'ledger.reversal',
        postedBy: coop.bendahara.person.id,
        lines: [
          { accountId: coop.chart.id('1-1201'), side: 'credit', amount: '40000' },
          { accountId: coop.chart.id('1-1101'), side: 'debit', amount: '40000' },
        ],
      });
    });

    it('refuses a second reversal of the same entry (409)', async () => {
      const entry = await givenEntry();
      await reverse(entry.id);

      const again = await reverse(entry.id);

      expect(again.statusCode).toBe(409);
      expect(codeOf(again)).toBe('ledger.entry_already_reversed');
    });

    it('refuses an unknown entry (404) and a reversal by a plain anggota (403)', async () => {
      const entry = await givenEntry();

      const unknown = await reverse(randomUUID());
      const asMember = await reverse(entry.id, newIdempotencyKey(), coop.tokens.anggota);

      expect(unknown.statusCode).toBe(404);
      expect(codeOf(unknown)).toBe('ledger.entry_not_found');
      expect(asMember.statusCode).toBe(403);
    });

    it('refuses an Idempotency-Key reused to reverse a different entry, instead of replaying the first', async () => {
      const first = await givenEntry();
      const second = await givenEntry();
      const idempotencyKey = newIdempotencyKey();
      await reverse(first.id, idempotencyKey);

      const reused = await reverse(second.id, idempotencyKey);

      expect(reused.statusCode).toBe(409);
      expect(codeOf(reused)).toBe('request.idempotency_conflict');
      const secondAfter = await coop.call('GET', `/ledger/entries/${second.id}`, {
        token: coop.tokens.ketua,
      });
      expect((secondAfter.json() as EntryBody).reversedByEntryId).toBeNull();
    });
  });

  describe('reading the journal', () => {
    let coop: Awaited<ReturnType<typeof givenCooperativeWithOfficers>>;
    let cash: string;
    const postedIds: string[] = [];

    beforeAll(async () => {
      coop = await givenCooperativeWithOfficers();
      cash = coop.chart.id('1-1101');
      const id = coop.chart.id;
      const postings: [EntryLineInput[], string][] = [
        [[debit(cash, 1_000_000n), credit(id('3-1103'), 1_000_000n)], '2026-02-10'],
        [[debit(cash, 200_000n), credit(id('4-1301'), 200_000n)], '2026-03-20'],
        [[debit(id('5-2201'), 350_000n), credit(cash, 350_000n)], '2026-03-05'],
        [[debit(cash, 10_000n), debit(cash, 5_000n), credit(id('4-1301'), 15_000n)], '2026-03-05'],
        [[debit(id('1-1201'), 80_000n), credit(cash, 80_000n)], '2026-03-31'],
        [[debit(id('5-2204'), 60_000n), credit(id('1-1201'), 60_000n)], '2026-03-12'],
        [[debit(cash, 1n), credit(id('4-1301'), 1n)], '2026-04-01'],
      ];
      for (const [lines, businessDate] of postings) {
        postedIds.push((await coop.post(lines, businessDate)).id);
      }
    });

    it('pages through the journal with the cursor, visiting every entry once, newest first', async () => {
      const seen: { id: string; sequence: number }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const response = await coop.call('GET', `/ledger/entries?limit=3${query}`, {
          token: coop.tokens.bendahara,
        });
        expect(response.statusCode).toBe(200);
        const body = response.json() as {
          items: { id: string; sequence: number }[];
          nextCursor: string | null;
        };
        seen.push(...body.items);
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);

      expect(pages).toBe(3);
      expect(seen.map((entry) => entry.sequence)).toEqual([7, 6, 5, 4, 3, 2, 1]);
      expect(new Set(seen.map((entry) => entry.id))).toEqual(new Set(postedIds));
    });

    it('carries the running balance of the general ledger across pages to the account balance at the end', async () => {
      const lines: GeneralLedgerBody['lines'] = [];
      const openings: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const response = await coop.call(
          'GET',
          `/ledger/accounts/${cash}/general-ledger?from=2026-03-01&to=2026-03-31&limit=2${query}`,
          { token: coop.tokens.bendahara },
        );
        expect(response.statusCode).toBe(200);
        const body = response.json() as GeneralLedgerBody;
        openings.push(body.openingBalance);
        lines.push(...body.lines);
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);

      expect(openings.every((opening) => opening === '1000000')).toBe(true);
      expect(lines.map((line) => [line.side, line.amount])).toEqual([
        ['credit', '350000'],
        ['debit', '10000'],
        ['debit', '5000'],
        ['debit', '200000'],
        ['credit', '80000'],
      ]);
      let running = 1_000_000n;
      for (const line of lines) {
        running += line.side === 'debit' ? BigInt(line.amount) : -BigInt(line.amount);
        expect(line.runningBalance).toBe(running.toString());
      }
      const balance = await coop.call('GET', `/ledger/accounts/${cash}/balance?asOf=2026-03-31`, {
        token: coop.tokens.bendahara,
      });
      expect((balance.json() as { balance: string }).balance).toBe(running.toString());
      expect(running).toBe(785_000n);
    });

    it('returns a trial balance whose debit and credit columns are equal', async () => {
      const response = await coop.call('GET', '/reports/trial-balance?asOf=2026-03-31', {
        token: coop.tokens.bendahara,
      });

      expect(response.statusCode).toBe(200);
      const body = response.json() as {
        isBalanced: boolean;
        debitTotal: string;
        creditTotal: string;
        lines: { code: string; debit: string; credit: string }[];
      };
      expect(body.isBalanced).toBe(true);
      expect(body.debitTotal).toBe(body.creditTotal);
      const sum = (column: 'debit' | 'credit') =>
        body.lines.reduce((total, line) => total + BigInt(line[column]), 0n).toString();
      expect(sum('debit')).toBe(body.debitTotal);
      expect(body.lines.find((line) => line.code === '1-1101')).toMatchObject({
        debit: '785000',
        credit: '0',
      });
      expect(body.lines.find((line) => line.code === '3-1103')).toMatchObject({
        debit: '0',
        credit: '1000000',
      });
    });

    it('shows the trial balance to a dinas officer of the province, not to a plain anggota', async () => {
      const officer = await signIn(test, await givenOfficer(db, 'dinas', ['53']));

      const asOfficer = await coop.call('GET', '/reports/trial-balance?asOf=2026-03-31', {
        token: officer,
      });
      const asMember = await coop.call('GET', '/reports/trial-balance?asOf=2026-03-31', {
        token: coop.tokens.anggota,
      });

      expect(asOfficer.statusCode).toBe(200);
      expect(asMember.statusCode).toBe(403);
    });
  });
});
