import { divRoundHalfUp } from '@lumbung/shared/money';

/** Stable factor keys: the UI translates them, so never rename one. */
export type AssessmentFactorKey =
  | 'tenure'
  | 'savings_regularity'
  | 'wajib_arrears'
  | 'repayment_history'
  | 'activity'
  | 'repayment_capacity';

export type AssessmentGrade = 'A' | 'B' | 'C' | 'D';

export interface AssessmentInput {
  /** Whole months of membership. */
  tenureMonths: number;
  /** Of the last 12 months, how many had at least one savings deposit (0–12). */
  savingsMonthsWithDeposit: number;
  /** Simpanan wajib months owed now. */
  wajibArrearsMonths: number;
  /** Earlier loans at this cooperative and the worst days past due any of them reached. */
  pastLoans: { count: number; maxDaysPastDue: number };
  /** Savings and loan transactions in the last 90 days. */
  transactionsLast90Days: number;
  monthlyIncome: bigint;
  /** The new loan's installment, expressed per month (weekly × 52 / 12). */
  proposedInstallment: bigint;
  /** Installments a month on the member's other debts. */
  existingInstallments: bigint;
}

export interface AssessmentFactor {
  key: AssessmentFactorKey;
  points: number;
  maxPoints: number;
  /**
   * What was measured, locale-neutral for the UI to format: tenure "<months>",
   * savings_regularity "<months>/12", wajib_arrears "<months>", repayment_history "none" or
   * "<count>:<maxDaysPastDue>", activity "<transactions>", repayment_capacity "<bps of income>".
   */
  value: string;
}

export interface AssessmentPolicy {
  /** All installments may take at most this share of monthly income (default 3,000 bps = 30%). */
  maxInstallmentToIncomeBps: number;
  /** Lowest score of each grade; below C is D. */
  gradeMinimums: { A: number; B: number; C: number };
}

export const defaultAssessmentPolicy: AssessmentPolicy = {
  maxInstallmentToIncomeBps: 3_000,
  gradeMinimums: { A: 80, B: 65, C: 50 },
};

export interface Assessment {
  /** 0–100, the sum of the factors' points. */
  score: number;
  grade: AssessmentGrade;
  factors: AssessmentFactor[];
  /** (proposed + existing installments) ÷ monthly income, in bps rounded half up. */
  installmentToIncomeBps: number;
  /** Whether all installments stay within `maxInstallmentToIncomeBps` of income (compared exactly, not on the rounded bps). */
  capacityOk: boolean;
}

function checkCount(value: number, field: string, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max)
    throw new RangeError(`${field} must be a whole number from 0 to ${max}, got ${value}`);
}

function checkInput(input: AssessmentInput, policy: AssessmentPolicy): void {
  checkCount(input.tenureMonths, 'tenureMonths');
  checkCount(input.savingsMonthsWithDeposit, 'savingsMonthsWithDeposit', 12);
  checkCount(input.wajibArrearsMonths, 'wajibArrearsMonths');
  checkCount(input.pastLoans.count, 'pastLoans.count');
  checkCount(input.pastLoans.maxDaysPastDue, 'pastLoans.maxDaysPastDue');
  checkCount(input.transactionsLast90Days, 'transactionsLast90Days');
  checkCount(policy.maxInstallmentToIncomeBps, 'maxInstallmentToIncomeBps', 10_000);
  if (input.monthlyIncome <= 0n)
    throw new RangeError(`monthlyIncome must be positive, got ${input.monthlyIncome}`);
  if (input.proposedInstallment <= 0n || input.existingInstallments < 0n)
    throw new RangeError(
      'proposedInstallment must be positive and existingInstallments non-negative',
    );
}

/** Points for the worst lateness on earlier loans; a first loan scores in the middle. */
function repaymentHistoryPoints(pastLoans: AssessmentInput['pastLoans']): number {
  if (pastLoans.count === 0) return 15;
  const days = pastLoans.maxDaysPastDue;
  if (days === 0) return 25;
  if (days <= 7) return 20;
  if (days <= 30) return 12;
  if (days <= 90) return 5;
  return 0;
}

/**
 * An explainable score of a loan application from the member's own history at the cooperative
 * (no bureau data). Six factors, 100 points in all:
 * - tenure (15): 15 × months / 24, full from two years of membership;
 * - savings_regularity (20): 20 × months with a deposit / 12;
 * - wajib_arrears (15): 15, less 5 for each month of simpanan wajib owed;
 * - repayment_history (25): worst days past due on earlier loans: 0 → 25, ≤ 7 → 20, ≤ 30 → 12,
 *   ≤ 90 → 5, more → 0; no earlier loan → 15;
 * - activity (10): 10 × transactions in 90 days / 6, full from two a month;
 * - repayment_capacity (15): all installments ≤ two thirds of the allowed share of income → 15,
 *   within the share → 8, over it → 0.
 * Fractions of a point are dropped (rounded down). Grades: A ≥ 80, B ≥ 65, C ≥ 50, else D
 * (configurable). The score advises the approvers; `capacityOk` is the hard rule.
 */
export function assessApplication(
  input: AssessmentInput,
  policy: AssessmentPolicy = defaultAssessmentPolicy,
): Assessment {
  checkInput(input, policy);
  const installments = input.proposedInstallment + input.existingInstallments;
  const maxBps = BigInt(policy.maxInstallmentToIncomeBps);
  const installmentToIncomeBps = Number(
    divRoundHalfUp(installments * 10_000n, input.monthlyIncome),
  );
  const capacityOk = installments * 10_000n <= input.monthlyIncome * maxBps;
  const isWellWithinCapacity = installments * 10_000n * 3n <= input.monthlyIncome * maxBps * 2n;
  const { pastLoans } = input;
  const factors: AssessmentFactor[] = [
    {
      key: 'tenure',
      points: Math.min(15, Math.floor((input.tenureMonths * 15) / 24)),
      maxPoints: 15,
      value: String(input.tenureMonths),
    },
    {
      key: 'savings_regularity',
      points: Math.floor((input.savingsMonthsWithDeposit * 20) / 12),
      maxPoints: 20,
      value: `${input.savingsMonthsWithDeposit}/12`,
    },
    {
      key: 'wajib_arrears',
      points: Math.max(0, 15 - 5 * input.wajibArrearsMonths),
      maxPoints: 15,
      value: String(input.wajibArrearsMonths),
    },
    {
      key: 'repayment_history',
      points: repaymentHistoryPoints(pastLoans),
      maxPoints: 25,
      value: pastLoans.count === 0 ? 'none' : `${pastLoans.count}:${pastLoans.maxDaysPastDue}`,
    },
    {
      key: 'activity',
      points: Math.min(10, Math.floor((input.transactionsLast90Days * 10) / 6)),
      maxPoints: 10,
      value: String(input.transactionsLast90Days),
    },
    {
      key: 'repayment_capacity',
      points: isWellWithinCapacity ? 15 : capacityOk ? 8 : 0,
      maxPoints: 15,
      value: String(installmentToIncomeBps),
    },
  ];
  const score = factors.reduce((sum, factor) => sum + factor.points, 0);
  return { score, grade: gradeOf(score, policy), factors, installmentToIncomeBps, capacityOk };
}

function gradeOf(score: number, policy: AssessmentPolicy): AssessmentGrade {
  if (score >= policy.gradeMinimums.A) return 'A';
  if (score >= policy.gradeMinimums.B) return 'B';
  if (score >= policy.gradeMinimums.C) return 'C';
  return 'D';
}
