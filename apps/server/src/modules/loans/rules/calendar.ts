/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') as whole civil days, with no Date objects and
 * no time zone: a due date is a day in the cooperative's calendar, not an instant.
 * Day numbers count from 1970-01-01 (day 0), proleptic Gregorian (H. Hinnant's algorithms).
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const daysBeforeLeapFebruary = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return daysBeforeLeapFebruary[month - 1] ?? 31;
}

/** Parses 'YYYY-MM-DD' (years 1900–9999) or throws a RangeError naming the field. */
export function parseIsoDate(isoDate: string, field = 'date'): CivilDate {
  const match = isoDatePattern.exec(isoDate);
  if (match === null)
    throw new RangeError(`${field} must be a 'YYYY-MM-DD' date, got "${isoDate}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`${field} is not a calendar date between 1900 and 9999: "${isoDate}"`);
  }
  return { year, month, day };
}

const twoDigits = Array.from({ length: 32 }, (_, value) => String(value).padStart(2, '0'));

export function formatIsoDate(date: CivilDate): string {
  return formatIsoDateParts(date.year, date.month, date.day);
}

/**
 * `formatIsoDate` without a CivilDate object. Days of the years 1900–2199 come from a table made
 * the first time a year is asked for, so a schedule of many due dates builds no strings: a loan
 * book touches a few dozen years (about 10 KB each; about 3 MB were every one asked for).
 */
export function formatIsoDateParts(year: number, month: number, day: number): string {
  const yearIndex = year - firstTabledYear;
  const isTabled =
    Number.isInteger(yearIndex) &&
    yearIndex >= 0 &&
    yearIndex < tabledYearCount &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= 31; // so month × 32 + day names one day of one month, or none
  if (isTabled) {
    const table = isoDatesByYear[yearIndex] ?? tabulateYear(yearIndex);
    const isoDate = table[month * 32 + day];
    if (isoDate !== undefined) return isoDate;
  }
  return composeIsoDate(year, month, day);
}

const firstTabledYear = 1900;
const tabledYearCount = 300;
/** Per year from 1900, its ISO dates at [month × 32 + day]; holes where no such day exists. */
const isoDatesByYear = new Array<string[] | undefined>(tabledYearCount).fill(undefined);

function tabulateYear(yearIndex: number): string[] {
  const year = firstTabledYear + yearIndex;
  const table = new Array<string>(13 * 32);
  for (let month = 1; month <= 12; month++) {
    const monthLength = daysInMonth(year, month);
    for (let day = 1; day <= monthLength; day++)
      table[month * 32 + day] = composeIsoDate(year, month, day);
  }
  isoDatesByYear[yearIndex] = table;
  return table;
}

function composeIsoDate(year: number, month: number, day: number): string {
  return `${year}-${twoDigits[month] ?? ''}-${twoDigits[day] ?? ''}`;
}

/** Days since 1970-01-01 of a civil date. */
export function dayNumberOf(date: CivilDate): number {
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear =
    Math.floor((153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5) + date.day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The civil date of a day number (inverse of `dayNumberOf`). */
export function civilDateOf(dayNumber: number): CivilDate {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthPrime = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthPrime + 2) / 5) + 1;
  const month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The same day `months` later, or that month's last day when it is shorter (31 January + 1 month
 * = 28 or 29 February). Counted from the start date each time, so the day does not drift:
 * 31 January + 2 months = 31 March.
 */
export function addMonthsClamped(start: CivilDate, months: number): CivilDate {
  const monthIndex = start.month - 1 + months;
  const year = start.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  return { year, month, day: Math.min(start.day, daysInMonth(year, month)) };
}

/** Whole days from `fromDate` to `toDate` (negative when `toDate` is earlier). */
export function daysBetween(fromDate: string, toDate: string): number {
  return (
    dayNumberOf(parseIsoDate(toDate, 'toDate')) - dayNumberOf(parseIsoDate(fromDate, 'fromDate'))
  );
}
