import { describe, expect, it } from 'vitest';
import { canRescheduleLoan, canSetAutoDebit, loanPermissions } from './loans-roles';
import type { LoanDayEndSettings, LoanInstallment } from './loans-types';
import {
  addDays,
  bandRangeText,
  dayEndSettingsFieldsOf,
  emptyRescheduleFields,
  isDayEndDate,
  readDayEndSettingsForm,
  readRescheduleForm,
  readSelfRepayment,
  suggestedRepayment,
} from './servicing-helpers';

const today = '2026-06-10';

describe('dates', () => {
  it('adds calendar days across months and years', () => {
    expect(addDays('2026-06-10', 90)).toBe('2026-09-08');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('runs the day-end for today or earlier, never the future', () => {
    expect(isDayEndDate('2026-06-10', today)).toBe(true);
    expect(isDayEndDate('2026-05-31', today)).toBe(true);
    expect(isDayEndDate('2026-06-11', today)).toBe(false);
    expect(isDayEndDate('', today)).toBe(false);
  });
});

describe('reschedule form', () => {
  const filled = {
    ...emptyRescheduleFields(today),
    newInstallments: '6',
    reason: 'Panen gagal karena kemarau',
  };

  it("keeps the loan's rate when the rate is left empty", () => {
    expect(readRescheduleForm(filled, today)).toEqual({
      ok: true,
      value: { newInstallments: 6, reason: 'Panen gagal karena kemarau', effectiveDate: today },
    });
  });

  it('sends a new rate in basis points per month', () => {
    const result = readRescheduleForm({ ...filled, newRatePercent: '0,8' }, today);
    expect(result.ok && result.value.newRateBpsPerMonth).toBe(80);
  });

  it('takes an effective date up to 90 days on, and refuses the past and beyond', () => {
    expect(readRescheduleForm({ ...filled, effectiveDate: '2026-09-08' }, today).ok).toBe(true);
    expect(readRescheduleForm({ ...filled, effectiveDate: '2026-09-09' }, today)).toEqual({
      ok: false,
      errors: { effectiveDate: 'date' },
    });
    expect(readRescheduleForm({ ...filled, effectiveDate: '2026-06-09' }, today).ok).toBe(false);
  });

  it('refuses 0 or 241 installments, a short reason and a rate that is not a percentage', () => {
    expect(
      readRescheduleForm(
        { ...filled, newInstallments: '241', reason: 'ok', newRatePercent: 'satu' },
        today,
      ),
    ).toEqual({
      ok: false,
      errors: { newInstallments: 'installments', newRatePercent: 'rate', reason: 'reason' },
    });
    expect(readRescheduleForm({ ...filled, newInstallments: '0' }, today).ok).toBe(false);
  });
});

describe("the member's own repayment", () => {
  const installment = (overrides: Partial<LoanInstallment>): LoanInstallment => ({
    number: 1,
    dueDate: '2026-04-02',
    principal: '100000',
    interest: '12000',
    total: '112000',
    principalOutstandingAfter: '1100000',
    principalPaid: '0',
    interestPaid: '0',
    status: 'upcoming',
    ...overrides,
  });

  it('offers what brings the loan up to date when something is due', () => {
    const position = { amountDue: '118500' } as NonNullable<
      Parameters<typeof suggestedRepayment>[0]['position']
    >;
    expect(suggestedRepayment({ position, schedule: [installment({})] })).toBe('118500');
  });

  it("otherwise offers the next installment's remainder, or nothing when all is paid", () => {
    const position = { amountDue: '0' } as NonNullable<
      Parameters<typeof suggestedRepayment>[0]['position']
    >;
    const partly = installment({ status: 'partly_paid', interestPaid: '12000' });
    expect(suggestedRepayment({ position, schedule: [partly] })).toBe('100000');
    expect(
      suggestedRepayment({ position, schedule: [installment({ status: 'paid' })] }),
    ).toBeNull();
  });

  it('reads the amount and PIN, within sukarela and the payoff amount', () => {
    const limits = { available: '500000', payoffAmount: '1200000' };
    expect(readSelfRepayment({ amount: '112.000', pin: '123456' }, limits)).toEqual({
      ok: true,
      value: { amount: '112000', pin: '123456' },
    });
    expect(readSelfRepayment({ amount: '600.000', pin: '123456' }, limits)).toEqual({
      ok: false,
      errors: { available: true },
    });
    expect(
      readSelfRepayment(
        { amount: '400.000', pin: '12345' },
        { available: '5000000', payoffAmount: '300000' },
      ),
    ).toEqual({ ok: false, errors: { payoff: true, pin: true } });
    expect(
      readSelfRepayment({ amount: '0', pin: '123456' }, { available: null, payoffAmount: null }),
    ).toEqual({ ok: false, errors: { amount: true } });
  });
});

describe('day-end settings form', () => {
  const settings: LoanDayEndSettings = {
    bands: {
      KSP_2009: [
        { collectibility: 'lancar', maxDaysPastDue: 90 },
        { collectibility: 'kurang_lancar', maxDaysPastDue: 180 },
        { collectibility: 'diragukan', maxDaysPastDue: 270 },
        { collectibility: 'macet', maxDaysPastDue: null },
      ],
      OJK_BANK: [
        { collectibility: 'lancar', maxDaysPastDue: 0 },
        { collectibility: 'dalam_perhatian_khusus', maxDaysPastDue: 90 },
        { collectibility: 'kurang_lancar', maxDaysPastDue: 120 },
        { collectibility: 'diragukan', maxDaysPastDue: 180 },
        { collectibility: 'macet', maxDaysPastDue: null },
      ],
    },
    allowanceRatesBps: {
      KSP_2009: {
        lancar: 0,
        dalam_perhatian_khusus: 0,
        kurang_lancar: 5000,
        diragukan: 7500,
        macet: 10000,
      },
      OJK_BANK: {
        lancar: 100,
        dalam_perhatian_khusus: 500,
        kurang_lancar: 1500,
        diragukan: 5000,
        macet: 10000,
      },
    },
    isDefault: true,
  };

  it('round-trips the settings through the form unchanged', () => {
    const fields = dayEndSettingsFieldsOf(settings, 'id');
    expect(fields.KSP_2009[1]).toEqual({
      collectibility: 'kurang_lancar',
      maxDaysPastDue: '180',
      ratePercent: '50',
    });
    expect(fields.OJK_BANK[0]?.ratePercent).toBe('1');
    const { isDefault: _isDefault, ...request } = settings;
    expect(readDayEndSettingsForm(fields, settings)).toEqual({ ok: true, value: request });
  });

  it('reads a changed band and rate, keeping the DPK rate KSP_2009 does not list', () => {
    const fields = dayEndSettingsFieldsOf(settings, 'en');
    fields.KSP_2009[0] = { collectibility: 'lancar', maxDaysPastDue: '60', ratePercent: '0.5' };
    const result = readDayEndSettingsForm(fields, settings);
    expect(result.ok && result.value.bands.KSP_2009[0]).toEqual({
      collectibility: 'lancar',
      maxDaysPastDue: 60,
    });
    expect(result.ok && result.value.allowanceRatesBps.KSP_2009).toMatchObject({
      lancar: 50,
      dalam_perhatian_khusus: 0,
    });
  });

  it('refuses bands that do not rise and rates above 100%', () => {
    const fields = dayEndSettingsFieldsOf(settings, 'id');
    fields.OJK_BANK[2] = { ...fields.OJK_BANK[2]!, maxDaysPastDue: '90' };
    fields.KSP_2009[3] = { ...fields.KSP_2009[3]!, ratePercent: '101' };
    expect(readDayEndSettingsForm(fields, settings)).toEqual({
      ok: false,
      errors: { 'OJK_BANK.2.days': 'days', 'KSP_2009.3.rate': 'rate' },
    });
  });

  it('shows each band as the day range it covers', () => {
    const bands = settings.bands.OJK_BANK;
    expect([0, 1, 2, 4].map((index) => bandRangeText(bands, index))).toEqual([
      '0',
      '1–90',
      '91–120',
      '> 180',
    ]);
  });
});

describe('who reschedules and who switches auto-debit', () => {
  const running = { status: 'aktif', membershipId: 'borrower' };

  it('lets the board and the manajer reschedule a running loan, never their own', () => {
    const manajer = loanPermissions(['manajer']);
    expect(canRescheduleLoan(manajer, running, { membershipId: 'officer' })).toBe(true);
    expect(canRescheduleLoan(manajer, running, { membershipId: 'borrower' })).toBe(false);
    expect(canRescheduleLoan(manajer, { ...running, status: 'lunas' }, { membershipId: 'x' })).toBe(
      false,
    );
    expect(canRescheduleLoan(loanPermissions(['kasir']), running, { membershipId: 'x' })).toBe(
      false,
    );
  });

  it('lets the borrower or a kasir, bendahara or manajer switch auto-debit, not the pengawas', () => {
    expect(
      canSetAutoDebit(loanPermissions(['anggota']), running, { membershipId: 'borrower' }),
    ).toBe(true);
    expect(canSetAutoDebit(loanPermissions(['kasir']), running, { membershipId: 'x' })).toBe(true);
    expect(canSetAutoDebit(loanPermissions(['pengawas']), running, { membershipId: 'x' })).toBe(
      false,
    );
    expect(
      canSetAutoDebit(
        loanPermissions(['kasir']),
        { ...running, status: 'disetujui' },
        {
          membershipId: 'x',
        },
      ),
    ).toBe(false);
  });
});
