import { describe, expect, it } from 'vitest';
import type { AccountTotalsRow } from '../../src/modules/ledger/index.js';
import { computeBalanceSheet } from '../../src/modules/ledger/statements/rules/compute-balance-sheet.js';
import { computeCashFlow } from '../../src/modules/ledger/statements/rules/compute-cash-flow.js';
import { computeEquityChanges } from '../../src/modules/ledger/statements/rules/compute-equity-changes.js';
import { computeHighlights } from '../../src/modules/ledger/statements/rules/compute-highlights.js';
import { computeIncomeStatement } from '../../src/modules/ledger/statements/rules/compute-income-statement.js';
import {
  fiscalYearStartOf,
  movementDatesOf,
  resolveStatementPeriods,
} from '../../src/modules/ledger/statements/rules/periods.js';
import {
  formatPeriodRange,
  formatStatementAmount,
  periodColumnLabel,
} from '../../src/modules/ledger/statements/render/indonesian-format.js';
import {
  balanceSheetDocument,
  equityChangesDocument,
} from '../../src/modules/ledger/statements/render/statement-documents.js';
import { renderPdf } from '../../src/modules/ledger/statements/render/render-pdf.js';
import { renderXlsx } from '../../src/modules/ledger/statements/render/render-xlsx.js';
import type {
  CashFlowRow,
  StatementAccountRow,
  StatementPeriods,
  StatementSection,
} from '../../src/modules/ledger/statements/statements.types.js';

/**
 * A small KSP chart and a hand-written journal (fiscal year from January; 2025 not closed):
 *
 * 2025-06-01 Kas 10.000.000 / pokok 1.000.000, wajib 2.000.000, modal penyertaan 7.000.000
 * 2025-07-01 Kendaraan 6.000.000 / Kas          2025-08-01 Piutang 3.000.000 / Kas
 * 2025-12-01 Kas / jasa pinjaman 500.000        2025-12-15 Beban gaji 200.000 / Kas
 * 2026-01-10 Kas / jasa pinjaman 400.000
 * February: sukarela deposit 1.000.000 in cash; penyusutan 100.000; Kas → Bank 2.000.000
 * March: loan repayment 1.000.000 + jasa 100.000; non-member income 250.000; a sukarela
 * withdrawal of 300.000 less a 2.000 fee; RAT 150.000 from Bank; penyisihan 50.000; wajib 100.000;
 * 120.000 of last year's SHU to cadangan umum; tax 30.000; a bank loan of 500.000.
 */
type Entry = [date: string, lines: [code: string, side: 'debit' | 'credit', amount: bigint][]];

const chart: Omit<StatementAccountRow, 'debitTotal' | 'creditTotal'>[] = [];
function account(
  code: string,
  name: string,
  klass: AccountTotalsRow['class'],
  reportGroup: string,
  cashFlowActivity: AccountTotalsRow['cashFlowActivity'],
  extra: Partial<StatementAccountRow> = {},
) {
  const isDebit = klass === 'asset' || klass === 'expense';
  chart.push({
    id: `id-${code}`,
    code,
    name,
    class: klass,
    normalSide: isDebit ? 'debit' : 'credit',
    reportGroup,
    cashFlowActivity,
    participation: null,
    parentAccountId: null,
    isControl: false,
    isActive: true,
    subledger: null,
    ...extra,
  });
}
const control = (subledger: 'savings' | 'loan') => ({ isControl: true, subledger });
const subOf = (code: string) => ({ parentAccountId: `id-${code}` });

account('1-1101', 'Kas', 'asset', 'kas_dan_setara_kas', 'cash');
account('1-1201', 'Bank', 'asset', 'kas_dan_setara_kas', 'cash');
account(
  '1-1310',
  'Piutang pinjaman anggota',
  'asset',
  'piutang_pinjaman',
  'operating',
  control('loan'),
);
account('1-1310.001', 'Piutang — Ani', 'asset', 'piutang_pinjaman', 'operating', subOf('1-1310'));
account('1-1319', 'Cadangan kerugian piutang', 'asset', 'piutang_pinjaman', 'operating', {
  normalSide: 'credit',
});
account('1-1603', 'Kendaraan', 'asset', 'aset_tetap', 'investing');
account('1-1699', 'Akumulasi penyusutan', 'asset', 'aset_tetap', 'operating', {
  normalSide: 'credit',
});
account(
  '2-1201',
  'Simpanan sukarela',
  'liability',
  'simpanan_anggota',
  'financing',
  control('savings'),
);
account(
  '2-1201.001',
  'Sukarela — Ani',
  'liability',
  'simpanan_anggota',
  'financing',
  subOf('2-1201'),
);
account('2-1301', 'Utang pajak', 'liability', 'kewajiban_lancar', 'operating');
account(
  '2-2101',
  'Utang bank jangka panjang',
  'liability',
  'kewajiban_jangka_panjang',
  'financing',
);
account('3-1101', 'Simpanan pokok', 'equity', 'simpanan_pokok', 'financing', control('savings'));
account('3-1101.001', 'Pokok — Ani', 'equity', 'simpanan_pokok', 'financing', subOf('3-1101'));
account('3-1102', 'Simpanan wajib', 'equity', 'simpanan_wajib', 'financing', control('savings'));
account('3-1102.001', 'Wajib — Ani', 'equity', 'simpanan_wajib', 'financing', subOf('3-1102'));
account('3-1103', 'Modal penyertaan', 'equity', 'modal_penyertaan', 'financing');
account('3-1201', 'Cadangan umum', 'equity', 'cadangan', 'financing');
account('3-1301', 'SHU tahun berjalan', 'equity', 'shu_tahun_berjalan', 'operating');
account('3-1302', 'SHU tahun lalu belum dibagi', 'equity', 'shu_belum_dibagi', 'financing');
account('4-1201', 'Pendapatan jasa pinjaman', 'revenue', 'pendapatan_jasa_pinjaman', 'operating', {
  participation: 'member',
});
account('4-1301', 'Pendapatan lain-lain', 'revenue', 'pendapatan_lain', 'operating', {
  participation: 'non_member',
});
account('5-2201', 'Beban gaji', 'expense', 'beban_usaha', 'operating');
account('5-2301', 'Beban penyusutan', 'expense', 'beban_usaha', 'operating');
account('5-2401', 'Beban organisasi dan RAT', 'expense', 'beban_perkoperasian', 'operating');
account('5-2501', 'Beban penyisihan kerugian piutang', 'expense', 'beban_usaha', 'operating');
account('5-2901', 'Beban pajak penghasilan', 'expense', 'beban_pajak', 'operating');

/** One entry a line: "date | code Dr|Cr amount | …" (amounts in rupiah, underscores allowed). */
const journal: Entry[] = [
  '2025-06-01 | 1-1101 Dr 10_000_000 | 3-1101.001 Cr 1_000_000 | 3-1102.001 Cr 2_000_000 | 3-1103 Cr 7_000_000',
  '2025-07-01 | 1-1603 Dr 6_000_000 | 1-1101 Cr 6_000_000',
  '2025-08-01 | 1-1310.001 Dr 3_000_000 | 1-1101 Cr 3_000_000',
  '2025-12-01 | 1-1101 Dr 500_000 | 4-1201 Cr 500_000',
  '2025-12-15 | 5-2201 Dr 200_000 | 1-1101 Cr 200_000',
  '2026-01-10 | 1-1101 Dr 400_000 | 4-1201 Cr 400_000',
  '2026-02-05 | 1-1101 Dr 1_000_000 | 2-1201.001 Cr 1_000_000',
  '2026-02-10 | 5-2301 Dr 100_000 | 1-1699 Cr 100_000',
  '2026-02-20 | 1-1201 Dr 2_000_000 | 1-1101 Cr 2_000_000',
  '2026-03-02 | 1-1101 Dr 1_100_000 | 1-1310.001 Cr 1_000_000 | 4-1201 Cr 100_000',
  '2026-03-05 | 1-1101 Dr 250_000 | 4-1301 Cr 250_000',
  '2026-03-10 | 2-1201.001 Dr 300_000 | 1-1101 Cr 298_000 | 4-1301 Cr 2_000',
  '2026-03-15 | 5-2401 Dr 150_000 | 1-1201 Cr 150_000',
  '2026-03-20 | 5-2501 Dr 50_000 | 1-1319 Cr 50_000',
  '2026-03-25 | 1-1101 Dr 100_000 | 3-1102.001 Cr 100_000',
  '2026-03-28 | 3-1302 Dr 120_000 | 3-1201 Cr 120_000',
  '2026-03-31 | 5-2901 Dr 30_000 | 2-1301 Cr 30_000',
  '2026-03-31 | 1-1201 Dr 500_000 | 2-2101 Cr 500_000',
].map(parseEntry);

function parseEntry(text: string): Entry {
  const [date = '', ...lines] = text.split('|').map((part) => part.trim());
  return [
    date,
    lines.map((line) => {
      const [code = '', side, amount = ''] = line.split(' ');
      return [code, side === 'Dr' ? 'debit' : 'credit', BigInt(amount.replaceAll('_', ''))];
    }),
  ];
}

/** What readStatementTotalsAsOf would answer for this journal at the end of `asOf`. */
function totalsAsOf(asOf: string): StatementAccountRow[] {
  return chart.map((row) => {
    let debitTotal = 0n;
    let creditTotal = 0n;
    for (const [date, lines] of journal) {
      if (date > asOf) continue;
      for (const [code, side, amount] of lines) {
        if (code !== row.code) continue;
        if (side === 'debit') debitTotal += amount;
        else creditTotal += amount;
      }
    }
    return { ...row, debitTotal, creditTotal };
  });
}

const march: StatementPeriods = resolveStatementPeriods({ period: '2026-03', today: '2026-05-01' });
const movementTotals = () => {
  const dates = movementDatesOf(march);
  return {
    periods: march,
    atEnd: totalsAsOf(dates.atEnd),
    atStart: totalsAsOf(dates.atStart),
    atPriorStart: totalsAsOf(dates.atPriorStart),
  };
};
const marchBalanceSheet = () =>
  computeBalanceSheet({
    periods: march,
    fiscalYearStartMonth: 1,
    atEnd: totalsAsOf('2026-03-31'),
    atStart: totalsAsOf('2026-02-28'),
    atFiscalYearStart: totalsAsOf('2025-12-31'),
    atPriorFiscalYearStart: totalsAsOf('2025-12-31'),
  });

const amounts = (section: StatementSection | undefined) =>
  Object.fromEntries(
    (section?.lines ?? []).map((line) => [line.label, [line.amount.current, line.amount.prior]]),
  );

describe('statement periods', () => {
  it('compares a month with the month before, and a span with the same span before', () => {
    expect(march).toEqual({
      current: { from: '2026-03-01', to: '2026-03-31' },
      prior: { from: '2026-02-01', to: '2026-02-28' },
    });
    expect(resolveStatementPeriods({ today: '2026-01-15' }).prior).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(
      resolveStatementPeriods({ from: '2026-01-01', to: '2026-03-31', today: '2026-05-01' }).prior,
    ).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(
      resolveStatementPeriods({ from: '2026-03-01', to: '2026-03-10', today: '2026-05-01' }).prior,
    ).toEqual({ from: '2026-02-19', to: '2026-02-28' });
  });

  it('finds the start of a fiscal year that does not begin in January', () => {
    expect(fiscalYearStartOf('2026-03-31', 1)).toBe('2026-01-01');
    expect(fiscalYearStartOf('2026-03-31', 7)).toBe('2025-07-01');
    expect(fiscalYearStartOf('2026-07-01', 7)).toBe('2026-07-01');
  });
});

describe('Laporan Posisi Keuangan', () => {
  it('balances, with contra accounts negative in their section and sub-accounts rolled up', () => {
    const sheet = marchBalanceSheet();
    const [current, nonCurrent] = sheet.assets.sections;
    expect(amounts(current)).toEqual({
      Kas: [1_852_000n, 700_000n],
      Bank: [2_350_000n, 2_000_000n],
      'Piutang pinjaman anggota': [2_000_000n, 3_000_000n],
      'Cadangan kerugian piutang': [-50_000n, 0n],
    });
    expect(current?.total).toEqual({ current: 6_152_000n, prior: 5_700_000n });
    expect(amounts(nonCurrent)).toEqual({
      Kendaraan: [6_000_000n, 6_000_000n],
      'Akumulasi penyusutan': [-100_000n, -100_000n],
    });
    expect(sheet.assets.total).toEqual({ current: 12_052_000n, prior: 11_600_000n });
    expect(sheet.liabilities.sections.map((section) => section.total)).toEqual([
      { current: 730_000n, prior: 1_000_000n },
      { current: 500_000n, prior: 0n },
    ]);
    expect(sheet.liabilitiesAndEquity).toEqual(sheet.assets.total);
    expect(sheet.isBalanced).toBe(true);
  });

  it('shows SHU tahun berjalan as this fiscal year’s surplus and earlier years’ apart', () => {
    const { equity } = marchBalanceSheet();
    expect(amounts(equity)).toEqual({
      'Simpanan pokok': [1_000_000n, 1_000_000n],
      'Simpanan wajib': [2_100_000n, 2_000_000n],
      'Modal penyertaan': [7_000_000n, 7_000_000n],
      'Cadangan umum': [120_000n, 0n],
      // 2025's surplus of 300.000 was never closed; 120.000 of it went to cadangan in March.
      'SHU tahun lalu belum dibagi': [180_000n, 300_000n],
      // 2026 to date: 400.000 + 100.000 + 252.000 jasa and other income less 380.000 of expenses.
      'SHU tahun berjalan': [422_000n, 300_000n],
    });
    expect(equity.total).toEqual({ current: 10_822_000n, prior: 10_600_000n });
  });

  it('says when the books do not balance (a trial balance that does not add up)', () => {
    const broken = totalsAsOf('2026-03-31').map((row) =>
      row.code === '1-1101' ? { ...row, debitTotal: row.debitTotal + 1n } : row,
    );
    const sheet = computeBalanceSheet({
      periods: march,
      fiscalYearStartMonth: 1,
      atEnd: broken,
      atStart: totalsAsOf('2026-02-28'),
      atFiscalYearStart: totalsAsOf('2025-12-31'),
      atPriorFiscalYearStart: totalsAsOf('2025-12-31'),
    });
    expect(sheet.isBalanced).toBe(false);
  });
});

describe('Laporan Hasil Usaha', () => {
  it('splits partisipasi anggota from pendapatan dari non-anggota and ends in SHU after tax', () => {
    const statement = computeIncomeStatement(movementTotals());
    expect(amounts(statement.revenue.member)).toEqual({
      'Pendapatan jasa pinjaman': [100_000n, 0n],
    });
    expect(amounts(statement.revenue.nonMember)).toEqual({
      'Pendapatan lain-lain': [252_000n, 0n],
    });
    expect(statement.revenue.total).toEqual({ current: 352_000n, prior: 0n });
    expect(statement.expenses.map((section) => [section.key, section.total])).toEqual([
      ['beban_usaha', { current: 50_000n, prior: 100_000n }],
      ['beban_perkoperasian', { current: 150_000n, prior: 0n }],
    ]);
    expect(statement.shuBeforeTax).toEqual({ current: 152_000n, prior: -100_000n });
    expect(statement.tax.total).toEqual({ current: 30_000n, prior: 0n });
    expect(statement.shuAfterTax).toEqual({ current: 122_000n, prior: -100_000n });
  });

  it('leaves out accounts that did not move in either period', () => {
    const statement = computeIncomeStatement(movementTotals());
    const labels = statement.expenses.flatMap((section) => section.lines.map((line) => line.label));
    expect(labels).not.toContain('Beban gaji'); // moved only in 2025
  });
});

describe('Laporan Perubahan Ekuitas', () => {
  it('rolls opening + additions + reductions + SHU into the balance sheet’s equity', () => {
    const changes = computeEquityChanges(movementTotals());
    expect(changes.current.opening).toEqual({
      simpananPokok: 1_000_000n,
      simpananWajib: 2_000_000n,
      ekuitasLain: 7_000_000n,
      cadangan: 0n,
      shu: 600_000n,
      total: 10_600_000n,
    });
    expect(changes.current.additions).toMatchObject({
      simpananWajib: 100_000n,
      cadangan: 120_000n,
      total: 220_000n,
    });
    expect(changes.current.reductions).toMatchObject({ shu: -120_000n, total: -120_000n });
    expect(changes.current.shuOfPeriod).toMatchObject({ shu: 122_000n, total: 122_000n });
    expect(changes.current.closing).toEqual({
      simpananPokok: 1_000_000n,
      simpananWajib: 2_100_000n,
      ekuitasLain: 7_000_000n,
      cadangan: 120_000n,
      shu: 602_000n,
      total: 10_822_000n,
    });
    expect(changes.current.closing.total).toBe(marchBalanceSheet().equity.total.current);
    expect(changes.prior.closing).toEqual(changes.current.opening);
    expect(changes.prior.shuOfPeriod.shu).toBe(-100_000n);
  });
});

describe('Laporan Arus Kas', () => {
  // What readCashFlowRows answers for this journal (its rule is checked over SQL in the API suite).
  const flows: CashFlowRow[] = [
    {
      period: 'current',
      activity: 'operating',
      reportGroup: 'piutang_pinjaman',
      inflow: 1_000_000n,
      outflow: 0n,
    },
    {
      period: 'current',
      activity: 'operating',
      reportGroup: 'pendapatan_jasa_pinjaman',
      inflow: 100_000n,
      outflow: 0n,
    },
    {
      period: 'current',
      activity: 'operating',
      reportGroup: 'pendapatan_lain',
      inflow: 252_000n,
      outflow: 0n,
    },
    {
      period: 'current',
      activity: 'operating',
      reportGroup: 'beban_perkoperasian',
      inflow: 0n,
      outflow: 150_000n,
    },
    {
      period: 'current',
      activity: 'financing',
      reportGroup: 'simpanan_anggota',
      inflow: 0n,
      outflow: 300_000n,
    },
    {
      period: 'current',
      activity: 'financing',
      reportGroup: 'simpanan_wajib',
      inflow: 100_000n,
      outflow: 0n,
    },
    {
      period: 'current',
      activity: 'financing',
      reportGroup: 'kewajiban_jangka_panjang',
      inflow: 500_000n,
      outflow: 0n,
    },
    {
      period: 'prior',
      activity: 'financing',
      reportGroup: 'simpanan_anggota',
      inflow: 1_000_000n,
      outflow: 0n,
    },
  ];

  it('reconciles opening cash + net change = closing cash in both columns', () => {
    const statement = computeCashFlow({ ...movementTotals(), flows });
    expect(statement.activities.map((activity) => [activity.activity, activity.net])).toEqual([
      ['operating', { current: 1_202_000n, prior: 0n }],
      ['investing', { current: 0n, prior: 0n }],
      ['financing', { current: 300_000n, prior: 1_000_000n }],
    ]);
    expect(statement.openingCash).toEqual({ current: 2_700_000n, prior: 1_700_000n });
    expect(statement.netChange).toEqual({ current: 1_502_000n, prior: 1_000_000n });
    expect(statement.closingCash).toEqual({ current: 4_202_000n, prior: 2_700_000n });
    expect(statement.isReconciled).toBe(true);
    const financing = statement.activities[2];
    expect(financing?.outflows.map((line) => [line.label, line.amount.current])).toEqual([
      ['Penarikan simpanan sukarela, berjangka dan dompet anggota', -300_000n],
    ]);
  });

  it('does not reconcile when a cash movement is missing from the flows', () => {
    const statement = computeCashFlow({ ...movementTotals(), flows: flows.slice(1) });
    expect(statement.isReconciled).toBe(false);
  });
});

describe('Koperasi dalam angka', () => {
  it('sums member savings and loans from control accounts, and this year’s participation', () => {
    const highlights = computeHighlights({
      asOf: '2026-03-31',
      month: march.current,
      fiscalYearStart: '2026-01-01',
      atAsOf: totalsAsOf('2026-03-31'),
      atMonthStart: totalsAsOf('2026-02-28'),
      atFiscalYearStart: totalsAsOf('2025-12-31'),
      latestCheckpoint: null,
      head: null,
    });
    expect(highlights).toMatchObject({
      totalAssets: 12_052_000n,
      memberSavings: { total: 3_800_000n },
      outstandingMemberLoans: 2_000_000n,
      memberParticipation: { month: 100_000n, yearToDate: 500_000n },
      currentYearShu: 422_000n,
    });
    expect(highlights.memberSavings.lines.map((line) => line.accountCode)).toEqual([
      '2-1201',
      '3-1101',
      '3-1102',
    ]);
  });
});

describe('statement documents', () => {
  it('formats rupiah the Indonesian way, negatives in parentheses', () => {
    expect(formatStatementAmount(1_852_000n)).toBe('Rp1.852.000');
    expect(formatStatementAmount(-50_000n)).toBe('(Rp50.000)');
    expect(formatStatementAmount(0n)).toBe('-');
    expect(formatPeriodRange(march.current)).toBe('1–31 Maret 2026');
    expect(formatPeriodRange({ from: '2025-12-16', to: '2026-01-15' })).toBe(
      '16 Desember 2025–15 Januari 2026',
    );
    expect(periodColumnLabel(march.prior)).toBe('Februari 2026');
  });

  it('lays the balance sheet out with the date line, two columns and the totals', () => {
    const document = balanceSheetDocument(marchBalanceSheet(), {
      cooperativeName: 'Koperasi Simpan Pinjam Sikka Sejahtera',
      preparedOn: '2 April 2026',
    });
    expect(document).toMatchObject({
      fileName: 'laporan-posisi-keuangan-2026-03',
      title: 'LAPORAN POSISI KEUANGAN',
      subtitle: 'Per 31 Maret 2026',
      columns: ['31 Maret 2026', '28 Februari 2026'],
    });
    expect(document.rows).toContainEqual({
      kind: 'total',
      label: 'JUMLAH ASET',
      amounts: [12_052_000n, 11_600_000n],
    });
  });

  it('renders a PDF and an XLSX', async () => {
    const header = { cooperativeName: 'Koperasi Uji', preparedOn: '2 April 2026' };
    const pdf = await renderPdf(
      equityChangesDocument(computeEquityChanges(movementTotals()), header),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await renderXlsx(balanceSheetDocument(marchBalanceSheet(), header));
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  });
});
