import { createHash } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import type { PayrollFileFormat, PayrollRowStatus } from '@lumbung/shared/contracts/savings';
import type { ErrorCode } from '@lumbung/shared/error-codes';
import { uuidv7 } from '@lumbung/shared/ids';
import { errorMessage } from '@lumbung/shared/messages/format';
import { assert } from '../../../platform/assert.js';
import { queryRows, type Tx } from '../../../platform/db/database.js';
import { DomainError, isDomainError } from '../../../platform/domain-error.js';
import { lockLedgerForPosting, postJournalEntries, type EntryInput } from '../../ledger/index.js';
import { getMemberByNumber, type Member } from '../../members/index.js';
import {
  savingsPayrollImportRows,
  savingsPayrollImports,
  type StoredPayrollPosting,
  type StoredPayrollRepayment,
  type StoredPayrollSavingsPosting,
} from '../payroll.schema.js';
import {
  cellText,
  parseCsv,
  parsePayrollFile,
  type PayrollFileRow,
} from '../rules/payroll-file.js';
import { findAccountIdsByCode } from '../savings.sql.js';
import {
  businessDateOf,
  type PayrollLoanRepayments,
  type PayrollRepaymentResult,
  type SavingsContext,
  type SavingsReadContext,
} from '../savings.types.js';
import { openSavingsAccount } from './savings-account.js';

/** The employer pays the month's deductions into the cooperative's bank account. */
const bankCode = '1-1201';
const payrollKinds = ['wajib', 'sukarela'] as const;
type PayrollKind = (typeof payrollKinds)[number];

type ImportRow = typeof savingsPayrollImports.$inferSelect;
type ImportRowResultRow = typeof savingsPayrollImportRows.$inferSelect;

export type PayrollImportInput = { fileName: string; period: string; format: PayrollFileFormat } & (
  { bytes: Uint8Array } | { rows: string[][] }
);

/** What the import needs from other modules; without `loanRepayments`, angsuran rows are skipped. */
export interface PayrollImportPorts {
  loanRepayments?: PayrollLoanRepayments | undefined;
}

/**
 * Posts an employees' cooperative's monthly payroll-deduction file (rules/payroll-file.ts says
 * its columns): for each aktif member's row, one entry per savings kind deducted, Dr Bank (the
 * employer's transfer) and Cr the member's wajib or sukarela sub-account, all in one batch. The
 * ledger key `savings.payroll:<period>:<memberNumber>:<kind>` makes a deduction post once per
 * month whatever file carries it: re-importing the same or a corrected file reports those rows
 * already_posted. Valid rows post even when others are refused; every row gets a result, and the
 * import and its rows are kept (append-only) as the report.
 *
 * A row's angsuran (loan repayment) goes through the `loanRepayments` port (the loans module,
 * wired in app.ts; savings never imports loans) with the key
 * `savings.payroll:<period>:<memberNumber>:angsuran`, so it too is paid once. A refused angsuran
 * (no running loan, more than is owed) is reported on the row's `repayment` and does not stop
 * the row's savings: the wajib the employer deducted is the member's either way. A row whose
 * only deduction is a refused angsuran is refused with the angsuran's code.
 *
 * Refuses (the whole file): savings.payroll_file_unreadable, savings.payroll_file_empty,
 * savings.payroll_unknown_column, savings.payroll_missing_column,
 * savings.payroll_duplicate_column, ledger.account_not_found, ledger.period_closed.
 * Reports per row, without refusing the file: the parser's row codes,
 * savings.payroll_period_mismatch, members.member_not_found, members.not_active (refused);
 * savings.payroll_loans_unavailable (no loans port), savings.payroll_nothing_to_post (skipped);
 * savings.payroll_already_posted; the angsuran's refusal (loans.payroll_no_active_loan,
 * loans.repayment_exceeds_outstanding, ...) on a row with nothing else to post.
 */
export async function importPayrollDeductions(
  ctx: SavingsContext,
  input: PayrollImportInput,
  ports: PayrollImportPorts = {},
) {
  const cells = 'rows' in input ? input.rows : await readPayrollCells(input.bytes, input.format);
  const file = parsePayrollFile(cells);
  if (file.kind === 'refused') throw new DomainError(file.code, file.params);
  const bank = (await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [bankCode])).get(bankCode);
  if (!bank) throw new DomainError('ledger.account_not_found', { code: bankCode });
  const importId = uuidv7(ctx.now.getTime());
  const canRepayLoans = ports.loanRepayments !== undefined;
  const checked: CheckedRow[] = [];
  for (const row of file.rows) checked.push(await checkRow(ctx, input.period, row, canRepayLoans));
  // Loans before the ledger, in the order every repayment takes them (no deadlock).
  await ports.loanRepayments?.lockLoansOf(ctx, {
    membershipIds: checked.flatMap((row) =>
      row.outcome === 'postable' && row.repayment > 0n ? [row.member.membershipId] : [],
    ),
  });
  // The posting turn first: a concurrent import of the same month waits, then finds our entries.
  await lockLedgerForPosting(ctx);
  await postDeductions(ctx, { importId, period: input.period, bank, checked });
  if (ports.loanRepayments)
    await postRepayments(ctx, { period: input.period, checked, port: ports.loanRepayments });
  const finalResults = checked.map((row) => finalResultOf(row, input.period));
  const importRow: ImportRow = {
    cooperativeId: ctx.cooperativeId,
    id: importId,
    period: input.period,
    fileName: input.fileName,
    fileFormat: input.format,
    fileSha256: sha256Of(input),
    rowCount: finalResults.length,
    postedCount: finalResults.filter((row) => row.status === 'posted').length,
    alreadyPostedCount: finalResults.filter((row) => row.status === 'already_posted').length,
    refusedCount: finalResults.filter((row) => row.status === 'refused').length,
    skippedCount: finalResults.filter((row) => row.status === 'skipped').length,
    totalPosted: finalResults
      .flatMap((row) => row.postings)
      .filter((posting) => posting.status === 'posted' || posting.status === 'paid')
      .reduce((sum, posting) => sum + BigInt(posting.amount), 0n),
    importedAt: ctx.now,
    importedBy: ctx.actorPersonId,
  };
  await insertPayrollImport(ctx.tx, importRow, finalResults);
  return payrollImportViewOf(importRow, finalResults);
}

/** One import's report, row by row. Refuses: savings.payroll_import_not_found. */
export async function getPayrollImport(ctx: SavingsReadContext, importId: string) {
  const [found] = await ctx.tx
    .select()
    .from(savingsPayrollImports)
    .where(
      and(
        eq(savingsPayrollImports.cooperativeId, ctx.cooperativeId),
        eq(savingsPayrollImports.id, importId),
      ),
    );
  if (!found) throw new DomainError('savings.payroll_import_not_found');
  const rows = await ctx.tx
    .select()
    .from(savingsPayrollImportRows)
    .where(
      and(
        eq(savingsPayrollImportRows.cooperativeId, ctx.cooperativeId),
        eq(savingsPayrollImportRows.importId, importId),
      ),
    )
    .orderBy(asc(savingsPayrollImportRows.rowNumber));
  return payrollImportViewOf(found, rows);
}

/** A page of imports, newest first, optionally of one period; the cursor is the last import id. */
export async function listPayrollImports(
  ctx: SavingsReadContext,
  input: { period: string | null; cursor: string | null; limit: number },
) {
  const table = savingsPayrollImports;
  const rows = await ctx.tx
    .select()
    .from(table)
    .where(
      and(
        eq(table.cooperativeId, ctx.cooperativeId),
        input.period ? eq(table.period, input.period) : undefined,
        input.cursor
          ? sql`(${table.importedAt}, ${table.id}) < (select imported_at, id from savings_payroll_imports
              where cooperative_id = ${ctx.cooperativeId} and id = ${input.cursor})`
          : undefined,
      ),
    )
    .orderBy(desc(table.importedAt), desc(table.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(summaryOf),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

// Rows -------------------------------------------------------------------------------------------

type RowResult = Omit<ImportRowResultRow, 'cooperativeId' | 'importId'>;
type CheckedRow =
  | { outcome: 'reported'; result: RowResult }
  | {
      outcome: 'postable';
      result: RowResult;
      member: Member & { memberNumber: string };
      deductions: { kind: PayrollKind; amount: bigint }[];
      /** The row's angsuran, paid through the loans port; 0 when none. */
      repayment: bigint;
    };

function reported(
  result: RowResult,
  status: PayrollRowStatus,
  code: ErrorCode,
  params: Record<string, string>,
): CheckedRow {
  return { outcome: 'reported', result: { ...result, status, code, params } };
}

/** What a parsed row becomes before posting: refused or skipped with a code, or postable. */
async function checkRow(
  ctx: SavingsContext,
  period: string,
  row: PayrollFileRow,
  canRepayLoans: boolean,
): Promise<CheckedRow> {
  const result: RowResult = {
    rowNumber: row.rowNumber,
    memberNumber: row.memberNumber,
    memberName: row.memberName,
    membershipId: null,
    status: 'refused',
    code: null,
    params: {},
    wajibAmount: row.wajib,
    sukarelaAmount: row.sukarela,
    angsuranAmount: row.angsuran,
    postings: [],
  };
  if (row.error) return reported(result, 'refused', row.error.code, row.error.params);
  assert(row.memberNumber && row.period, 'a row without an error has a member number and period');
  // A file of another month would post its deductions under this month's keys.
  if (row.period !== period)
    return reported(result, 'refused', 'savings.payroll_period_mismatch', {
      rowPeriod: row.period,
      period,
    });
  const member = await findMemberByNumber(ctx, row.memberNumber);
  if (!member)
    return reported(result, 'refused', 'members.member_not_found', {
      memberNumber: row.memberNumber,
    });
  const known = { ...result, memberName: member.fullName, membershipId: member.membershipId };
  // Only an aktif member saves: a calon has not joined yet, a member who left is settled.
  if (member.status !== 'aktif' || !member.memberNumber)
    return reported(known, 'refused', 'members.not_active', { status: member.status });
  const repayment = row.angsuran ?? 0n;
  // Without the loans port the angsuran has nowhere to go; posting the savings alone would
  // split the row, so it waits whole for an import that can repay.
  if (repayment > 0n && !canRepayLoans)
    return reported(known, 'skipped', 'savings.payroll_loans_unavailable', {});
  const deductions = payrollKinds
    .map((kind) => ({ kind, amount: (kind === 'wajib' ? row.wajib : row.sukarela) ?? 0n }))
    .filter((deduction) => deduction.amount > 0n);
  if (deductions.length === 0 && repayment === 0n)
    return reported(known, 'skipped', 'savings.payroll_nothing_to_post', {});
  return {
    outcome: 'postable' as const,
    result: known,
    member: { ...member, memberNumber: member.memberNumber },
    deductions,
    repayment,
  };
}

async function findMemberByNumber(ctx: SavingsContext, memberNumber: string) {
  try {
    return await getMemberByNumber(ctx, memberNumber);
  } catch (error) {
    if (isDomainError(error) && error.code === 'members.member_not_found') return null;
    throw error;
  }
}

/**
 * Posts every postable savings deduction whose key the ledger does not hold yet, as one batch,
 * and adds each to its row's postings (made now or found from earlier imports).
 */
async function postDeductions(
  ctx: SavingsContext,
  input: { importId: string; period: string; bank: string; checked: CheckedRow[] },
): Promise<void> {
  const postable = input.checked.filter((row) => row.outcome === 'postable');
  const keyOf = (memberNumber: string, kind: PayrollKind) =>
    `savings.payroll:${input.period}:${memberNumber}:${kind}`;
  const earlier = await findEntriesByKey(
    ctx,
    postable.flatMap((row) =>
      row.deductions.map((deduction) => keyOf(row.member.memberNumber, deduction.kind)),
    ),
  );
  const entries: EntryInput[] = [];
  const slots: { postings: StoredPayrollPosting[]; kind: PayrollKind; amount: bigint }[] = [];
  for (const row of postable) {
    for (const { kind, amount } of row.deductions) {
      const key = keyOf(row.member.memberNumber, kind);
      const found = earlier.get(key);
      if (found) {
        row.result.postings.push({
          kind,
          amount: found.amount,
          status: 'already_posted',
          entryId: found.id,
        });
        continue;
      }
      const account = await openSavingsAccount(ctx, row.member, kind);
      entries.push({
        businessDate: businessDateOf(ctx.now),
        lines: [
          { accountId: input.bank, side: 'debit', amount },
          { accountId: account.id, side: 'credit', amount },
        ],
        sourceType: 'savings.payroll',
        sourceId: input.importId,
        memo: `Potongan gaji simpanan ${kind} ${input.period} ${row.member.memberNumber}`,
        idempotencyKey: key,
        postedBy: ctx.actorPersonId,
      });
      slots.push({ postings: row.result.postings, kind, amount });
    }
  }
  const posted = entries.length > 0 ? await postJournalEntries(ctx, entries) : [];
  posted.forEach((entry, index) => {
    const slot = slots[index];
    assert(slot, 'postJournalEntries returns one result per entry');
    slot.postings.push({
      kind: slot.kind,
      amount: slot.amount.toString(),
      status: 'posted',
      entryId: entry.id,
    });
  });
}

/** Pays each postable row's angsuran through the loans port, row by row, after the savings. */
async function postRepayments(
  ctx: SavingsContext,
  input: { period: string; checked: CheckedRow[]; port: PayrollLoanRepayments },
): Promise<void> {
  for (const row of input.checked) {
    if (row.outcome !== 'postable' || row.repayment === 0n) continue;
    const result = await input.port.repay(ctx, {
      membershipId: row.member.membershipId,
      amount: row.repayment,
      idempotencyKey: `savings.payroll:${input.period}:${row.member.memberNumber}:angsuran`,
    });
    row.result.postings.push(storedRepaymentOf(row.repayment, result));
  }
}

function storedRepaymentOf(amount: bigint, result: PayrollRepaymentResult): StoredPayrollRepayment {
  if (result.status === 'refused')
    return {
      kind: 'angsuran',
      amount: amount.toString(),
      status: 'refused',
      code: result.code,
      params: result.params,
      loans: [],
    };
  return {
    kind: 'angsuran',
    amount: result.loans.reduce((sum, loan) => sum + loan.amount, 0n).toString(),
    status: result.status,
    code: null,
    params: {},
    loans: result.loans.map((loan) => ({
      loanId: loan.loanId,
      repaymentId: loan.repaymentId,
      entryId: loan.entryId,
      amount: loan.amount.toString(),
      penalty: loan.penalty.toString(),
      interest: loan.interest.toString(),
      principal: loan.principal.toString(),
    })),
  };
}

const isSavingsPosting = (posting: StoredPayrollPosting): posting is StoredPayrollSavingsPosting =>
  posting.kind !== 'angsuran';
const isRepayment = (posting: StoredPayrollPosting): posting is StoredPayrollRepayment =>
  posting.kind === 'angsuran';

/**
 * A checked row's result: posted when any deduction or the angsuran posted now; refused with the
 * angsuran's code when that was all the row had; else already_posted.
 */
function finalResultOf(row: CheckedRow, period: string): RowResult {
  if (row.outcome === 'reported') return row.result;
  const savings = row.result.postings
    .filter(isSavingsPosting)
    .sort((a, b) => payrollKinds.indexOf(a.kind) - payrollKinds.indexOf(b.kind));
  const repayment = row.result.postings.find(isRepayment);
  const postings: StoredPayrollPosting[] = repayment ? [...savings, repayment] : savings;
  const isPostedNow =
    savings.some((posting) => posting.status === 'posted') || repayment?.status === 'paid';
  if (isPostedNow) return { ...row.result, postings, status: 'posted', code: null, params: {} };
  if (repayment?.status === 'refused' && savings.length === 0)
    return {
      ...row.result,
      postings,
      status: 'refused',
      code: repayment.code,
      params: repayment.params,
    };
  const kinds = [
    ...savings.map((posting) => posting.kind),
    ...(repayment?.status === 'already_paid' ? ['angsuran'] : []),
  ];
  return {
    ...row.result,
    postings,
    status: 'already_posted',
    code: 'savings.payroll_already_posted',
    params: { kinds: kinds.join(', '), period },
  };
}

// Reading the file -------------------------------------------------------------------------------

/** The file's cells as text. Refuses: savings.payroll_file_unreadable. */
async function readPayrollCells(bytes: Uint8Array, format: PayrollFileFormat) {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": an XLSX is a zip archive
  if (format === 'csv') {
    if (isZip || bytes.includes(0))
      throw new DomainError('savings.payroll_file_unreadable', { format: 'CSV' });
    return parseCsv(textOf(bytes));
  }
  try {
    const sheet = await readSheet(Buffer.from(bytes));
    return sheet.map((row) => row.map(cellText));
  } catch {
    // The reader throws for anything that is not a workbook; the caller hears which format failed.
    throw new DomainError('savings.payroll_file_unreadable', { format: 'XLSX' });
  }
}

/** UTF-8 (with or without a byte-order mark), else Windows-1252 as older Excel saves CSV. */
function textOf(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function sha256Of(input: PayrollImportInput): string {
  const content = 'bytes' in input ? input.bytes : JSON.stringify(input.rows);
  return createHash('sha256').update(content).digest('hex');
}

// Views ------------------------------------------------------------------------------------------

function summaryOf(row: ImportRow) {
  return {
    importId: row.id,
    period: row.period,
    fileName: row.fileName,
    format: row.fileFormat,
    fileSha256: row.fileSha256,
    rowCount: row.rowCount,
    counts: {
      posted: row.postedCount,
      alreadyPosted: row.alreadyPostedCount,
      refused: row.refusedCount,
      skipped: row.skippedCount,
    },
    totalPosted: row.totalPosted,
    importedAt: row.importedAt,
    importedBy: row.importedBy,
  };
}

function payrollImportViewOf(row: ImportRow, results: RowResult[]) {
  return {
    ...summaryOf(row),
    rows: results.map((result) => {
      const code = result.code as ErrorCode | null;
      return {
        rowNumber: result.rowNumber,
        memberNumber: result.memberNumber,
        memberName: result.memberName,
        membershipId: result.membershipId,
        status: result.status,
        code,
        message: code
          ? {
              id: errorMessage(code, 'id', result.params),
              en: errorMessage(code, 'en', result.params),
            }
          : null,
        params: result.params,
        wajib: result.wajibAmount,
        sukarela: result.sukarelaAmount,
        angsuran: result.angsuranAmount,
        postings: result.postings.filter(isSavingsPosting),
        repayment: repaymentViewOf(result.postings.find(isRepayment)),
      };
    }),
  };
}

function repaymentViewOf(stored: StoredPayrollRepayment | undefined) {
  if (!stored) return null;
  const code = stored.code as ErrorCode | null;
  return {
    amount: stored.amount,
    status: stored.status,
    code,
    message: code
      ? {
          id: errorMessage(code, 'id', stored.params),
          en: errorMessage(code, 'en', stored.params),
        }
      : null,
    params: stored.params,
    loans: stored.loans,
  };
}

// SQL --------------------------------------------------------------------------------------------

/** The payroll entries the ledger already holds for these keys, with the amount each posted. */
async function findEntriesByKey(ctx: SavingsContext, keys: string[]) {
  if (keys.length === 0) return new Map<string, { id: string; amount: string }>();
  const rows = await queryRows<{ idempotency_key: string; id: string; amount: string }>(
    ctx.tx,
    sql`select idempotency_key, id, total_amount::text as amount from journal_entries
        where cooperative_id = ${ctx.cooperativeId}
          and idempotency_key = any(${sql`array[${sql.join(
            keys.map((key) => sql`${key}`),
            sql`, `,
          )}]::text[]`})`,
  );
  return new Map(rows.map((row) => [row.idempotency_key, { id: row.id, amount: row.amount }]));
}

async function insertPayrollImport(tx: Tx, row: ImportRow, results: RowResult[]) {
  await tx.insert(savingsPayrollImports).values(row);
  // In slices: one statement's parameters stay well under PostgreSQL's 65,535.
  for (let start = 0; start < results.length; start += 1_000) {
    await tx.insert(savingsPayrollImportRows).values(
      results.slice(start, start + 1_000).map((result) => ({
        ...result,
        cooperativeId: row.cooperativeId,
        importId: row.id,
      })),
    );
  }
}
