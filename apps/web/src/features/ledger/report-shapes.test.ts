import { describe, expect, it } from 'vitest';
import {
  chainFromCheckpoints,
  humanizeKey,
  normalizeEquityMatrix,
  normalizeHighlights,
  normalizeStatement,
} from './report-shapes';

const hash = 'a'.repeat(64);

const periods = {
  current: { from: '2026-10-01', to: '2026-10-31' },
  prior: { from: '2026-09-01', to: '2026-09-30' },
};
const pair = (current: string, prior: string) => ({ current, prior });
const line = (code: string, label: string, current: string, prior: string) => ({
  key: code,
  accountCode: code,
  label,
  amount: pair(current, prior),
});

describe('normalizeStatement', () => {
  it('reads a balance sheet: keyed groups of sections, totals, a summary and a check', () => {
    const view = normalizeStatement(
      {
        periods,
        asOf: { current: '2026-10-31', prior: '2026-09-30' },
        fiscalYearStartMonth: 1,
        assets: {
          sections: [
            {
              key: 'aset_lancar',
              label: 'Aset lancar',
              lines: [line('1-1101', 'Kas', '9007199254740993', '245008000')],
              total: pair('9007199254740993', '245008000'),
            },
          ],
          total: pair('9007199254740993', '245008000'),
        },
        equity: {
          key: 'ekuitas',
          label: 'Ekuitas',
          lines: [line('3-1101', 'Simpanan pokok', '12700000', '12700000')],
          total: pair('12700000', '12700000'),
        },
        liabilitiesAndEquity: pair('410842000', '394408000'),
        isBalanced: true,
      },
      'id',
    );
    expect(view?.current).toEqual({ kind: 'date', date: '2026-10-31' });
    expect(view?.prior).toEqual({ kind: 'date', date: '2026-09-30' });
    expect(view?.checks).toEqual([{ key: 'isBalanced', isOk: true }]);
    expect(
      view?.rows.map((row) => [
        row.kind,
        row.depth,
        row.label ?? row.labelKey,
        row.code,
        row.amount,
        row.priorAmount,
      ]),
    ).toEqual([
      ['heading', 0, 'assets', null, null, null],
      ['heading', 1, 'Aset lancar', null, null, null],
      ['line', 2, 'Kas', '1-1101', '9007199254740993', '245008000'],
      ['total', 1, 'Aset lancar', null, '9007199254740993', '245008000'],
      ['total', 0, 'assets', null, '9007199254740993', '245008000'],
      ['heading', 0, 'Ekuitas', null, null, null],
      ['line', 1, 'Simpanan pokok', '3-1101', '12700000', '12700000'],
      ['total', 0, 'Ekuitas', null, '12700000', '12700000'],
      ['summary', 0, 'liabilitiesAndEquity', null, '410842000', '394408000'],
    ]);
  });

  it('reads an income statement with a section without lines and negative amounts', () => {
    const view = normalizeStatement(
      {
        periods,
        revenue: {
          member: {
            key: 'partisipasi_anggota',
            label: 'Partisipasi anggota',
            lines: [line('4-1201', 'Pendapatan jasa pinjaman', '2040000', '1610000')],
            total: pair('2040000', '1610000'),
          },
          nonMember: {
            key: 'pendapatan_non_anggota',
            label: 'Pendapatan dari non-anggota',
            lines: [],
            total: pair('0', '0'),
          },
          total: pair('2040000', '1610000'),
        },
        shuAfterTax: pair('-1806000', '-2237000'),
      },
      'id',
    );
    expect(view?.current).toEqual({ kind: 'range', from: '2026-10-01', to: '2026-10-31' });
    expect(
      view?.rows.map((row) => [row.kind, row.depth, row.label ?? row.labelKey, row.amount]),
    ).toEqual([
      ['heading', 0, 'revenue', null],
      ['heading', 1, 'Partisipasi anggota', null],
      ['line', 2, 'Pendapatan jasa pinjaman', '2040000'],
      ['total', 1, 'Partisipasi anggota', '2040000'],
      ['line', 1, 'Pendapatan dari non-anggota', '0'],
      ['total', 0, 'revenue', '2040000'],
      ['summary', 0, 'shuAfterTax', '-1806000'],
    ]);
  });

  it('reads cash-flow activities with receipts and payments under their own headings', () => {
    const view = normalizeStatement(
      {
        periods,
        activities: [
          {
            activity: 'operating',
            label: 'Arus kas dari aktivitas operasi',
            inflows: [
              {
                key: 'inflow:jasa',
                accountCode: null,
                label: 'Penerimaan jasa',
                amount: pair('5', '4'),
              },
            ],
            outflows: [
              {
                key: 'outflow:beban',
                accountCode: null,
                label: 'Pembayaran beban',
                amount: pair('-3', '-2'),
              },
            ],
            net: pair('2', '2'),
          },
        ],
        netChange: pair('2', '2'),
        isReconciled: false,
      },
      'en',
    );
    expect(view?.checks).toEqual([{ key: 'isReconciled', isOk: false }]);
    expect(
      view?.rows.map((row) => [row.kind, row.depth, row.label ?? row.labelKey, row.amount]),
    ).toEqual([
      ['heading', 0, 'Arus kas dari aktivitas operasi', null],
      ['heading', 1, 'inflows', null],
      ['line', 2, 'Penerimaan jasa', '5'],
      ['heading', 1, 'outflows', null],
      ['line', 2, 'Pembayaran beban', '-3'],
      ['total', 0, 'Arus kas dari aktivitas operasi', '2'],
      ['summary', 0, 'netChange', '2'],
    ]);
  });

  it('accepts plainer shapes: a list of sections with amount and prior fields', () => {
    const view = normalizeStatement(
      {
        period: '2026-03',
        priorPeriod: '2026-02',
        sections: [
          {
            name: { id: 'Aset', en: 'Assets' },
            lines: [{ code: '1-1101', name: 'Kas', amount: '150000', priorAmount: '0' }],
            total: '150000',
          },
        ],
      },
      'en',
    );
    expect(view?.current).toEqual({ kind: 'period', period: '2026-03' });
    expect(view?.prior).toEqual({ kind: 'period', period: '2026-02' });
    expect(view?.rows.map((row) => [row.kind, row.label, row.amount, row.priorAmount])).toEqual([
      ['heading', 'Assets', null, null],
      ['line', 'Kas', '150000', '0'],
      ['total', 'Assets', '150000', null],
    ]);
  });

  it('gives up on shapes it cannot read, so the screen can show the raw data', () => {
    expect(normalizeStatement({ message: 'hello' }, 'id')).toBeNull();
    expect(normalizeStatement(null, 'id')).toBeNull();
    expect(normalizeStatement('text', 'id')).toBeNull();
  });
});

describe('normalizeEquityMatrix', () => {
  const row = (pokok: string, total: string) => ({ simpananPokok: pokok, total });

  it('reads columns and the rows of both periods', () => {
    const matrix = normalizeEquityMatrix(
      {
        periods,
        columns: [
          { key: 'simpananPokok', label: 'Simpanan pokok' },
          { key: 'total', label: 'Jumlah' },
        ],
        current: { period: periods.current, opening: row('10', '10'), closing: row('12', '12') },
        prior: { period: periods.prior, opening: row('9', '9'), closing: row('10', '10') },
      },
      'id',
    );
    expect(matrix?.columns).toEqual([
      { key: 'simpananPokok', label: 'Simpanan pokok' },
      { key: 'total', label: 'Jumlah' },
    ]);
    expect(matrix?.blocks[0]).toEqual({
      which: 'current',
      period: periods.current,
      rows: [
        { key: 'opening', values: ['10', '10'] },
        { key: 'closing', values: ['12', '12'] },
      ],
    });
    expect(matrix?.blocks[1]?.which).toBe('prior');
  });

  it('leaves statements without columns to the section reader', () => {
    expect(normalizeEquityMatrix({ periods, assets: {} }, 'id')).toBeNull();
  });
});

describe('normalizeHighlights', () => {
  it('reads an object of figures and the chain marks', () => {
    const view = normalizeHighlights(
      {
        asOf: '2026-03-31',
        highlights: { memberCount: 127, totalAssets: '9007199254740993', growthPercent: 12 },
        latestCheckpoint: { checkpointDate: '2026-03-30', headHash: hash, entryCount: 42 },
        head: { lastSequence: 43, lastHash: 'b'.repeat(64) },
      },
      'id',
    );
    expect(view.asOf).toBe('2026-03-31');
    expect(view.cards).toEqual([
      { key: 'memberCount', label: null, value: '127', unit: 'count', details: [] },
      { key: 'totalAssets', label: null, value: '9007199254740993', unit: 'rupiah', details: [] },
      { key: 'growthPercent', label: null, value: '12', unit: 'percent', details: [] },
    ]);
    expect(view.checkpoint).toEqual({
      kind: 'checkpoint',
      hash,
      date: '2026-03-30',
      entryCount: 42,
      lastSequence: null,
    });
    expect(view.liveHead?.hash).toBe('b'.repeat(64));
    expect(view.liveHead?.lastSequence).toBe(43);
  });

  it('reads a list of labelled figures', () => {
    const view = normalizeHighlights(
      {
        highlights: [
          { key: 'savings', label: { id: 'Simpanan', en: 'Savings' }, value: '250000' },
          { key: 'members', label: 'Anggota', value: 120, unit: 'count' },
        ],
        checkpoint: null,
        head: { lastSequence: 1, lastHash: hash },
      },
      'en',
    );
    expect(view.cards).toEqual([
      { key: 'savings', label: 'Savings', value: '250000', unit: 'rupiah', details: [] },
      { key: 'members', label: 'Anggota', value: '120', unit: 'count', details: [] },
    ]);
    expect(view.checkpoint).toBeNull();
    expect(view.liveHead?.hash).toBe(hash);
  });

  it('reads the highlights the server sends: breakdowns, paired figures, no dates', () => {
    const view = normalizeHighlights(
      {
        asOf: '2026-11-27',
        month: { from: '2026-11-01', to: '2026-11-30' },
        fiscalYearStart: '2026-01-01',
        totalAssets: '410842000',
        memberSavings: {
          total: '186405000',
          lines: [
            { accountCode: '2-1201', label: 'Simpanan sukarela', amount: '145055000' },
            { accountCode: '3-1101', label: 'Simpanan pokok', amount: '12700000' },
          ],
        },
        outstandingMemberLoans: '65000000',
        memberParticipation: { month: '0', yearToDate: '13900000' },
        currentYearShu: '-25563000',
        latestCheckpoint: {
          checkpointDate: '2026-11-27',
          lastSequence: 1928,
          headHash: hash,
          entryCount: 1928,
        },
        head: { lastSequence: 1929, lastHash: 'd'.repeat(64) },
      },
      'id',
    );
    expect(view.asOf).toBe('2026-11-27');
    expect(view.cards.map((card) => [card.key, card.value, card.unit])).toEqual([
      ['totalAssets', '410842000', 'rupiah'],
      ['memberSavings', '186405000', 'rupiah'],
      ['outstandingMemberLoans', '65000000', 'rupiah'],
      ['memberParticipationMonth', '0', 'rupiah'],
      ['memberParticipationYearToDate', '13900000', 'rupiah'],
      ['currentYearShu', '-25563000', 'rupiah'],
    ]);
    expect(view.cards[1]?.details).toEqual([
      { label: 'Simpanan sukarela', value: '145055000' },
      { label: 'Simpanan pokok', value: '12700000' },
    ]);
    expect(view.checkpoint).toEqual({
      kind: 'checkpoint',
      hash,
      date: '2026-11-27',
      entryCount: 1928,
      lastSequence: 1928,
    });
    expect(view.liveHead?.lastSequence).toBe(1929);
  });

  it('returns an empty view for anything else', () => {
    expect(normalizeHighlights(undefined, 'id')).toEqual({
      asOf: null,
      cards: [],
      checkpoint: null,
      liveHead: null,
    });
  });
});

describe('chainFromCheckpoints', () => {
  it('takes the newest checkpoint and the live head', () => {
    const chain = chainFromCheckpoints({
      items: [{ checkpointDate: '2026-03-30', headHash: hash, entryCount: 3, lastSequence: 3 }],
      head: { lastSequence: 4, lastHash: 'c'.repeat(64), debitTotal: '10' },
      nextCursor: null,
    });
    expect(chain.checkpoint?.hash).toBe(hash);
    expect(chain.checkpoint?.entryCount).toBe(3);
    expect(chain.liveHead?.hash).toBe('c'.repeat(64));
  });

  it('has no marks before the first entry', () => {
    expect(chainFromCheckpoints({ items: [], head: null })).toEqual({
      checkpoint: null,
      liveHead: null,
    });
  });
});

it('humanizes keys', () => {
  expect(humanizeKey('totalAssets')).toBe('Total assets');
  expect(humanizeKey('shu_tahun_berjalan')).toBe('Shu tahun berjalan');
});
