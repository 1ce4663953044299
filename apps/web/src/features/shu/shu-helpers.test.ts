import { describe, expect, it } from 'vitest';
import {
  currentYearEndStep,
  formulaWithNumbers,
  newComponentFields,
  ratioText,
  readApprovalForm,
  readRulesForm,
  readShuYear,
  rulesFieldsOf,
  shareOfTotalBps,
  stepBlock,
  totalBpsOf,
  type RulesFields,
} from './shu-helpers';
import { shuPermissions } from './shu-roles';
import type { ShuRulesInput } from './shu-types';

const suggested: ShuRulesInput = {
  components: [
    { key: 'cadangan', bps: 3_500 },
    { key: 'jasa_modal', bps: 2_000 },
    { key: 'jasa_usaha', bps: 2_500 },
    { key: 'dana_pengurus_pengawas', bps: 500 },
    { key: 'dana_karyawan', bps: 500 },
    { key: 'dana_pendidikan', bps: 500 },
    { key: 'dana_sosial', bps: 250 },
    { key: 'dana_pembangunan_daerah_kerja', bps: 250 },
  ],
  capitalBase: { kinds: ['pokok', 'wajib'], method: 'year_end_balance' },
  participation: [{ sourceKey: 'loan_interest_paid', weightBps: 10_000 }],
  taxRateBps: 0,
};

function withPercent(fields: RulesFields, key: string, percent: string): RulesFields {
  return {
    ...fields,
    components: fields.components.map((field) =>
      field.key === key ? { ...field, percent } : field,
    ),
  };
}

describe('SHU ratios and years', () => {
  it('shows a member’s base against the total, rounded down, and nothing against a zero total', () => {
    expect(shareOfTotalBps('2000000', '10000000')).toBe(2_000);
    expect(shareOfTotalBps('1', '3')).toBe(3_333);
    expect(shareOfTotalBps('5', '0')).toBeNull();
    expect(ratioText('24000', '84000', 'id')).toBe('28,57 %');
    expect(ratioText('24000', '84000', 'en')).toBe('28.57 %');
    expect(ratioText('0', '0', 'id')).toBe('—');
  });

  it('reads a year from the address and refuses what is not one', () => {
    expect(readShuYear('2025', 2026)).toBe(2025);
    expect(readShuYear('25', 2026)).toBe(2026);
    expect(readShuYear('1999', 2026)).toBe(2026);
    expect(readShuYear(null, 2026)).toBe(2026);
  });

  it('writes the formula with the member’s own numbers, leaving out lines nobody used', () => {
    const text = formulaWithNumbers(
      {
        capital: {
          kinds: ['pokok', 'wajib'],
          method: 'year_end_balance',
          member: '2000000',
          total: '10000000',
          pool: '200000',
          share: '40000',
        },
        participation: [
          {
            sourceKey: 'loan_interest_paid',
            member: '24000',
            total: '84000',
            pool: '250000',
            share: '71428',
          },
          { sourceKey: 'store_purchases', member: '0', total: '0', pool: '0', share: '0' },
        ],
        share: '111428',
      },
      'id',
    );
    expect(text).toBe(
      '(Rp2.000.000 ÷ Rp10.000.000) × Rp200.000 + (Rp24.000 ÷ Rp84.000) × Rp250.000 = Rp111.428',
    );
  });
});

describe('the simulation form', () => {
  it('round-trips the suggested rules, leaving out nothing it was given', () => {
    const fields = rulesFieldsOf(suggested, 'id');
    expect(fields.components).toHaveLength(8);
    expect(fields.participation.map((line) => line.percent)).toEqual(['100', '0', '0', '0', '0']);
    const result = readRulesForm(fields);
    expect(result).toEqual({ ok: true, value: suggested });
  });

  it('reads decimal percentages in either language', () => {
    let fields = rulesFieldsOf(suggested, 'id');
    fields = withPercent(fields, 'dana_sosial', '2,5');
    expect(totalBpsOf(fields.components.map((field) => field.percent))).toBe(10_000);
    fields = withPercent(fields, 'dana_sosial', '2.5');
    expect(readRulesForm(fields).ok).toBe(true);
  });

  it('refuses components that do not add up to exactly 100 %, saying the total', () => {
    const fields = withPercent(rulesFieldsOf(suggested, 'id'), 'cadangan', '40');
    const result = readRulesForm(fields);
    expect(result).toEqual({
      ok: false,
      errors: [{ code: 'components_not_whole', totalBps: 10_500 }],
    });
  });

  it('refuses patronage weights that do not add up to 100 %', () => {
    const fields = rulesFieldsOf(suggested, 'en');
    fields.participation[0] = { sourceKey: 'loan_interest_paid', percent: '60' };
    fields.participation[1] = { sourceKey: 'store_purchases', percent: '30' };
    expect(readRulesForm(fields)).toEqual({
      ok: false,
      errors: [{ code: 'participation_not_whole', totalBps: 9_000 }],
    });
  });

  it('refuses text that is not a percentage, and more than 100 %', () => {
    const fields = withPercent(rulesFieldsOf(suggested, 'id'), 'cadangan', 'tiga lima');
    const result = readRulesForm(fields);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toEqual({ code: 'percent_invalid', field: 'components.0' });
    const tooMuch = withPercent(rulesFieldsOf(suggested, 'id'), 'cadangan', '135');
    expect(readRulesForm(tooMuch).ok).toBe(false);
  });

  it('keeps cadangan at 0 % (the rules must name it) and drops other standard components at 0 %', () => {
    let fields = withPercent(rulesFieldsOf(suggested, 'id'), 'cadangan', '0');
    fields = withPercent(fields, 'jasa_modal', '55');
    const result = readRulesForm(fields);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.components[0]).toEqual({ key: 'cadangan', bps: 0 });
      fields = withPercent(fields, 'dana_sosial', '0');
      fields = withPercent(fields, 'jasa_usaha', '27,5');
      const again = readRulesForm(fields);
      expect(again.ok && again.value.components.some((c) => c.key === 'dana_sosial')).toBe(false);
    }
  });

  it('asks an added component for a valid code, a name and an account', () => {
    const base = withPercent(rulesFieldsOf(suggested, 'id'), 'cadangan', '30');
    const added = { ...newComponentFields(base.components), percent: '5' };
    expect(added.key).toBe('lainnya_1');
    const unnamed = readRulesForm({ ...base, components: [...base.components, added] });
    expect(unnamed).toEqual({
      ok: false,
      errors: [{ code: 'component_needs_account', key: 'lainnya_1' }],
    });
    const badKey = readRulesForm({
      ...base,
      components: [
        ...base.components,
        { ...added, key: 'Dana X', name: 'Dana X', accountCode: '2-1409' },
      ],
    });
    expect(badKey.ok ? [] : badKey.errors.map((error) => error.code)).toEqual(['key_invalid']);
    const named = readRulesForm({
      ...base,
      components: [...base.components, { ...added, name: 'Dana ibadah', accountCode: '2-1409' }],
    });
    expect(named.ok && named.value.components.at(-1)).toEqual({
      key: 'lainnya_1',
      name: 'Dana ibadah',
      accountCode: '2-1409',
      bps: 500,
    });
  });

  it('refuses a repeated key and a capital base without savings kinds', () => {
    const base = rulesFieldsOf(suggested, 'id');
    const result = readRulesForm({
      ...base,
      components: [
        ...base.components,
        { key: 'cadangan', name: '', accountCode: '', percent: '0' },
      ],
      capitalKinds: [],
    });
    expect(result.ok ? [] : result.errors.map((error) => error.code)).toEqual([
      'duplicate_key',
      'capital_kinds_empty',
    ]);
  });
});

describe('the year-end wizard', () => {
  const me = { personId: 'p-1' };

  it('walks close → propose → approve → countersign → post → download by status', () => {
    expect(currentYearEndStep(null, false)).toBe('close');
    expect(currentYearEndStep(null, null)).toBe('propose');
    expect(currentYearEndStep(null, true)).toBe('propose');
    expect(currentYearEndStep({ status: 'superseded' }, true)).toBe('propose');
    expect(currentYearEndStep({ status: 'proposed' }, null)).toBe('approve');
    expect(currentYearEndStep({ status: 'awaiting_countersign' }, null)).toBe('countersign');
    expect(currentYearEndStep({ status: 'approved' }, null)).toBe('post');
    expect(currentYearEndStep({ status: 'posted' }, null)).toBe('download');
  });

  it('lets only the step’s roles act, and only on the current step', () => {
    const dist = { recordedBy: 'p-9' };
    expect(stepBlock('approve', 'approve', ['sekretaris'], me, dist)).toBeNull();
    expect(stepBlock('approve', 'approve', ['manajer'], me, dist)).toBe('role');
    expect(stepBlock('approve', 'approve', ['pengawas'], me, dist)).toBe('role');
    expect(stepBlock('post', 'approve', ['bendahara'], me, dist)).toBe('not_yet');
    expect(stepBlock('propose', 'approve', ['ketua'], me, dist)).toBe('done');
    expect(stepBlock('post', 'post', ['sekretaris'], me, dist)).toBe('role');
    expect(stepBlock('post', 'post', ['bendahara'], me, dist)).toBeNull();
    expect(stepBlock('countersign', 'countersign', ['pengawas'], me, dist)).toBeNull();
    expect(stepBlock('countersign', 'countersign', ['ketua'], me, dist)).toBe('role');
  });

  it('refuses the countersignature of the person who recorded the approval', () => {
    const recordedByMe = { recordedBy: 'p-1' };
    expect(stepBlock('countersign', 'countersign', ['ketua', 'pengawas'], me, recordedByMe)).toBe(
      'same_person',
    );
  });

  it('offers closing beside proposing while nobody knows whether the books are closed', () => {
    expect(stepBlock('close', 'propose', ['bendahara'], me, null, null)).toBeNull();
    expect(stepBlock('close', 'propose', ['sekretaris'], me, null, null)).toBe('role');
    expect(stepBlock('close', 'propose', ['bendahara'], me, null, true)).toBe('done');
    expect(stepBlock('propose', 'close', ['ketua'], me, null, false)).toBe('not_yet');
  });

  it('lets every reader download once posted, and nobody before', () => {
    expect(stepBlock('download', 'download', ['pengawas'], me, null)).toBeNull();
    expect(stepBlock('download', 'download', ['kasir'], me, null)).toBe('role');
    expect(stepBlock('download', 'post', ['ketua'], me, null)).toBe('not_yet');
  });

  it('records the proposal’s pools as approved, and refuses a future date or no minutes', () => {
    const distribution = {
      pools: [
        { key: 'cadangan', name: 'Dana cadangan', amount: '550000', accountCode: '3-1201' },
        { key: 'jasa_modal', name: 'Jasa modal', amount: '200000', accountCode: '2-1401' },
      ],
    };
    expect(
      readApprovalForm(
        { ratDate: '2027-01-09', minutesReference: ' BA-RAT/2027/01 ', hasConfirmedFigures: true },
        distribution,
        '2027-01-10',
      ),
    ).toEqual({
      ok: true,
      value: {
        ratDate: '2027-01-09',
        minutesReference: 'BA-RAT/2027/01',
        approvedPools: [
          { key: 'cadangan', amount: '550000' },
          { key: 'jasa_modal', amount: '200000' },
        ],
      },
    });
    expect(
      readApprovalForm(
        { ratDate: '2027-02-01', minutesReference: 'BA', hasConfirmedFigures: false },
        distribution,
        '2027-01-10',
      ),
    ).toEqual({ ok: false, errors: ['rat_date', 'minutes_reference', 'figures_unconfirmed'] });
  });
});

describe('SHU permissions', () => {
  it('mirrors the server: readers, simulators, pengurus, pengawas, posters and cash tellers', () => {
    expect(shuPermissions(['anggota'])).toEqual({
      canReadAll: false,
      canSimulate: false,
      canPropose: false,
      canCountersign: false,
      canPost: false,
      canCloseYear: false,
      canPayCash: false,
    });
    expect(shuPermissions(['manajer'])).toMatchObject({
      canReadAll: true,
      canSimulate: true,
      canPropose: false,
    });
    expect(shuPermissions(['pengawas'])).toMatchObject({
      canReadAll: true,
      canSimulate: false,
      canCountersign: true,
    });
    expect(shuPermissions(['sekretaris'])).toMatchObject({ canPropose: true, canPost: false });
    expect(shuPermissions(['bendahara'])).toMatchObject({ canPost: true, canCloseYear: true });
    expect(shuPermissions(['kasir']).canReadAll).toBe(false);
    expect(shuPermissions(['kasir']).canPayCash).toBe(true);
    expect(shuPermissions(['sekretaris']).canPayCash).toBe(false);
  });
});
