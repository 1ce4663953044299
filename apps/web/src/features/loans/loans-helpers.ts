import type { Locale } from '@lumbung/shared';
import { isRupiahString, parseRupiahInput } from '../ledger/rupiah';
import { parsePositiveAmount } from '../savings/savings-helpers';
import type {
  AssessmentFactorKey,
  InstallmentStatus,
  LoanApplicationInput,
  LoanApprovals,
  LoanInstallment,
  LoanProduct,
  LoanProductInput,
  LoanStatus,
} from './loans-types';
import { assessmentFactorKeys } from './loans-types';

// --- Rates --------------------------------------------------------------------------------------

/**
 * A percentage as typed ("1,5", "1.5", "2", "0,25 %") to basis points: at most two decimals,
 * 0 to 100 %. Returns null for anything else (never a guess at a misplaced separator).
 */
export function parsePercentToBps(text: string): number | null {
  const trimmed = text.trim().replace(/\s*%$/, '');
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(trimmed);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const bps = whole * 100 + fraction;
  return bps <= 10_000 ? bps : null;
}

/** 150 bps → "1,5" (id) or "1.5" (en): the shortest exact percentage. */
export function bpsToPercentText(bps: number, locale: Locale = 'id'): string {
  const whole = Math.trunc(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  if (fraction === '') return String(whole);
  return `${String(whole)}${locale === 'id' ? ',' : '.'}${fraction}`;
}

/** "6, 12, 18" (or spaces, or semicolons) → [6, 12, 18]: 1 to 24 tenors of 1–520 installments. */
export function parseTenors(text: string): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const tenors = [...new Set(parts.map(Number))].sort((left, right) => left - right);
  if (tenors.length > 24 || tenors.some((tenor) => tenor < 1 || tenor > 520)) return null;
  return tenors;
}

/** A whole number typed into a small field, within bounds; null otherwise. */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

// --- The product form ---------------------------------------------------------------------------

export interface TierFields {
  upTo: string;
  approvals: string;
  requiresKetua: boolean;
}

/** What the product form holds: text as typed, choices as their codes. */
export interface ProductFields {
  code: string;
  name: string;
  interestMethod: LoanProductInput['interestMethod'];
  interestRatePercent: string;
  tenors: string;
  frequency: LoanProductInput['frequency'];
  adminFeePercent: string;
  provisionFeePercent: string;
  feeTreatment: LoanProductInput['feeTreatment'];
  penaltyPercentPerDay: string;
  graceInstallments: string;
  plafondSavingsMultiple: string;
  minAmount: string;
  maxAmount: string;
  approvalTiers: TierFields[];
  collectibilityScheme: LoanProductInput['collectibilityScheme'];
  isActive: boolean;
}

export type ProductFieldError =
  | 'code'
  | 'name'
  | 'rate'
  | 'tenors'
  | 'fee'
  | 'fees'
  | 'penalty'
  | 'grace'
  | 'plafond'
  | 'amount'
  | 'amountOrder'
  | 'tiers';

export type ProductErrors = Partial<Record<keyof ProductFields, ProductFieldError>>;

export type FormResult<T, E> = { ok: true; value: T } | { ok: false; errors: E };

export const emptyProductFields: ProductFields = {
  code: '',
  name: '',
  interestMethod: 'flat',
  interestRatePercent: '1',
  tenors: '6, 12, 24',
  frequency: 'monthly',
  adminFeePercent: '1',
  provisionFeePercent: '0',
  feeTreatment: 'deducted',
  penaltyPercentPerDay: '0,1',
  graceInstallments: '0',
  plafondSavingsMultiple: '',
  minAmount: '500.000',
  maxAmount: '20.000.000',
  approvalTiers: [
    { upTo: '5.000.000', approvals: '1', requiresKetua: false },
    { upTo: '', approvals: '2', requiresKetua: true },
  ],
  collectibilityScheme: 'KSP_2009',
  isActive: true,
};

/** An existing product as the form shows it, for editing. */
export function productFieldsOf(product: LoanProduct, locale: Locale = 'id'): ProductFields {
  const percent = (bps: number) => bpsToPercentText(bps, locale);
  return {
    code: product.code,
    name: product.name,
    interestMethod: product.interestMethod,
    interestRatePercent: percent(product.interestRateBpsPerMonth),
    tenors: product.tenors.join(', '),
    frequency: product.frequency,
    adminFeePercent: percent(product.adminFeeBps),
    provisionFeePercent: percent(product.provisionFeeBps),
    feeTreatment: product.feeTreatment,
    penaltyPercentPerDay: percent(product.penaltyBpsPerDay),
    graceInstallments: String(product.graceInstallments),
    plafondSavingsMultiple:
      product.plafondSavingsMultiple === null ? '' : String(product.plafondSavingsMultiple),
    minAmount: product.minAmount,
    maxAmount: product.maxAmount,
    approvalTiers: product.approvalTiers.map((tier) => ({
      upTo: tier.upTo ?? '',
      approvals: String(tier.approvals),
      requiresKetua: tier.requiresKetua,
    })),
    collectibilityScheme: product.collectibilityScheme,
    isActive: product.isActive,
  };
}

/** A product code as the server takes it: capitals, digits and dashes, up to 20. */
export function readProductCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9-]{0,19}$/.test(code) ? code : null;
}

/**
 * The approval tiers as typed: every tier but the last has a ceiling, rising; the last covers
 * every larger amount (blank ceiling); 1–5 approvals each; at most 5 tiers.
 */
export function readTiers(tiers: readonly TierFields[]): LoanProductInput['approvalTiers'] | null {
  if (tiers.length === 0 || tiers.length > 5) return null;
  const result: LoanProductInput['approvalTiers'] = [];
  let previous = 0n;
  for (const [index, tier] of tiers.entries()) {
    const isLast = index === tiers.length - 1;
    const approvals = parseWholeNumber(tier.approvals, 1, 5);
    if (approvals === null) return null;
    if (isLast) {
      if (tier.upTo.trim() !== '') return null;
      result.push({ upTo: null, approvals, requiresKetua: tier.requiresKetua });
      continue;
    }
    const upTo = parsePositiveAmount(tier.upTo);
    if (upTo === null || BigInt(upTo) <= previous) return null;
    previous = BigInt(upTo);
    result.push({ upTo, approvals, requiresKetua: tier.requiresKetua });
  }
  return result;
}

/**
 * Checks the product form the way the server's contract does and turns it into the PUT body;
 * returns the first problem of each field otherwise.
 */
export function readProductForm(
  fields: ProductFields,
): FormResult<{ code: string; body: LoanProductInput }, ProductErrors> {
  const errors: ProductErrors = {};
  const code = readProductCode(fields.code);
  if (code === null) errors.code = 'code';
  const name = fields.name.trim();
  if (name.length < 2 || name.length > 120) errors.name = 'name';
  const rate = parsePercentToBps(fields.interestRatePercent);
  if (rate === null) errors.interestRatePercent = 'rate';
  const tenors = parseTenors(fields.tenors);
  if (tenors === null) errors.tenors = 'tenors';
  const adminFee = parsePercentToBps(fields.adminFeePercent);
  if (adminFee === null) errors.adminFeePercent = 'fee';
  const provisionFee = parsePercentToBps(fields.provisionFeePercent);
  if (provisionFee === null) errors.provisionFeePercent = 'fee';
  else if (adminFee !== null && adminFee + provisionFee >= 10_000)
    errors.provisionFeePercent = 'fees';
  const penalty = parsePercentToBps(fields.penaltyPercentPerDay);
  if (penalty === null) errors.penaltyPercentPerDay = 'penalty';
  const grace = parseWholeNumber(fields.graceInstallments, 0, 52);
  if (grace === null || (tenors !== null && grace >= Math.min(...tenors)))
    errors.graceInstallments = 'grace';
  const plafondText = fields.plafondSavingsMultiple.trim();
  const plafond = plafondText === '' ? null : parseWholeNumber(plafondText, 1, 100);
  if (plafondText !== '' && plafond === null) errors.plafondSavingsMultiple = 'plafond';
  const minAmount = parsePositiveAmount(fields.minAmount);
  if (minAmount === null) errors.minAmount = 'amount';
  const maxAmount = parsePositiveAmount(fields.maxAmount);
  if (maxAmount === null) errors.maxAmount = 'amount';
  else if (minAmount !== null && BigInt(minAmount) > BigInt(maxAmount))
    errors.maxAmount = 'amountOrder';
  const approvalTiers = readTiers(fields.approvalTiers);
  if (approvalTiers === null) errors.approvalTiers = 'tiers';
  if (
    code === null ||
    rate === null ||
    tenors === null ||
    adminFee === null ||
    provisionFee === null ||
    penalty === null ||
    grace === null ||
    minAmount === null ||
    maxAmount === null ||
    approvalTiers === null ||
    Object.keys(errors).length > 0
  )
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      code,
      body: {
        name,
        interestMethod: fields.interestMethod,
        interestRateBpsPerMonth: rate,
        tenors,
        frequency: fields.frequency,
        adminFeeBps: adminFee,
        provisionFeeBps: provisionFee,
        feeTreatment: fields.feeTreatment,
        penaltyBpsPerDay: penalty,
        graceInstallments: grace,
        plafondSavingsMultiple: plafond,
        minAmount,
        maxAmount,
        membersOnly: true,
        approvalTiers,
        collectibilityScheme: fields.collectibilityScheme,
        isActive: fields.isActive,
      },
    },
  };
}

// --- The application form -----------------------------------------------------------------------

export interface GuarantorFields {
  fullName: string;
  nik: string;
  relation: string;
}

export interface CollateralFields {
  kind: string;
  description: string;
  estimatedValue: string;
}

export interface ApplicationFields {
  productCode: string;
  amount: string;
  installments: string;
  purpose: string;
  declaredMonthlyIncome: string;
  guarantors: GuarantorFields[];
  collateral: CollateralFields[];
}

export type ApplicationFieldError =
  | 'product'
  | 'amount'
  | 'amountRange'
  | 'tenor'
  | 'purpose'
  | 'income'
  | 'guarantorName'
  | 'guarantorNik'
  | 'guarantorRelation'
  | 'collateralKind'
  | 'collateralDescription'
  | 'collateralValue';

/** Field errors by field name; a guarantor's or collateral's by `guarantors.0.nik` and so on. */
export type ApplicationErrors = Record<string, ApplicationFieldError>;

export const emptyApplicationFields: ApplicationFields = {
  productCode: '',
  amount: '',
  installments: '',
  purpose: '',
  declaredMonthlyIncome: '',
  guarantors: [],
  collateral: [],
};

function isTextOfLength(text: string, min: number, max: number): boolean {
  const length = text.trim().length;
  return length >= min && length <= max;
}

/**
 * Checks an application against the chosen product (amount range, tenors offered) and the
 * contract's lengths, and turns it into the POST body. Rows left entirely blank are dropped.
 */
export function readApplicationForm(
  fields: ApplicationFields,
  product: LoanProduct | undefined,
): FormResult<LoanApplicationInput, ApplicationErrors> {
  const errors: ApplicationErrors = {};
  if (!product) errors.productCode = 'product';
  const amount = parsePositiveAmount(fields.amount);
  if (amount === null) errors.amount = 'amount';
  else if (
    product &&
    (BigInt(amount) < BigInt(product.minAmount) || BigInt(amount) > BigInt(product.maxAmount))
  )
    errors.amount = 'amountRange';
  const installments = Number(fields.installments);
  if (!product || !product.tenors.includes(installments)) errors.installments = 'tenor';
  if (!isTextOfLength(fields.purpose, 3, 500)) errors.purpose = 'purpose';
  const income = parsePositiveAmount(fields.declaredMonthlyIncome);
  if (income === null) errors.declaredMonthlyIncome = 'income';

  const guarantors = fields.guarantors.filter(
    (row) => `${row.fullName}${row.nik}${row.relation}`.trim() !== '',
  );
  guarantors.forEach((row, index) => {
    if (!isTextOfLength(row.fullName, 2, 120))
      errors[`guarantors.${index}.fullName`] = 'guarantorName';
    if (!/^\d{16}$/.test(row.nik.trim())) errors[`guarantors.${index}.nik`] = 'guarantorNik';
    if (!isTextOfLength(row.relation, 2, 60))
      errors[`guarantors.${index}.relation`] = 'guarantorRelation';
  });
  const collateral = fields.collateral.filter(
    (row) => `${row.kind}${row.description}${row.estimatedValue}`.trim() !== '',
  );
  const values = collateral.map((row) => parseRupiahInput(row.estimatedValue));
  collateral.forEach((row, index) => {
    if (!isTextOfLength(row.kind, 2, 60)) errors[`collateral.${index}.kind`] = 'collateralKind';
    if (!isTextOfLength(row.description, 2, 300))
      errors[`collateral.${index}.description`] = 'collateralDescription';
    const value = values[index];
    if (value === null || value === undefined || value.length > 16)
      errors[`collateral.${index}.estimatedValue`] = 'collateralValue';
  });

  if (!product || amount === null || income === null || Object.keys(errors).length > 0)
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      productCode: product.code,
      amount,
      installments,
      purpose: fields.purpose.trim(),
      declaredMonthlyIncome: income,
      guarantors: guarantors.map((row) => ({
        fullName: row.fullName.trim(),
        nik: row.nik.trim(),
        relation: row.relation.trim(),
      })),
      collateral: collateral.map((row, index) => ({
        kind: row.kind.trim(),
        description: row.description.trim(),
        estimatedValue: values[index] ?? '0',
      })),
    },
  };
}

// --- Installment estimate -----------------------------------------------------------------------

/** a / b rounded half up, for a ≥ 0 and b > 0 (the server's divRoundHalfUp on this domain). */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * What the member would pay per installment after any grace period, as an estimate for the
 * application form: the server builds the real schedule at disbursement. Flat: principal ÷ n +
 * principal × rate; efektif: the first (largest) installment; anuitas: the constant installment
 * P·a·(a+b)^n / (b·((a+b)^n − b^n)) for the exact period rate a/b. Fees follow the product: a
 * financed fee is lent too. Returns null when the inputs give no loan.
 */
export function estimateInstallment(
  product: Pick<
    LoanProduct,
    | 'interestMethod'
    | 'interestRateBpsPerMonth'
    | 'frequency'
    | 'adminFeeBps'
    | 'provisionFeeBps'
    | 'feeTreatment'
    | 'graceInstallments'
  >,
  amount: string,
  installments: number,
): string | null {
  if (!isRupiahString(amount) || !Number.isSafeInteger(installments)) return null;
  const lent = BigInt(amount);
  const count = installments - product.graceInstallments;
  if (lent <= 0n || count < 1) return null;
  const fees =
    divideHalfUp(lent * BigInt(product.adminFeeBps), 10_000n) +
    divideHalfUp(lent * BigInt(product.provisionFeeBps), 10_000n);
  const principal = product.feeTreatment === 'financed' ? lent + fees : lent;
  const isWeekly = product.frequency === 'weekly';
  const rateNumerator = BigInt(product.interestRateBpsPerMonth) * (isWeekly ? 12n : 1n);
  const rateDenominator = isWeekly ? 520_000n : 10_000n;
  const interest = divideHalfUp(principal * rateNumerator, rateDenominator);
  const periods = BigInt(count);
  if (product.interestMethod !== 'anuitas' || rateNumerator === 0n)
    return (divideHalfUp(principal, periods) + interest).toString();
  const growth = (rateDenominator + rateNumerator) ** periods;
  const discount = rateDenominator ** periods;
  return divideHalfUp(
    principal * rateNumerator * growth,
    rateDenominator * (growth - discount),
  ).toString();
}

// --- Reading a loan -----------------------------------------------------------------------------

const settledStatuses: readonly InstallmentStatus[] = ['paid', 'waived'];

/** What is still owed on one installment: its total less what was paid on it. */
export function installmentRemaining(installment: LoanInstallment): string {
  const remaining =
    BigInt(installment.total) -
    BigInt(installment.principalPaid) -
    BigInt(installment.interestPaid);
  return (remaining > 0n ? remaining : 0n).toString();
}

/** The first installment not yet settled (overdue ones come first by number), or null. */
export function nextInstallment(schedule: readonly LoanInstallment[]): LoanInstallment | null {
  return schedule.find((installment) => !settledStatuses.includes(installment.status)) ?? null;
}

/** Approvals given so far toward the tier, as "given of required". */
export function approvalProgress(approvals: LoanApprovals): { given: number; required: number } {
  return {
    given: Math.max(0, approvals.required - approvals.missing),
    required: approvals.required,
  };
}

/** The badge colour of a loan status. */
export function statusTone(status: LoanStatus): 'ok-badge' | 'danger-badge' | 'muted-badge' {
  switch (status) {
    case 'disetujui':
    case 'aktif':
      return 'ok-badge';
    case 'ditolak':
      return 'danger-badge';
    case 'diajukan':
    case 'lunas':
      return 'muted-badge';
  }
}

export function isFactorKey(key: string): key is AssessmentFactorKey {
  return (assessmentFactorKeys as readonly string[]).includes(key);
}

/**
 * What an assessment factor measured, as an i18n key under `loans.assessment.values` and its
 * parameters: the server sends locale-neutral values ("8/12", "2:14", "none", "2500").
 */
export function factorValueText(
  key: string,
  value: string | number | boolean | null,
  locale: Locale = 'id',
): { key: string; params: Record<string, string> } | null {
  if (value === null || !isFactorKey(key)) return null;
  const text = String(value);
  switch (key) {
    case 'tenure':
      return { key: 'tenure', params: { months: text } };
    case 'savings_regularity': {
      const [months = text, of = '12'] = text.split('/');
      return { key: 'savings_regularity', params: { months, of } };
    }
    case 'wajib_arrears':
      return {
        key: text === '0' ? 'wajib_arrears_none' : 'wajib_arrears',
        params: { months: text },
      };
    case 'repayment_history': {
      if (text === 'none') return { key: 'repayment_history_none', params: {} };
      const [count = '0', days = '0'] = text.split(':');
      return { key: 'repayment_history', params: { count, days } };
    }
    case 'activity':
      return { key: 'activity', params: { count: text } };
    case 'repayment_capacity': {
      const bps = Number(text);
      if (!Number.isSafeInteger(bps)) return null;
      return { key: 'repayment_capacity', params: { percent: bpsToPercentText(bps, locale) } };
    }
  }
}
