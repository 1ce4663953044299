import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { collectibilities } from '@lumbung/shared/contracts/loan-day-end';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
const rupiah = (name: string) => bigint(name, { mode: 'bigint' });
const isoDate = (name: string) => date(name, { mode: 'string' });

/** Bands and rates as stored, per scheme (jsonb has no bigint; rates are bps, bounds days). */
export type StoredBands = Record<
  string,
  { collectibility: (typeof collectibilities)[number]; maxDaysPastDue: number | null }[]
>;
export type StoredAllowanceRates = Record<
  string,
  Record<(typeof collectibilities)[number], number>
>;

/** The cooperative's collectibility bands and allowance rates; no row means the rules' defaults. */
export const loanDayEndSettings = pgTable(
  'loan_day_end_settings',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    bands: jsonb('bands').$type<StoredBands>().notNull(),
    allowanceRates: jsonb('allowance_rates').$type<StoredAllowanceRates>().notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId] })],
);

/** One day-end per (cooperative, business date): what it found and posted. */
export const loanDayEndRuns = pgTable(
  'loan_day_end_runs',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    businessDate: isoDate('business_date').notNull(),
    loanCount: integer('loan_count').notNull(),
    overdueLoanCount: integer('overdue_loan_count').notNull(),
    totalOutstanding: rupiah('total_outstanding').notNull(),
    penaltyAccrued: rupiah('penalty_accrued').notNull(),
    requiredAllowance: rupiah('required_allowance').notNull(),
    bookedAllowanceBefore: rupiah('booked_allowance_before').notNull(),
    allowanceEntryId: uuid('allowance_entry_id'),
    autoDebitCount: integer('auto_debit_count').notNull(),
    autoDebitAmount: rupiah('auto_debit_amount').notNull(),
    ranAt: timestamptz('ran_at').notNull(),
    ranBy: uuid('ran_by'),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.businessDate] })],
);

/** Each running loan as a day-end saw it; penalties are tracked here, off the ledger. */
export const loanDayEndPositions = pgTable(
  'loan_day_end_positions',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    businessDate: isoDate('business_date').notNull(),
    loanId: uuid('loan_id').notNull(),
    daysPastDue: integer('days_past_due').notNull(),
    collectibility: text('collectibility', { enum: collectibilities }).notNull(),
    principalOutstanding: rupiah('principal_outstanding').notNull(),
    overduePrincipal: rupiah('overdue_principal').notNull(),
    overdueInterest: rupiah('overdue_interest').notNull(),
    penaltyAccrued: rupiah('penalty_accrued').notNull(),
    penaltyAccruedTotal: rupiah('penalty_accrued_total').notNull(),
    penaltyOwed: rupiah('penalty_owed').notNull(),
    requiredAllowance: rupiah('required_allowance').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.businessDate, table.loanId] }),
    index('loan_day_end_positions_loan_idx').on(
      table.cooperativeId,
      table.loanId,
      table.businessDate,
    ),
  ],
);
