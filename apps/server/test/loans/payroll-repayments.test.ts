import writeExcelFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitPayrollRepayment } from '../../src/modules/loans/commands/repay-loan-from-payroll.js';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { ledgerStateOf } from '../harness/ledger-fixtures.js';
import {
  givenBorrower,
  givenLendingCooperative,
  loansApi,
  verifyLedger,
} from './loans-fixtures.js';
import { givenPlainFlatProduct, givenRunningLoan } from './reschedule-fixtures.js';

interface ImportReport {
  counts: { posted: number; alreadyPosted: number; refused: number; skipped: number };
  totalPosted: string;
  rows: {
    memberNumber: string | null;
    status: string;
    code: string | null;
    postings: { kind: string; amount: string; status: string }[];
    repayment: {
      amount: string;
      status: string;
      code: string | null;
      message: { id: string; en: string } | null;
      params: Record<string, string>;
      loans: { loanId: string; amount: string; interest: string; principal: string }[];
    } | null;
  }[];
}

const day = 24 * 60 * 60 * 1000;
const header = 'nomor_anggota,nama,periode,simpanan_wajib,simpanan_sukarela,angsuran_pinjaman';
const csvOf = (rows: string[][]) =>
  Buffer.from([header, ...rows.map((row) => row.join(','))].join('\r\n') + '\r\n', 'utf8');

describe('payroll deductions repay loans (wajib and angsuran in one file)', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenLendingCooperative>>;
  let members: Record<
    'one' | 'two' | 'none' | 'onlyLoan' | 'small',
    { memberNumber: string; membershipId: string }
  >;
  const loans = { one: '', twoOlder: '', twoNewer: '', small: '' };

  const upload = (body: {
    fileName: string;
    period: string;
    format: 'csv' | 'xlsx';
    content: Buffer;
  }) =>
    test.request({
      method: 'POST',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/payroll-imports`,
      token: coop.bendahara.token,
      idempotencyKey: newIdempotencyKey(),
      payload: { ...body, contentBase64: body.content.toString('base64') },
    });

  async function borrower() {
    const member = await givenBorrower(test, coop.cooperativeId);
    if (!member.memberNumber) throw new Error('an aktif member has a number');
    return { memberNumber: member.memberNumber, membershipId: member.membershipId };
  }
  const lend = (membershipId: string, amount: bigint, installments: number, hour = '02') =>
    givenRunningLoan(test.db, coop.cooperativeId, {
      membershipId,
      amount,
      installments,
      officerPersonId: coop.bendahara.personId,
      approverPersonId: coop.manajer.personId,
      now: new Date(`2026-03-02T${hour}:00:00Z`),
    });

  /** April's file: one loan paid, two loans split, no loan, only a refused angsuran, too much. */
  const aprilRows = () => [
    [members.one.memberNumber, '', '2026-04', '25000', '', '112.000'],
    [members.two.memberNumber, '', '2026-04', '25000', '', '300000'],
    [members.none.memberNumber, '', '2026-04', '25000', '', '50000'],
    [members.onlyLoan.memberNumber, '', '2026-04', '0', '', '50000'],
    [members.small.memberNumber, '', '2026-04', '25000', '', '500000'],
  ];

  beforeAll(async () => {
    test = await createTestApp({
      env: { LUMBUNG_LOGIN_RATE_PER_MINUTE: '10000', LUMBUNG_SESSION_TTL_HOURS: '8760' },
    });
    coop = await givenLendingCooperative(test);
    await givenPlainFlatProduct(test.db, coop.cooperativeId, coop.manajer.personId);
    members = {
      one: await borrower(),
      two: await borrower(),
      none: await borrower(),
      onlyLoan: await borrower(),
      small: await borrower(),
    };
    // All disbursed 2026-03-02, the first installments due 2026-04-02.
    loans.one = (await lend(members.one.membershipId, 1_200_000n, 12)).id;
    loans.twoOlder = (await lend(members.two.membershipId, 600_000n, 6)).id;
    // Disbursed an hour later the same day: the newer of the two.
    loans.twoNewer = (await lend(members.two.membershipId, 1_200_000n, 12, '03')).id;
    loans.small = (await lend(members.small.membershipId, 100_000n, 6)).id;
    test.clock.advance(31 * day); // 2026-04-02: the payroll arrives on the due date
  });
  afterAll(() => test.drop());

  it('splits an angsuran over two loans: what is due on each first, then the next installment, oldest first', () => {
    const older = { dueToday: 106_000n, throughNextInstallment: 212_000n, payoffAmount: 612_000n };
    const newer = {
      dueToday: 112_000n,
      throughNextInstallment: 224_000n,
      payoffAmount: 1_212_000n,
    };
    expect(splitPayrollRepayment(300_000n, [older, newer])).toEqual({
      shares: [188_000n, 112_000n],
      excess: 0n,
    });
    expect(splitPayrollRepayment(200_000n, [older, newer])).toEqual({
      shares: [106_000n, 94_000n],
      excess: 0n,
    });
    expect(splitPayrollRepayment(2_000_000n, [older, newer])).toEqual({
      shares: [612_000n, 1_212_000n],
      excess: 176_000n,
    });
  });

  it('posts wajib and repayments from a CSV, and reports a refused angsuran on its row', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const response = await upload({
      fileName: 'potongan-april.csv',
      period: '2026-04',
      format: 'csv',
      content: csvOf(aprilRows()),
    });
    expect(response.statusCode).toBe(201);
    const report = response.json<ImportReport>();
    expect(report.counts).toEqual({ posted: 4, alreadyPosted: 0, refused: 1, skipped: 0 });
    // Wajib 4 × Rp25,000 and angsuran Rp112,000 + Rp300,000 reached the bank.
    expect(report.totalPosted).toBe('512000');
    const [one, two, none, onlyLoan, small] = report.rows;
    expect(one).toMatchObject({
      status: 'posted',
      code: null,
      postings: [{ kind: 'wajib', amount: '25000', status: 'posted' }],
      repayment: {
        amount: '112000',
        status: 'paid',
        code: null,
        loans: [{ loanId: loans.one, amount: '112000', interest: '12000', principal: '100000' }],
      },
    });
    // Both loans' installments due today first, then the older loan's next one.
    expect(two?.repayment?.loans).toMatchObject([
      { loanId: loans.twoOlder, amount: '188000' },
      { loanId: loans.twoNewer, amount: '112000' },
    ]);
    // No running loan: the wajib still posts; the angsuran is reported refused.
    expect(none).toMatchObject({
      status: 'posted',
      postings: [{ kind: 'wajib', status: 'posted' }],
      repayment: { status: 'refused', code: 'loans.payroll_no_active_loan', loans: [] },
    });
    expect(none?.repayment?.message?.en).toBe(
      'The repayment was not posted: this member has no running loan.',
    );
    // A row whose only deduction is a refused angsuran is refused.
    expect(onlyLoan).toMatchObject({
      status: 'refused',
      code: 'loans.payroll_no_active_loan',
      postings: [],
      repayment: { status: 'refused' },
    });
    expect(small).toMatchObject({
      status: 'posted',
      repayment: {
        status: 'refused',
        code: 'loans.repayment_exceeds_outstanding',
        params: { maximum: '102000' },
      },
    });
    const after = await ledgerStateOf(test.db, coop.cooperativeId);
    expect(after.accounts['1-1201']?.balance).toBe(
      (before.accounts['1-1201']?.balance ?? 0n) + 512_000n,
    );
    // 4 wajib entries and 3 repayment entries (one loan, then two).
    expect(after.entryCount - before.entryCount).toBe(7);
    const detail = await loansApi(test, coop.cooperativeId).get(loans.one, coop.kasir.token);
    expect(detail.json()).toMatchObject({
      repayments: [{ channel: 'payroll', amount: '112000', receivedBy: coop.bendahara.personId }],
      position: { daysPastDue: 0, principalOutstanding: '1100000' },
    });
  });

  it('posts nothing when the same file is imported again', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const response = await upload({
      fileName: 'potongan-april (1).csv',
      period: '2026-04',
      format: 'csv',
      content: csvOf(aprilRows()),
    });
    const report = response.json<ImportReport>();
    expect(report.counts).toEqual({ posted: 0, alreadyPosted: 4, refused: 1, skipped: 0 });
    expect(report.totalPosted).toBe('0');
    expect(report.rows[0]).toMatchObject({
      status: 'already_posted',
      code: 'savings.payroll_already_posted',
      repayment: { status: 'already_paid', amount: '112000', loans: [{ loanId: loans.one }] },
    });
    expect(report.rows[1]?.repayment).toMatchObject({ status: 'already_paid', amount: '300000' });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
  });

  it('posts an XLSX file with angsuran split into pokok and jasa columns', async () => {
    test.clock.advance(30 * day); // 2026-05-02
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const columns = [
      'nomor_anggota',
      'periode',
      'simpanan_wajib',
      'angsuran_pokok',
      'angsuran_jasa',
    ];
    const content = await writeExcelFile([
      columns.map((value) => ({ value })),
      [
        { value: members.one.memberNumber },
        { value: '2026-05' },
        { value: 25000, type: Number },
        { value: 100000, type: Number },
        { value: 12000, type: Number },
      ],
    ]).toBuffer();
    const response = await upload({
      fileName: 'potongan-mei.xlsx',
      period: '2026-05',
      format: 'xlsx',
      content,
    });
    expect(response.statusCode).toBe(201);
    const report = response.json<ImportReport>();
    expect(report).toMatchObject({
      counts: { posted: 1, alreadyPosted: 0, refused: 0, skipped: 0 },
      totalPosted: '137000',
      rows: [{ status: 'posted', repayment: { status: 'paid', amount: '112000' } }],
    });
    const after = await ledgerStateOf(test.db, coop.cooperativeId);
    expect(after.accounts['1-1201']?.balance).toBe(
      (before.accounts['1-1201']?.balance ?? 0n) + 137_000n,
    );
  });

  it('leaves a ledger that verifies', async () => {
    expect((await verifyLedger(test.db, coop.cooperativeId)).problems).toEqual([]);
  });
});
