import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAccount,
  closeFiscalYear,
  getBusinessUnitSurplus,
  postJournalEntry,
} from '../../src/modules/ledger/index.js';
import { computeBusinessUnitSurplus } from '../../src/modules/ledger/statements/rules/compute-business-unit-surplus.js';
import type { Database } from '../../src/platform/db/database.js';
import { givenCooperative } from '../harness/builders.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { anEntry, chartOf, credit, debit, inLedger } from '../harness/ledger-fixtures.js';
import { testDatabaseKind } from '../harness/settings.js';

describe('the surplus per business unit (rule)', () => {
  it('counts each revenue and expense in its unit, idle units at zero, umum last', () => {
    const rows = computeBusinessUnitSurplus([
      { class: 'expense', businessUnit: null, debit: 300n, credit: 0n },
      { class: 'revenue', businessUnit: 'toko', debit: 10n, credit: 1_010n },
      { class: 'expense', businessUnit: 'toko', debit: 700n, credit: 0n },
      { class: 'revenue', businessUnit: 'simpan_pinjam', debit: 0n, credit: 500n },
      { class: 'revenue', businessUnit: 'jasa', debit: 0n, credit: 0n },
    ]);
    expect(rows).toEqual([
      { unit: 'simpan_pinjam', revenue: 500n, expenses: 0n, surplus: 500n },
      { unit: 'toko', revenue: 1_000n, expenses: 700n, surplus: 300n },
      { unit: 'jasa', revenue: 0n, expenses: 0n, surplus: 0n },
      { unit: null, revenue: 0n, expenses: 300n, surplus: -300n },
    ]);
  });
});

/**
 * A serba usaha cooperative runs savings and loans, a store and services on one chart: its
 * year's result splits by unit, the units sum to the cooperative's surplus, and the year-end close
 * does not empty the closed year's figures.
 */
describe(`the surplus per business unit on ${testDatabaseKind()}`, () => {
  let test: TestDatabase;
  let db: Database;
  let cooperativeId: string;
  let chart: Awaited<ReturnType<typeof chartOf>>;
  const year = { from: '2025-01-01', to: '2025-12-31' };

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
    cooperativeId = (await givenCooperative(db, { type: 'serba_usaha' })).id;
    chart = await chartOf(db, cooperativeId);
    const post = (date: string, lines: Parameters<typeof anEntry>[0]) =>
      inLedger(db, cooperativeId, (ctx) =>
        postJournalEntry(ctx, anEntry(lines, { businessDate: date })),
      );
    const id = (code: string) => chart.id(code);
    await post('2025-02-01', [debit(id('1-1101'), 900_000n), credit(id('4-1201'), 900_000n)]);
    await post('2025-03-01', [debit(id('1-1101'), 5_000_000n), credit(id('4-1101'), 5_000_000n)]);
    await post('2025-03-01', [debit(id('5-1101'), 3_800_000n), credit(id('1-1401'), 3_800_000n)]);
    await post('2025-04-01', [debit(id('1-1101'), 250_000n), credit(id('4-1402'), 250_000n)]);
    await post('2025-05-01', [debit(id('5-2201'), 1_000_000n), credit(id('1-1101'), 1_000_000n)]);
    // Next year's revenue is not this year's.
    await post('2026-01-05', [debit(id('1-1101'), 70_000n), credit(id('4-1201'), 70_000n)]);
  });
  afterAll(() => test.drop());

  const surplus = () => inLedger(db, cooperativeId, (ctx) => getBusinessUnitSurplus(ctx, year));

  it('splits the year by unit, and the units sum to revenue less expenses', async () => {
    const rows = await surplus();
    expect(rows).toEqual([
      { unit: 'simpan_pinjam', revenue: 900_000n, expenses: 0n, surplus: 900_000n },
      { unit: 'toko', revenue: 5_000_000n, expenses: 3_800_000n, surplus: 1_200_000n },
      { unit: 'jasa', revenue: 250_000n, expenses: 0n, surplus: 250_000n },
      { unit: null, revenue: 0n, expenses: 1_000_000n, surplus: -1_000_000n },
    ]);
    expect(rows.reduce((sum, row) => sum + row.surplus, 0n)).toBe(1_350_000n);
  });

  it('an account the bendahara adds counts in the unit it is given', async () => {
    await inLedger(db, cooperativeId, async (ctx) => {
      const account = await addAccount(ctx, {
        code: '5-1190',
        name: 'Beban kemasan toko',
        class: 'expense',
        businessUnit: 'toko',
      });
      await postJournalEntry(
        ctx,
        anEntry([debit(account.id, 50_000n), credit(chart.id('1-1101'), 50_000n)], {
          businessDate: '2025-06-01',
        }),
      );
    });
    const toko = (await surplus()).find((row) => row.unit === 'toko');
    expect(toko).toEqual({
      unit: 'toko',
      revenue: 5_000_000n,
      expenses: 3_850_000n,
      surplus: 1_150_000n,
    });
  });

  it('keeps the closed year’s figures after the year-end close', async () => {
    const before = await surplus();
    await inLedger(
      db,
      cooperativeId,
      (ctx) => closeFiscalYear(ctx, { fiscalYearStart: '2025-01-01', fiscalYearEnd: '2025-12-31' }),
      new Date('2026-01-20T03:00:00Z'),
    );
    expect(await surplus()).toEqual(before);
  });
});
