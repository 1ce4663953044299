import writeExcelFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/platform/db/database.js';
import { verifyCooperativeLedger } from '../../src/modules/ledger/index.js';
import { recordMemberExit } from '../../src/modules/members/index.js';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { signIn } from '../harness/builders.js';
import { inLedger, ledgerStateOf } from '../harness/ledger-fixtures.js';
import { givenSavingsCooperative, givenSavingsMember } from './savings-fixtures.js';

type Coop = Awaited<ReturnType<typeof givenSavingsCooperative>>;
type SavingsMember = Awaited<ReturnType<typeof givenSavingsMember>> & { memberNumber: string };

interface ImportReport {
  importId: string;
  counts: { posted: number; alreadyPosted: number; refused: number; skipped: number };
  totalPosted: string;
  rows: {
    rowNumber: number;
    memberNumber: string | null;
    status: string;
    code: string | null;
    message: { id: string; en: string } | null;
    postings: { kind: string; amount: string; status: string }[];
    repayment: { amount: string; status: string; code: string | null } | null;
  }[];
}

const header = 'nomor_anggota,nama,periode,simpanan_wajib,simpanan_sukarela,angsuran_pinjaman';

/** Three aktif members, one who left (keluar), and one aktif member whose row is malformed. */
async function givenPayrollCooperative(test: TestApp) {
  const coop = await givenSavingsCooperative(test);
  const members: SavingsMember[] = [];
  for (let index = 0; index < 5; index++) {
    const member = await givenSavingsMember(test.db, coop.cooperativeId);
    if (!member.memberNumber) throw new Error('an aktif member has a member number');
    members.push({ ...member, memberNumber: member.memberNumber });
  }
  const [first, second, third, leaver, fourth] = members as [
    SavingsMember,
    SavingsMember,
    SavingsMember,
    SavingsMember,
    SavingsMember,
  ];
  await withTenant(test.db, coop.cooperativeId, (tx) =>
    recordMemberExit(
      { tx, cooperativeId: coop.cooperativeId },
      {
        membershipId: leaver.membershipId,
        status: 'keluar',
        leftOn: '2026-02-28',
        reason: 'Pensiun',
      },
    ),
  );
  return { coop, first, second, third, leaver, fourth };
}

/** The month's file as cells: 3 postable rows, an unknown member, a leaver, a bad amount. */
function marchCells(payroll: Awaited<ReturnType<typeof givenPayrollCooperative>>) {
  const { first, second, third, leaver, fourth } = payroll;
  return [
    [first.memberNumber, first.fullName, '2026-03', '25.000', '0', '0'],
    [second.memberNumber, second.fullName, '2026-03', '25000', '50.000', ''],
    [Number(third.memberNumber).toString(), third.fullName, '2026-03', '25000', '', '0'],
    ['999999', 'Bukan Anggota', '2026-03', '25000', '', ''],
    [leaver.memberNumber, leaver.fullName, '2026-03', '25000', '', ''],
    [fourth.memberNumber, fourth.fullName, '2026-03', '25000.50', '', ''],
  ];
}

const csvOf = (rows: string[][]) =>
  Buffer.from([header, ...rows.map((row) => row.join(','))].join('\r\n') + '\r\n', 'utf8');

describe('payroll-deduction import', () => {
  let test: TestApp;
  let payroll: Awaited<ReturnType<typeof givenPayrollCooperative>>;
  let coop: Coop;
  const url = (path = '', cooperativeId = coop.cooperativeId) =>
    `/api/v1/cooperatives/${cooperativeId}/savings/payroll-imports${path}`;
  const upload = (
    body: { fileName: string; period: string; format: 'csv' | 'xlsx'; content: Buffer },
    options: { token?: string; cooperativeId?: string; key?: string } = {},
  ) => {
    test.clock.advance(60_000); // a minute between uploads: the list orders by import time
    return test.request({
      method: 'POST',
      url: url('', options.cooperativeId),
      token: options.token ?? coop.bendahara.token,
      idempotencyKey: options.key ?? newIdempotencyKey(),
      payload: {
        fileName: body.fileName,
        period: body.period,
        format: body.format,
        contentBase64: body.content.toString('base64'),
      },
    });
  };
  const balancesOf = async (member: SavingsMember, token = coop.bendahara.token) => {
    const response = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${member.cooperativeId}/members/${member.membershipId}/savings`,
      token,
    });
    const accounts = response.json<{ accounts: { kind: string; balance: string }[] }>().accounts;
    return Object.fromEntries(accounts.map((account) => [account.kind, account.balance]));
  };

  beforeAll(async () => {
    test = await createTestApp();
    payroll = await givenPayrollCooperative(test);
    coop = payroll.coop;
  });
  afterAll(() => test.drop());

  it('posts the valid rows of a CSV and reports every other row with its code', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const response = await upload({
      fileName: 'potongan-maret.csv',
      period: '2026-03',
      format: 'csv',
      content: csvOf(marchCells(payroll)),
    });
    expect(response.statusCode).toBe(201);
    const report = response.json<ImportReport>();
    expect(report).toMatchObject({
      period: '2026-03',
      fileName: 'potongan-maret.csv',
      format: 'csv',
      rowCount: 6,
      counts: { posted: 3, alreadyPosted: 0, refused: 3, skipped: 0 },
      totalPosted: '125000',
      importedBy: coop.bendahara.personId,
    });
    expect(report.rows.map((row) => [row.rowNumber, row.status, row.code])).toEqual([
      [2, 'posted', null],
      [3, 'posted', null],
      [4, 'posted', null],
      [5, 'refused', 'members.member_not_found'],
      [6, 'refused', 'members.not_active'],
      [7, 'refused', 'savings.payroll_amount_invalid'],
    ]);
    expect(report.rows[1]).toMatchObject({
      memberNumber: payroll.second.memberNumber,
      postings: [
        { kind: 'wajib', amount: '25000', status: 'posted' },
        { kind: 'sukarela', amount: '50000', status: 'posted' },
      ],
    });
    expect(report.rows[2]?.memberNumber).toBe(payroll.third.memberNumber);
    expect(report.rows[5]?.message).toEqual({
      id: 'Jumlah "25000.50" di kolom simpanan_wajib tidak valid: gunakan rupiah bulat, misalnya 25000 atau 25.000.',
      en: 'Amount "25000.50" in column simpanan_wajib is not valid: use whole rupiah, for example 25000 or 25.000.',
    });
    expect(await balancesOf(payroll.first)).toMatchObject({ wajib: '25000', sukarela: '0' });
    expect(await balancesOf(payroll.second)).toMatchObject({ wajib: '25000', sukarela: '50000' });
    expect(await balancesOf(payroll.third)).toMatchObject({ wajib: '25000' });
    expect(await balancesOf(payroll.leaver)).toMatchObject({ wajib: '0' });
    expect(await balancesOf(payroll.fourth)).toMatchObject({ wajib: '0' });
    const after = await ledgerStateOf(test.db, coop.cooperativeId);
    expect(after.entryCount - before.entryCount).toBe(4);
    expect(after.accounts['1-1201']?.balance).toBe(
      (before.accounts['1-1201']?.balance ?? 0n) + 125_000n,
    );
  });

  it('posts nothing when the same file is imported again, and the ledger verifies', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const response = await upload({
      fileName: 'potongan-maret (1).csv',
      period: '2026-03',
      format: 'csv',
      content: csvOf(marchCells(payroll)),
    });
    expect(response.statusCode).toBe(201);
    const report = response.json<ImportReport>();
    expect(report).toMatchObject({
      counts: { posted: 0, alreadyPosted: 3, refused: 3, skipped: 0 },
      totalPosted: '0',
    });
    expect(report.rows[0]).toMatchObject({
      status: 'already_posted',
      code: 'savings.payroll_already_posted',
      postings: [{ kind: 'wajib', amount: '25000', status: 'already_posted' }],
    });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
    const verified = await inLedger(test.db, coop.cooperativeId, (ctx) =>
      verifyCooperativeLedger(ctx.tx, coop.cooperativeId),
    );
    expect(verified.problems).toEqual([]);
  });

  it('posts only the new deductions of a corrected file', async () => {
    const { first, fourth } = payroll;
    const response = await upload({
      fileName: 'potongan-maret-revisi.csv',
      period: '2026-03',
      format: 'csv',
      content: csvOf([
        [first.memberNumber, first.fullName, '2026-03', '25000', '10.000', '0'],
        [fourth.memberNumber, fourth.fullName, '2026-03', '25000', '', ''],
      ]),
    });
    const report = response.json<ImportReport>();
    expect(report).toMatchObject({
      counts: { posted: 2, alreadyPosted: 0, refused: 0, skipped: 0 },
      totalPosted: '35000',
    });
    expect(report.rows[0]?.postings).toMatchObject([
      { kind: 'wajib', status: 'already_posted' },
      { kind: 'sukarela', amount: '10000', status: 'posted' },
    ]);
    expect(await balancesOf(first)).toMatchObject({ wajib: '25000', sukarela: '10000' });
    expect(await balancesOf(fourth)).toMatchObject({ wajib: '25000' });
  });

  it('reports an angsuran without a running loan refused, skips empty rows, and refuses a row of another period', async () => {
    const { first, second, third } = payroll;
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const response = await upload({
      fileName: 'potongan-februari.csv',
      period: '2026-02',
      format: 'csv',
      content: csvOf([
        [first.memberNumber, '', '2026-02', '25000', '', '150.000'],
        [second.memberNumber, '', '2026-02', '0', '-', ''],
        [third.memberNumber, '', '2026-03', '25000', '', ''],
      ]),
    });
    const report = response.json<ImportReport>();
    expect(report.counts).toEqual({ posted: 1, alreadyPosted: 0, refused: 1, skipped: 1 });
    // The member has no running loan: the wajib posts, the angsuran is reported refused.
    expect(report.rows.map((row) => [row.status, row.code])).toEqual([
      ['posted', null],
      ['skipped', 'savings.payroll_nothing_to_post'],
      ['refused', 'savings.payroll_period_mismatch'],
    ]);
    expect(report.rows[0]).toMatchObject({
      postings: [{ kind: 'wajib', amount: '25000', status: 'posted' }],
      repayment: { amount: '150000', status: 'refused', code: 'loans.payroll_no_active_loan' },
    });
    const after = await ledgerStateOf(test.db, coop.cooperativeId);
    expect(after.entryCount - before.entryCount).toBe(1);
  });

  it('refuses a whole file with an unknown column or unreadable content, posting nothing', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const unknownColumn = await upload({
      fileName: 'salah.csv',
      period: '2026-03',
      format: 'csv',
      content: Buffer.from(`${header},bonus\n${payroll.first.memberNumber},A,2026-03,1,0,0,5\n`),
    });
    expect(unknownColumn.statusCode).toBe(422);
    expect(unknownColumn.json()).toMatchObject({
      code: 'savings.payroll_unknown_column',
      params: { column: 'bonus' },
    });
    const notAWorkbook = await upload({
      fileName: 'rusak.xlsx',
      period: '2026-03',
      format: 'xlsx',
      content: Buffer.from('this is not a spreadsheet'),
    });
    expect(notAWorkbook.statusCode).toBe(422);
    expect(notAWorkbook.json()).toMatchObject({ code: 'savings.payroll_file_unreadable' });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
  });

  it('refuses an import by anyone but the bendahara', async () => {
    const response = await upload(
      { fileName: 'x.csv', period: '2026-03', format: 'csv', content: csvOf(marchCells(payroll)) },
      { token: coop.kasir.token },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.forbidden' });
    const member = await test.request({
      method: 'GET',
      url: url(),
      token: await signIn(test, payroll.first),
    });
    expect(member.statusCode).toBe(403);
  });

  it('replays a retried upload with the same Idempotency-Key', async () => {
    const key = newIdempotencyKey();
    const body = {
      fileName: 'potongan-april.csv',
      period: '2026-04',
      format: 'csv' as const,
      content: csvOf([[payroll.third.memberNumber, '', '2026-04', '25000', '', '']]),
    };
    const first = await upload(body, { key });
    const retry = await upload(body, { key });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
  });

  it('lists the imports newest first and returns each report row by row', async () => {
    const list = await test.request({ method: 'GET', url: url(), token: coop.kasir.token });
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { importId: string; fileName: string }[] }>().items;
    expect(items.map((item) => item.fileName)).toEqual([
      'potongan-april.csv',
      'potongan-februari.csv',
      'potongan-maret-revisi.csv',
      'potongan-maret (1).csv',
      'potongan-maret.csv',
    ]);
    const march = await test.request({
      method: 'GET',
      url: url('?period=2026-03&limit=1'),
      token: coop.kasir.token,
    });
    const page = march.json<{ items: { fileName: string }[]; nextCursor: string }>();
    expect(page.items.map((item) => item.fileName)).toEqual(['potongan-maret-revisi.csv']);
    const next = await test.request({
      method: 'GET',
      url: url(`?period=2026-03&limit=5&cursor=${page.nextCursor}`),
      token: coop.kasir.token,
    });
    expect(next.json<{ items: unknown[] }>().items).toHaveLength(2);
    const last = items.at(-1);
    const report = await test.request({
      method: 'GET',
      url: url(`/${last?.importId ?? ''}`),
      token: coop.kasir.token,
    });
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({
      fileName: 'potongan-maret.csv',
      counts: { posted: 3, refused: 3 },
      rows: expect.arrayContaining([
        expect.objectContaining({ rowNumber: 5, code: 'members.member_not_found' }),
      ]),
    });
    const missing = await test.request({
      method: 'GET',
      url: url('/0190c3a0-0000-7000-8000-000000000000'),
      token: coop.kasir.token,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'savings.payroll_import_not_found' });
  });

  it('posts an XLSX file the same as the CSV', async () => {
    const other = await givenPayrollCooperative(test);
    const cells = marchCells(other);
    const sheet = [
      header.split(',').map((value) => ({ value })),
      ...cells.map((row) =>
        row.map((value, column) =>
          // Amounts typed as numbers where they are whole, as a payroll sheet usually has them.
          column >= 3 && /^\d+$/.test(value)
            ? { value: Number(value), type: Number }
            : column >= 3 && value === '25000.50'
              ? { value: 25000.5, type: Number }
              : { value },
        ),
      ),
    ];
    const content = await writeExcelFile(sheet).toBuffer();
    const response = await upload(
      { fileName: 'potongan-maret.xlsx', period: '2026-03', format: 'xlsx', content },
      { token: other.coop.bendahara.token, cooperativeId: other.coop.cooperativeId },
    );
    expect(response.statusCode).toBe(201);
    const report = response.json<ImportReport>();
    expect(report).toMatchObject({
      format: 'xlsx',
      counts: { posted: 3, alreadyPosted: 0, refused: 3, skipped: 0 },
      totalPosted: '125000',
    });
    expect(report.rows.map((row) => [row.rowNumber, row.status, row.code])).toEqual([
      [2, 'posted', null],
      [3, 'posted', null],
      [4, 'posted', null],
      [5, 'refused', 'members.member_not_found'],
      [6, 'refused', 'members.not_active'],
      [7, 'refused', 'savings.payroll_amount_invalid'],
    ]);
    const token = other.coop.bendahara.token;
    expect(await balancesOf(other.second, token)).toMatchObject({
      wajib: '25000',
      sukarela: '50000',
    });
    const verified = await inLedger(test.db, other.coop.cooperativeId, (ctx) =>
      verifyCooperativeLedger(ctx.tx, other.coop.cooperativeId),
    );
    expect(verified.problems).toEqual([]);
  });
});
