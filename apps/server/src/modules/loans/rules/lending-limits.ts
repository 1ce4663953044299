import { divFloor } from '@lumbung/shared/money';

/** BMPP to one unrelated borrower: 15% of modal sendiri (Permenkop 8/2023 as summarised, rules.md §1; uncertain, configure). */
export const defaultBorrowerLimitBps = 1_500;
/** BMPP to a related party (pengurus, pengawas, their affiliates): 10% of modal sendiri (same source). */
export const defaultRelatedBorrowerLimitBps = 1_000;

function multipleToBps(multiple: number): bigint {
  const bps = multiple * 10_000;
  if (
    !Number.isFinite(multiple) ||
    multiple < 0 ||
    !Number.isSafeInteger(Math.round(bps)) ||
    Math.abs(bps - Math.round(bps)) > 1e-6
  )
    throw new RangeError(`multiple must be non-negative with at most 4 decimals, got ${multiple}`);
  return BigInt(Math.round(bps));
}

/**
 * Plafond by savings: at most `multiple` times the member's savings (e.g. 3 ×). A fractional
 * multiple (2.5) is taken to 4 decimals and the limit rounded down to the rupiah.
 */
export function maxLoanBySavings(savings: bigint, multiple: number): bigint {
  if (savings <= 0n) return 0n;
  return divFloor(savings * multipleToBps(multiple), 10_000n);
}

function checkBps(value: number, field: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0 || value > 10_000)
    throw new RangeError(`${field} must be a whole number of bps from 0 to 10,000, got ${value}`);
  return BigInt(value);
}

/**
 * BMPP (batas maksimum pemberian pinjaman): the most one borrower may owe the cooperative in
 * all, `limitBps` of modal sendiri (default 15%), or `relatedLimitBps` (default 10%) for a
 * related party. Rounded down; nothing when modal sendiri is not positive.
 */
export function borrowerLimit(input: {
  modalSendiri: bigint;
  related: boolean;
  limitBps?: number;
  relatedLimitBps?: number;
}): bigint {
  const bps = input.related
    ? checkBps(input.relatedLimitBps ?? defaultRelatedBorrowerLimitBps, 'relatedLimitBps')
    : checkBps(input.limitBps ?? defaultBorrowerLimitBps, 'limitBps');
  if (input.modalSendiri <= 0n) return 0n;
  return divFloor(input.modalSendiri * bps, 10_000n);
}

export interface LoanLimitsInput {
  /** The new loan's principal. */
  amount: bigint;
  /** Principal the borrower still owes on other loans. */
  existingOutstanding: bigint;
  /** The member's savings counted for the plafond (the product decides which kinds count). */
  savings: bigint;
  /** Plafond multiple of savings, e.g. 3; null when the product has no savings-based plafond. */
  plafondMultiple: number | null;
  modalSendiri: bigint;
  /** Pengurus, pengawas or their affiliates: the lower BMPP applies. */
  related: boolean;
  limitBps?: number;
  relatedLimitBps?: number;
}

export type LoanLimitsResult =
  | { ok: true }
  | {
      ok: false;
      code: 'loans.limit_exceeded' | 'loans.plafond_exceeded';
      /** The ceiling on the borrower's total outstanding (existing + new). */
      limit: bigint;
      /** How much more could be lent: limit − existing outstanding, never below 0. */
      available: bigint;
    };

/**
 * Whether a new loan fits both limits on the borrower's total outstanding (existing + new):
 * - loans.limit_exceeded: over the BMPP share of modal sendiri (regulatory, checked first);
 * - loans.plafond_exceeded: over `plafondMultiple` × savings (the product's own rule).
 */
export function checkLoanLimits(input: LoanLimitsInput): LoanLimitsResult {
  if (input.amount <= 0n) throw new RangeError(`amount must be positive, got ${input.amount}`);
  if (input.existingOutstanding < 0n)
    throw new RangeError(
      `existingOutstanding must be non-negative, got ${input.existingOutstanding}`,
    );
  const exposure = input.existingOutstanding + input.amount;
  const refusal = (code: 'loans.limit_exceeded' | 'loans.plafond_exceeded', limit: bigint) => ({
    ok: false as const,
    code,
    limit,
    available: limit > input.existingOutstanding ? limit - input.existingOutstanding : 0n,
  });
  const bmpp = borrowerLimit(input);
  if (exposure > bmpp) return refusal('loans.limit_exceeded', bmpp);
  if (input.plafondMultiple !== null) {
    const plafond = maxLoanBySavings(input.savings, input.plafondMultiple);
    if (exposure > plafond) return refusal('loans.plafond_exceeded', plafond);
  }
  return { ok: true };
}
