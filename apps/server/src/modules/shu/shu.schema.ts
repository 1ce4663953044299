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
import type {
  ShuCapitalBase,
  ShuComponent,
  ShuParticipationBase,
} from '@lumbung/shared/contracts/shu';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
const rupiah = (name: string) => bigint(name, { mode: 'bigint' });

/** Revenue accounts (by code) whose lines measure a participation base. Written by migrations. */
export const shuParticipationAccounts = pgTable('shu_participation_accounts', {
  accountCode: text('account_code').primaryKey(),
  sourceKey: text('source_key').notNull(),
});

export const shuRuleVersions = pgTable(
  'shu_rule_versions',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    fiscalYearStart: date('fiscal_year_start', { mode: 'string' }).notNull(),
    version: integer('version').notNull(),
    components: jsonb('components').$type<ShuComponent[]>().notNull(),
    capitalBase: jsonb('capital_base').$type<ShuCapitalBase>().notNull(),
    participation: jsonb('participation').$type<ShuParticipationBase[]>().notNull(),
    taxRateBps: integer('tax_rate_bps').notNull(),
    note: text('note'),
    createdAt: timestamptz('created_at').notNull(),
    createdBy: uuid('created_by'),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.fiscalYearStart, table.version] })],
);

export const shuMemberCounters = pgTable(
  'shu_member_counters',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    baseKey: text('base_key').notNull(),
    fiscalYearStart: date('fiscal_year_start', { mode: 'string' }).notNull(),
    amount: rupiah('amount').notNull().default(0n),
    balanceDays: rupiah('balance_days').notNull().default(0n),
  },
  (table) => [
    primaryKey({
      columns: [table.cooperativeId, table.membershipId, table.baseKey, table.fiscalYearStart],
    }),
    index('shu_member_counters_year_idx').on(table.cooperativeId, table.fiscalYearStart),
  ],
);

export const shuYearCounters = pgTable(
  'shu_year_counters',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    baseKey: text('base_key').notNull(),
    fiscalYearStart: date('fiscal_year_start', { mode: 'string' }).notNull(),
    amount: rupiah('amount').notNull().default(0n),
    balanceDays: rupiah('balance_days').notNull().default(0n),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.baseKey, table.fiscalYearStart] })],
);

export const shuDistributionStatuses = [
  'proposed',
  'awaiting_countersign',
  'approved',
  'posted',
  'superseded',
] as const;

export const shuDistributions = pgTable(
  'shu_distributions',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    fiscalYearStart: date('fiscal_year_start', { mode: 'string' }).notNull(),
    ruleVersion: integer('rule_version').notNull(),
    status: text('status', { enum: shuDistributionStatuses }).notNull(),
    surplus: rupiah('surplus').notNull(),
    figures: jsonb('figures').$type<StoredFigures>().notNull(),
    memberCount: integer('member_count').notNull(),
    proposedAt: timestamptz('proposed_at').notNull(),
    proposedBy: uuid('proposed_by'),
    ratDate: date('rat_date', { mode: 'string' }),
    minutesReference: text('minutes_reference'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamptz('recorded_at'),
    countersignedBy: uuid('countersigned_by'),
    countersignedAt: timestamptz('countersigned_at'),
    postedBy: uuid('posted_by'),
    postedAt: timestamptz('posted_at'),
    payout: text('payout', { enum: ['sukarela', 'cash'] }),
    entryIds: uuid('entry_ids').array().notNull().default([]),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.id] })],
);

export const shuDistributionMembers = pgTable(
  'shu_distribution_members',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    distributionId: uuid('distribution_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    capitalBase: rupiah('capital_base').notNull(),
    participation: jsonb('participation').$type<Record<string, string>>().notNull(),
    jasaModal: rupiah('jasa_modal').notNull(),
    jasaUsaha: rupiah('jasa_usaha').notNull(),
    share: rupiah('share').notNull(),
    tax: rupiah('tax').notNull(),
    paidAccountId: uuid('paid_account_id'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.distributionId, table.membershipId] }),
  ],
);

/** A member's owed SHU paid in cash at the teller (migration 0023): once per distribution. */
export const shuCashPayouts = pgTable(
  'shu_cash_payouts',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    distributionId: uuid('distribution_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    paidBy: uuid('paid_by'),
    paidAt: timestamptz('paid_at').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.distributionId, table.membershipId] }),
  ],
);

/** A distribution's figures as stored: rupiah as decimal strings (jsonb has no bigint). */
export interface StoredFigures {
  memberSurplus: string;
  nonMemberSurplus: string;
  pools: { key: string; name: string; amount: string; accountCode: string }[];
  jasaUsahaLines: { sourceKey: string; amount: string; total: string }[];
  capitalTotal: string;
  toCadanganResidue: string;
}
