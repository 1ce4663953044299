import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
const rupiah = (name: string) => bigint(name, { mode: 'bigint' });

export const maturityActions = ['rollover', 'to_sukarela'] as const;

/** One row per cooperative: the savings products its AD/ART and RAT set. */
export const savingsProducts = pgTable('savings_products', {
  cooperativeId: uuid('cooperative_id').primaryKey(),
  pokokAmount: rupiah('pokok_amount').notNull(),
  wajibMonthlyAmount: rupiah('wajib_monthly_amount').notNull(),
  sukarelaInterestRateBps: integer('sukarela_interest_rate_bps').notNull(),
  sukarelaMinimumBalance: rupiah('sukarela_minimum_balance').notNull(),
  berjangkaTermMonths: integer('berjangka_term_months').notNull(),
  berjangkaInterestRateBps: integer('berjangka_interest_rate_bps').notNull(),
  berjangkaMaturityAction: text('berjangka_maturity_action', { enum: maturityActions }).notNull(),
  berjangkaEarlyBreakPenaltyBps: integer('berjangka_early_break_penalty_bps').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});

export const savingsTellerSessions = pgTable(
  'savings_teller_sessions',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    tellerPersonId: uuid('teller_person_id').notNull(),
    openedAt: timestamptz('opened_at').notNull(),
    openingFloat: rupiah('opening_float').notNull(),
    closedAt: timestamptz('closed_at'),
    expectedCash: rupiah('expected_cash'),
    countedCash: rupiah('counted_cash'),
    differenceEntryId: uuid('difference_entry_id'),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.id] })],
);

/** Which journal entries a teller session posted: its cash is their Kas lines. */
export const savingsSessionEntries = pgTable(
  'savings_session_entries',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    sessionId: uuid('session_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.entryId] }),
    index('savings_session_entries_session_idx').on(table.cooperativeId, table.sessionId),
  ],
);

export const savingsInterestRuns = pgTable(
  'savings_interest_runs',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    month: text('month').notNull(),
    accountCount: integer('account_count').notNull(),
    memberCount: integer('member_count').notNull(),
    grossInterest: rupiah('gross_interest').notNull(),
    taxWithheld: rupiah('tax_withheld').notNull(),
    entryIds: uuid('entry_ids').array().notNull(),
    ranAt: timestamptz('ran_at').notNull(),
    ranBy: uuid('ran_by'),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.month] })],
);
