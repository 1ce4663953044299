import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJournalEntry } from '../../src/modules/ledger/index.js';
import {
  queryRows,
  withTenant,
  type AdminConnection,
  type Database,
} from '../../src/platform/db/database.js';
import { givenCooperative } from '../harness/builders.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import {
  anEntry,
  chartOf,
  credit,
  databaseRefusalOf,
  debit,
  inLedger,
  ledgerStateOf,
} from '../harness/ledger-fixtures.js';
import { testDatabaseKind } from '../harness/settings.js';

interface RawLine {
  accountId: string;
  side: 'debit' | 'credit';
  amount: number;
}

/** Inserts an entry row and its lines with plain SQL, bypassing postJournalEntry entirely. */
async function insertRawEntry(
  admin: AdminConnection,
  cooperativeId: string,
  entry: { id: string; sequence: number; totalAmount: number; lines: RawLine[] },
) {
  await admin.query(
    `insert into journal_entries (cooperative_id, id, sequence, business_date, posted_at, source_type,
       source_id, memo, idempotency_key, total_amount, content_hash, prev_hash, hash)
     values ($1, $2, $3, '2026-03-10', now(), 'test.sql', 'raw', 'Ditulis langsung dengan SQL', $4, $5,
       'x', 'x', 'x')`,
    [cooperativeId, entry.id, entry.sequence, `raw-${entry.id}`, entry.totalAmount],
  );
  await insertRawLines(admin, cooperativeId, entry.id, 1, entry.lines);
}

async function insertRawLines(
  admin: AdminConnection,
  cooperativeId: string,
  entryId: string,
  firstLineNumber: number,
  lines: RawLine[],
) {
  for (const [index, line] of lines.entries()) {
    await admin.query(
      `insert into journal_lines (cooperative_id, entry_id, line_number, account_id, side, amount,
         business_date, sequence)
       values ($1, $2, $3, $4, $5, $6, '2026-03-10',
         (select sequence from journal_entries where cooperative_id = $1 and id = $2))`,
      [cooperativeId, entryId, firstLineNumber + index, line.accountId, line.side, line.amount],
    );
  }
}

describe(`the database guards the journal on ${testDatabaseKind()}`, () => {
  let test: TestDatabase;
  let db: Database;
  let cooperativeId: string;
  let cash: string;
  let revenue: string;
  let postedEntryId: string;

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
    cooperativeId = (await givenCooperative(db)).id;
    const chart = await chartOf(db, cooperativeId);
    cash = chart.id('1-1101');
    revenue = chart.id('4-1301');
    for (const amount of [1_000n, 2_000n]) {
      const posted = await inLedger(db, cooperativeId, (ctx) =>
        postJournalEntry(ctx, anEntry([debit(cash, amount), credit(revenue, amount)])),
      );
      postedEntryId = posted.id;
    }
  });
  afterAll(() => test.drop());

  const journalRows = () =>
    db.admin.query<{ id: string; memo: string; total_amount: bigint; lines: string }>(
      `select e.id, e.memo, e.total_amount,
         (select string_agg(l.side || ':' || l.amount, ',' order by l.line_number)
            from journal_lines l where l.cooperative_id = e.cooperative_id and l.entry_id = e.id) as lines
       from journal_entries e where e.cooperative_id = $1 order by e.sequence`,
      [cooperativeId],
    );

  describe('as the application role (inside withTenant)', () => {
    const statements = {
      'UPDATE journal_entries': sql`update journal_entries set memo = 'diubah'`,
      'DELETE journal_entries': sql`delete from journal_entries`,
      'UPDATE journal_lines': sql`update journal_lines set amount = amount + 1`,
      'DELETE journal_lines': sql`delete from journal_lines`,
      'TRUNCATE journal_lines': sql`truncate journal_lines`,
    };

    for (const [name, statement] of Object.entries(statements)) {
      it(`refuses ${name} for lack of privilege, and the rows stay as they were`, async () => {
        const before = await journalRows();

        const refusal = await databaseRefusalOf(
          withTenant(db, cooperativeId, (tx) => tx.execute(statement)),
        );

        expect(refusal.code).toBe('42501');
        expect(refusal.message).toMatch(/permission denied for table journal_(entries|lines)/);
        expect(await journalRows()).toEqual(before);
      });
    }

    it('refuses, at commit, an unbalanced entry the application role writes around the code', async () => {
      const before = await ledgerStateOf(db, cooperativeId);
      const entryId = randomUUID();
      let statementsRan = false;

      const refusal = await databaseRefusalOf(
        withTenant(db, cooperativeId, async (tx) => {
          await tx.execute(sql`insert into journal_entries (cooperative_id, id, sequence, business_date,
              posted_at, source_type, source_id, memo, idempotency_key, total_amount, content_hash,
              prev_hash, hash)
            values (${cooperativeId}, ${entryId}, 500, '2026-03-10', now(), 'test.sql', 'raw',
              'Ditulis langsung', ${randomUUID()}, 1000, 'x', 'x', 'x')`);
          await tx.execute(sql`insert into journal_lines (cooperative_id, entry_id, line_number,
              account_id, side, amount, business_date, sequence)
            values (${cooperativeId}, ${entryId}, 1, ${cash}, 'debit', 1000, '2026-03-10', 500),
                   (${cooperativeId}, ${entryId}, 2, ${revenue}, 'credit', 10, '2026-03-10', 500)`);
          const [seen] = await queryRows<{ count: number }>(
            tx,
            sql`select count(*)::int as count from journal_lines where entry_id = ${entryId}`,
          );
          statementsRan = seen?.count === 2;
        }),
      );

      expect(statementsRan).toBe(true);
      expect(refusal).toMatchObject({ code: '23514', hint: 'ledger.entry_not_balanced' });
      expect(await ledgerStateOf(db, cooperativeId)).toEqual(before);
    });
  });

  describe('as the schema owner', () => {
    const statements = {
      'UPDATE journal_entries': `update journal_entries set memo = 'diubah' where cooperative_id = $1`,
      'DELETE journal_entries': `delete from journal_entries where cooperative_id = $1`,
      'UPDATE journal_lines': `update journal_lines set amount = amount + 1 where cooperative_id = $1`,
      'DELETE journal_lines': `delete from journal_lines where cooperative_id = $1`,
    };

    for (const [name, statement] of Object.entries(statements)) {
      it(`refuses ${name} with the append-only trigger, and the rows stay as they were`, async () => {
        const before = await journalRows();

        const refusal = await databaseRefusalOf(db.admin.query(statement, [cooperativeId]));

        expect(refusal).toMatchObject({ code: 'P0001', hint: 'ledger.append_only' });
        expect(refusal.message).toContain('journal rows are append-only');
        expect(await journalRows()).toEqual(before);
      });
    }

    it('is the owner of the journal tables, so the refusals above come from the triggers alone', async () => {
      const [owner] = await db.admin.query<{ is_owner: boolean }>(
        `select pg_has_role(current_user, tableowner, 'usage') as is_owner
           from pg_tables where tablename = 'journal_entries'`,
      );
      expect(owner?.is_owner).toBe(true);
    });

    for (const statement of [
      'truncate journal_lines',
      'truncate journal_entries, journal_lines',
      'truncate journal_entries cascade',
    ]) {
      it(`refuses "${statement}" and keeps every journal row`, async () => {
        const before = await journalRows();

        const refusal = await databaseRefusalOf(db.admin.exec(statement));

        // The append-only trigger refuses it; where another table references the journal by a
        // foreign key (savings receipts), PostgreSQL refuses the TRUNCATE even before the trigger.
        const isForeignKeyRefusal = refusal.code === '0A000';
        if (!isForeignKeyRefusal)
          expect(refusal).toMatchObject({ code: 'P0001', hint: 'ledger.append_only' });
        expect(await journalRows()).toEqual(before);
        expect(before.length).toBeGreaterThan(0);
      });
    }

    const refusedAtCommit = async (write: (admin: AdminConnection) => Promise<void>) => {
      const before = await ledgerStateOf(db, cooperativeId);
      const rowsBefore = await journalRows();
      let statementsRan = false;
      const refusal = await databaseRefusalOf(
        db.admin.transaction(async (admin) => {
          await write(admin);
          statementsRan = true; // every statement was accepted: the check waits for the commit
        }),
      );
      expect(statementsRan).toBe(true);
      expect(await ledgerStateOf(db, cooperativeId)).toEqual(before);
      expect(await journalRows()).toEqual(rowsBefore);
      return refusal;
    };

    it('refuses at commit an entry whose lines do not balance', async () => {
      const refusal = await refusedAtCommit((admin) =>
        insertRawEntry(admin, cooperativeId, {
          id: randomUUID(),
          sequence: 700,
          totalAmount: 1_000,
          lines: [
            { accountId: cash, side: 'debit', amount: 1_000 },
            { accountId: revenue, side: 'credit', amount: 900 },
          ],
        }),
      );

      expect(refusal).toMatchObject({ code: '23514', hint: 'ledger.entry_not_balanced' });
      expect(refusal.message).toMatch(/is not balanced: debits 1000, credits 900, 2 lines/);
    });

    it('refuses at commit an entry with a single line', async () => {
      const refusal = await refusedAtCommit((admin) =>
        insertRawEntry(admin, cooperativeId, {
          id: randomUUID(),
          sequence: 701,
          totalAmount: 1_000,
          lines: [{ accountId: cash, side: 'debit', amount: 1_000 }],
        }),
      );

      expect(refusal).toMatchObject({ code: '23514', hint: 'ledger.entry_not_balanced' });
      expect(refusal.message).toMatch(/1 lines/);
    });

    it('refuses at commit an entry with no lines at all', async () => {
      const refusal = await refusedAtCommit((admin) =>
        insertRawEntry(admin, cooperativeId, {
          id: randomUUID(),
          sequence: 702,
          totalAmount: 1_000,
          lines: [],
        }),
      );

      expect(refusal).toMatchObject({ code: '23514', hint: 'ledger.entry_not_balanced' });
    });

    it('refuses at commit balanced lines whose sum is not the total the entry declares', async () => {
      const refusal = await refusedAtCommit((admin) =>
        insertRawEntry(admin, cooperativeId, {
          id: randomUUID(),
          sequence: 703,
          totalAmount: 5_000,
          lines: [
            { accountId: cash, side: 'debit', amount: 1_000 },
            { accountId: revenue, side: 'credit', amount: 1_000 },
          ],
        }),
      );

      expect(refusal).toMatchObject({ code: '23514', hint: 'ledger.entry_not_balanced' });
    });

    it('refuses, at its statement, a line appended to an entry an earlier transaction posted', async () => {
      const before = await ledgerStateOf(db, cooperativeId);
      const rowsBefore = await journalRows();

      // Entries of earlier transactions are no longer watched by their commit-time check, so the
      // statement that appends to one is checked at once.
      const refusal = await databaseRefusalOf(
        db.admin.transaction((admin) =>
          insertRawLines(admin, cooperativeId, postedEntryId, 3, [
            { accountId: cash, side: 'debit', amount: 1 },
            { accountId: revenue, side: 'credit', amount: 1 },
          ]),
        ),
      );

      // Balanced in itself, but the entry's lines no longer sum to the total it declares.
      expect(refusal).toMatchObject({ code: '23514', hint: 'ledger.entry_not_balanced' });
      expect(await ledgerStateOf(db, cooperativeId)).toEqual(before);
      expect(await journalRows()).toEqual(rowsBefore);
    });

    it('accepts a balanced entry written with SQL, so the refusals above are about balance', async () => {
      const other = (await givenCooperative(db)).id;
      const otherChart = await chartOf(db, other);
      const entryId = randomUUID();

      await db.admin.transaction((admin) =>
        insertRawEntry(admin, other, {
          id: entryId,
          sequence: 1,
          totalAmount: 1_000,
          lines: [
            { accountId: otherChart.id('1-1101'), side: 'debit', amount: 600 },
            { accountId: otherChart.id('1-1201'), side: 'debit', amount: 400 },
            { accountId: otherChart.id('4-1301'), side: 'credit', amount: 1_000 },
          ],
        }),
      );

      const rows = await db.admin.query<{ count: number }>(
        'select count(*)::int as count from journal_lines where cooperative_id = $1 and entry_id = $2',
        [other, entryId],
      );
      expect(rows[0]?.count).toBe(3);
    });
  });
});
