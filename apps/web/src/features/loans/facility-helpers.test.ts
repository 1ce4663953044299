import { describe, expect, it } from 'vitest';
import {
  emptyBankDecisionFields,
  emptyFacilityFields,
  emptyPartnerBankFields,
  facilityUsedBps,
  readBankCode,
  readBankDecisionForm,
  readChannelingDisbursement,
  readFacilityForm,
  readFacilityRepayment,
  readPartnerBankForm,
} from './facility-helpers';

describe('partner bank form', () => {
  it('upper-cases the bank code and sends empty contacts as null', () => {
    const result = readPartnerBankForm({
      ...emptyPartnerBankFields,
      code: ' bank-ntt ',
      name: 'Bank NTT',
    });
    expect(result).toEqual({
      ok: true,
      value: { code: 'BANK-NTT', name: 'Bank NTT', contactName: null, contactPhone: null },
    });
  });

  it('refuses a code with spaces or too long, a one-letter name and a short phone', () => {
    expect(readBankCode('BANK NTT')).toBeNull();
    expect(readBankCode('-BRI')).toBeNull();
    expect(readBankCode('A'.repeat(21))).toBeNull();
    const result = readPartnerBankForm({
      code: 'BRI',
      name: 'B',
      contactName: '',
      contactPhone: '123',
    });
    expect(result).toEqual({ ok: false, errors: { name: 'name', contactPhone: 'contactPhone' } });
  });
});

describe('facility form', () => {
  const filled = {
    ...emptyFacilityFields('2026-03-01'),
    bankId: '0b7e0d6e-5f7a-4b43-9d47-7a4a6f0c2a11',
    agreementNumber: 'KMK-BRI-001',
    plafond: '20.000.000',
    quotaPerMember: '8.000.000',
    ratePercent: '12',
    tenorMonths: '24',
  };

  it('reads an executing facility with a yearly rate in basis points and no fee', () => {
    expect(readFacilityForm({ ...filled, feePercent: '5' })).toEqual({
      ok: true,
      value: {
        bankId: filled.bankId,
        kind: 'executing',
        agreementNumber: 'KMK-BRI-001',
        plafond: '20000000',
        interestRateBps: 1200,
        ratePeriod: 'year',
        tenorMonths: 24,
        quotaPerMember: '8000000',
        feeBps: 0,
        openedOn: '2026-03-01',
      },
    });
  });

  it("takes the cooperative's fee only on a channeling facility", () => {
    const result = readFacilityForm({ ...filled, kind: 'channeling', feePercent: '1,5' });
    expect(result.ok && result.value.feeBps).toBe(150);
  });

  it('refuses a quota above the plafond, no bank, a bad rate and a tenor over 360 months', () => {
    const result = readFacilityForm({
      ...filled,
      bankId: '',
      quotaPerMember: '30.000.000',
      ratePercent: '1.234',
      tenorMonths: '361',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        bankId: 'bank',
        quotaPerMember: 'quotaAbovePlafond',
        ratePercent: 'rate',
        tenorMonths: 'tenor',
      },
    });
  });
});

describe('facility utilization', () => {
  it('is what the plafond no longer has available, rounded down', () => {
    expect(facilityUsedBps({ plafond: '50000000', available: '44000000' })).toBe(1200);
    expect(facilityUsedBps({ plafond: '3', available: '1' })).toBe(6666);
    expect(facilityUsedBps({ plafond: '20000000', available: '20000000' })).toBe(0);
  });

  it('stays between 0 and 100% whatever the figures say', () => {
    expect(facilityUsedBps({ plafond: '100', available: '-5' })).toBe(10_000);
    expect(facilityUsedBps({ plafond: '100', available: '150' })).toBe(0);
    expect(facilityUsedBps({ plafond: '0', available: '0' })).toBe(0);
  });
});

describe('facility repayment', () => {
  it('takes principal, interest or both, an empty one as zero', () => {
    expect(readFacilityRepayment('1.000.000', '150.000')).toEqual({
      principal: '1000000',
      interest: '150000',
    });
    expect(readFacilityRepayment('', '150000')).toEqual({ principal: '0', interest: '150000' });
  });

  it('refuses nothing at all, and text that is not rupiah', () => {
    expect(readFacilityRepayment('0', '')).toBeNull();
    expect(readFacilityRepayment('1,5', '0')).toBeNull();
  });
});

describe("the bank's decision", () => {
  const base = { ...emptyBankDecisionFields('2026-03-02'), bankReference: 'BNI/2026/77' };

  it("sends empty terms as null: the amount applied for and the facility's rate", () => {
    expect(readBankDecisionForm(base)).toEqual({
      ok: true,
      value: {
        decision: 'approved',
        bankReference: 'BNI/2026/77',
        decidedOn: '2026-03-02',
        note: null,
        approvedAmount: null,
        interestRateBpsPerMonth: null,
        installments: null,
      },
    });
  });

  it("reads the bank's own amount, rate and installments", () => {
    const result = readBankDecisionForm({
      ...base,
      approvedAmount: '5.000.000',
      ratePercent: '1',
      installments: '6',
    });
    expect(result.ok && result.value).toMatchObject({
      approvedAmount: '5000000',
      interestRateBpsPerMonth: 100,
      installments: 6,
    });
  });

  it('ignores terms typed before switching to a rejection', () => {
    const result = readBankDecisionForm({ ...base, decision: 'rejected', approvedAmount: 'x' });
    expect(result.ok && result.value.approvedAmount).toBeNull();
  });

  it('refuses a missing reference and terms that are not numbers', () => {
    const result = readBankDecisionForm({
      ...base,
      bankReference: ' ',
      approvedAmount: 'lima juta',
      installments: '0',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        bankReference: 'reference',
        approvedAmount: 'amount',
        installments: 'installments',
      },
    });
  });
});

describe("the bank's payout", () => {
  it('needs a reference and a date', () => {
    const fields = {
      payout: 'bank_direct' as const,
      disbursedOn: '2026-03-02',
      bankReference: ' TRF-1 ',
    };
    expect(readChannelingDisbursement(fields)).toEqual({
      payout: 'bank_direct',
      disbursedOn: '2026-03-02',
      bankReference: 'TRF-1',
    });
    expect(readChannelingDisbursement({ ...fields, bankReference: '' })).toBeNull();
    expect(readChannelingDisbursement({ ...fields, disbursedOn: '2026-02-30x' })).toBeNull();
  });
});
