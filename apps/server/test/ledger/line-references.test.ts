import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJournalEntries, postJournalEntry } from '../../src/modules/ledger/index.js';
import { withTenant, type Database } from '../../src/platform/db/database.js';
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

/**
 * Journal lines reference their entry (migration 0020) and their account (0026) through a
 * statement-level check instead of a per-line foreign key: a line must still name an entry and an
 * account that exist, in its own cooperative, and an account can never be deleted or re-keyed.
 */
describe(`journal lines refer to entries that exist on ${testDatabaseKind()}`, () => {
  let test: TestDatabase;
  let db: Database;
  let cooperativeId: string;
  let cash: string;
  let revenue: string;
  let otherEntryId: string;

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
    cooperativeId = (await givenCooperative(db)).id;
    const chart = await chartOf(db, cooperativeId);
    cash = chart.id('1-1101');
    revenue = chart.id('4-1301');
    const other = (await givenCooperative(db)).id;
    const otherChart = await chartOf(db, other);
    const posted = await inLedger(db, other, (ctx) =>
      postJournalEntry(
        ctx,
        anEntry([debit(otherChart.id('1-1101'), 500n), credit(otherChart.id('4-1301'), 500n)]),
      ),
    );
    otherEntryId = posted.id;
  });
  afterAll(() => test.drop());

  const insertLines = (entryId: string) =>
    withTenant(db, cooperativeId, (tx) =>
      tx.execute(sql`insert into journal_lines (cooperative_id, entry_id, line_number, account_id,
          side, amount, business_date, sequence)
        values (${cooperativeId}, ${entryId}, 1, ${cash}, 'debit', 1000, '2026-03-10', 1),
               (${cooperativeId}, ${entryId}, 2, ${revenue}, 'credit', 1000, '2026-03-10', 1)`),
    );

  it('refuses balanced lines whose entry does not exist, and writes nothing', async () => {
    const before = await ledgerStateOf(db, cooperativeId);

    const refusal = await databaseRefusalOf(insertLines(randomUUID()));

    expect(refusal).toMatchObject({ code: '23503', hint: 'ledger.entry_not_found' });
    expect(await ledgerStateOf(db, cooperativeId)).toEqual(before);
  });

  it('refuses, as the schema owner too, lines naming an entry of another cooperative', async () => {
    const before = await ledgerStateOf(db, cooperativeId);

    const refusal = await databaseRefusalOf(
      db.admin.query(
        `insert into journal_lines (cooperative_id, entry_id, line_number, account_id, side, amount,
           business_date, sequence)
         values ($1, $2, 1, $3, 'debit', 1000, '2026-03-10', 1),
                ($1, $2, 2, $4, 'credit', 1000, '2026-03-10', 1)`,
        [cooperativeId, otherEntryId, cash, revenue],
      ),
    );

    expect(refusal).toMatchObject({ code: '23503', hint: 'ledger.entry_not_found' });
    expect(await ledgerStateOf(db, cooperativeId)).toEqual(before);
  });

  it('refuses the whole statement when one of its entries is missing among real ones', async () => {
    const posted = await inLedger(db, cooperativeId, (ctx) =>
      postJournalEntries(ctx, [anEntry([debit(cash, 700n), credit(revenue, 700n)])]),
    );
    const before = await ledgerStateOf(db, cooperativeId);

    const refusal = await databaseRefusalOf(
      db.admin.query(
        `insert into journal_lines (cooperative_id, entry_id, line_number, account_id, side, amount,
           business_date, sequence)
         values ($1, $2, 3, $3, 'debit', 1, '2026-03-10', 1),
                ($1, $2, 4, $4, 'credit', 1, '2026-03-10', 1),
                ($1, $5, 1, $3, 'debit', 1, '2026-03-10', 1)`,
        [cooperativeId, posted[0]?.id, cash, revenue, randomUUID()],
      ),
    );

    expect(refusal.code).toBe('23503');
    expect(await ledgerStateOf(db, cooperativeId)).toEqual(before);
  });

  it('refuses, as the schema owner too, a line naming an account of another cooperative', async () => {
    const posted = await inLedger(db, cooperativeId, (ctx) =>
      postJournalEntries(ctx, [anEntry([debit(cash, 300n), credit(revenue, 300n)])]),
    );
    const otherCash = (await chartOf(db, (await givenCooperative(db)).id)).id('1-1101');
    const before = await ledgerStateOf(db, cooperativeId);

    const refusal = await databaseRefusalOf(
      db.admin.query(
        `insert into journal_lines (cooperative_id, entry_id, line_number, account_id, side, amount,
           business_date, sequence)
         values ($1, $2, 3, $3, 'debit', 1, '2026-03-10', 1),
                ($1, $2, 4, $4, 'credit', 1, '2026-03-10', 1)`,
        [cooperativeId, posted[0]?.id, otherCash, revenue],
      ),
    );

    expect(refusal).toMatchObject({ code: '23503', hint: 'ledger.account_not_found' });
    expect(await ledgerStateOf(db, cooperativeId)).toEqual(before);
  });

  it('refuses to delete or re-key a ledger account, to every role', async () => {
    const asApp = await databaseRefusalOf(
      withTenant(db, cooperativeId, (tx) =>
        tx.execute(
          sql`delete from ledger_accounts where cooperative_id = ${cooperativeId} and id = ${cash}`,
        ),
      ),
    );
    const deleted = await databaseRefusalOf(
      db.admin.query('delete from ledger_accounts where cooperative_id = $1 and id = $2', [
        cooperativeId,
        revenue,
      ]),
    );
    const rekeyed = await databaseRefusalOf(
      db.admin.query('update ledger_accounts set id = $3 where cooperative_id = $1 and id = $2', [
        cooperativeId,
        revenue,
        randomUUID(),
      ]),
    );

    expect(asApp.code).toBe('42501');
    expect(deleted).toMatchObject({ hint: 'ledger.account_permanent' });
    expect(rekeyed).toMatchObject({ hint: 'ledger.account_permanent' });
    const [still] = await db.admin.query<{ count: number }>(
      'select count(*)::int as count from ledger_accounts where cooperative_id = $1 and id = any($2::uuid[])',
      [cooperativeId, [cash, revenue]],
    );
    expect(still?.count).toBe(2);
  });
});
