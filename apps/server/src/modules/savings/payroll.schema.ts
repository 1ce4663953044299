import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
const rupiah = (name: string) => bigint(name, { mode: 'bigint' });

export const payrollFileFormats = ['csv', 'xlsx'] as const;
export const payrollRowStatuses = ['posted', 'already_posted', 'refused', 'skipped'] as const;

/** A savings posting a payroll row made or found, as stored (rupiah as a decimal string). */
export interface StoredPayrollSavingsPosting {
  kind: 'wajib' | 'sukarela';
  amount: string;
  status: 'posted' | 'already_posted';
  entryId: string;
}

/** What became of a payroll row's angsuran (loan repayment), as stored beside its postings. */
export interface StoredPayrollRepayment {
  kind: 'angsuran';
  amount: string;
  status: 'paid' | 'already_paid' | 'refused';
  code: string | null;
  params: Record<string, string>;
  loans: {
    loanId: string;
    repaymentId: string;
    entryId: string;
    amount: string;
    penalty: string;
    interest: string;
    principal: string;
  }[];
}

export type StoredPayrollPosting = StoredPayrollSavingsPosting | StoredPayrollRepayment;

/** One imported payroll-deduction file: what it was, who imported it and what became of it. */
export const savingsPayrollImports = pgTable(
  'savings_payroll_imports',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    period: text('period').notNull(),
    fileName: text('file_name').notNull(),
    fileFormat: text('file_format', { enum: payrollFileFormats }).notNull(),
    fileSha256: text('file_sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    postedCount: integer('posted_count').notNull(),
    alreadyPostedCount: integer('already_posted_count').notNull(),
    refusedCount: integer('refused_count').notNull(),
    skippedCount: integer('skipped_count').notNull(),
    totalPosted: rupiah('total_posted').notNull(),
    importedAt: timestamptz('imported_at').notNull(),
    importedBy: uuid('imported_by'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    index('savings_payroll_imports_imported_idx').on(
      table.cooperativeId,
      table.importedAt,
      table.id,
    ),
  ],
);

/** Each row of an imported file and its result: the report the bendahara reconciles with. */
export const savingsPayrollImportRows = pgTable(
  'savings_payroll_import_rows',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    importId: uuid('import_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    memberNumber: text('member_number'),
    memberName: text('member_name'),
    membershipId: uuid('membership_id'),
    status: text('status', { enum: payrollRowStatuses }).notNull(),
    code: text('code'),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    wajibAmount: rupiah('wajib_amount'),
    sukarelaAmount: rupiah('sukarela_amount'),
    angsuranAmount: rupiah('angsuran_amount'),
    postings: jsonb('postings').$type<StoredPayrollPosting[]>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.importId, table.rowNumber] })],
);
