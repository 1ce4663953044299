import type { Locale } from '@lumbung/shared';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Today on the person's own calendar, yyyy-mm-dd (business dates are calendar dates). */
export function todayIso(now: Date = new Date()): string {
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** '2026-03-15' -> '2026-03'. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** '2026-01' -> '2025-12'. */
export function previousMonth(period: string): string {
  const [year = 0, month = 1] = period.split('-').map(Number);
  return month === 1 ? `${String(year - 1)}-12` : `${String(year)}-${pad(month - 1)}`;
}

/** '2026-03-15' -> '2026-01-01'. */
export function startOfYear(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-01-01`;
}

/** '2026-03-15' -> '2026-03-01'. */
export function startOfMonth(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

/** Whether from..to is exactly one calendar month ('2026-10-01'..'2026-10-31'). */
export function isWholeMonth(from: string, to: string): boolean {
  if (!isIsoDate(from) || !isIsoDate(to) || !from.endsWith('-01') || monthOf(from) !== monthOf(to))
    return false;
  const [year = 0, month = 1] = from.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number(to.slice(8, 10)) === lastDay;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

export function isPeriod(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** "15 Mar 2026": a calendar date shown as the calendar date, whatever the device time zone. */
export function formatDate(isoDate: string, locale: Locale): string {
  if (!isIsoDate(isoDate)) return isoDate;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A timestamp (ISO 8601) in the person's own time zone, date and time. */
export function formatDateTime(timestamp: string, locale: Locale): string {
  const time = Date.parse(timestamp);
  if (Number.isNaN(time)) return timestamp;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(time));
}

/** "Maret 2026" / "March 2026". */
export function formatPeriod(period: string, locale: Locale): string {
  if (!isPeriod(period)) return period;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${period}-01T00:00:00Z`));
}
