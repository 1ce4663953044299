import {
  bigint,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { businessUnits } from '@lumbung/shared/contracts/ledger';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
const rupiah = (name: string) => bigint(name, { mode: 'bigint' });

export const accountClasses = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;
export type AccountClass = (typeof accountClasses)[number];
export type Side = 'debit' | 'credit';

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    class: text('class', { enum: accountClasses }).notNull(),
    normalSide: text('normal_side', { enum: ['debit', 'credit'] }).notNull(),
    reportGroup: text('report_group').notNull(),
    cashFlowActivity: text('cash_flow_activity', {
      enum: ['cash', 'operating', 'investing', 'financing'],
    }),
    participation: text('participation', { enum: ['member', 'non_member'] }),
    businessUnit: text('business_unit', { enum: businessUnits }),
    parentAccountId: uuid('parent_account_id'),
    isControl: boolean('is_control').notNull().default(false),
    subledger: text('subledger', { enum: ['savings', 'loan', 'wallet', 'receivable'] }),
    ownerMembershipId: uuid('owner_membership_id'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamptz('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique().on(table.cooperativeId, table.code),
    index('ledger_accounts_parent_idx').on(table.cooperativeId, table.parentAccountId),
  ],
);

export const ledgerBalances = pgTable(
  'ledger_balances',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    accountId: uuid('account_id').notNull(),
    debitTotal: rupiah('debit_total').notNull().default(0n),
    creditTotal: rupiah('credit_total').notNull().default(0n),
    pendingDebit: rupiah('pending_debit').notNull().default(0n),
    pendingCredit: rupiah('pending_credit').notNull().default(0n),
    lineCount: bigint('line_count', { mode: 'number' }).notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.accountId] })],
);

export const ledgerChainHeads = pgTable('ledger_chain_heads', {
  cooperativeId: uuid('cooperative_id').primaryKey(),
  lastSequence: bigint('last_sequence', { mode: 'number' }).notNull().default(0),
  lastHash: text('last_hash').notNull(),
  debitTotal: rupiah('debit_total').notNull().default(0n),
});

export const journalEntries = pgTable(
  'journal_entries',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    sequence: bigint('sequence', { mode: 'number' }).notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    postedAt: timestamptz('posted_at').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    memo: text('memo').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    reversesEntryId: uuid('reverses_entry_id'),
    postedBy: uuid('posted_by'),
    approvedBy: uuid('approved_by'),
    totalAmount: rupiah('total_amount').notNull(),
    contentHash: text('content_hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique().on(table.cooperativeId, table.sequence),
    unique().on(table.cooperativeId, table.idempotencyKey),
    unique().on(table.cooperativeId, table.reversesEntryId),
    index('journal_entries_date_idx').on(table.cooperativeId, table.businessDate, table.sequence),
    index('journal_entries_source_idx').on(table.cooperativeId, table.sourceType, table.sourceId),
  ],
);

export const journalLines = pgTable(
  'journal_lines',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    lineNumber: smallint('line_number').notNull(),
    accountId: uuid('account_id').notNull(),
    side: text('side', { enum: ['debit', 'credit'] }).notNull(),
    amount: rupiah('amount').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    sequence: bigint('sequence', { mode: 'number' }).notNull(),
    memo: text('memo'),
    /** The entry's member party (migration 0025): its one member, else null. */
    partyMembershipId: uuid('party_membership_id'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.entryId, table.lineNumber] }),
    index('journal_lines_account_idx').on(
      table.cooperativeId,
      table.accountId,
      table.businessDate,
      table.sequence,
    ),
    index('journal_lines_date_idx').on(table.cooperativeId, table.businessDate),
  ],
);

export const ledgerPeriods = pgTable(
  'ledger_periods',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    periodMonth: date('period_month', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['closed'] }).notNull(),
    closedAt: timestamptz('closed_at').notNull(),
    closedBy: uuid('closed_by'),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.periodMonth] })],
);

export const ledgerHolds = pgTable(
  'ledger_holds',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    side: text('side', { enum: ['debit', 'credit'] }).notNull(),
    amount: rupiah('amount').notNull(),
    status: text('status', { enum: ['pending', 'captured', 'released'] }).notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    resolvedAt: timestamptz('resolved_at'),
    capturedEntryId: uuid('captured_entry_id'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique().on(table.cooperativeId, table.idempotencyKey),
  ],
);

export const ledgerCheckpoints = pgTable(
  'ledger_checkpoints',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    checkpointDate: date('checkpoint_date', { mode: 'string' }).notNull(),
    lastSequence: bigint('last_sequence', { mode: 'number' }).notNull(),
    headHash: text('head_hash').notNull(),
    entryCount: bigint('entry_count', { mode: 'number' }).notNull(),
    debitTotal: rupiah('debit_total').notNull(),
    creditTotal: rupiah('credit_total').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.checkpointDate] })],
);

export interface ManualJournalLine {
  accountId: string;
  side: Side;
  amount: string;
  memo?: string | undefined;
}

export const manualJournalDrafts = pgTable(
  'manual_journal_drafts',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    memo: text('memo').notNull(),
    lines: jsonb('lines').$type<ManualJournalLine[]>().notNull(),
    status: text('status', { enum: ['awaiting_approval', 'approved', 'rejected'] }).notNull(),
    preparedBy: uuid('prepared_by').notNull(),
    preparedAt: timestamptz('prepared_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamptz('decided_at'),
    decisionNote: text('decision_note'),
    entryId: uuid('entry_id'),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.id] })],
);
