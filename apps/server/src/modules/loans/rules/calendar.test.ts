import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  civilDateOf,
  dayNumberOf,
  daysBetween,
  formatIsoDate,
  formatIsoDateParts,
  parseIsoDate,
} from './calendar.js';

describe('calendar days', () => {
  it('numbers days from 1970-01-01', () => {
    expect(dayNumberOf({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(dayNumberOf({ year: 2000, month: 3, day: 1 })).toBe(11_017);
  });

  it('agrees with Date.UTC on every day from 1900 to 2199 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (dayNumber) => {
        const iso = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
        expect(formatIsoDate(civilDateOf(dayNumber))).toBe(iso);
        expect(dayNumberOf(parseIsoDate(iso))).toBe(dayNumber);
      }),
    );
  });

  it('formats every day to 9999 alike, in and past the tabled years 1900–2199 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 2_932_896 }), (dayNumber) => {
        const iso = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
        const { year, month, day } = civilDateOf(dayNumber);
        expect(formatIsoDateParts(year, month, day)).toBe(iso);
      }),
    );
  });

  it('formats parts that name no calendar day as they are, not from the table', () => {
    expect(formatIsoDateParts(2026, 2, 30)).toBe('2026-02-30');
    expect(formatIsoDateParts(2026, 0, 31)).toBe('2026-00-31');
    expect(formatIsoDateParts(2026, 13, 1)).toBe('2026-13-01');
    expect(formatIsoDateParts(1899, 12, 31)).toBe('1899-12-31');
    expect(formatIsoDate({ year: 2200, month: 1, day: 1 })).toBe('2200-01-01');
  });

  it('adds months from the start day, clamping to short months without drifting', () => {
    const start = parseIsoDate('2026-01-31');
    expect(formatIsoDate(addMonthsClamped(start, 1))).toBe('2026-02-28');
    expect(formatIsoDate(addMonthsClamped(start, 2))).toBe('2026-03-31');
    expect(formatIsoDate(addMonthsClamped(start, 25))).toBe('2028-02-29');
    expect(formatIsoDate(addMonthsClamped(parseIsoDate('2026-11-15'), 2))).toBe('2027-01-15');
  });

  it('counts whole days between two dates, negative backwards', () => {
    expect(daysBetween('2026-02-15', '2026-03-20')).toBe(33);
    expect(daysBetween('2026-03-20', '2026-02-15')).toBe(-33);
  });

  it('refuses dates that are not on the calendar or not in ISO form', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '1899-12-31', ''])
      expect(() => parseIsoDate(bad)).toThrow(RangeError);
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });
});
