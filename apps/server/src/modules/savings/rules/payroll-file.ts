import type { ErrorCode } from '@lumbung/shared/error-codes';

/**
 * The payroll-deduction file an employer's payroll office sends each month, one member a row:
 *
 *   nomor_anggota, nama, periode, simpanan_wajib, simpanan_sukarela, angsuran_pinjaman
 *
 * nomor_anggota, periode and simpanan_wajib are required; nama, simpanan_sukarela and any
 * angsuran_* column may be left out. Amounts are whole rupiah written `25000` or `25.000`
 * (Indonesian thousands separator); an empty cell or `-` is zero; decimals and negatives are
 * refused. Pure: the reading of CSV text and spreadsheet cells lives here too, without I/O.
 */

export const payrollColumns = [
  'nomor_anggota',
  'nama',
  'periode',
  'simpanan_wajib',
  'simpanan_sukarela',
  'angsuran_pinjaman',
] as const;
const requiredColumns = ['nomor_anggota', 'periode', 'simpanan_wajib'] as const;
/** Loan repayment columns: angsuran_pinjaman, or a split such as angsuran_pokok/angsuran_jasa. */
const angsuranColumn = /^angsuran_[a-z]+$/;

type FileRefusalCode = Extract<
  ErrorCode,
  | 'savings.payroll_file_empty'
  | 'savings.payroll_unknown_column'
  | 'savings.payroll_missing_column'
  | 'savings.payroll_duplicate_column'
>;
export type PayrollRowErrorCode = Extract<
  ErrorCode,
  | 'savings.payroll_unknown_column'
  | 'savings.payroll_member_number_invalid'
  | 'savings.payroll_period_invalid'
  | 'savings.payroll_amount_invalid'
  | 'savings.payroll_duplicate_member'
>;

export interface PayrollRowError {
  code: PayrollRowErrorCode;
  params: Record<string, string>;
}

export interface PayrollFileRow {
  /** The line in the file, counting from 1 (the header's line is the smallest). */
  rowNumber: number;
  /** Six digits when valid (the registry's form), else the text as written; null when blank. */
  memberNumber: string | null;
  memberName: string | null;
  period: string | null;
  /** Rupiah as read; null when the cell could not be read. */
  wajib: bigint | null;
  sukarela: bigint | null;
  /** The sum of every angsuran_* column. */
  angsuran: bigint | null;
  /** The first problem found on the row; null for a row that may be posted. */
  error: PayrollRowError | null;
}

export type PayrollFile =
  | { kind: 'parsed'; rows: PayrollFileRow[] }
  | { kind: 'refused'; code: FileRefusalCode; params: Record<string, string> };

/** Reads a payroll sheet (header first): a refusal for the file, or every row with its problem. */
export function parsePayrollFile(rows: string[][]): PayrollFile {
  const lines = rows
    .map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => cell.trim()) }))
    .filter((line) => line.cells.some((cell) => cell !== ''));
  const [header, ...body] = lines;
  if (!header || body.length === 0)
    return { kind: 'refused', code: 'savings.payroll_file_empty', params: {} };
  const columns = header.cells.map(columnNameOf);
  const refusal = findHeaderRefusal(columns);
  if (refusal) return refusal;
  const parsed = body.map((line) => parseRow(columns, line.rowNumber, line.cells));
  return { kind: 'parsed', rows: markDuplicateMembers(parsed) };
}

/** `Simpanan Wajib`, `simpanan-wajib` and `periode (yyyy-mm)` name the same columns as the spec. */
export function columnNameOf(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/[\s-]+/g, '_');
}

function findHeaderRefusal(columns: string[]): PayrollFile | null {
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === '') continue;
    const isKnown =
      (payrollColumns as readonly string[]).includes(column) || angsuranColumn.test(column);
    if (!isKnown)
      return { kind: 'refused', code: 'savings.payroll_unknown_column', params: { column } };
    if (seen.has(column))
      return { kind: 'refused', code: 'savings.payroll_duplicate_column', params: { column } };
    seen.add(column);
  }
  const missing = requiredColumns.find((column) => !seen.has(column));
  return missing
    ? { kind: 'refused', code: 'savings.payroll_missing_column', params: { column: missing } }
    : null;
}

function parseRow(columns: string[], rowNumber: number, cells: string[]): PayrollFileRow {
  const cellOf = (column: string) => cells[columns.indexOf(column)] ?? '';
  const memberText = cellOf('nomor_anggota');
  const isMemberNumber = /^\d{1,6}$/.test(memberText);
  const periodText = cellOf('periode');
  const isPeriod = /^\d{4}-(0[1-9]|1[0-2])$/.test(periodText);
  const wajib = parseRupiahCell(cellOf('simpanan_wajib'));
  const sukarela = parseRupiahCell(cellOf('simpanan_sukarela'));
  const angsuranCells = columns
    .filter((column) => angsuranColumn.test(column))
    .map((column) => ({ column, text: cellOf(column), amount: parseRupiahCell(cellOf(column)) }));
  const isAngsuranRead = angsuranCells.every((cell) => cell.amount !== null);
  const extraIndex = cells.findIndex((cell, index) => cell !== '' && (columns[index] ?? '') === '');
  const badAmount = [
    { column: 'simpanan_wajib', text: cellOf('simpanan_wajib'), amount: wajib },
    { column: 'simpanan_sukarela', text: cellOf('simpanan_sukarela'), amount: sukarela },
    ...angsuranCells,
  ].find((cell) => cell.amount === null);
  const error = rowErrorOf({
    extraIndex,
    memberText,
    isMemberNumber,
    periodText,
    isPeriod,
    badAmount,
  });
  return {
    rowNumber,
    memberNumber: isMemberNumber ? memberText.padStart(6, '0') : memberText || null,
    memberName: cellOf('nama') || null,
    period: isPeriod ? periodText : periodText || null,
    wajib,
    sukarela,
    angsuran: isAngsuranRead
      ? angsuranCells.reduce((sum, cell) => sum + (cell.amount ?? 0n), 0n)
      : null,
    error,
  };
}

/** The first problem of a row, in reading order: stray cell, member number, period, amounts. */
function rowErrorOf(row: {
  extraIndex: number;
  memberText: string;
  isMemberNumber: boolean;
  periodText: string;
  isPeriod: boolean;
  badAmount: { column: string; text: string } | undefined;
}): PayrollRowError | null {
  if (row.extraIndex >= 0)
    return {
      code: 'savings.payroll_unknown_column',
      params: { column: String(row.extraIndex + 1) },
    };
  if (!row.isMemberNumber)
    return { code: 'savings.payroll_member_number_invalid', params: { value: row.memberText } };
  if (!row.isPeriod)
    return { code: 'savings.payroll_period_invalid', params: { value: row.periodText } };
  if (row.badAmount)
    return {
      code: 'savings.payroll_amount_invalid',
      params: { column: row.badAmount.column, value: row.badAmount.text },
    };
  return null;
}

/**
 * A member on two rows is ambiguous (a split deduction, or a copy-paste slip): every such row is
 * refused, so a corrected file with one merged row posts cleanly instead of half of it.
 */
function markDuplicateMembers(rows: PayrollFileRow[]): PayrollFileRow[] {
  const rowsOf = new Map<string, number[]>();
  for (const row of rows) {
    if (row.error?.code === 'savings.payroll_member_number_invalid' || !row.memberNumber) continue;
    rowsOf.set(row.memberNumber, [...(rowsOf.get(row.memberNumber) ?? []), row.rowNumber]);
  }
  return rows.map((row) => {
    const numbers = row.memberNumber ? (rowsOf.get(row.memberNumber) ?? []) : [];
    if (row.error || numbers.length < 2) return row;
    return {
      ...row,
      error: {
        code: 'savings.payroll_duplicate_member',
        params: { memberNumber: row.memberNumber ?? '', rowNumbers: numbers.join(', ') },
      },
    };
  });
}

/** Whole rupiah from `25000`, `25.000` or `1.250.000`; `''` and `-` are zero; null otherwise. */
export function parseRupiahCell(text: string): bigint | null {
  const value = text.trim();
  if (value === '' || value === '-') return 0n;
  if (/^\d{1,16}$/.test(value)) return BigInt(value);
  if (/^\d{1,3}(\.\d{3}){1,5}$/.test(value)) return BigInt(value.replaceAll('.', ''));
  return null;
}

/**
 * A spreadsheet cell as the text a CSV would hold: integers as digits, a fraction with the
 * Indonesian decimal comma (so it is refused as an amount, never read as thousands), a date
 * as its yyyy-mm (a periode cell typed as a date), empty cells as ''.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return Number.isSafeInteger(value) ? String(value) : String(value).replace('.', ',');
  if (value instanceof Date) return value.toISOString().slice(0, 7);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return JSON.stringify(value);
}

/**
 * CSV text (RFC 4180 quoting) as rows of cells. The separator is whichever of `,` `;` or tab
 * the first line uses most: Indonesian spreadsheet exports often use `;`.
 */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const separator = separatorOf(source.split(/\r?\n/, 1)[0] ?? '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (isQuoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') isQuoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') isQuoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

function separatorOf(firstLine: string): string {
  const counts = [',', ';', '\t'].map((separator) => ({
    separator,
    count: firstLine.split(separator).length - 1,
  }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0] && counts[0].count > 0 ? counts[0].separator : ',';
}
