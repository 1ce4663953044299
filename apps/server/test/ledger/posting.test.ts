import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAccount,
  closePeriod,
  getAccountBalance,
  getJournalEntry,
  listAccounts,
  openMemberSubAccount,
  postJournalEntries,
  postJournalEntry,
  reverseJournalEntry,
  setAccountActive,
  verifyCooperativeLedger,
} from '../../src/modules/ledger/index.js';
import { withSystem, withTenant, type Database } from '../../src/platform/db/database.js';
import { givenCooperative, givenMember } from '../harness/builders.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import {
  anEntry,
  chartOf,
  credit,
  databaseRefusalOf,
  debit,
  inLedger,
  ledgerStateOf,
  refusalOf,
} from '../harness/ledger-fixtures.js';
import { testDatabaseKind } from '../harness/settings.js';

const genesisHash = '0'.repeat(64);

/** Each account's balance in its own direction (totals grow with every line; balances need not). */
const balancesOf = (state: { accounts: Record<string, { balance: bigint }> }) =>
  Object.fromEntries(
    Object.entries(state.accounts).map(([code, account]) => [code, account.balance]),
  );

describe(`posting journal entries on ${testDatabaseKind()}`, () => {
  let test: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
  });
  afterAll(() => test.drop());

  /** A new cooperative with its chart, so sequences and balances start from nothing. */
  async function givenBooks() {
    const cooperativeId = (await givenCooperative(db)).id;
    const chart = await chartOf(db, cooperativeId);
    const post = (entry: Parameters<typeof postJournalEntry>[1]) =>
      inLedger(db, cooperativeId, (ctx) => postJournalEntry(ctx, entry));
    const state = () => ledgerStateOf(db, cooperativeId);
    return { cooperativeId, chart, post, state };
  }

  /** Asserts `attempt` is refused with `code` and that the books are exactly as before. */
  async function expectRefusedAndUnchanged(
    books: Awaited<ReturnType<typeof givenBooks>>,
    code: string,
    attempt: () => Promise<unknown>,
  ) {
    const before = await books.state();
    expect((await refusalOf(attempt())).code).toBe(code);
    expect(await books.state()).toEqual(before);
  }

  describe('posting and reading back', () => {
    it('posts a balanced entry and reads it back with its lines, in line order', async () => {
      const books = await givenBooks();
      const cash = books.chart.id('1-1101');
      const revenue = books.chart.id('4-1301');
      const entry = anEntry([debit(cash, 250_000n), credit(revenue, 250_000n)], {
        memo: 'Sewa aula bulan Maret',
        sourceType: 'test.rent',
        sourceId: 'aula-2026-03',
      });

      const posted = await books.post(entry);

      expect(posted).toMatchObject({
        sequence: 1,
        businessDate: '2026-03-10',
        totalAmount: 250_000n,
        prevHash: genesisHash,
        isReplay: false,
      });
      const stored = await inLedger(db, books.cooperativeId, (ctx) =>
        getJournalEntry(ctx, posted.id),
      );
      expect(stored).toMatchObject({
        id: posted.id,
        sequence: 1,
        businessDate: '2026-03-10',
        memo: 'Sewa aula bulan Maret',
        sourceType: 'test.rent',
        sourceId: 'aula-2026-03',
        idempotencyKey: entry.idempotencyKey,
        reversesEntryId: null,
        reversedByEntryId: null,
        totalAmount: 250_000n,
        prevHash: genesisHash,
        hash: posted.hash,
      });
      expect(
        stored.lines.map((line) => [line.lineNumber, line.accountId, line.side, line.amount]),
      ).toEqual([
        [1, cash, 'debit', 250_000n],
        [2, revenue, 'credit', 250_000n],
      ]);
    });

    it('chains every entry to the one before it: each prevHash is the previous hash', async () => {
      const books = await givenBooks();
      const cash = books.chart.id('1-1101');
      const bank = books.chart.id('1-1201');
      const posted = [];
      for (const amount of [100n, 200n, 300n]) {
        posted.push(await books.post(anEntry([debit(bank, amount), credit(cash, amount)])));
      }

      expect(posted.map((entry) => entry.sequence)).toEqual([1, 2, 3]);
      expect(posted.map((entry) => entry.prevHash)).toEqual([
        genesisHash,
        posted[0]?.hash,
        posted[1]?.hash,
      ]);
      expect(new Set(posted.map((entry) => entry.hash)).size).toBe(3);
      for (const entry of posted) expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
      const state = await books.state();
      expect({ lastSequence: state.lastSequence, headHash: state.headHash }).toEqual({
        lastSequence: 3,
        headHash: posted[2]?.hash,
      });
      const report = await withSystem(db, 'test verifies', (tx) =>
        verifyCooperativeLedger(tx, books.cooperativeId),
      );
      expect(report).toMatchObject({ entryCount: 3, headHash: posted[2]?.hash, problems: [] });
    });

    it('moves each account by the posted amount in its own direction', async () => {
      const books = await givenBooks();
      const cash = books.chart.id('1-1101');
      const salaries = books.chart.id('5-2201');
      const revenue = books.chart.id('4-1301');
      await books.post(anEntry([debit(cash, 1_000_000n), credit(revenue, 1_000_000n)]));
      await books.post(anEntry([debit(salaries, 400_000n), credit(cash, 400_000n)]));

      const accounts = await inLedger(db, books.cooperativeId, (ctx) =>
        listAccounts(ctx, { includeSubAccounts: false }),
      );
      const byCode = (code: string) => accounts.find((account) => account.code === code);
      expect(byCode('1-1101')).toMatchObject({
        debitTotal: 1_000_000n,
        creditTotal: 400_000n,
        balance: 600_000n,
        lineCount: 2,
      });
      expect(byCode('4-1301')).toMatchObject({ balance: 1_000_000n, lineCount: 1 });
      expect(byCode('5-2201')).toMatchObject({ balance: 400_000n, lineCount: 1 });
      expect(byCode('1-1201')).toMatchObject({ balance: 0n, lineCount: 0 });
    });

    it('reports a balance as of a date: without later entries before them, with them after', async () => {
      const books = await givenBooks();
      const cash = books.chart.id('1-1101');
      const revenue = books.chart.id('4-1301');
      await books.post(
        anEntry([debit(cash, 500n), credit(revenue, 500n)], { businessDate: '2026-02-10' }),
      );
      await books.post(
        anEntry([debit(cash, 70n), credit(revenue, 70n)], { businessDate: '2026-03-05' }),
      );
      const balanceOn = (asOf: string) =>
        inLedger(db, books.cooperativeId, (ctx) =>
          getAccountBalance(ctx, { accountId: cash, asOf }),
        );

      expect(await balanceOn('2026-02-09')).toMatchObject({ balance: 0n, debitTotal: 0n });
      expect(await balanceOn('2026-02-10')).toMatchObject({ balance: 500n, debitTotal: 500n });
      expect(await balanceOn('2026-03-04')).toMatchObject({ balance: 500n });
      expect(await balanceOn('2026-03-05')).toMatchObject({ balance: 570n, asOf: '2026-03-05' });
    });
  });

  describe('idempotency', () => {
    it('returns the first entry, marked as a replay, when the same key and content come again', async () => {
      const books = await givenBooks();
      const entry = anEntry([
        debit(books.chart.id('1-1101'), 10_000n),
        credit(books.chart.id('4-1301'), 10_000n),
      ]);
      const first = await books.post(entry);
      const before = await books.state();

      const again = await books.post({ ...entry, lines: entry.lines.map((line) => ({ ...line })) });

      expect(again).toMatchObject({ ...first, isReplay: true });
      expect(await books.state()).toEqual(before);
    });

    it('refuses the same key with different content and changes nothing', async () => {
      const books = await givenBooks();
      const cash = books.chart.id('1-1101');
      const revenue = books.chart.id('4-1301');
      const entry = anEntry([debit(cash, 10_000n), credit(revenue, 10_000n)]);
      await books.post(entry);

      await expectRefusedAndUnchanged(books, 'ledger.idempotency_conflict', () =>
        books.post({ ...entry, lines: [debit(cash, 10_001n), credit(revenue, 10_001n)] }),
      );
      await expectRefusedAndUnchanged(books, 'ledger.idempotency_conflict', () =>
        books.post({ ...entry, memo: 'Isi lain dengan kunci yang sama' }),
      );
    });
  });

  describe('refusals', () => {
    let books: Awaited<ReturnType<typeof givenBooks>>;
    let cash: string;
    let revenue: string;

    beforeAll(async () => {
      books = await givenBooks();
      cash = books.chart.id('1-1101');
      revenue = books.chart.id('4-1301');
      await books.post(anEntry([debit(cash, 1_000n), credit(revenue, 1_000n)]));
    });

    it('refuses an entry with fewer than two lines', async () => {
      await expectRefusedAndUnchanged(books, 'ledger.entry_too_few_lines', () =>
        books.post(anEntry([debit(cash, 1_000n)])),
      );
      await expectRefusedAndUnchanged(books, 'ledger.entry_too_few_lines', () =>
        books.post(anEntry([])),
      );
    });

    it('refuses a line of zero, a negative line and a line above a quadrillion rupiah', async () => {
      await expectRefusedAndUnchanged(books, 'ledger.amount_invalid', () =>
        books.post(anEntry([debit(cash, 0n), credit(revenue, 0n)])),
      );
      await expectRefusedAndUnchanged(books, 'ledger.amount_invalid', () =>
        books.post(anEntry([debit(cash, -500n), credit(revenue, -500n)])),
      );
      await expectRefusedAndUnchanged(books, 'ledger.amount_invalid', () =>
        books.post(anEntry([debit(cash, 10n ** 15n + 1n), credit(revenue, 10n ** 15n + 1n)])),
      );
      const refusal = await refusalOf(
        books.post(anEntry([debit(cash, 5n), credit(revenue, 5n), credit(revenue, 0n)])),
      );
      expect(refusal).toEqual({ code: 'ledger.amount_invalid', params: { line: 3 } });
    });

    it('refuses an entry whose debits and credits differ, naming both totals', async () => {
      await expectRefusedAndUnchanged(books, 'ledger.entry_not_balanced', () =>
        books.post(anEntry([debit(cash, 1_000n), credit(revenue, 999n)])),
      );
      const refusal = await refusalOf(
        books.post(anEntry([debit(cash, 700n), debit(cash, 300n), credit(revenue, 1_001n)])),
      );
      expect(refusal).toEqual({
        code: 'ledger.entry_not_balanced',
        params: { debit: '1000', credit: '1001' },
      });
    });

    it('refuses an account that does not exist', async () => {
      await expectRefusedAndUnchanged(books, 'ledger.account_not_found', () =>
        books.post(anEntry([debit(randomUUID(), 1_000n), credit(revenue, 1_000n)])),
      );
    });

    it('refuses an account of another cooperative as not found', async () => {
      const other = await givenBooks();
      const cashOfOther = other.chart.id('1-1101');

      await expectRefusedAndUnchanged(books, 'ledger.account_not_found', () =>
        books.post(anEntry([debit(cashOfOther, 1_000n), credit(revenue, 1_000n)])),
      );
      expect((await other.state()).entryCount).toBe(0);
    });

    it('refuses a deactivated account and accepts it again once reactivated', async () => {
      const account = await inLedger(db, books.cooperativeId, (ctx) =>
        addAccount(ctx, { code: '4-1901', name: 'Pendapatan sewa gedung', class: 'revenue' }),
      );
      await inLedger(db, books.cooperativeId, (ctx) =>
        setAccountActive(ctx, { accountId: account.id, isActive: false }),
      );

      await expectRefusedAndUnchanged(books, 'ledger.account_inactive', () =>
        books.post(anEntry([debit(cash, 1_000n), credit(account.id, 1_000n)])),
      );

      await inLedger(db, books.cooperativeId, (ctx) =>
        setAccountActive(ctx, { accountId: account.id, isActive: true }),
      );
      await expect(
        books.post(anEntry([debit(cash, 1_000n), credit(account.id, 1_000n)])),
      ).resolves.toMatchObject({ isReplay: false });
    });

    it('refuses posting to the savings control account 2-1201 directly', async () => {
      await expectRefusedAndUnchanged(books, 'ledger.account_is_control', () =>
        books.post(anEntry([debit(cash, 1_000n), credit(books.chart.id('2-1201'), 1_000n)])),
      );
    });
  });

  describe('member sub-accounts', () => {
    it('posts to a member sub-account and rolls it up into its control account', async () => {
      const books = await givenBooks();
      const member = await givenMember(db, books.cooperativeId);
      const memberTwo = await givenMember(db, books.cooperativeId);
      const open = (membershipId: string, memberNumber: string) =>
        inLedger(db, books.cooperativeId, (ctx) =>
          openMemberSubAccount(ctx, {
            controlCode: '2-1201',
            membershipId,
            memberNumber,
            memberName: 'Maria Goreti',
          }),
        );
      const savings = await open(member.membership.membershipId, '0001');
      const savingsTwo = await open(memberTwo.membership.membershipId, '0002');
      const control = books.chart.id('2-1201');
      const cash = books.chart.id('1-1101');

      expect(savings).toMatchObject({
        code: '2-1201.0001',
        parentAccountId: control,
        ownerMembershipId: member.membership.membershipId,
        class: 'liability',
        normalSide: 'credit',
        isControl: false,
      });
      expect((await open(member.membership.membershipId, '0001')).id).toBe(savings.id);

      await books.post(anEntry([debit(cash, 300_000n), credit(savings.id, 300_000n)]));
      await books.post(anEntry([debit(cash, 50_000n), credit(savingsTwo.id, 50_000n)]));

      const rolledUp = await inLedger(db, books.cooperativeId, (ctx) =>
        listAccounts(ctx, { includeSubAccounts: false }),
      );
      expect(rolledUp.find((account) => account.code === '2-1201')?.balance).toBe(350_000n);
      expect(rolledUp.some((account) => account.parentAccountId !== null)).toBe(false);
      const detailed = await inLedger(db, books.cooperativeId, (ctx) =>
        listAccounts(ctx, { includeSubAccounts: true }),
      );
      expect(detailed.find((account) => account.id === savings.id)?.balance).toBe(300_000n);
      expect(detailed.find((account) => account.id === control)?.balance).toBe(0n);
      const controlBalance = await inLedger(db, books.cooperativeId, (ctx) =>
        getAccountBalance(ctx, { accountId: control, asOf: '2026-03-31' }),
      );
      expect(controlBalance).toMatchObject({ balance: 350_000n, creditTotal: 350_000n });
    });

    it('rolls what is available on the sub-accounts into the control account, as the balance is', async () => {
      const books = await givenBooks();
      const member = await givenMember(db, books.cooperativeId);
      const savings = await inLedger(db, books.cooperativeId, (ctx) =>
        openMemberSubAccount(ctx, {
          controlCode: '2-1201',
          membershipId: member.membership.membershipId,
          memberNumber: '0001',
          memberName: 'Maria Goreti',
        }),
      );
      await books.post(
        anEntry([debit(books.chart.id('1-1101'), 90_000n), credit(savings.id, 90_000n)]),
      );

      const rolledUp = await inLedger(db, books.cooperativeId, (ctx) =>
        listAccounts(ctx, { includeSubAccounts: false }),
      );

      expect(rolledUp.find((account) => account.code === '2-1201')).toMatchObject({
        balance: 90_000n,
        available: 90_000n,
      });
    });

    it('refuses to open a sub-account under an account that is not a control account', async () => {
      const books = await givenBooks();
      const member = await givenMember(db, books.cooperativeId);

      const refusal = await refusalOf(
        inLedger(db, books.cooperativeId, (ctx) =>
          openMemberSubAccount(ctx, {
            controlCode: '1-1101',
            membershipId: member.membership.membershipId,
            memberNumber: '0001',
            memberName: 'Maria Goreti',
          }),
        ),
      );
      expect(refusal.code).toBe('ledger.account_parent_invalid');
    });
  });

  describe('closed periods', () => {
    let books: Awaited<ReturnType<typeof givenBooks>>;
    let cash: string;
    let revenue: string;

    beforeAll(async () => {
      books = await givenBooks();
      cash = books.chart.id('1-1101');
      revenue = books.chart.id('4-1301');
      await books.post(
        anEntry([debit(cash, 900n), credit(revenue, 900n)], { businessDate: '2026-01-20' }),
      );
      await inLedger(db, books.cooperativeId, (ctx) => closePeriod(ctx, { period: '2026-01' }));
    });

    it('refuses an entry dated in a closed month, on its first and its last day', async () => {
      for (const businessDate of ['2026-01-01', '2026-01-31']) {
        await expectRefusedAndUnchanged(books, 'ledger.period_closed', () =>
          books.post(anEntry([debit(cash, 100n), credit(revenue, 100n)], { businessDate })),
        );
      }
    });

    it('still posts into the open month right after the closed one', async () => {
      await expect(
        books.post(
          anEntry([debit(cash, 100n), credit(revenue, 100n)], { businessDate: '2026-02-01' }),
        ),
      ).resolves.toMatchObject({ businessDate: '2026-02-01', isReplay: false });
    });

    it('refuses, in the database too, an entry inserted with SQL into a closed month', async () => {
      const before = await books.state();
      const attempt = withTenant(db, books.cooperativeId, (tx) =>
        tx.execute(sql`insert into journal_entries (cooperative_id, id, sequence, business_date, posted_at,
            source_type, source_id, memo, idempotency_key, total_amount, content_hash, prev_hash, hash)
          values (${books.cooperativeId}, ${randomUUID()}, 900, '2026-01-15', now(), 'test.sql', 'x',
            'Langsung ke bulan tertutup', ${randomUUID()}, 100, 'x', 'x', 'x')`),
      );

      const refusal = await databaseRefusalOf(attempt);
      expect(refusal).toMatchObject({ code: 'P0001', hint: 'ledger.period_closed' });
      expect(refusal.message).toContain('period 2026-01 is closed');
      expect(await books.state()).toEqual(before);
    });
  });

  describe('reversal', () => {
    it('reverses an entry: every line on the other side, naming the original, balances as before', async () => {
      const books = await givenBooks();
      const cash = books.chart.id('1-1101');
      const revenue = books.chart.id('4-1301');
      const bank = books.chart.id('1-1201');
      await books.post(anEntry([debit(cash, 5_000n), credit(revenue, 5_000n)]));
      const before = await books.state();
      const mistake = await books.post(
        anEntry([debit(bank, 1_200n), debit(cash, 300n), credit(revenue, 1_500n)]),
      );

      const reversal = await inLedger(db, books.cooperativeId, (ctx) =>
        reverseJournalEntry(ctx, {
          entryId: mistake.id,
          businessDate: '2026-03-12',
          memo: 'Koreksi salah catat',
          idempotencyKey: `test-${randomUUID()}`,
        }),
      );

      const [original, correction] = await inLedger(db, books.cooperativeId, (ctx) =>
        Promise.all([getJournalEntry(ctx, mistake.id), getJournalEntry(ctx, reversal.id)]),
      );
      expect(original.reversedByEntryId).toBe(reversal.id);
      expect(correction).toMatchObject({
        reversesEntryId: mistake.id,
        sourceType: 'ledger.reversal',
        sourceId: mistake.id,
        businessDate: '2026-03-12',
        totalAmount: 1_500n,
        prevHash: mistake.hash,
      });
      expect(correction.lines.map((line) => [line.accountId, line.side, line.amount])).toEqual([
        [bank, 'credit', 1_200n],
        [cash, 'credit', 300n],
        [revenue, 'debit', 1_500n],
      ]);
      const after = await books.state();
      expect(balancesOf(after)).toEqual(balancesOf(before));
      expect(after.trialBalance).toEqual(before.trialBalance);
      expect(after.entryCount).toBe(before.entryCount + 2);
    });

    it('refuses to reverse an entry a second time, and changes nothing', async () => {
      const books = await givenBooks();
      const entry = await books.post(
        anEntry([debit(books.chart.id('1-1101'), 10n), credit(books.chart.id('4-1301'), 10n)]),
      );
      const reverse = () =>
        inLedger(db, books.cooperativeId, (ctx) =>
          reverseJournalEntry(ctx, {
            entryId: entry.id,
            businessDate: '2026-03-12',
            memo: 'Koreksi',
            idempotencyKey: `test-${randomUUID()}`,
          }),
        );
      const first = await reverse();

      const before = await books.state();
      const refusal = await refusalOf(reverse());
      expect(refusal).toEqual({
        code: 'ledger.entry_already_reversed',
        params: { reversalEntryId: first.id },
      });
      expect(await books.state()).toEqual(before);
    });

    it('returns the first reversal when the same reversal is retried with the same key', async () => {
      const books = await givenBooks();
      const entry = await books.post(
        anEntry([debit(books.chart.id('1-1101'), 10n), credit(books.chart.id('4-1301'), 10n)]),
      );
      const request = {
        entryId: entry.id,
        businessDate: '2026-03-12',
        memo: 'Koreksi',
        idempotencyKey: `test-${randomUUID()}`,
      };
      const first = await inLedger(db, books.cooperativeId, (ctx) =>
        reverseJournalEntry(ctx, request),
      );
      const before = await books.state();

      const retried = await inLedger(db, books.cooperativeId, (ctx) =>
        reverseJournalEntry(ctx, request),
      );

      expect(retried).toMatchObject({ ...first, isReplay: true });
      expect(await books.state()).toEqual(before);
    });

    it('refuses to reverse an entry that does not exist or belongs to another cooperative', async () => {
      const books = await givenBooks();
      const other = await givenBooks();
      const entryOfOther = await other.post(
        anEntry([debit(other.chart.id('1-1101'), 10n), credit(other.chart.id('4-1301'), 10n)]),
      );
      for (const entryId of [randomUUID(), entryOfOther.id]) {
        await expectRefusedAndUnchanged(books, 'ledger.entry_not_found', () =>
          inLedger(db, books.cooperativeId, (ctx) =>
            reverseJournalEntry(ctx, {
              entryId,
              businessDate: '2026-03-12',
              memo: 'Koreksi',
              idempotencyKey: `test-${randomUUID()}`,
            }),
          ),
        );
      }
    });

    it('refuses a reversal dated in a closed month', async () => {
      const books = await givenBooks();
      const entry = await books.post(
        anEntry([debit(books.chart.id('1-1101'), 10n), credit(books.chart.id('4-1301'), 10n)], {
          businessDate: '2026-02-03',
        }),
      );
      await inLedger(db, books.cooperativeId, (ctx) => closePeriod(ctx, { period: '2026-02' }));

      await expectRefusedAndUnchanged(books, 'ledger.period_closed', () =>
        inLedger(db, books.cooperativeId, (ctx) =>
          reverseJournalEntry(ctx, {
            entryId: entry.id,
            businessDate: '2026-02-28',
            memo: 'Koreksi',
            idempotencyKey: `test-${randomUUID()}`,
          }),
        ),
      );
    });
  });

  describe('batches', () => {
    it('posts a batch in order with consecutive sequences, each chained to the one before', async () => {
      const books = await givenBooks();
      const cash = books.chart.id('1-1101');
      const revenue = books.chart.id('4-1301');

      const posted = await inLedger(db, books.cooperativeId, (ctx) =>
        postJournalEntries(ctx, [
          anEntry([debit(cash, 1n), credit(revenue, 1n)]),
          anEntry([debit(cash, 2n), credit(revenue, 2n)]),
          anEntry([debit(cash, 3n), credit(revenue, 3n)]),
        ]),
      );

      expect(posted.map((entry) => [entry.sequence, entry.totalAmount])).toEqual([
        [1, 1n],
        [2, 2n],
        [3, 3n],
      ]);
      expect(posted[1]?.prevHash).toBe(posted[0]?.hash);
      expect(posted[2]?.prevHash).toBe(posted[1]?.hash);
      expect((await books.state()).accounts['1-1101']?.debitTotal).toBe(6n);
    });

    it('refuses the whole batch when one entry is refused, whichever check refuses it', async () => {
      const books = await givenBooks();
      const cash = books.chart.id('1-1101');
      const revenue = books.chart.id('4-1301');
      const control = books.chart.id('2-1201');
      await books.post(anEntry([debit(cash, 1n), credit(revenue, 1n)]));
      const good = () => anEntry([debit(cash, 10n), credit(revenue, 10n)]);
      const batches: [string, Parameters<typeof postJournalEntries>[1]][] = [
        ['ledger.entry_not_balanced', [good(), anEntry([debit(cash, 5n), credit(revenue, 4n)])]],
        ['ledger.account_is_control', [good(), anEntry([debit(cash, 5n), credit(control, 5n)])]],
        [
          'ledger.account_not_found',
          [good(), good(), anEntry([debit(randomUUID(), 5n), credit(revenue, 5n)])],
        ],
      ];
      const sameKey = good();
      batches.push([
        'ledger.idempotency_conflict',
        [sameKey, { ...sameKey, lines: [debit(cash, 11n), credit(revenue, 11n)] }],
      ]);

      for (const [code, entries] of batches) {
        await expectRefusedAndUnchanged(books, code, () =>
          inLedger(db, books.cooperativeId, (ctx) => postJournalEntries(ctx, entries)),
        );
      }
    });
  });
});
