import type { Locale } from '@lumbung/shared';
import { isIsoDate } from '../ledger/dates';
import { isRupiahString } from '../ledger/rupiah';
import { fitsAvailable, isValidPin, parsePositiveAmount } from '../savings/savings-helpers';
import {
  bpsToPercentText,
  installmentRemaining,
  nextInstallment,
  parsePercentToBps,
  parseWholeNumber,
  type FormResult,
} from './loans-helpers';
import type {
  CollectibilityBand,
  CollectibilityName,
  CollectibilityScheme,
  LoanDayEndSettings,
  LoanDayEndSettingsInput,
  LoanDetail,
  LoanRescheduleInput,
} from './loans-types';

/**
 * Pure rules of the loan servicing forms: reschedule, the member's own repayment, the day-end
 * date and its settings. They refuse early what the server would refuse; the server decides.
 */

// --- Dates --------------------------------------------------------------------------------------

/** yyyy-mm-dd plus `days` calendar days (UTC arithmetic on the calendar date, no time zone). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The latest effective date a reschedule may take: 90 days on (loanRescheduleRequest). */
export const rescheduleWindowDays = 90;

// --- Reschedule ---------------------------------------------------------------------------------

export interface RescheduleFields {
  newInstallments: string;
  /** Empty keeps the loan's rate. */
  newRatePercent: string;
  reason: string;
  effectiveDate: string;
}

export function emptyRescheduleFields(today: string): RescheduleFields {
  return { newInstallments: '', newRatePercent: '', reason: '', effectiveDate: today };
}

export type RescheduleField = keyof RescheduleFields;
export type RescheduleErrors = Partial<
  Record<RescheduleField, 'installments' | 'rate' | 'reason' | 'date'>
>;

/** The reschedule form to its request: 1–240 installments, today to 90 days on, a reason. */
export function readRescheduleForm(
  fields: RescheduleFields,
  today: string,
): FormResult<LoanRescheduleInput, RescheduleErrors> {
  const errors: RescheduleErrors = {};
  const newInstallments = parseWholeNumber(fields.newInstallments, 1, 240);
  const hasRate = fields.newRatePercent.trim() !== '';
  const newRateBpsPerMonth = hasRate ? parsePercentToBps(fields.newRatePercent) : null;
  const reason = fields.reason.trim();
  const isDateInWindow =
    isIsoDate(fields.effectiveDate) &&
    fields.effectiveDate >= today &&
    fields.effectiveDate <= addDays(today, rescheduleWindowDays);
  if (newInstallments === null) errors.newInstallments = 'installments';
  if (hasRate && newRateBpsPerMonth === null) errors.newRatePercent = 'rate';
  if (reason.length < 3 || reason.length > 500) errors.reason = 'reason';
  if (!isDateInWindow) errors.effectiveDate = 'date';
  if (newInstallments === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      newInstallments,
      reason,
      effectiveDate: fields.effectiveDate,
      ...(newRateBpsPerMonth === null ? {} : { newRateBpsPerMonth }),
    },
  };
}

// --- The member's own repayment -----------------------------------------------------------------

/**
 * What to offer the member to pay: what brings the loan up to date today, or else the next
 * installment's remainder; null when nothing is left to pay.
 */
export function suggestedRepayment(loan: Pick<LoanDetail, 'position' | 'schedule'>): string | null {
  const due = loan.position?.amountDue;
  if (due !== undefined && isRupiahString(due) && BigInt(due) > 0n) return due;
  const next = nextInstallment(loan.schedule);
  if (!next) return null;
  const remaining = installmentRemaining(next);
  return BigInt(remaining) > 0n ? remaining : null;
}

export type SelfRepaymentError = 'amount' | 'available' | 'payoff' | 'pin';

/**
 * The member's repayment: a positive amount, at most the sukarela available (when known) and the
 * payoff amount (when known), and a six-digit PIN.
 */
export function readSelfRepayment(
  fields: { amount: string; pin: string },
  limits: { available: string | null; payoffAmount: string | null },
): FormResult<{ amount: string; pin: string }, Partial<Record<SelfRepaymentError, true>>> {
  const errors: Partial<Record<SelfRepaymentError, true>> = {};
  const amount = parsePositiveAmount(fields.amount);
  if (amount === null) errors.amount = true;
  else if (limits.available !== null && !fitsAvailable(amount, limits.available))
    errors.available = true;
  else if (limits.payoffAmount !== null && !fitsAvailable(amount, limits.payoffAmount))
    errors.payoff = true;
  if (!isValidPin(fields.pin)) errors.pin = true;
  if (amount === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { amount, pin: fields.pin } };
}

// --- Day-end ------------------------------------------------------------------------------------

/** A day-end date: a calendar date, today or earlier (the server refuses the future). */
export function isDayEndDate(date: string, today: string): boolean {
  return isIsoDate(date) && date <= today;
}

export const collectibilitySchemeKeys = ['KSP_2009', 'OJK_BANK'] as const;

/** One class of a scheme as the settings form holds it: its band's upper bound and its rate. */
export interface BandFields {
  collectibility: CollectibilityName;
  /** Empty for the last, unbounded band. */
  maxDaysPastDue: string;
  ratePercent: string;
}

export type DayEndSettingsFields = Record<CollectibilityScheme, BandFields[]>;

/** The settings as the form shows them: each scheme's classes in order, rates in percent. */
export function dayEndSettingsFieldsOf(
  settings: Pick<LoanDayEndSettings, 'bands' | 'allowanceRatesBps'>,
  locale: Locale = 'id',
): DayEndSettingsFields {
  const rowsOf = (scheme: CollectibilityScheme) =>
    settings.bands[scheme].map((band) => ({
      collectibility: band.collectibility,
      maxDaysPastDue: band.maxDaysPastDue === null ? '' : String(band.maxDaysPastDue),
      ratePercent: bpsToPercentText(
        settings.allowanceRatesBps[scheme][band.collectibility],
        locale,
      ),
    }));
  return { KSP_2009: rowsOf('KSP_2009'), OJK_BANK: rowsOf('OJK_BANK') };
}

/** Errors keyed "<scheme>.<index>.days" or "<scheme>.<index>.rate". */
export type DayEndSettingsErrors = Record<string, 'days' | 'rate'>;

function readBands(
  rows: readonly BandFields[],
  scheme: CollectibilityScheme,
  errors: DayEndSettingsErrors,
): CollectibilityBand[] {
  let previous = -1;
  return rows.map((row, index) => {
    const isLast = index === rows.length - 1;
    if (isLast) return { collectibility: row.collectibility, maxDaysPastDue: null };
    const days = parseWholeNumber(row.maxDaysPastDue, 0, 9_999);
    // Upper bounds rise strictly: a day count falls in exactly one class.
    if (days === null || days <= previous) errors[`${scheme}.${String(index)}.days`] = 'days';
    previous = days ?? previous;
    return { collectibility: row.collectibility, maxDaysPastDue: days ?? 0 };
  });
}

/**
 * The settings form to its request. Every band but the last needs a rising upper bound in days;
 * every rate is 0–100 %. Classes a scheme does not list (DPK under KSP_2009) keep their rate.
 */
export function readDayEndSettingsForm(
  fields: DayEndSettingsFields,
  current: Pick<LoanDayEndSettings, 'allowanceRatesBps'>,
): FormResult<LoanDayEndSettingsInput, DayEndSettingsErrors> {
  const errors: DayEndSettingsErrors = {};
  const ratesOf = (scheme: CollectibilityScheme) => {
    const rates = { ...current.allowanceRatesBps[scheme] };
    fields[scheme].forEach((row, index) => {
      const bps = parsePercentToBps(row.ratePercent);
      if (bps === null) errors[`${scheme}.${String(index)}.rate`] = 'rate';
      else rates[row.collectibility] = bps;
    });
    return rates;
  };
  const value: LoanDayEndSettingsInput = {
    bands: {
      KSP_2009: readBands(fields.KSP_2009, 'KSP_2009', errors),
      OJK_BANK: readBands(fields.OJK_BANK, 'OJK_BANK', errors),
    },
    allowanceRatesBps: { KSP_2009: ratesOf('KSP_2009'), OJK_BANK: ratesOf('OJK_BANK') },
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** "0–90", "91–180", "> 270" for a band, from the previous band's upper bound. */
export function bandRangeText(
  bands: readonly Pick<CollectibilityBand, 'maxDaysPastDue'>[],
  index: number,
): string {
  const band = bands[index];
  if (!band) return '';
  const previous = index === 0 ? null : (bands[index - 1]?.maxDaysPastDue ?? null);
  const from = previous === null ? 0 : previous + 1;
  if (band.maxDaysPastDue === null) return from === 0 ? '≥ 0' : `> ${String(from - 1)}`;
  if (band.maxDaysPastDue === from) return String(from);
  return `${String(from)}–${String(band.maxDaysPastDue)}`;
}
