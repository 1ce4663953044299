import { describe, expect, it } from 'vitest';
import {
  cellText,
  columnNameOf,
  parseCsv,
  parsePayrollFile,
  parseRupiahCell,
  type PayrollFileRow,
} from './payroll-file.js';

const header = [
  'nomor_anggota',
  'nama',
  'periode',
  'simpanan_wajib',
  'simpanan_sukarela',
  'angsuran_pinjaman',
];

function rowsOf(rows: string[][]): PayrollFileRow[] {
  const file = parsePayrollFile([header, ...rows]);
  if (file.kind !== 'parsed') throw new Error(`refused: ${file.code}`);
  return file.rows;
}

describe('parsePayrollFile', () => {
  it('reads member numbers to six digits and amounts in both rupiah forms', () => {
    const [row] = rowsOf([['12', 'Maria Goreti', '2026-03', '25.000', '100000', '']]);
    expect(row).toEqual({
      rowNumber: 2,
      memberNumber: '000012',
      memberName: 'Maria Goreti',
      period: '2026-03',
      wajib: 25_000n,
      sukarela: 100_000n,
      angsuran: 0n,
      error: null,
    });
  });

  it('accepts a header in other spellings and without the optional columns', () => {
    const file = parsePayrollFile([
      ['Nomor Anggota', 'Periode (yyyy-mm)', 'Simpanan-Wajib'],
      ['7', '2026-03', '25000'],
    ]);
    expect(file).toMatchObject({
      kind: 'parsed',
      rows: [{ memberNumber: '000007', wajib: 25_000n, sukarela: 0n, angsuran: 0n, error: null }],
    });
  });

  it('sums every angsuran column into the row', () => {
    const file = parsePayrollFile([
      ['nomor_anggota', 'periode', 'simpanan_wajib', 'angsuran_pokok', 'angsuran_jasa'],
      ['7', '2026-03', '25000', '200.000', '15.000'],
    ]);
    expect(file).toMatchObject({ kind: 'parsed', rows: [{ angsuran: 215_000n, error: null }] });
  });

  it('refuses a file with an unknown column, naming it', () => {
    expect(
      parsePayrollFile([
        [...header, 'bonus'],
        ['1', 'A', '2026-03', '1', '0', '0'],
      ]),
    ).toEqual({
      kind: 'refused',
      code: 'savings.payroll_unknown_column',
      params: { column: 'bonus' },
    });
  });

  it('refuses a file without a required column or with a column twice', () => {
    expect(
      parsePayrollFile([
        ['nomor_anggota', 'simpanan_wajib'],
        ['1', '25000'],
      ]),
    ).toEqual({
      kind: 'refused',
      code: 'savings.payroll_missing_column',
      params: { column: 'periode' },
    });
    expect(
      parsePayrollFile([
        ['nomor_anggota', 'periode', 'simpanan_wajib', 'Simpanan Wajib'],
        ['1', '2026-03', '1', '1'],
      ]),
    ).toMatchObject({
      code: 'savings.payroll_duplicate_column',
      params: { column: 'simpanan_wajib' },
    });
  });

  it('refuses a file with a header but no member rows, and an empty file', () => {
    expect(parsePayrollFile([header, ['', '', '']])).toMatchObject({
      code: 'savings.payroll_file_empty',
    });
    expect(parsePayrollFile([])).toMatchObject({ code: 'savings.payroll_file_empty' });
  });

  it('refuses a row with a bad member number, naming the value', () => {
    const [letters, tooLong, blank] = rowsOf([
      ['A12', '', '2026-03', '25000', '', ''],
      ['1234567', '', '2026-03', '25000', '', ''],
      ['', 'Tanpa Nomor', '2026-03', '25000', '', ''],
    ]);
    expect(letters?.error).toEqual({
      code: 'savings.payroll_member_number_invalid',
      params: { value: 'A12' },
    });
    expect(tooLong?.error?.code).toBe('savings.payroll_member_number_invalid');
    expect(blank).toMatchObject({
      memberNumber: null,
      error: { code: 'savings.payroll_member_number_invalid', params: { value: '' } },
    });
  });

  it('refuses a row whose period is not yyyy-mm', () => {
    for (const period of ['2026-3', '2026-13', 'Maret 2026', '03/2026', ''])
      expect(rowsOf([['1', '', period, '25000', '', '']])[0]?.error).toEqual({
        code: 'savings.payroll_period_invalid',
        params: { value: period },
      });
  });

  it('refuses decimals, negatives and other amount forms, naming the column', () => {
    for (const amount of ['25000,50', '25000.5', '25,000', '-25000', 'Rp25.000', '25.00', '1.2345'])
      expect(rowsOf([['1', '', '2026-03', '0', amount, '']])[0]?.error).toEqual({
        code: 'savings.payroll_amount_invalid',
        params: { column: 'simpanan_sukarela', value: amount },
      });
    expect(rowsOf([['1', '', '2026-03', '25000', '0', 'x']])[0]?.error).toMatchObject({
      params: { column: 'angsuran_pinjaman' },
    });
  });

  it('refuses a value in a column the header does not name', () => {
    expect(rowsOf([['1', '', '2026-03', '25000', '', '', 'lebih']])[0]?.error).toEqual({
      code: 'savings.payroll_unknown_column',
      params: { column: '7' },
    });
  });

  it('refuses every row of a member who appears twice, and only those', () => {
    const rows = rowsOf([
      ['12', 'A', '2026-03', '25000', '', ''],
      ['13', 'B', '2026-03', '25000', '', ''],
      ['000012', 'A', '2026-03', '0', '50000', ''],
    ]);
    expect(rows.map((row) => row.error)).toEqual([
      {
        code: 'savings.payroll_duplicate_member',
        params: { memberNumber: '000012', rowNumbers: '2, 4' },
      },
      null,
      {
        code: 'savings.payroll_duplicate_member',
        params: { memberNumber: '000012', rowNumbers: '2, 4' },
      },
    ]);
  });

  it('skips blank lines but keeps the file line numbers', () => {
    const rows = rowsOf([[], ['', '', ''], ['5', '', '2026-03', '25000', '', '']]);
    expect(rows.map((row) => row.rowNumber)).toEqual([4]);
  });
});

describe('parseRupiahCell', () => {
  it('reads whole rupiah with or without thousands dots, and blanks as zero', () => {
    expect(parseRupiahCell('25000')).toBe(25_000n);
    expect(parseRupiahCell(' 1.250.000 ')).toBe(1_250_000n);
    expect(parseRupiahCell('')).toBe(0n);
    expect(parseRupiahCell('-')).toBe(0n);
  });

  it('refuses anything else', () => {
    for (const text of ['25.5', '25,000', '1.00.000', '12345678901234567', 'abc', '+5'])
      expect(parseRupiahCell(text), text).toBeNull();
  });
});

describe('cellText', () => {
  it('writes spreadsheet cells the way a CSV holds them', () => {
    expect(cellText(25000)).toBe('25000');
    expect(cellText(25000.5)).toBe('25000,5');
    expect(parseRupiahCell(cellText(1.234))).toBeNull();
    expect(cellText(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03');
    expect(cellText(null)).toBe('');
    expect(cellText('000012')).toBe('000012');
  });
});

describe('parseCsv', () => {
  it('reads quoted cells, doubled quotes, CRLF and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n1,2')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', '2'],
    ]);
  });

  it('uses the separator of the header line', () => {
    expect(parseCsv('nomor_anggota;periode;simpanan_wajib\n1;2026-03;25.000\n')).toEqual([
      ['nomor_anggota', 'periode', 'simpanan_wajib'],
      ['1', '2026-03', '25.000'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('names the columns as the spec does', () => {
    expect(columnNameOf('\uFEFF Nomor Anggota ')).toBe('nomor_anggota');
  });
});
