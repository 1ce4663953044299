import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAccount,
  closePeriod,
  getTrialBalance,
  listAccounts,
  openMemberSubAccount,
  postJournalEntries,
  postJournalEntry,
  reverseJournalEntry,
  setAccountActive,
  verifyCooperativeLedger,
  type EntryInput,
  type EntryLineInput,
  type PostedEntry,
  type Side,
} from '../../src/modules/ledger/index.js';
import { withSystem, type Database } from '../../src/platform/db/database.js';
import { givenCooperative, givenMember } from '../harness/builders.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import {
  anEntry,
  chartOf,
  endOfTime,
  inLedger,
  ledgerStateOf,
  lineSumsOf,
  refusalOf,
} from '../harness/ledger-fixtures.js';
import { testDatabaseKind } from '../harness/settings.js';

/** Business dates from 2026-01-01 up to ledgerNow (2026-03-15): day 0 … 73. */
const dateOf = (day: number) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);

const amountArbitrary = fc.bigInt({ min: 1n, max: 10n ** 12n });
const sideArbitrary = fc.constantFrom<Side>('debit', 'credit');
const lineArbitrary = fc.record({
  account: fc.nat(),
  side: sideArbitrary,
  amount: amountArbitrary,
});

/** 1–4 free lines plus, when they do not balance, one balancing line: 2–5 lines, balanced. */
const postingArbitrary = fc.record({
  kind: fc.constant('post' as const),
  lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 4 }),
  balancingAccount: fc.nat(),
  day: fc.integer({ min: 0, max: 73 }),
});
const reversalArbitrary = fc.record({
  kind: fc.constant('reverse' as const),
  target: fc.nat(),
  day: fc.integer({ min: 0, max: 73 }),
});

type Posting = typeof postingArbitrary extends fc.Arbitrary<infer T> ? T : never;

function balancedLines(posting: Pick<Posting, 'lines' | 'balancingAccount'>, accounts: string[]) {
  const pick = (index: number) => accounts[index % accounts.length] ?? '';
  const lines: EntryLineInput[] = posting.lines.map((line) => ({
    accountId: pick(line.account),
    side: line.side,
    amount: line.amount,
  }));
  const net = lines.reduce(
    (sum, line) => (line.side === 'debit' ? sum + line.amount : sum - line.amount),
    0n,
  );
  if (net > 0n)
    lines.push({ accountId: pick(posting.balancingAccount), side: 'credit', amount: net });
  if (net < 0n)
    lines.push({ accountId: pick(posting.balancingAccount), side: 'debit', amount: -net });
  return lines;
}

describe(`ledger properties on ${testDatabaseKind()}`, () => {
  let test: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
  });
  afterAll(() => test.drop());

  /** A new cooperative whose postable accounts are its non-control chart plus one member's savings. */
  async function givenBooks() {
    const cooperativeId = (await givenCooperative(db)).id;
    const member = await givenMember(db, cooperativeId);
    const savings = await inLedger(db, cooperativeId, (ctx) =>
      openMemberSubAccount(ctx, {
        controlCode: '2-1201',
        membershipId: member.membership.membershipId,
        memberNumber: '0001',
        memberName: member.person.fullName,
      }),
    );
    const chart = await chartOf(db, cooperativeId);
    const postable = chart.accounts
      .filter((account) => !account.isControl && account.isActive)
      .map((account) => account.id);
    expect(postable).toContain(savings.id);
    return { cooperativeId, chart, postable };
  }

  it('keeps the books balanced, every balance equal to its lines and the chain intact under random postings and reversals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { arbitrary: postingArbitrary, weight: 3 },
            { arbitrary: reversalArbitrary, weight: 1 },
          ),
          { minLength: 1, maxLength: 8 },
        ),
        async (operations) => {
          const books = await givenBooks();
          const expected = new Map<string, { debit: bigint; credit: bigint }>();
          const record = (lines: readonly EntryLineInput[]) => {
            for (const line of lines) {
              const totals = expected.get(line.accountId) ?? { debit: 0n, credit: 0n };
              if (line.side === 'debit') totals.debit += line.amount;
              else totals.credit += line.amount;
              expected.set(line.accountId, totals);
            }
          };
          const posted: { entry: PostedEntry; lines: EntryLineInput[] }[] = [];
          const reversed = new Set<string>();

          for (const operation of operations) {
            if (operation.kind === 'post') {
              const lines = balancedLines(operation, books.postable);
              const entry = await inLedger(db, books.cooperativeId, (ctx) =>
                postJournalEntry(ctx, anEntry(lines, { businessDate: dateOf(operation.day) })),
              );
              record(lines);
              posted.push({ entry, lines });
              continue;
            }
            const target = posted[operation.target % Math.max(posted.length, 1)];
            if (!target) continue;
            const reverse = () =>
              inLedger(db, books.cooperativeId, (ctx) =>
                reverseJournalEntry(ctx, {
                  entryId: target.entry.id,
                  businessDate: dateOf(operation.day),
                  memo: 'Koreksi acak',
                  idempotencyKey: `test-${randomUUID()}`,
                }),
              );
            if (reversed.has(target.entry.id)) {
              expect((await refusalOf(reverse())).code).toBe('ledger.entry_already_reversed');
              continue;
            }
            const entry = await reverse();
            const lines = target.lines.map((line) => ({
              ...line,
              side: line.side === 'debit' ? ('credit' as const) : ('debit' as const),
            }));
            record(lines);
            reversed.add(target.entry.id);
            posted.push({ entry, lines });
          }

          for (const asOf of [endOfTime, '2026-02-14', '2026-01-01']) {
            const trialBalance = await inLedger(db, books.cooperativeId, (ctx) =>
              getTrialBalance(ctx, { asOf }),
            );
            expect(trialBalance.debitTotal - trialBalance.creditTotal, asOf).toBe(0n);
            expect(trialBalance.isBalanced).toBe(true);
          }
          const sums = await lineSumsOf(db, books.cooperativeId);
          const accounts = await inLedger(db, books.cooperativeId, (ctx) =>
            listAccounts(ctx, { includeSubAccounts: true }),
          );
          for (const account of accounts) {
            const fromLines = sums.get(account.id) ?? { debit: 0n, credit: 0n };
            const fromModel = expected.get(account.id) ?? { debit: 0n, credit: 0n };
            expect(
              { debit: account.debitTotal, credit: account.creditTotal },
              account.code,
            ).toEqual(fromLines);
            expect(fromLines, account.code).toEqual(fromModel);
          }
          const report = await withSystem(db, 'property verifies', (tx) =>
            verifyCooperativeLedger(tx, books.cooperativeId),
          );
          expect(report.problems).toEqual([]);
          expect(report.entryCount).toBe(posted.length);
          expect(report.headHash).toBe(posted.at(-1)?.entry.hash ?? '0'.repeat(64));
        },
      ),
      { numRuns: 20 },
    );
  }, 240_000);

  const validBase = fc.record({
    lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 4 }),
    balancingAccount: fc.nat(),
    day: fc.integer({ min: 31, max: 73 }), // February and March: open months
  });

  /** Every kind of invalid entry, with the refusal it must meet. */
  const invalidArbitrary = fc.oneof(
    fc.record({
      kind: fc.constant('ledger.entry_not_balanced'),
      base: validBase,
      line: fc.nat(),
      excess: amountArbitrary,
    }),
    fc.record({
      kind: fc.constant('ledger.entry_too_few_lines'),
      lines: fc.array(lineArbitrary, { minLength: 0, maxLength: 1 }),
    }),
    fc.record({
      kind: fc.constant('ledger.amount_invalid'),
      base: validBase,
      line: fc.nat(),
      amount: fc.bigInt({ min: -(10n ** 12n), max: 0n }),
    }),
    fc.record({ kind: fc.constant('ledger.account_inactive'), base: validBase, line: fc.nat() }),
    fc.record({ kind: fc.constant('ledger.account_is_control'), base: validBase, line: fc.nat() }),
    fc.record({ kind: fc.constant('ledger.account_not_found'), base: validBase, line: fc.nat() }),
    fc.record({
      kind: fc.constant('ledger.period_closed'),
      base: validBase,
      januaryDay: fc.integer({ min: 0, max: 30 }),
    }),
  );
  type Invalid = typeof invalidArbitrary extends fc.Arbitrary<infer T> ? T : never;

  it('refuses every kind of invalid entry with its code, alone or in a batch, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ invalid: invalidArbitrary, inBatch: fc.boolean() }), {
          minLength: 1,
          maxLength: 4,
        }),
        async (attempts) => {
          const books = await givenBooks();
          const inactive = await inLedger(db, books.cooperativeId, (ctx) =>
            addAccount(ctx, { code: '5-2998', name: 'Beban lama', class: 'expense' }),
          );
          await inLedger(db, books.cooperativeId, (ctx) =>
            setAccountActive(ctx, { accountId: inactive.id, isActive: false }),
          );
          const [cash, revenue] = [books.chart.id('1-1101'), books.chart.id('4-1301')];
          const valid = (businessDate: string) =>
            anEntry(
              [
                { accountId: cash, side: 'debit', amount: 1_000n },
                { accountId: revenue, side: 'credit', amount: 1_000n },
              ],
              { businessDate },
            );
          await inLedger(db, books.cooperativeId, (ctx) =>
            postJournalEntry(ctx, valid('2026-01-20')),
          );
          await inLedger(db, books.cooperativeId, (ctx) => closePeriod(ctx, { period: '2026-01' }));
          await inLedger(db, books.cooperativeId, (ctx) =>
            postJournalEntry(ctx, valid('2026-02-02')),
          );

          const replaceLine = (
            base: Pick<Posting, 'lines' | 'balancingAccount'>,
            index: number,
            change: (line: EntryLineInput) => EntryLineInput,
          ) => {
            const lines = balancedLines(base, books.postable);
            const at = index % lines.length;
            return lines.map((line, position) => (position === at ? change(line) : line));
          };
          const entryFor = (invalid: Invalid): EntryInput => {
            switch (invalid.kind) {
              case 'ledger.entry_not_balanced':
                return anEntry(
                  replaceLine(invalid.base, invalid.line, (line) => ({
                    ...line,
                    amount: line.amount + invalid.excess,
                  })),
                  { businessDate: dateOf(invalid.base.day) },
                );
              case 'ledger.entry_too_few_lines':
                return anEntry(
                  invalid.lines.map((line) => ({
                    accountId: cash,
                    side: line.side,
                    amount: line.amount,
                  })),
                );
              case 'ledger.amount_invalid':
                return anEntry(
                  replaceLine(invalid.base, invalid.line, (line) => ({
                    ...line,
                    amount: invalid.amount,
                  })),
                  { businessDate: dateOf(invalid.base.day) },
                );
              case 'ledger.account_inactive':
              case 'ledger.account_is_control':
              case 'ledger.account_not_found': {
                const accountId = {
                  'ledger.account_inactive': inactive.id,
                  'ledger.account_is_control': books.chart.id('2-1201'),
                  'ledger.account_not_found': randomUUID(),
                }[invalid.kind];
                return anEntry(
                  replaceLine(invalid.base, invalid.line, (line) => ({ ...line, accountId })),
                  { businessDate: dateOf(invalid.base.day) },
                );
              }
              case 'ledger.period_closed':
                return anEntry(balancedLines(invalid.base, books.postable), {
                  businessDate: dateOf(invalid.januaryDay),
                });
            }
          };

          for (const { invalid, inBatch } of attempts) {
            const before = await ledgerStateOf(db, books.cooperativeId);
            const entry = entryFor(invalid);
            const attempt = inBatch
              ? inLedger(db, books.cooperativeId, (ctx) =>
                  postJournalEntries(ctx, [valid('2026-03-01'), entry, valid('2026-03-02')]),
                )
              : inLedger(db, books.cooperativeId, (ctx) => postJournalEntry(ctx, entry));

            expect((await refusalOf(attempt)).code).toBe(invalid.kind);
            expect(await ledgerStateOf(db, books.cooperativeId)).toEqual(before);
          }
          const report = await withSystem(db, 'property verifies', (tx) =>
            verifyCooperativeLedger(tx, books.cooperativeId),
          );
          expect(report).toMatchObject({ entryCount: 2, problems: [] });
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
