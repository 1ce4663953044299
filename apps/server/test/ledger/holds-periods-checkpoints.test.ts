import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAccount,
  captureHold,
  closeFiscalYear,
  closePeriod,
  createCheckpoint,
  getAccountBalance,
  getJournalEntry,
  getTrialBalance,
  listAccounts,
  openMemberSubAccount,
  placeHold,
  postJournalEntry,
  releaseHold,
  setAccountActive,
  verifyCooperativeLedger,
  type EntryLineInput,
} from '../../src/modules/ledger/index.js';
import { withSystem, type Database } from '../../src/platform/db/database.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { givenCooperative, givenMember, givenOfficer, signIn } from '../harness/builders.js';
import {
  anEntry,
  chartOf,
  credit,
  debit,
  endOfTime,
  inLedger,
  ledgerStateOf,
  refusalOf,
} from '../harness/ledger-fixtures.js';
import { testDatabaseKind } from '../harness/settings.js';

describe(`holds, periods, year-end close and checkpoints on ${testDatabaseKind()}`, () => {
  let test: TestApp;
  let db: Database;

  beforeAll(async () => {
    test = await createTestApp();
    db = test.db;
  });
  afterAll(() => test.drop());

  async function givenBooks() {
    const cooperativeId = (await givenCooperative(db)).id;
    const chart = await chartOf(db, cooperativeId);
    const post = (lines: EntryLineInput[], businessDate = '2026-03-10') =>
      inLedger(db, cooperativeId, (ctx) => postJournalEntry(ctx, anEntry(lines, { businessDate })));
    const state = () => ledgerStateOf(db, cooperativeId);
    return { cooperativeId, chart, post, state };
  }

  describe('holds', () => {
    let books: Awaited<ReturnType<typeof givenBooks>>;
    let cash: string;
    let memberNumber = 0;

    beforeAll(async () => {
      books = await givenBooks();
      cash = books.chart.id('1-1101');
    });

    /** A member's sukarela savings sub-account (credit-normal) holding `balance`. */
    async function givenSavings(balance: bigint) {
      const member = await givenMember(db, books.cooperativeId);
      memberNumber += 1;
      const account = await inLedger(db, books.cooperativeId, (ctx) =>
        openMemberSubAccount(ctx, {
          controlCode: '2-1201',
          membershipId: member.membership.membershipId,
          memberNumber: String(memberNumber).padStart(4, '0'),
          memberName: member.person.fullName,
        }),
      );
      if (balance > 0n) await books.post([debit(cash, balance), credit(account.id, balance)]);
      return account.id;
    }

    /** A withdrawal hold: the final entry debits the savings account. */
    const hold = (accountId: string, amount: bigint, overrides: Record<string, unknown> = {}) =>
      inLedger(db, books.cooperativeId, (ctx) =>
        placeHold(ctx, {
          accountId,
          side: 'debit',
          amount,
          sourceType: 'test.withdrawal',
          sourceId: randomUUID(),
          idempotencyKey: `test-${randomUUID()}`,
          mustBeAvailable: true,
          ...overrides,
        }),
      );

    const figuresOf = async (accountId: string) => {
      const accounts = await inLedger(db, books.cooperativeId, (ctx) =>
        listAccounts(ctx, { includeSubAccounts: true }),
      );
      const account = accounts.find((candidate) => candidate.id === accountId);
      if (!account) throw new Error('account not listed');
      return { balance: account.balance, available: account.available };
    };

    const withdrawal = (savings: string, amount: bigint) =>
      anEntry([debit(savings, amount), credit(cash, amount)], { sourceType: 'test.withdrawal' });

    it('reserves a withdrawal on member savings: the available amount drops, the balance does not', async () => {
      const savings = await givenSavings(1_000_000n);
      const before = await books.state();

      const placed = await hold(savings, 400_000n);

      expect(placed).toMatchObject({ status: 'pending', amount: 400_000n, side: 'debit' });
      expect(await figuresOf(savings)).toEqual({ balance: 1_000_000n, available: 600_000n });
      const balance = await inLedger(db, books.cooperativeId, (ctx) =>
        getAccountBalance(ctx, { accountId: savings, asOf: endOfTime }),
      );
      expect(balance.balance).toBe(1_000_000n);
      const after = await books.state();
      expect({ entries: after.entryCount, head: after.headHash }).toEqual({
        entries: before.entryCount,
        head: before.headHash,
      });
    });

    it('refuses a hold beyond what is still available, and changes nothing; exactly the available amount is allowed', async () => {
      const savings = await givenSavings(1_000_000n);
      await hold(savings, 400_000n);
      const before = await books.state();

      const refusal = await refusalOf(hold(savings, 600_001n));

      expect(refusal).toEqual({
        code: 'ledger.insufficient_available_balance',
        params: { available: '600000', requested: '600001' },
      });
      expect(await books.state()).toEqual(before);
      await hold(savings, 600_000n);
      expect(await figuresOf(savings)).toEqual({ balance: 1_000_000n, available: 0n });
    });

    it('captures a hold: posts its entry and frees the reservation', async () => {
      const savings = await givenSavings(1_000_000n);
      const placed = await hold(savings, 250_000n);
      const entryCountBefore = (await books.state()).entryCount;

      const captured = await inLedger(db, books.cooperativeId, (ctx) =>
        captureHold(ctx, { holdId: placed.id, entry: withdrawal(savings, 250_000n) }),
      );

      expect(captured.hold.status).toBe('captured');
      expect(await figuresOf(savings)).toEqual({ balance: 750_000n, available: 750_000n });
      expect((await books.state()).entryCount).toBe(entryCountBefore + 1);
      const entry = await inLedger(db, books.cooperativeId, (ctx) =>
        getJournalEntry(ctx, captured.entryId),
      );
      expect(entry.lines.map((line) => [line.accountId, line.side, line.amount])).toEqual([
        [savings, 'debit', 250_000n],
        [cash, 'credit', 250_000n],
      ]);
    });

    it('releases a hold: frees the reservation and posts nothing', async () => {
      const savings = await givenSavings(1_000_000n);
      const placed = await hold(savings, 300_000n);
      const before = await books.state();

      const released = await inLedger(db, books.cooperativeId, (ctx) =>
        releaseHold(ctx, { holdId: placed.id }),
      );

      expect(released.status).toBe('released');
      expect(await figuresOf(savings)).toEqual({ balance: 1_000_000n, available: 1_000_000n });
      const after = await books.state();
      expect({ entries: after.entryCount, head: after.headHash }).toEqual({
        entries: before.entryCount,
        head: before.headHash,
      });
    });

    it('refuses to capture a released hold and to release a captured one, changing nothing', async () => {
      const savings = await givenSavings(1_000_000n);
      const released = await hold(savings, 100_000n);
      await inLedger(db, books.cooperativeId, (ctx) => releaseHold(ctx, { holdId: released.id }));
      const captured = await hold(savings, 200_000n);
      await inLedger(db, books.cooperativeId, (ctx) =>
        captureHold(ctx, { holdId: captured.id, entry: withdrawal(savings, 200_000n) }),
      );
      const before = await books.state();

      const captureReleased = await refusalOf(
        inLedger(db, books.cooperativeId, (ctx) =>
          captureHold(ctx, { holdId: released.id, entry: withdrawal(savings, 100_000n) }),
        ),
      );
      const releaseCaptured = await refusalOf(
        inLedger(db, books.cooperativeId, (ctx) => releaseHold(ctx, { holdId: captured.id })),
      );

      expect(captureReleased.code).toBe('ledger.hold_already_resolved');
      expect(releaseCaptured.code).toBe('ledger.hold_already_resolved');
      expect(await books.state()).toEqual(before);
    });

    it('treats a second capture of a captured hold as a retry: the same entry, nothing posted again', async () => {
      const savings = await givenSavings(1_000_000n);
      const placed = await hold(savings, 50_000n);
      const entry = withdrawal(savings, 50_000n);
      const first = await inLedger(db, books.cooperativeId, (ctx) =>
        captureHold(ctx, { holdId: placed.id, entry }),
      );
      const before = await books.state();

      const second = await inLedger(db, books.cooperativeId, (ctx) =>
        captureHold(ctx, { holdId: placed.id, entry }),
      );

      expect(second.entryId).toBe(first.entryId);
      expect(await books.state()).toEqual(before);
    });

    it('refuses a capture whose entry does not carry the held amount on the held account, and keeps the hold', async () => {
      const savings = await givenSavings(1_000_000n);
      const placed = await hold(savings, 80_000n);
      const before = await books.state();

      const refusal = await refusalOf(
        inLedger(db, books.cooperativeId, (ctx) =>
          captureHold(ctx, { holdId: placed.id, entry: withdrawal(savings, 79_999n) }),
        ),
      );

      expect(refusal.code).toBe('ledger.entry_not_balanced');
      expect(await books.state()).toEqual(before);
      expect((await figuresOf(savings)).available).toBe(920_000n);
    });

    it('refuses holds of zero, on unknown or deactivated accounts and on another cooperative’s accounts', async () => {
      const savings = await givenSavings(1_000_000n);
      const other = await givenBooks();
      const closedAccount = await inLedger(db, books.cooperativeId, (ctx) =>
        addAccount(ctx, { code: `1-19${memberNumber}`, name: 'Kas cabang lama', class: 'asset' }),
      );
      await inLedger(db, books.cooperativeId, (ctx) =>
        setAccountActive(ctx, { accountId: closedAccount.id, isActive: false }),
      );
      const before = await books.state();

      expect((await refusalOf(hold(savings, 0n))).code).toBe('ledger.amount_invalid');
      expect((await refusalOf(hold(savings, -5n))).code).toBe('ledger.amount_invalid');
      expect((await refusalOf(hold(randomUUID(), 5n))).code).toBe('ledger.account_not_found');
      expect((await refusalOf(hold(other.chart.id('1-1101'), 5n))).code).toBe(
        'ledger.account_not_found',
      );
      expect((await refusalOf(hold(closedAccount.id, 5n, { mustBeAvailable: false }))).code).toBe(
        'ledger.account_inactive',
      );
      expect(await books.state()).toEqual(before);
    });

    it('places a hold beyond the balance when the caller does not require it to be available', async () => {
      const savings = await givenSavings(100n);

      await hold(savings, 500n, { mustBeAvailable: false });

      expect(await figuresOf(savings)).toEqual({ balance: 100n, available: -400n });
    });

    it('does not count a hold that adds to the account against what is available', async () => {
      const savings = await givenSavings(100n);

      await hold(savings, 5_000n, { side: 'credit' });

      expect(await figuresOf(savings)).toEqual({ balance: 100n, available: 100n });
    });

    it('returns the same hold when it is placed again with the same key, reserving once', async () => {
      const savings = await givenSavings(1_000n);
      const idempotencyKey = `test-${randomUUID()}`;

      const first = await hold(savings, 600n, { idempotencyKey });
      const again = await hold(savings, 600n, { idempotencyKey });

      expect(again.id).toBe(first.id);
      expect(await figuresOf(savings)).toEqual({ balance: 1_000n, available: 400n });
    });

    it('lets exactly three of ten concurrent holds of 300 take an account holding 1,000', async () => {
      const savings = await givenSavings(1_000n);

      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () => hold(savings, 300n)),
      );

      const placed = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const refused = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [outcome.reason as { code?: string }] : [],
      );
      expect(placed).toHaveLength(3);
      expect(refused.map((error) => error.code)).toEqual(
        Array.from({ length: 7 }, () => 'ledger.insufficient_available_balance'),
      );
      expect(await figuresOf(savings)).toEqual({ balance: 1_000n, available: 100n });
    });
  });

  describe('closing months', () => {
    const close = (cooperativeId: string, period: string, now?: Date) =>
      inLedger(db, cooperativeId, (ctx) => closePeriod(ctx, { period }), now);

    it('closes a month that has ended', async () => {
      const books = await givenBooks();

      await expect(close(books.cooperativeId, '2026-02')).resolves.toEqual({
        period: '2026-02',
        closedAt: '2026-03-15T03:00:00.000Z',
      });
    });

    it('refuses to close a month twice', async () => {
      const books = await givenBooks();
      await close(books.cooperativeId, '2026-01');

      const refusal = await refusalOf(close(books.cooperativeId, '2026-01'));

      expect(refusal).toEqual({
        code: 'ledger.period_already_closed',
        params: { period: '2026-01' },
      });
    });

    it('refuses to close the current month or a future one', async () => {
      const books = await givenBooks();

      expect((await refusalOf(close(books.cooperativeId, '2026-03'))).code).toBe(
        'ledger.period_not_ended',
      );
      expect((await refusalOf(close(books.cooperativeId, '2026-04'))).code).toBe(
        'ledger.period_not_ended',
      );
      const post = await books.post(
        [debit(books.chart.id('1-1101'), 1n), credit(books.chart.id('4-1301'), 1n)],
        '2026-03-14',
      );
      expect(post.isReplay).toBe(false);
    });

    it('refuses a month on its last day and closes it on the first day of the next', async () => {
      const books = await givenBooks();

      const onLastDay = await refusalOf(
        close(books.cooperativeId, '2026-02', new Date('2026-02-28T23:59:00Z')),
      );
      expect(onLastDay.code).toBe('ledger.period_not_ended');
      await expect(
        close(books.cooperativeId, '2026-02', new Date('2026-03-01T00:00:00Z')),
      ).resolves.toMatchObject({ period: '2026-02' });
    });
  });

  describe('closing the fiscal year', () => {
    const year2025 = { fiscalYearStart: '2025-01-01', fiscalYearEnd: '2025-12-31' };
    const closeYear = (cooperativeId: string, year = year2025) =>
      inLedger(db, cooperativeId, (ctx) => closeFiscalYear(ctx, year));

    async function givenYearOfBusiness() {
      const books = await givenBooks();
      const id = books.chart.id;
      await books.post(
        [debit(id('1-1101'), 5_000_000n), credit(id('4-1201'), 5_000_000n)],
        '2025-03-31',
      );
      await books.post(
        [debit(id('1-1201'), 200_000n), credit(id('4-1301'), 200_000n)],
        '2025-07-15',
      );
      await books.post(
        [debit(id('5-2201'), 1_500_000n), credit(id('1-1101'), 1_500_000n)],
        '2025-12-31',
      );
      await books.post(
        [debit(id('5-2204'), 100_000n), credit(id('1-1101'), 100_000n)],
        '2025-06-01',
      );
      // The next year's business is no part of 2025's close.
      await books.post([debit(id('1-1101'), 70_000n), credit(id('4-1201'), 70_000n)], '2026-01-05');
      return books;
    }

    const balanceOn = (cooperativeId: string, accountId: string, asOf: string) =>
      inLedger(
        db,
        cooperativeId,
        async (ctx) => (await getAccountBalance(ctx, { accountId, asOf })).balance,
      );

    it('moves the year’s revenue and expenses into SHU tahun berjalan in one entry dated the year’s last day', async () => {
      const books = await givenYearOfBusiness();
      const id = books.chart.id;
      const before = await books.state();

      const closed = await closeYear(books.cooperativeId);

      expect(closed.surplus).toBe('3600000');
      expect(closed.entryId).not.toBeNull();
      const entry = await inLedger(db, books.cooperativeId, (ctx) =>
        getJournalEntry(ctx, closed.entryId ?? ''),
      );
      expect(entry).toMatchObject({
        businessDate: '2025-12-31',
        sourceType: 'ledger.year_end_close',
        totalAmount: 5_200_000n,
      });
      expect(entry.lines.map((line) => [line.accountId, line.side, line.amount]).sort()).toEqual(
        [
          [id('4-1201'), 'debit', 5_000_000n],
          [id('4-1301'), 'debit', 200_000n],
          [id('5-2201'), 'credit', 1_500_000n],
          [id('5-2204'), 'credit', 100_000n],
          [id('3-1301'), 'credit', 3_600_000n],
        ].sort(),
      );
      expect((await books.state()).entryCount).toBe(before.entryCount + 1);
    });

    it('leaves every revenue and expense account at zero for the year, and the trial balance balanced', async () => {
      const books = await givenYearOfBusiness();
      await closeYear(books.cooperativeId);

      const trialBalance = await inLedger(db, books.cooperativeId, (ctx) =>
        getTrialBalance(ctx, { asOf: '2025-12-31' }),
      );
      expect(trialBalance.isBalanced).toBe(true);
      expect(trialBalance.debitTotal).toBe(trialBalance.creditTotal);
      expect(
        trialBalance.lines.filter((line) => line.class === 'revenue' || line.class === 'expense'),
      ).toEqual([]);
      const accounts = await inLedger(db, books.cooperativeId, (ctx) =>
        listAccounts(ctx, { includeSubAccounts: true }),
      );
      for (const account of accounts.filter(
        (candidate) => candidate.class === 'revenue' || candidate.class === 'expense',
      )) {
        expect(await balanceOn(books.cooperativeId, account.id, '2025-12-31'), account.code).toBe(
          0n,
        );
      }
      expect(await balanceOn(books.cooperativeId, books.chart.id('3-1301'), '2025-12-31')).toBe(
        3_600_000n,
      );
      expect(await balanceOn(books.cooperativeId, books.chart.id('4-1201'), endOfTime)).toBe(
        70_000n,
      );
      const report = await withSystem(db, 'test verifies', (tx) =>
        verifyCooperativeLedger(tx, books.cooperativeId),
      );
      expect(report.problems).toEqual([]);
    });

    it('records a loss year as a debit to SHU tahun berjalan', async () => {
      const books = await givenBooks();
      const id = books.chart.id;
      await books.post([debit(id('1-1101'), 300n), credit(id('4-1301'), 300n)], '2025-05-05');
      await books.post([debit(id('5-2202'), 800n), credit(id('1-1101'), 800n)], '2025-05-06');

      const closed = await closeYear(books.cooperativeId);

      expect(closed.surplus).toBe('-500');
      expect(await balanceOn(books.cooperativeId, id('3-1301'), '2025-12-31')).toBe(-500n);
    });

    it('refuses to close the same year twice, and changes nothing', async () => {
      const books = await givenYearOfBusiness();
      await closeYear(books.cooperativeId);
      const before = await books.state();

      const refusal = await refusalOf(closeYear(books.cooperativeId));

      expect(refusal).toEqual({ code: 'ledger.year_already_closed', params: { year: '2025' } });
      expect(await books.state()).toEqual(before);
    });

    it('refuses to close a year whose last month is already closed', async () => {
      const books = await givenYearOfBusiness();
      await inLedger(db, books.cooperativeId, (ctx) => closePeriod(ctx, { period: '2025-12' }));
      const before = await books.state();

      expect((await refusalOf(closeYear(books.cooperativeId))).code).toBe('ledger.period_closed');
      expect(await books.state()).toEqual(before);
    });

    it('closes the year also when a revenue account with postings was deactivated during it', async () => {
      const books = await givenYearOfBusiness();
      await inLedger(db, books.cooperativeId, (ctx) =>
        setAccountActive(ctx, { accountId: books.chart.id('4-1301'), isActive: false }),
      );

      const closed = await closeYear(books.cooperativeId);

      expect(closed.surplus).toBe('3600000');
      expect(await balanceOn(books.cooperativeId, books.chart.id('4-1301'), '2025-12-31')).toBe(0n);
    });
  });

  describe('checkpoints', () => {
    let books: Awaited<ReturnType<typeof givenBooks>>;

    beforeAll(async () => {
      books = await givenBooks();
      const id = books.chart.id;
      await books.post([debit(id('1-1101'), 10_000n), credit(id('4-1301'), 10_000n)]);
      await books.post([debit(id('5-2203'), 2_500n), credit(id('1-1101'), 2_500n)]);
    });

    const checkpoint = (checkpointDate: string) =>
      inLedger(db, books.cooperativeId, (ctx) => createCheckpoint(ctx, { checkpointDate }));

    const verify = () =>
      withSystem(db, 'test verifies', (tx) => verifyCooperativeLedger(tx, books.cooperativeId));

    it('publishes the chain head, entry count and totals, once per date', async () => {
      const report = await verify();
      const first = await checkpoint('2026-03-15');
      const again = await checkpoint('2026-03-15');

      expect(first).toMatchObject({
        checkpointDate: '2026-03-15',
        lastSequence: 2,
        entryCount: 2,
        headHash: report.headHash,
        debitTotal: 12_500n,
        creditTotal: 12_500n,
      });
      expect(again).toEqual(first);
      const rows = await db.admin.query<{ count: number }>(
        `select count(*)::int as count from ledger_checkpoints
          where cooperative_id = $1 and checkpoint_date = '2026-03-15'`,
        [books.cooperativeId],
      );
      expect(rows[0]?.count).toBe(1);
    });

    it('returns the checkpoint of the date asked for, also when a later date is already published', async () => {
      await checkpoint('2026-03-15');

      const earlier = await checkpoint('2026-03-14');

      expect(earlier.checkpointDate).toBe('2026-03-14');
    });

    describe('over HTTP', () => {
      const url = () => `/api/v1/cooperatives/${books.cooperativeId}/ledger/checkpoints`;
      const read = async (token?: string) =>
        test.request({ method: 'GET', url: url(), ...(token ? { token } : {}) });

      beforeAll(async () => {
        await checkpoint('2026-03-15');
      });

      it('shows a plain member the published head hash, the same verify recomputes', async () => {
        const member = await givenMember(db, books.cooperativeId);
        const report = await verify();

        const response = await read(await signIn(test, member));

        expect(response.statusCode).toBe(200);
        const body = response.json() as {
          items: { checkpointDate: string; headHash: string; entryCount: number }[];
          head: { lastHash: string; lastSequence: number };
        };
        const published = body.items.find((item) => item.checkpointDate === '2026-03-15');
        expect(published).toMatchObject({ headHash: report.headHash, entryCount: 2 });
        expect(body.head).toMatchObject({ lastHash: report.headHash, lastSequence: 2 });
      });

      it('shows a dinas officer of province 53 the same checkpoints a member sees', async () => {
        const member = await givenMember(db, books.cooperativeId);
        const officer = await givenOfficer(db, 'dinas', ['53']);

        const asOfficer = await read(await signIn(test, officer));
        const asMember = await read(await signIn(test, member));

        expect(asOfficer.statusCode).toBe(200);
        expect(asOfficer.json()).toEqual(asMember.json());
      });

      it('refuses a dinas officer of another province, a member of another cooperative and a stranger', async () => {
        const otherOfficer = await givenOfficer(db, 'dinas', ['51']);
        const other = await givenBooks();
        const otherMember = await givenMember(db, other.cooperativeId);

        expect((await read(await signIn(test, otherOfficer))).statusCode).toBe(403);
        expect((await read(await signIn(test, otherMember))).statusCode).toBe(403);
        expect((await read()).statusCode).toBe(401);
      });
    });
  });
});
