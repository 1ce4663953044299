import { describe, expect, it } from 'vitest';
import {
  approvalProgress,
  bpsToPercentText,
  emptyApplicationFields,
  emptyProductFields,
  estimateInstallment,
  factorValueText,
  installmentRemaining,
  nextInstallment,
  parsePercentToBps,
  parseTenors,
  productFieldsOf,
  readApplicationForm,
  readProductForm,
  readTiers,
} from './loans-helpers';
import { canDecideApplication, loanPermissions } from './loans-roles';
import type { LoanInstallment, LoanProduct } from './loans-types';

const product: LoanProduct = {
  code: 'PRODUKTIF',
  name: 'Pinjaman produktif',
  interestMethod: 'flat',
  interestRateBpsPerMonth: 100,
  tenors: [6, 12],
  frequency: 'monthly',
  adminFeeBps: 100,
  provisionFeeBps: 0,
  feeTreatment: 'deducted',
  penaltyBpsPerDay: 10,
  graceInstallments: 0,
  plafondSavingsMultiple: null,
  minAmount: '500000',
  maxAmount: '20000000',
  membersOnly: true,
  approvalTiers: [
    { upTo: '2000000', approvals: 1, requiresKetua: false },
    { upTo: null, approvals: 2, requiresKetua: true },
  ],
  collectibilityScheme: 'KSP_2009',
  isActive: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function installment(overrides: Partial<LoanInstallment>): LoanInstallment {
  return {
    number: 1,
    dueDate: '2026-02-01',
    principal: '750000',
    interest: '90000',
    total: '840000',
    principalOutstandingAfter: '8250000',
    principalPaid: '0',
    interestPaid: '0',
    status: 'upcoming',
    ...overrides,
  };
}

describe('percent and tenor fields', () => {
  it('reads percentages with a comma or a dot into basis points', () => {
    expect(parsePercentToBps('1,5')).toBe(150);
    expect(parsePercentToBps('1.5')).toBe(150);
    expect(parsePercentToBps('2')).toBe(200);
    expect(parsePercentToBps('0,25 %')).toBe(25);
    expect(parsePercentToBps('100')).toBe(10_000);
  });

  it('refuses percentages with three decimals, above 100 or not numbers', () => {
    expect(parsePercentToBps('1,255')).toBeNull();
    expect(parsePercentToBps('100,01')).toBeNull();
    expect(parsePercentToBps('satu')).toBeNull();
    expect(parsePercentToBps('')).toBeNull();
    expect(parsePercentToBps('-1')).toBeNull();
  });

  it('writes basis points as the shortest exact percentage in each language', () => {
    expect(bpsToPercentText(150, 'id')).toBe('1,5');
    expect(bpsToPercentText(150, 'en')).toBe('1.5');
    expect(bpsToPercentText(200)).toBe('2');
    expect(bpsToPercentText(5)).toBe('0,05');
    expect(parsePercentToBps(bpsToPercentText(1234))).toBe(1234);
  });

  it('reads tenors as a sorted list without repeats', () => {
    expect(parseTenors('12, 6 24;6')).toEqual([6, 12, 24]);
  });

  it('refuses empty, zero, too long or non-numeric tenors', () => {
    expect(parseTenors('')).toBeNull();
    expect(parseTenors('0, 12')).toBeNull();
    expect(parseTenors('521')).toBeNull();
    expect(parseTenors('6, dua belas')).toBeNull();
  });
});

describe('the product form', () => {
  it('turns the default form into the PUT body', () => {
    const result = readProductForm({ ...emptyProductFields, code: 'mikro-1', name: 'Mikro' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.code).toBe('MIKRO-1');
    expect(result.value.body).toMatchObject({
      interestRateBpsPerMonth: 100,
      tenors: [6, 12, 24],
      adminFeeBps: 100,
      penaltyBpsPerDay: 10,
      plafondSavingsMultiple: null,
      minAmount: '500000',
      maxAmount: '20000000',
      approvalTiers: [
        { upTo: '5000000', approvals: 1, requiresKetua: false },
        { upTo: null, approvals: 2, requiresKetua: true },
      ],
    });
  });

  it('round-trips an existing product through the form', () => {
    const result = readProductForm(productFieldsOf(product, 'en'));
    expect(result.ok && result.value.body.approvalTiers).toEqual(
      product.approvalTiers.map((tier) => ({ ...tier })),
    );
    expect(result.ok && result.value.body.interestRateBpsPerMonth).toBe(100);
  });

  it('names each field the server would refuse', () => {
    const result = readProductForm({
      ...emptyProductFields,
      code: 'kode salah!',
      name: 'X',
      interestRatePercent: 'abc',
      adminFeePercent: '60',
      provisionFeePercent: '40',
      graceInstallments: '6',
      minAmount: '30.000.000',
      plafondSavingsMultiple: '0',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        code: 'code',
        name: 'name',
        interestRatePercent: 'rate',
        provisionFeePercent: 'fees',
        graceInstallments: 'grace',
        plafondSavingsMultiple: 'plafond',
        maxAmount: 'amountOrder',
      },
    });
  });

  it('refuses tiers whose last has a ceiling, or whose ceilings do not rise', () => {
    expect(readTiers([{ upTo: '1.000.000', approvals: '1', requiresKetua: false }])).toBeNull();
    expect(
      readTiers([
        { upTo: '2.000.000', approvals: '1', requiresKetua: false },
        { upTo: '1.000.000', approvals: '2', requiresKetua: false },
        { upTo: '', approvals: '3', requiresKetua: true },
      ]),
    ).toBeNull();
    expect(readTiers([{ upTo: '', approvals: '6', requiresKetua: true }])).toBeNull();
    expect(readTiers([])).toBeNull();
  });
});

describe('the application form', () => {
  const filled = {
    ...emptyApplicationFields,
    productCode: 'PRODUKTIF',
    amount: '3.000.000',
    installments: '12',
    purpose: 'Modal usaha tenun',
    declaredMonthlyIncome: '4.000.000',
  };

  it('turns a filled form into the POST body, dropping blank guarantor rows', () => {
    const result = readApplicationForm(
      {
        ...filled,
        guarantors: [
          { fullName: ' Yosef Lado ', nik: '5371010101800001', relation: 'Suami' },
          { fullName: '', nik: '', relation: '' },
        ],
        collateral: [
          { kind: 'BPKB', description: 'Motor Honda 2019', estimatedValue: '8.000.000' },
        ],
      },
      product,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        productCode: 'PRODUKTIF',
        amount: '3000000',
        installments: 12,
        purpose: 'Modal usaha tenun',
        declaredMonthlyIncome: '4000000',
        guarantors: [{ fullName: 'Yosef Lado', nik: '5371010101800001', relation: 'Suami' }],
        collateral: [{ kind: 'BPKB', description: 'Motor Honda 2019', estimatedValue: '8000000' }],
      },
    });
  });

  it("refuses an amount outside the product's range and a tenor it does not offer", () => {
    const result = readApplicationForm(
      { ...filled, amount: '25.000.000', installments: '9' },
      product,
    );
    expect(result).toEqual({
      ok: false,
      errors: { amount: 'amountRange', installments: 'tenor' },
    });
  });

  it('names every missing field, and a guarantor whose NIK is not 16 digits', () => {
    const result = readApplicationForm(
      {
        ...emptyApplicationFields,
        guarantors: [{ fullName: 'Maria', nik: '123', relation: 'Ibu' }],
      },
      undefined,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        productCode: 'product',
        amount: 'amount',
        installments: 'tenor',
        purpose: 'purpose',
        declaredMonthlyIncome: 'income',
        'guarantors.0.nik': 'guarantorNik',
      },
    });
  });
});

describe('the installment estimate', () => {
  it('pins the flat example: Rp9,000,000 over 12 months at 1% is Rp840,000', () => {
    const terms = { ...product, adminFeeBps: 0 };
    expect(estimateInstallment(terms, '9000000', 12)).toBe('840000');
  });

  it('adds financed fees to what is lent', () => {
    const terms = { ...product, feeTreatment: 'financed' as const };
    // 9,090,000 lent: 757,500 principal + 90,900 interest.
    expect(estimateInstallment(terms, '9000000', 12)).toBe('848400');
  });

  it('gives the constant anuitas installment', () => {
    const terms = { ...product, adminFeeBps: 0, interestMethod: 'anuitas' as const };
    // 12,000,000 at 1% a month over 12 months: 1,066,185.46… → 1,066,185.
    expect(estimateInstallment(terms, '12000000', 12)).toBe('1066185');
  });

  it('spreads the principal over the installments after the grace period', () => {
    const terms = { ...product, adminFeeBps: 0, graceInstallments: 2 };
    expect(estimateInstallment(terms, '1000000', 12)).toBe('110000');
  });

  it('gives nothing for a blank amount or a tenor swallowed by the grace period', () => {
    expect(estimateInstallment(product, '', 12)).toBeNull();
    expect(estimateInstallment({ ...product, graceInstallments: 12 }, '1000000', 12)).toBeNull();
  });
});

describe('reading a loan', () => {
  it('finds the first installment not yet paid, and what remains on it', () => {
    const schedule = [
      installment({ number: 1, status: 'paid', principalPaid: '750000', interestPaid: '90000' }),
      installment({ number: 2, status: 'partly_paid', interestPaid: '90000' }),
      installment({ number: 3 }),
    ];
    const next = nextInstallment(schedule);
    expect(next?.number).toBe(2);
    expect(next && installmentRemaining(next)).toBe('750000');
    expect(nextInstallment([schedule[0] ?? installment({})])).toBeNull();
  });

  it('counts approvals given toward the tier', () => {
    expect(
      approvalProgress({
        required: 2,
        requiresKetua: true,
        complete: false,
        missing: 1,
        isKetuaMissing: true,
      }),
    ).toEqual({ given: 1, required: 2 });
  });

  it('describes each assessment factor from its locale-neutral value', () => {
    expect(factorValueText('savings_regularity', '8/12')).toEqual({
      key: 'savings_regularity',
      params: { months: '8', of: '12' },
    });
    expect(factorValueText('repayment_history', 'none')?.key).toBe('repayment_history_none');
    expect(factorValueText('repayment_history', '2:14')?.params).toEqual({
      count: '2',
      days: '14',
    });
    expect(factorValueText('repayment_capacity', '2550', 'en')?.params).toEqual({
      percent: '25.5',
    });
    expect(factorValueText('wajib_arrears', 0)?.key).toBe('wajib_arrears_none');
    expect(factorValueText('unknown_factor', '1')).toBeNull();
  });
});

describe('who decides', () => {
  const me = { personId: 'p-ketua', membershipId: 'm-ketua' };
  const open = { status: 'diajukan', membershipId: 'm-anggota', decisions: [] };

  it('lets a decider decide an open application of someone else once', () => {
    const permissions = loanPermissions(['ketua']);
    expect(canDecideApplication(permissions, open, me)).toBe(true);
    expect(
      canDecideApplication(permissions, { ...open, decisions: [{ personId: 'p-ketua' }] }, me),
    ).toBe(false);
    expect(canDecideApplication(permissions, { ...open, membershipId: 'm-ketua' }, me)).toBe(false);
    expect(canDecideApplication(permissions, { ...open, status: 'disetujui' }, me)).toBe(false);
  });

  it('keeps the pengawas and the kasir read-only', () => {
    expect(canDecideApplication(loanPermissions(['pengawas']), open, me)).toBe(false);
    expect(canDecideApplication(loanPermissions(['kasir']), open, me)).toBe(false);
    expect(loanPermissions(['pengawas']).canReadAll).toBe(true);
  });
});
