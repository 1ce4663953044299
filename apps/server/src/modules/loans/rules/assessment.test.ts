import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessApplication, type AssessmentInput } from './assessment.js';

const steadyMember: AssessmentInput = {
  tenureMonths: 36,
  savingsMonthsWithDeposit: 12,
  wajibArrearsMonths: 0,
  pastLoans: { count: 2, maxDaysPastDue: 0 },
  transactionsLast90Days: 9,
  monthlyIncome: 5_000_000n,
  proposedInstallment: 840_000n,
  existingInstallments: 0n,
};

function pointsOf(input: AssessmentInput): Record<string, number> {
  return Object.fromEntries(
    assessApplication(input).factors.map((factor) => [factor.key, factor.points]),
  );
}

describe('loan application assessment', () => {
  it('gives a steady member with a clean record 100 points and grade A', () => {
    const assessment = assessApplication(steadyMember);
    expect(assessment.score).toBe(100);
    expect(assessment.grade).toBe('A');
    expect(assessment.installmentToIncomeBps).toBe(1_680);
    expect(assessment.capacityOk).toBe(true);
    expect(assessment.factors.map((factor) => factor.key)).toEqual([
      'tenure',
      'savings_regularity',
      'wajib_arrears',
      'repayment_history',
      'activity',
      'repayment_capacity',
    ]);
    expect(assessment.factors.reduce((sum, factor) => sum + factor.maxPoints, 0)).toBe(100);
  });

  it('explains each factor with its measured value', () => {
    const assessment = assessApplication({
      ...steadyMember,
      tenureMonths: 8,
      savingsMonthsWithDeposit: 7,
      wajibArrearsMonths: 1,
      pastLoans: { count: 1, maxDaysPastDue: 12 },
      transactionsLast90Days: 4,
    });
    expect(assessment.factors).toEqual([
      { key: 'tenure', points: 5, maxPoints: 15, value: '8' },
      { key: 'savings_regularity', points: 11, maxPoints: 20, value: '7/12' },
      { key: 'wajib_arrears', points: 10, maxPoints: 15, value: '1' },
      { key: 'repayment_history', points: 12, maxPoints: 25, value: '1:12' },
      { key: 'activity', points: 6, maxPoints: 10, value: '4' },
      { key: 'repayment_capacity', points: 15, maxPoints: 15, value: '1680' },
    ]);
    expect(assessment.score).toBe(59);
    expect(assessment.grade).toBe('C');
  });

  it('scores a first loan in the middle of repayment history', () => {
    expect(
      pointsOf({ ...steadyMember, pastLoans: { count: 0, maxDaysPastDue: 0 } }).repayment_history,
    ).toBe(15);
  });

  it('scores nothing for history after a loan more than 90 days late', () => {
    expect(
      pointsOf({ ...steadyMember, pastLoans: { count: 3, maxDaysPastDue: 91 } }).repayment_history,
    ).toBe(0);
  });

  it('refuses capacity when all installments pass 30% of income, and warns between 20% and 30%', () => {
    const over = assessApplication({ ...steadyMember, existingInstallments: 700_001n });
    expect(over.capacityOk).toBe(false);
    expect(over.factors.at(-1)?.points).toBe(0);
    const atLimit = assessApplication({ ...steadyMember, existingInstallments: 660_000n });
    expect(atLimit.installmentToIncomeBps).toBe(3_000);
    expect(atLimit.capacityOk).toBe(true);
    expect(atLimit.factors.at(-1)?.points).toBe(8);
  });

  it('compares capacity exactly, not on the rounded basis points', () => {
    // 1,500,001 / 5,000,000 = 3,000.002 bps: shown as 3,000, still over 30%.
    const assessment = assessApplication({
      ...steadyMember,
      proposedInstallment: 1_500_001n,
    });
    expect(assessment.installmentToIncomeBps).toBe(3_000);
    expect(assessment.capacityOk).toBe(false);
  });

  it('follows a configured capacity share and grade bands', () => {
    const assessment = assessApplication(steadyMember, {
      maxInstallmentToIncomeBps: 1_500,
      gradeMinimums: { A: 101, B: 90, C: 10 },
    });
    expect(assessment.capacityOk).toBe(false);
    expect(assessment.grade).toBe('C');
  });

  it('grades D below 50 points', () => {
    const assessment = assessApplication({
      ...steadyMember,
      tenureMonths: 1,
      savingsMonthsWithDeposit: 1,
      wajibArrearsMonths: 4,
      pastLoans: { count: 1, maxDaysPastDue: 200 },
      transactionsLast90Days: 0,
    });
    expect(assessment.grade).toBe('D');
  });

  it('refuses impossible input', () => {
    expect(() => assessApplication({ ...steadyMember, monthlyIncome: 0n })).toThrow(RangeError);
    expect(() => assessApplication({ ...steadyMember, savingsMonthsWithDeposit: 13 })).toThrow(
      RangeError,
    );
    expect(() => assessApplication({ ...steadyMember, tenureMonths: -1 })).toThrow(RangeError);
    expect(() => assessApplication({ ...steadyMember, proposedInstallment: 0n })).toThrow(
      RangeError,
    );
  });

  it('keeps every factor within its maximum and the score within 0–100 (property)', () => {
    const count = fc.integer({ min: 0, max: 1_000 });
    fc.assert(
      fc.property(
        count,
        fc.integer({ min: 0, max: 12 }),
        count,
        count,
        count,
        count,
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        (tenure, months, arrears, loans, days, transactions, income, installment) => {
          const assessment = assessApplication({
            tenureMonths: tenure,
            savingsMonthsWithDeposit: months,
            wajibArrearsMonths: arrears,
            pastLoans: { count: loans, maxDaysPastDue: days },
            transactionsLast90Days: transactions,
            monthlyIncome: income,
            proposedInstallment: installment,
            existingInstallments: 0n,
          });
          for (const factor of assessment.factors)
            expect(factor.points >= 0 && factor.points <= factor.maxPoints).toBe(true);
          expect(assessment.score >= 0 && assessment.score <= 100).toBe(true);
        },
      ),
    );
  });
});
