import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '../../src/platform/db/database.js';
import {
  closeFiscalYear,
  createCheckpoint,
  listAccounts,
  openMemberSubAccount,
  postJournalEntries,
  type EntryInput,
} from '../../src/modules/ledger/index.js';
import type {
  BalanceSheetView,
  CashFlowView,
  EquityChangesView,
  HighlightsView,
  IncomeStatementView,
} from '@lumbung/shared/contracts/statements';
import { createTestApp, type TestApp } from '../harness/app.js';
import { givenCooperative, givenMember, givenOfficer, signIn } from '../harness/builders.js';

/**
 * The journal of statements.test.ts, posted for real: members' savings and loans go to their
 * sub-accounts, 2025 is closed into SHU tahun berjalan, and a checkpoint is published after
 * February. The test clock stands at 2026-03-02.
 */
const through = [
  '2025-06-01 | 1-1101 Dr 10_000_000 | 3-1101.001 Cr 1_000_000 | 3-1102.001 Cr 2_000_000 | 3-1103 Cr 7_000_000',
  '2025-07-01 | 1-1603 Dr 6_000_000 | 1-1101 Cr 6_000_000',
  '2025-08-01 | 1-1310.001 Dr 3_000_000 | 1-1101 Cr 3_000_000',
  '2025-12-01 | 1-1101 Dr 500_000 | 4-1201 Cr 500_000',
  '2025-12-15 | 5-2201 Dr 200_000 | 1-1101 Cr 200_000',
  '2026-01-10 | 1-1101 Dr 400_000 | 4-1201 Cr 400_000',
  '2026-02-05 | 1-1101 Dr 1_000_000 | 2-1201.001 Cr 1_000_000',
  '2026-02-10 | 5-2301 Dr 100_000 | 1-1699 Cr 100_000',
  '2026-02-20 | 1-1201 Dr 2_000_000 | 1-1101 Cr 2_000_000',
];
const march = [
  '2026-03-02 | 1-1101 Dr 1_100_000 | 1-1310.001 Cr 1_000_000 | 4-1201 Cr 100_000',
  '2026-03-05 | 1-1101 Dr 250_000 | 4-1301 Cr 250_000',
  '2026-03-10 | 2-1201.001 Dr 300_000 | 1-1101 Cr 298_000 | 4-1301 Cr 2_000',
  '2026-03-15 | 5-2401 Dr 150_000 | 1-1201 Cr 150_000',
  '2026-03-20 | 5-2501 Dr 50_000 | 1-1319 Cr 50_000',
  '2026-03-25 | 1-1101 Dr 100_000 | 3-1102.001 Cr 100_000',
  '2026-03-28 | 3-1302 Dr 120_000 | 3-1201 Cr 120_000',
  '2026-03-31 | 5-2901 Dr 30_000 | 2-1301 Cr 30_000',
  '2026-03-31 | 1-1201 Dr 500_000 | 2-2101 Cr 500_000',
];

const now = new Date('2026-03-02T02:00:00Z');

function entriesOf(texts: string[], idOf: Map<string, string>, batch: string): EntryInput[] {
  return texts.map((text, index) => {
    const [businessDate = '', ...lines] = text.split('|').map((part) => part.trim());
    return {
      businessDate,
      sourceType: 'test.statements',
      sourceId: `${batch}-${index}`,
      memo: `Transaksi uji ${batch} ${index + 1}`,
      idempotencyKey: `test.statements:${batch}-${index}`,
      lines: lines.map((line) => {
        const [code = '', side, amount = ''] = line.split(' ');
        const accountId = idOf.get(code);
        if (!accountId) throw new Error(`no account ${code}`);
        return {
          accountId,
          side: side === 'Dr' ? ('debit' as const) : ('credit' as const),
          amount: BigInt(amount.replaceAll('_', '')),
        };
      }),
    };
  });
}

async function postTheJournal(db: Database, cooperativeId: string) {
  await withTenant(db, cooperativeId, async (tx) => {
    const ctx = { tx, cooperativeId, now };
    const accounts = await listAccounts(ctx, { includeSubAccounts: false });
    const idOf = new Map(accounts.map((account) => [account.code, account.id]));
    const membershipId = randomUUID();
    for (const controlCode of ['1-1310', '2-1201', '3-1101', '3-1102']) {
      const sub = await openMemberSubAccount(ctx, {
        controlCode,
        membershipId,
        memberNumber: '001',
        memberName: 'Ani Wulandari',
      });
      idOf.set(sub.code, sub.id);
    }
    await postJournalEntries(ctx, entriesOf(through, idOf, 'through-february'));
    await createCheckpoint(ctx, { checkpointDate: '2026-02-28' });
    await postJournalEntries(ctx, entriesOf(march, idOf, 'march'));
    await closeFiscalYear(
      { ...ctx, actorPersonId: null },
      { fiscalYearStart: '2025-01-01', fiscalYearEnd: '2025-12-31' },
    );
  });
}

describe('financial statements API', () => {
  let test: TestApp;
  let cooperativeId: string;
  let treasurerToken: string;
  let memberToken: string;
  let member: Awaited<ReturnType<typeof givenMember>>;
  let dinasHereToken: string;
  let dinasElsewhereToken: string;

  beforeAll(async () => {
    test = await createTestApp();
    cooperativeId = (await givenCooperative(test.db, { name: 'Kopdit Sikka Sejahtera' })).id;
    treasurerToken = await signIn(
      test,
      await givenMember(test.db, cooperativeId, ['anggota', 'bendahara']),
    );
    member = await givenMember(test.db, cooperativeId, ['anggota']);
    memberToken = await signIn(test, member);
    dinasHereToken = await signIn(test, await givenOfficer(test.db, 'dinas', ['53']));
    dinasElsewhereToken = await signIn(test, await givenOfficer(test.db, 'dinas', ['52']));
    await postTheJournal(test.db, cooperativeId);
  });
  afterAll(() => test.drop());

  const report = (path: string, token = treasurerToken) =>
    test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${cooperativeId}/reports/${path}`,
      token,
    });
  const sectionAmounts = (section: {
    lines: { label: string; amount: { current: string; prior: string } }[];
  }) => Object.fromEntries(section.lines.map((line) => [line.label, line.amount]));

  it('answers a balanced Laporan Posisi Keuangan for March beside February', async () => {
    const response = await report('balance-sheet?period=2026-03');
    expect(response.statusCode).toBe(200);
    const sheet = response.json() as BalanceSheetView;
    expect(sheet).toMatchObject({
      periods: {
        current: { from: '2026-03-01', to: '2026-03-31' },
        prior: { from: '2026-02-01', to: '2026-02-28' },
      },
      assets: { total: { current: '12052000', prior: '11600000' } },
      liabilities: { total: { current: '1230000', prior: '1000000' } },
      equity: { total: { current: '10822000', prior: '10600000' } },
      liabilitiesAndEquity: { current: '12052000', prior: '11600000' },
      isBalanced: true,
    });
    expect(sectionAmounts(sheet.assets.sections[0] ?? { lines: [] })).toMatchObject({
      'Piutang pinjaman anggota': { current: '2000000', prior: '3000000' },
      'Cadangan kerugian piutang': { current: '-50000', prior: '0' },
    });
    // 2025 was closed into SHU tahun berjalan (3-1301); the split by fiscal year stays the same.
    expect(sectionAmounts(sheet.equity)).toMatchObject({
      'SHU tahun lalu belum dibagi': { current: '180000', prior: '300000' },
      'SHU tahun berjalan': { current: '422000', prior: '300000' },
    });
  });

  it('defaults to the current month of the clock', async () => {
    const response = await report('income-statement');
    expect(response.json()).toMatchObject({
      periods: { current: { from: '2026-03-01', to: '2026-03-31' } },
    });
  });

  it('splits partisipasi anggota from pendapatan dari non-anggota in the Laporan Hasil Usaha', async () => {
    const statement = (
      await report('income-statement?period=2026-03')
    ).json() as IncomeStatementView;
    expect(statement).toMatchObject({
      revenue: {
        member: { total: { current: '100000', prior: '0' } },
        nonMember: { total: { current: '252000', prior: '0' } },
      },
      totalExpenses: { current: '200000', prior: '100000' },
      shuBeforeTax: { current: '152000', prior: '-100000' },
      tax: { total: { current: '30000', prior: '0' } },
      shuAfterTax: { current: '122000', prior: '-100000' },
    });
  });

  it('still shows a closed year’s last month with its revenue and expenses', async () => {
    const statement = (await report('income-statement?period=2025-12')).json();
    expect(statement).toMatchObject({
      revenue: { member: { total: { current: '500000' } } },
      totalExpenses: { current: '200000' },
      shuAfterTax: { current: '300000', prior: '0' },
    });
  });

  it('closes the Laporan Perubahan Ekuitas on the balance sheet’s equity', async () => {
    const changes = (await report('equity-changes?period=2026-03')).json() as EquityChangesView;
    expect(changes.current).toMatchObject({
      opening: { shu: '600000', total: '10600000' },
      additions: { simpananWajib: '100000', cadangan: '120000' },
      reductions: { shu: '-120000' },
      shuOfPeriod: { shu: '122000' },
      closing: { simpananWajib: '2100000', cadangan: '120000', shu: '602000', total: '10822000' },
    });
  });

  it('builds the Laporan Arus Kas from the cash lines’ counterparts and reconciles it', async () => {
    const statement = (await report('cash-flow?period=2026-03')).json() as CashFlowView;
    expect(statement).toMatchObject({
      openingCash: { current: '2700000', prior: '1700000' },
      netChange: { current: '1502000', prior: '1000000' },
      closingCash: { current: '4202000', prior: '2700000' },
      isReconciled: true,
    });
    const [operating, investing, financing] = statement.activities;
    assert(operating && investing && financing, 'three activities');
    expect(sectionAmounts({ lines: [...operating.inflows, ...operating.outflows] })).toEqual({
      'Penerimaan angsuran pinjaman anggota': { current: '1000000', prior: '0' },
      'Penerimaan jasa, administrasi dan denda pinjaman': { current: '100000', prior: '0' },
      'Penerimaan pendapatan lain-lain': { current: '252000', prior: '0' },
      'Pembayaran beban perkoperasian': { current: '-150000', prior: '0' },
    });
    expect(investing.net).toEqual({ current: '0', prior: '0' });
    // The kas → bank transfer of February moves no cash in or out and is left out.
    expect(sectionAmounts({ lines: [...financing.inflows, ...financing.outflows] })).toEqual({
      'Penerimaan pinjaman jangka panjang': { current: '500000', prior: '0' },
      'Penerimaan simpanan sukarela, berjangka dan dompet anggota': {
        current: '0',
        prior: '1000000',
      },
      'Penerimaan simpanan wajib': { current: '100000', prior: '0' },
      'Penarikan simpanan sukarela, berjangka dan dompet anggota': {
        current: '-300000',
        prior: '0',
      },
    });
  });

  it('prints the statements as PDF and XLSX attachments', async () => {
    const pdf = await report('balance-sheet?period=2026-03&format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      'attachment; filename="laporan-posisi-keuangan-2026-03.pdf"',
    );
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    for (const path of ['income-statement', 'equity-changes', 'cash-flow']) {
      const response = await report(`${path}?period=2026-03&format=pdf`);
      expect(response.rawPayload.subarray(0, 4).toString(), path).toBe('%PDF');
    }
    const xlsx = await report('cash-flow?from=2026-03-01&to=2026-03-15&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="laporan-arus-kas-2026-03-01_2026-03-15.xlsx"',
    );
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a malformed period with field paths', async () => {
    for (const query of ['period=2026-13', 'from=2026-03-01', 'from=2026-03-31&to=2026-03-01']) {
      const response = await report(`balance-sheet?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ code: 'request.invalid' });
    }
  });

  it('shows every member "Koperasi dalam angka" and the checkpoint, with no personal data', async () => {
    const response = await report('highlights', memberToken);
    expect(response.statusCode).toBe(200);
    const highlights = response.json() as HighlightsView;
    expect(highlights).toMatchObject({
      asOf: '2026-03-02',
      month: { from: '2026-03-01', to: '2026-03-31' },
      fiscalYearStart: '2026-01-01',
      totalAssets: '11700000',
      memberSavings: { total: '4000000' },
      outstandingMemberLoans: '2000000',
      memberParticipation: { month: '100000', yearToDate: '500000' },
      currentYearShu: '400000',
      latestCheckpoint: { checkpointDate: '2026-02-28', lastSequence: 9, entryCount: 9 },
      head: { lastSequence: 19 },
    });
    expect(highlights.latestCheckpoint?.headHash).not.toBe(highlights.head?.lastHash);
    const body = response.body;
    for (const personal of ['Ani', member.nik, member.phone]) expect(body).not.toContain(personal);
    const officer = await report('highlights', dinasHereToken);
    expect(officer.json()).toEqual(highlights);
  });

  it('keeps the statements from a plain member and from a dinas officer of another region', async () => {
    expect((await report('balance-sheet', memberToken)).statusCode).toBe(403);
    expect((await report('cash-flow?format=pdf', memberToken)).statusCode).toBe(403);
    expect((await report('balance-sheet', dinasElsewhereToken)).statusCode).toBe(403);
    expect((await report('highlights', dinasElsewhereToken)).statusCode).toBe(403);
    expect((await report('balance-sheet?period=2026-03', dinasHereToken)).statusCode).toBe(200);
  });
});
