import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getJournalEntry,
  postJournalEntries,
  verifyCooperativeLedger,
} from '../../src/modules/ledger/index.js';
import { withSystem, type Database } from '../../src/platform/db/database.js';
import { givenCooperative } from '../harness/builders.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { anEntry, chartOf, credit, debit, inLedger } from '../harness/ledger-fixtures.js';
import { testDatabaseKind } from '../harness/settings.js';

/** writeEntries passes each column as one array literal; text must arrive exactly as given. */
describe(`the batch write keeps every text exactly on ${testDatabaseKind()}`, () => {
  let test: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
  });
  afterAll(() => test.drop());

  it('stores memos, sources and keys with quotes, backslashes, commas, braces and "NULL" as given', async () => {
    const cooperativeId = (await givenCooperative(db)).id;
    const chart = await chartOf(db, cooperativeId);
    const awkward = [
      'Setoran "khusus", {tunai} \\ cabang',
      'NULL',
      ' spasi di tepi ',
      'baris\nbaru, koma',
    ];
    const entries = awkward.map((text, index) =>
      anEntry(
        [
          { ...debit(chart.id('1-1101'), BigInt(1_000 + index)), memo: text },
          credit(chart.id('4-1301'), BigInt(1_000 + index)),
        ],
        { memo: text, sourceId: `${text}#${index}`, idempotencyKey: `${text}#key${index}` },
      ),
    );

    const posted = await inLedger(db, cooperativeId, (ctx) => postJournalEntries(ctx, entries));

    for (const [index, text] of awkward.entries()) {
      const stored = await inLedger(db, cooperativeId, (ctx) =>
        getJournalEntry(ctx, posted[index]?.id ?? ''),
      );
      expect(stored).toMatchObject({
        memo: text,
        sourceId: `${text}#${index}`,
        idempotencyKey: `${text}#key${index}`,
      });
      expect(stored.lines.map((line) => line.memo)).toEqual([text, null]);
    }
    const report = await withSystem(db, 'test verifies a ledger', (tx) =>
      verifyCooperativeLedger(tx, cooperativeId),
    );
    expect(report.problems).toEqual([]);
    expect(report.entryCount).toBe(awkward.length);
  });
});
