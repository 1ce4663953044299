import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openMemberSubAccount,
  postJournalEntries,
  reverseJournalEntry,
  type EntryInput,
} from '../../src/modules/ledger/index.js';
import {
  computeYearShu,
  fiscalYearFor,
  verifyShuCounters,
  type FiscalYear,
} from '../../src/modules/shu/index.js';
import { withTenant, type Database } from '../../src/platform/db/database.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { givenCooperative } from '../harness/builders.js';
import {
  anEntry,
  chartOf,
  credit,
  debit,
  inLedger,
  ledgerNow,
} from '../harness/ledger-fixtures.js';
import { givenSavingsMember } from '../savings/savings-fixtures.js';
import type { ShuRules } from '../../src/modules/shu/rules/shu-rules.js';

/** One business event of a random history (indexes pick members; amounts are small rupiah). */
type Step =
  | { kind: 'deposit'; member: number; savings: 0 | 1 | 2; amount: bigint; day: number }
  | { kind: 'withdrawal'; member: number; amount: bigint; day: number }
  | { kind: 'repayment'; member: number; principal: bigint; interest: bigint; day: number }
  | { kind: 'shared_interest'; members: [number, number]; interest: bigint; day: number }
  | { kind: 'non_member_sale'; amount: bigint; day: number }
  | { kind: 'expense'; amount: bigint; day: number }
  | { kind: 'reversal'; pick: number; day: number }
  | { kind: 'batch'; member: number; amount: bigint; interest: bigint; day: number };

const amount = fc.bigInt({ min: 1n, max: 5_000_000n });
const day = fc.integer({ min: 0, max: 433 }); // 2025-01-01 .. 2026-03-10
const member = fc.integer({ min: 0, max: 3 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('deposit' as const),
    member,
    savings: fc.constantFrom(0 as const, 1 as const, 2 as const),
    amount,
    day,
  }),
  fc.record({ kind: fc.constant('withdrawal' as const), member, amount, day }),
  fc.record({
    kind: fc.constant('repayment' as const),
    member,
    principal: amount,
    interest: amount,
    day,
  }),
  fc.record({
    kind: fc.constant('shared_interest' as const),
    members: fc.tuple(member, member),
    interest: amount,
    day,
  }),
  fc.record({ kind: fc.constant('non_member_sale' as const), amount, day }),
  fc.record({ kind: fc.constant('expense' as const), amount, day }),
  fc.record({ kind: fc.constant('reversal' as const), pick: fc.nat(), day }),
  fc.record({ kind: fc.constant('batch' as const), member, amount, interest: amount, day }),
);

const dateOf = (offset: number) =>
  new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

const rulesUnder = (method: ShuRules['capitalBase']['method']): ShuRules => ({
  components: [
    { key: 'cadangan', bps: 4_000 },
    { key: 'jasa_modal', bps: 2_000 },
    { key: 'jasa_usaha', bps: 3_000 },
    { key: 'dana_pendidikan', bps: 1_000 },
  ],
  capitalBase: { kinds: ['pokok', 'wajib', 'sukarela'], method },
  participation: [
    { sourceKey: 'loan_interest_paid', weightBps: 7_000 },
    { sourceKey: 'store_purchases', weightBps: 3_000 },
  ],
  taxRateBps: 0,
});

describe(`SHU running counters on ${process.env.LUMBUNG_TEST_DB ?? 'pglite'}`, () => {
  let test: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
  });
  afterAll(() => test.drop());

  async function givenBooks() {
    const cooperativeId = (await givenCooperative(db)).id;
    const chart = await chartOf(db, cooperativeId);
    const members = [];
    for (let index = 0; index < 4; index += 1) {
      const registered = await givenSavingsMember(db, cooperativeId, { joinedOn: '2025-01-01' });
      const accounts = await inLedger(db, cooperativeId, async (ctx) => {
        const open = (controlCode: string) =>
          openMemberSubAccount(ctx, {
            controlCode,
            membershipId: registered.membershipId,
            memberNumber: registered.memberNumber ?? String(index),
            memberName: registered.fullName,
          });
        return {
          savings: [
            (await open('3-1101')).id,
            (await open('3-1102')).id,
            (await open('2-1201')).id,
          ],
          loan: (await open('1-1310')).id,
        };
      });
      members.push({ membershipId: registered.membershipId, ...accounts });
    }
    return { cooperativeId, chart, members };
  }

  type Books = Awaited<ReturnType<typeof givenBooks>>;

  function entriesOf(books: Books, history: Step): EntryInput[] {
    const at = (memberIndex: number) => books.members[memberIndex] ?? books.members[0]!;
    const cash = books.chart.id('1-1101');
    const interestIncome = books.chart.id('4-1201');
    const businessDate = dateOf(history.day);
    const entry = (lines: Parameters<typeof anEntry>[0]) => anEntry(lines, { businessDate });
    switch (history.kind) {
      case 'deposit': {
        const account = at(history.member).savings[history.savings]!;
        return [entry([debit(cash, history.amount), credit(account, history.amount)])];
      }
      case 'withdrawal': {
        const account = at(history.member).savings[2]!;
        return [entry([debit(account, history.amount), credit(cash, history.amount)])];
      }
      case 'repayment': {
        const total = history.principal + history.interest;
        return [
          entry([
            debit(cash, total),
            credit(at(history.member).loan, history.principal),
            credit(interestIncome, history.interest),
          ]),
        ];
      }
      case 'shared_interest': {
        // Two members in one entry: nobody's participation alone (unattributed when they differ).
        const [first, second] = history.members;
        return [
          entry([
            debit(at(first).savings[2]!, history.interest),
            debit(at(second).savings[2]!, history.interest),
            credit(interestIncome, history.interest * 2n),
          ]),
        ];
      }
      case 'non_member_sale':
        return [
          entry([debit(cash, history.amount), credit(books.chart.id('4-1301'), history.amount)]),
        ];
      case 'expense':
        return [
          entry([debit(books.chart.id('5-2201'), history.amount), credit(cash, history.amount)]),
        ];
      case 'batch':
        // Several entries in one statement: a deposit and a repayment of the same member.
        return [
          entry([
            debit(cash, history.amount),
            credit(at(history.member).savings[1]!, history.amount),
          ]),
          entry([
            debit(at(history.member).savings[2]!, history.interest),
            credit(interestIncome, history.interest),
          ]),
        ];
      case 'reversal':
        return [];
    }
  }

  async function play(books: Books, history: Step[]) {
    const posted: string[] = [];
    for (const step of history) {
      if (step.kind === 'reversal') {
        const entryId = posted[step.pick % Math.max(posted.length, 1)];
        if (!entryId) continue;
        await inLedger(db, books.cooperativeId, (ctx) =>
          reverseJournalEntry(ctx, {
            entryId,
            businessDate: dateOf(step.day),
            memo: 'Koreksi uji',
            idempotencyKey: `test-${randomUUID()}`,
          }),
        ).catch(() => undefined); // an entry reversed already cannot be reversed again
        continue;
      }
      const results = await inLedger(db, books.cooperativeId, (ctx) =>
        postJournalEntries(ctx, entriesOf(books, step)),
      );
      posted.push(...results.map((result) => result.id));
    }
  }

  async function shuOf(
    books: Books,
    year: FiscalYear,
    rules: ShuRules,
    source: 'counters' | 'ledger',
  ) {
    return withTenant(db, books.cooperativeId, (tx) =>
      computeYearShu(
        { tx, cooperativeId: books.cooperativeId, now: ledgerNow },
        { year, rules, source },
      ),
    );
  }

  it('gives exactly the numbers of a full recompute from the ledger, under random histories', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (history) => {
        const books = await givenBooks();
        await play(books, history);
        const verified = await withTenant(db, books.cooperativeId, (tx) =>
          verifyShuCounters({ tx, cooperativeId: books.cooperativeId }),
        );
        expect(verified.differences).toEqual([]);
        for (const year of [2025, 2026]) {
          const fiscalYear = await withTenant(db, books.cooperativeId, (tx) =>
            fiscalYearFor({ tx, cooperativeId: books.cooperativeId, now: ledgerNow }, year),
          );
          for (const method of ['average_daily_balance', 'year_end_balance'] as const) {
            const rules = rulesUnder(method);
            const running = await shuOf(books, fiscalYear, rules, 'counters');
            const recomputed = await shuOf(books, fiscalYear, rules, 'ledger');
            expect(running.figures).toEqual(recomputed.figures);
            expect(running.pools).toEqual(recomputed.pools);
            expect(running.shares).toEqual(recomputed.shares);
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('counts a repayment’s interest as its member’s participation in the same transaction', async () => {
    const books = await givenBooks();
    const [first] = books.members;
    await play(books, [
      { kind: 'repayment', member: 0, principal: 100_000n, interest: 12_000n, day: 420 },
    ]);
    const year = await withTenant(db, books.cooperativeId, (tx) =>
      fiscalYearFor({ tx, cooperativeId: books.cooperativeId, now: ledgerNow }, 2026),
    );
    const running = await shuOf(books, year, rulesUnder('year_end_balance'), 'counters');
    const share = running.shares.find((each) => each.membershipId === first?.membershipId);
    expect(share?.participation.get('loan_interest_paid')).toBe(12_000n);
  });
});
