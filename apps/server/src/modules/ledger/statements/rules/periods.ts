import type { DatePeriod, StatementPeriods } from '../statements.types.js';

/** Calendar arithmetic on yyyy-mm-dd business dates (UTC, no clock, no time zone). */
function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const moved = toUtc(date);
  moved.setUTCDate(moved.getUTCDate() + days);
  return toIsoDate(moved);
}

export function dayBefore(date: string): string {
  return addDays(date, -1);
}

/** The first day of the month `months` after the month of `date` (negative: before). */
function monthStartOffset(date: string, months: number): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  return toIsoDate(new Date(Date.UTC(year, month - 1 + months, 1)));
}

export function monthOf(date: string): DatePeriod {
  const from = monthStartOffset(date, 0);
  return { from, to: dayBefore(monthStartOffset(date, 1)) };
}

function isMonthStart(date: string) {
  return date.endsWith('-01');
}

function isMonthEnd(date: string) {
  return isMonthStart(addDays(date, 1));
}

function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/**
 * The span just before `period` with the same length: the same number of whole months when the
 * period is whole months (Maret → Februari, Q2 → Q1), else the same number of days.
 */
export function priorPeriodOf(period: DatePeriod): DatePeriod {
  const to = dayBefore(period.from);
  if (isMonthStart(period.from) && isMonthEnd(period.to)) {
    const [fromYear = 0, fromMonth = 0] = period.from.split('-').map(Number);
    const [toYear = 0, toMonth = 0] = period.to.split('-').map(Number);
    const months = (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
    return { from: monthStartOffset(period.from, -months), to };
  }
  return { from: addDays(period.from, -(daysBetween(period.from, period.to) + 1)), to };
}

/**
 * The statement's periods from the request: a month (`period=yyyy-mm`), a span (`from`/`to`),
 * or else the month of `today`; the prior period is the span of the same length before it.
 */
export function resolveStatementPeriods(input: {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  today: string;
}): StatementPeriods {
  const current =
    input.from && input.to
      ? { from: input.from, to: input.to }
      : monthOf(input.period ? `${input.period}-01` : input.today);
  return { current, prior: priorPeriodOf(current) };
}

/** The first day of the fiscal year that contains `date`, for a year starting in `startMonth`. */
export function fiscalYearStartOf(date: string, startMonth: number): string {
  const [year = 0, month = 0] = date.split('-').map(Number);
  const startYear = month >= startMonth ? year : year - 1;
  return `${String(startYear).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`;
}

/** The dates whose totals bound a period and the prior period (see MovementInput). */
export function movementDatesOf(periods: StatementPeriods) {
  return {
    atEnd: periods.current.to,
    atStart: periods.prior.to,
    atPriorStart: dayBefore(periods.prior.from),
  };
}
