import { describe, expect, it } from 'vitest';
import {
  borrowerLimit,
  checkLoanLimits,
  maxLoanBySavings,
  type LoanLimitsInput,
} from './lending-limits.js';

describe('plafond by savings', () => {
  it('lends up to 3 × savings', () => {
    expect(maxLoanBySavings(2_000_000n, 3)).toBe(6_000_000n);
  });
  it('takes a fractional multiple and rounds down', () => {
    expect(maxLoanBySavings(1_000_001n, 2.5)).toBe(2_500_002n); // 2,500,002.5
  });
  it('lends nothing on no savings', () => {
    expect(maxLoanBySavings(0n, 3)).toBe(0n);
    expect(maxLoanBySavings(-5n, 3)).toBe(0n);
  });
  it('refuses a negative or over-precise multiple', () => {
    expect(() => maxLoanBySavings(1n, -1)).toThrow(RangeError);
    expect(() => maxLoanBySavings(1n, 1.00001)).toThrow(RangeError);
    expect(() => maxLoanBySavings(1n, Number.NaN)).toThrow(RangeError);
  });
});

describe('BMPP', () => {
  it('is 15% of modal sendiri for an unrelated borrower, 10% for a related one', () => {
    expect(borrowerLimit({ modalSendiri: 1_000_000_000n, related: false })).toBe(150_000_000n);
    expect(borrowerLimit({ modalSendiri: 1_000_000_000n, related: true })).toBe(100_000_000n);
  });
  it('follows configured shares and rounds down', () => {
    expect(borrowerLimit({ modalSendiri: 999n, related: false, limitBps: 2_000 })).toBe(199n);
    expect(borrowerLimit({ modalSendiri: 999n, related: true, relatedLimitBps: 500 })).toBe(49n);
  });
  it('is nothing when modal sendiri is not positive', () => {
    expect(borrowerLimit({ modalSendiri: -1n, related: false })).toBe(0n);
  });
  it('refuses a share above 100%', () => {
    expect(() => borrowerLimit({ modalSendiri: 1n, related: false, limitBps: 10_001 })).toThrow(
      RangeError,
    );
  });
});

describe('checking a new loan against the limits', () => {
  const input: LoanLimitsInput = {
    amount: 5_000_000n,
    existingOutstanding: 0n,
    savings: 2_000_000n,
    plafondMultiple: 3,
    modalSendiri: 100_000_000n, // BMPP 15,000,000
    related: false,
  };

  it('accepts a loan within both limits, up to the limit itself', () => {
    expect(checkLoanLimits(input)).toEqual({ ok: true });
    expect(checkLoanLimits({ ...input, amount: 6_000_000n })).toEqual({ ok: true });
  });

  it('refuses a loan that takes total outstanding over the savings plafond', () => {
    expect(checkLoanLimits({ ...input, existingOutstanding: 2_000_000n })).toEqual({
      ok: false,
      code: 'loans.plafond_exceeded',
      limit: 6_000_000n,
      available: 4_000_000n,
    });
  });

  it('refuses a loan over the BMPP before looking at the plafond', () => {
    expect(checkLoanLimits({ ...input, amount: 16_000_000n, savings: 100_000_000n })).toEqual({
      ok: false,
      code: 'loans.limit_exceeded',
      limit: 15_000_000n,
      available: 15_000_000n,
    });
  });

  it('applies the lower BMPP to a related party', () => {
    expect(
      checkLoanLimits({ ...input, amount: 11_000_000n, savings: 100_000_000n, related: true }),
    ).toMatchObject({ ok: false, code: 'loans.limit_exceeded', limit: 10_000_000n });
  });

  it('skips the plafond when the product has none', () => {
    expect(checkLoanLimits({ ...input, amount: 15_000_000n, plafondMultiple: null })).toEqual({
      ok: true,
    });
  });

  it('reports nothing available when the borrower already owes more than the limit', () => {
    expect(checkLoanLimits({ ...input, existingOutstanding: 7_000_000n })).toMatchObject({
      code: 'loans.plafond_exceeded',
      available: 0n,
    });
  });

  it('refuses a zero amount or a negative outstanding as a programming error', () => {
    expect(() => checkLoanLimits({ ...input, amount: 0n })).toThrow(RangeError);
    expect(() => checkLoanLimits({ ...input, existingOutstanding: -1n })).toThrow(RangeError);
  });
});
