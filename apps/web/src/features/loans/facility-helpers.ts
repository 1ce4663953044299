import { isIsoDate } from '../ledger/dates';
import { isRupiahString, parseRupiahInput } from '../ledger/rupiah';
import { parsePositiveAmount } from '../savings/savings-helpers';
import { parsePercentToBps, parseWholeNumber, type FormResult } from './loans-helpers';
import type {
  BankDecisionInput,
  BankFacility,
  BankFacilityInput,
  ChannelingDisbursementInput,
  PartnerBankInput,
} from './loans-types';

/**
 * Pure rules of the bank facility screens: what the forms hold as typed, and what they send.
 * They refuse early what the server would refuse (packages/shared/src/contracts/bank-facilities.ts);
 * the server still decides plafond, quota and status.
 */

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

// --- Partner bank -------------------------------------------------------------------------------

export interface PartnerBankFields {
  code: string;
  name: string;
  contactName: string;
  contactPhone: string;
}

export const emptyPartnerBankFields: PartnerBankFields = {
  code: '',
  name: '',
  contactName: '',
  contactPhone: '',
};

/** A bank code as the server takes it: upper case, digits and hyphens, at most 20 ("bank-ntt" → "BANK-NTT"). */
export function readBankCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9-]{0,19}$/.test(code) ? code : null;
}

/** Text between `min` and `max` characters once trimmed; empty → null when optional. */
function readText(text: string, min: number, max: number): string | null {
  const trimmed = text.trim();
  return trimmed.length >= min && trimmed.length <= max ? trimmed : null;
}

export function readPartnerBankForm(
  fields: PartnerBankFields,
): FormResult<PartnerBankInput, FieldErrors<keyof PartnerBankFields>> {
  const errors: FieldErrors<keyof PartnerBankFields> = {};
  const code = readBankCode(fields.code);
  const name = readText(fields.name, 2, 120);
  const contactName =
    fields.contactName.trim() === '' ? null : readText(fields.contactName, 2, 120);
  const contactPhone =
    fields.contactPhone.trim() === '' ? null : readText(fields.contactPhone, 6, 20);
  if (code === null) errors.code = 'code';
  if (name === null) errors.name = 'name';
  if (fields.contactName.trim() !== '' && contactName === null) errors.contactName = 'contactName';
  if (fields.contactPhone.trim() !== '' && contactPhone === null)
    errors.contactPhone = 'contactPhone';
  if (code === null || name === null || Object.keys(errors).length > 0)
    return { ok: false, errors };
  return { ok: true, value: { code, name, contactName, contactPhone } };
}

// --- Facility -----------------------------------------------------------------------------------

export interface FacilityFields {
  bankId: string;
  kind: BankFacilityInput['kind'];
  agreementNumber: string;
  plafond: string;
  ratePercent: string;
  ratePeriod: BankFacilityInput['ratePeriod'];
  tenorMonths: string;
  quotaPerMember: string;
  feePercent: string;
  openedOn: string;
}

export function emptyFacilityFields(today: string): FacilityFields {
  return {
    bankId: '',
    kind: 'executing',
    agreementNumber: '',
    plafond: '',
    ratePercent: '',
    ratePeriod: 'year',
    tenorMonths: '',
    quotaPerMember: '',
    feePercent: '0',
    openedOn: today,
  };
}

export type FacilityFieldError =
  'bank' | 'agreementNumber' | 'amount' | 'rate' | 'tenor' | 'quotaAbovePlafond' | 'fee' | 'date';

/** The facility form to the request; the fee only for channeling (executing pays none). */
export function readFacilityForm(
  fields: FacilityFields,
): FormResult<BankFacilityInput, FieldErrors<keyof FacilityFields>> {
  const errors: FieldErrors<keyof FacilityFields> = {};
  const agreementNumber = readText(fields.agreementNumber, 2, 60);
  const plafond = parsePositiveAmount(fields.plafond);
  const quotaPerMember = parsePositiveAmount(fields.quotaPerMember);
  const interestRateBps = parsePercentToBps(fields.ratePercent);
  const tenorMonths = parseWholeNumber(fields.tenorMonths, 1, 360);
  const feeBps = fields.kind === 'channeling' ? parsePercentToBps(fields.feePercent) : 0;
  if (fields.bankId === '') errors.bankId = 'bank';
  if (agreementNumber === null) errors.agreementNumber = 'agreementNumber';
  if (plafond === null) errors.plafond = 'amount';
  if (quotaPerMember === null) errors.quotaPerMember = 'amount';
  else if (plafond !== null && BigInt(quotaPerMember) > BigInt(plafond))
    errors.quotaPerMember = 'quotaAbovePlafond';
  if (interestRateBps === null) errors.ratePercent = 'rate';
  if (tenorMonths === null) errors.tenorMonths = 'tenor';
  if (feeBps === null) errors.feePercent = 'fee';
  if (!isIsoDate(fields.openedOn)) errors.openedOn = 'date';
  if (
    agreementNumber === null ||
    plafond === null ||
    quotaPerMember === null ||
    interestRateBps === null ||
    tenorMonths === null ||
    feeBps === null ||
    Object.keys(errors).length > 0
  )
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      bankId: fields.bankId,
      kind: fields.kind,
      agreementNumber,
      plafond,
      interestRateBps,
      ratePeriod: fields.ratePeriod,
      tenorMonths,
      quotaPerMember,
      feeBps,
      openedOn: fields.openedOn,
    },
  };
}

/**
 * How much of the plafond is used, in basis points, rounded down (so 100% shows only when full):
 * drawn outstanding for executing, what member loans hold for channeling.
 */
export function facilityUsedBps(facility: Pick<BankFacility, 'plafond' | 'available'>): number {
  if (!isRupiahString(facility.plafond) || !isRupiahString(facility.available)) return 0;
  const plafond = BigInt(facility.plafond);
  if (plafond <= 0n) return 0;
  const used = plafond - BigInt(facility.available);
  const clamped = used < 0n ? 0n : used > plafond ? plafond : used;
  return Number((clamped * 10_000n) / plafond); // rounds down
}

// --- Facility movements -------------------------------------------------------------------------

/** Principal and interest paid to the bank: each zero or more, together above zero. */
export function readFacilityRepayment(
  principalText: string,
  interestText: string,
): { principal: string; interest: string } | null {
  const principal = principalText.trim() === '' ? '0' : parseRupiahInput(principalText);
  const interest = interestText.trim() === '' ? '0' : parseRupiahInput(interestText);
  if (principal === null || interest === null) return null;
  if (BigInt(principal) + BigInt(interest) <= 0n) return null;
  return { principal, interest };
}

// --- Channeling ---------------------------------------------------------------------------------

export interface BankDecisionFields {
  decision: BankDecisionInput['decision'];
  bankReference: string;
  decidedOn: string;
  note: string;
  approvedAmount: string;
  ratePercent: string;
  installments: string;
}

export function emptyBankDecisionFields(today: string): BankDecisionFields {
  return {
    decision: 'approved',
    bankReference: '',
    decidedOn: today,
    note: '',
    approvedAmount: '',
    ratePercent: '',
    installments: '',
  };
}

/**
 * The bank's decision. Amount, rate and installments left empty take the loan's and the
 * facility's terms (null on the wire); a rejection sends none of them.
 */
export function readBankDecisionForm(
  fields: BankDecisionFields,
): FormResult<BankDecisionInput, FieldErrors<keyof BankDecisionFields>> {
  const errors: FieldErrors<keyof BankDecisionFields> = {};
  const isApproved = fields.decision === 'approved';
  const bankReference = readText(fields.bankReference, 1, 60);
  const note = fields.note.trim() === '' ? null : readText(fields.note, 1, 500);
  const optional = <T>(text: string, read: (value: string) => T | null): T | null | undefined =>
    !isApproved || text.trim() === '' ? null : (read(text) ?? undefined);
  const approvedAmount = optional(fields.approvedAmount, parsePositiveAmount);
  const interestRateBpsPerMonth = optional(fields.ratePercent, parsePercentToBps);
  const installments = optional(fields.installments, (text) => parseWholeNumber(text, 1, 360));
  if (bankReference === null) errors.bankReference = 'reference';
  if (!isIsoDate(fields.decidedOn)) errors.decidedOn = 'date';
  if (fields.note.trim() !== '' && note === null) errors.note = 'note';
  if (approvedAmount === undefined) errors.approvedAmount = 'amount';
  if (interestRateBpsPerMonth === undefined) errors.ratePercent = 'rate';
  if (installments === undefined) errors.installments = 'installments';
  if (
    bankReference === null ||
    approvedAmount === undefined ||
    interestRateBpsPerMonth === undefined ||
    installments === undefined ||
    Object.keys(errors).length > 0
  )
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      decision: fields.decision,
      bankReference,
      decidedOn: fields.decidedOn,
      note,
      approvedAmount,
      interestRateBpsPerMonth,
      installments,
    },
  };
}

export function readChannelingDisbursement(fields: {
  payout: ChannelingDisbursementInput['payout'];
  disbursedOn: string;
  bankReference: string;
}): ChannelingDisbursementInput | null {
  const bankReference = readText(fields.bankReference, 1, 60);
  if (bankReference === null || !isIsoDate(fields.disbursedOn)) return null;
  return { payout: fields.payout, disbursedOn: fields.disbursedOn, bankReference };
}
