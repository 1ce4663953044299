import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/database.js';
import { maturityActions } from './savings.schema.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
const rupiah = (name: string) => bigint(name, { mode: 'bigint' });
const isoDate = (name: string) => date(name, { mode: 'string' });

export const termDepositSources = ['sukarela', 'cash', 'rollover'] as const;
export const termDepositOutcomes = ['matured', 'rolled_over', 'broken'] as const;

/** One simpanan berjangka placement, with the product terms copied onto it when it was opened. */
export const savingsTermDeposits = pgTable(
  'savings_term_deposits',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    accountId: uuid('account_id').notNull(),
    principal: rupiah('principal').notNull(),
    interestRateBps: integer('interest_rate_bps').notNull(),
    termMonths: integer('term_months').notNull(),
    maturityAction: text('maturity_action', { enum: maturityActions }).notNull(),
    earlyBreakPenaltyBps: integer('early_break_penalty_bps').notNull(),
    startDate: isoDate('start_date').notNull(),
    maturityDate: isoDate('maturity_date').notNull(),
    source: text('source', { enum: termDepositSources }).notNull(),
    rolledFromId: uuid('rolled_from_id'),
    openingEntryId: uuid('opening_entry_id'),
    openedAt: timestamptz('opened_at').notNull(),
    openedBy: uuid('opened_by'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique('savings_term_deposits_cooperative_id_rolled_from_id_key').on(
      table.cooperativeId,
      table.rolledFromId,
    ),
    unique('savings_term_deposits_cooperative_id_opening_entry_id_key').on(
      table.cooperativeId,
      table.openingEntryId,
    ),
    index('savings_term_deposits_member_idx').on(table.cooperativeId, table.membershipId),
    index('savings_term_deposits_maturity_idx').on(table.cooperativeId, table.maturityDate),
  ],
);

/** How a term deposit ended; one row per deposit, so it ends once. */
export const savingsTermDepositClosures = pgTable(
  'savings_term_deposit_closures',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    depositId: uuid('deposit_id').notNull(),
    outcome: text('outcome', { enum: termDepositOutcomes }).notNull(),
    closedOn: isoDate('closed_on').notNull(),
    membershipId: uuid('membership_id').notNull(),
    grossInterest: rupiah('gross_interest').notNull(),
    taxWithheld: rupiah('tax_withheld').notNull(),
    penalty: rupiah('penalty').notNull(),
    paidToSukarela: rupiah('paid_to_sukarela').notNull(),
    entryId: uuid('entry_id'),
    closedAt: timestamptz('closed_at').notNull(),
    closedBy: uuid('closed_by'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.depositId] }),
    index('savings_term_deposit_closures_member_idx').on(
      table.cooperativeId,
      table.membershipId,
      table.closedOn,
    ),
  ],
);

export type TermDepositRow = typeof savingsTermDeposits.$inferSelect;
export type TermDepositClosureRow = typeof savingsTermDepositClosures.$inferSelect;
export type TermDepositWithClosure = TermDepositRow & { closure: TermDepositClosureRow | null };

// Queries ----------------------------------------------------------------------------------------
// These belong in savings.sql.ts; they sit here, typed and in one place, because that file is
// being edited by other work at the same time. Move them when it settles.

const depositColumns = {
  deposit: savingsTermDeposits,
  closure: savingsTermDepositClosures,
};

function withClosure(rows: { deposit: TermDepositRow; closure: TermDepositClosureRow | null }[]) {
  return rows.map((row): TermDepositWithClosure => ({ ...row.deposit, closure: row.closure }));
}

function selectDeposits(tx: Tx) {
  return tx
    .select(depositColumns)
    .from(savingsTermDeposits)
    .leftJoin(
      savingsTermDepositClosures,
      and(
        eq(savingsTermDepositClosures.cooperativeId, savingsTermDeposits.cooperativeId),
        eq(savingsTermDepositClosures.depositId, savingsTermDeposits.id),
      ),
    );
}

export async function insertTermDeposit(tx: Tx, row: TermDepositRow) {
  await tx.insert(savingsTermDeposits).values(row);
}

/** Records how a deposit ended; false when it had already ended (the primary key). */
export async function insertTermDepositClosure(tx: Tx, row: TermDepositClosureRow) {
  const inserted = await tx
    .insert(savingsTermDepositClosures)
    .values(row)
    .onConflictDoNothing()
    .returning({ depositId: savingsTermDepositClosures.depositId });
  return inserted.length > 0;
}

export async function findTermDeposit(tx: Tx, cooperativeId: string, depositId: string) {
  const rows = await selectDeposits(tx).where(
    and(
      eq(savingsTermDeposits.cooperativeId, cooperativeId),
      eq(savingsTermDeposits.id, depositId),
    ),
  );
  return withClosure(rows)[0] ?? null;
}

export async function findTermDepositByOpeningEntry(
  tx: Tx,
  cooperativeId: string,
  openingEntryId: string,
) {
  const rows = await selectDeposits(tx).where(
    and(
      eq(savingsTermDeposits.cooperativeId, cooperativeId),
      eq(savingsTermDeposits.openingEntryId, openingEntryId),
    ),
  );
  return withClosure(rows)[0] ?? null;
}

/** A member's term deposits, newest first, each with how it ended (if it has). */
export async function listMemberTermDeposits(tx: Tx, cooperativeId: string, membershipId: string) {
  const rows = await selectDeposits(tx)
    .where(
      and(
        eq(savingsTermDeposits.cooperativeId, cooperativeId),
        eq(savingsTermDeposits.membershipId, membershipId),
      ),
    )
    .orderBy(sql`${savingsTermDeposits.startDate} desc`, sql`${savingsTermDeposits.id} desc`);
  return withClosure(rows);
}

/** Deposits still running whose maturity date is on or before `asOf`, earliest first. */
export async function listDueTermDeposits(tx: Tx, cooperativeId: string, asOf: string) {
  const rows = await selectDeposits(tx)
    .where(
      and(
        eq(savingsTermDeposits.cooperativeId, cooperativeId),
        lte(savingsTermDeposits.maturityDate, asOf),
        isNull(savingsTermDepositClosures.depositId),
      ),
    )
    .orderBy(asc(savingsTermDeposits.maturityDate), asc(savingsTermDeposits.id));
  return withClosure(rows);
}

/** Term-deposit interest a member was paid between two dates, and the tax withheld from it. */
export async function sumMemberTermInterest(
  tx: Tx,
  cooperativeId: string,
  input: { membershipId: string; firstDay: string; lastDay: string },
) {
  const [row] = await tx
    .select({
      interest: sql<string>`coalesce(sum(${savingsTermDepositClosures.grossInterest}), 0)::text`,
      tax: sql<string>`coalesce(sum(${savingsTermDepositClosures.taxWithheld}), 0)::text`,
    })
    .from(savingsTermDepositClosures)
    .where(
      and(
        eq(savingsTermDepositClosures.cooperativeId, cooperativeId),
        eq(savingsTermDepositClosures.membershipId, input.membershipId),
        gte(savingsTermDepositClosures.closedOn, input.firstDay),
        lte(savingsTermDepositClosures.closedOn, input.lastDay),
      ),
    );
  return { interest: BigInt(row?.interest ?? '0'), tax: BigInt(row?.tax ?? '0') };
}
