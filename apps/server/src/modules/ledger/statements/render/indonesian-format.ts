import { formatRupiah } from '@lumbung/shared/money';
import type { DatePeriod } from '../statements.types.js';

const monthNames = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

function partsOf(date: string) {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return { year, month: monthNames[month - 1] ?? '', day };
}

/** "31 Maret 2026". */
export function formatDateLong(date: string): string {
  const { year, month, day } = partsOf(date);
  return `${day} ${month} ${year}`;
}

function isWholeMonth(period: DatePeriod): boolean {
  const next = new Date(`${period.to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return (
    period.from.endsWith('-01') &&
    next.getUTCDate() === 1 &&
    period.from.slice(0, 7) === period.to.slice(0, 7)
  );
}

/** "1–31 Maret 2026", "1 Januari–31 Maret 2026", "16 Desember 2025–15 Januari 2026". */
export function formatPeriodRange(period: DatePeriod): string {
  const from = partsOf(period.from);
  const to = partsOf(period.to);
  const end = formatDateLong(period.to);
  if (from.year !== to.year) return `${formatDateLong(period.from)}–${end}`;
  if (from.month !== to.month) return `${from.day} ${from.month}–${end}`;
  return `${from.day}–${end}`;
}

/** A column heading for a period: "Maret 2026" for a whole month, else its range. */
export function periodColumnLabel(period: DatePeriod): string {
  if (!isWholeMonth(period)) return formatPeriodRange(period);
  const { year, month } = partsOf(period.from);
  return `${month} ${year}`;
}

/** The period part of a file name: "2026-03" for a whole month, else "2026-03-01_2026-03-15". */
export function periodSlug(period: DatePeriod): string {
  return isWholeMonth(period) ? period.from.slice(0, 7) : `${period.from}_${period.to}`;
}

/** "Rp1.240.000"; negatives in parentheses, "(Rp1.000)"; zero as "-", as statements print it. */
export function formatStatementAmount(amount: bigint): string {
  if (amount === 0n) return '-';
  return amount < 0n ? `(${formatRupiah(-amount)})` : formatRupiah(amount);
}
