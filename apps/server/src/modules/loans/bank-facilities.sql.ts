import { and, asc, eq, sql, type AnyColumn } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/database.js';
import {
  loanBankFacilities,
  loanChanneledInstallments,
  loanChanneledLoans,
  loanChannelingCollections,
  loanChannelingRemittanceItems,
  loanChannelingRemittances,
  loanFacilityMovements,
  loanFundingAssignments,
  loanPartnerBanks,
} from './bank-facilities.schema.js';
import type { BankFacilityRow, ChanneledLoanRow, PartnerBankRow } from './loans.types.js';

/**
 * Rows that carry a journal entry, in the ledger's order (its sequence): ids made in the same
 * millisecond do not sort in the order they were made.
 */
const inLedgerOrder = (table: { cooperativeId: AnyColumn; entryId: AnyColumn }) =>
  sql`(select e.sequence from journal_entries e
       where e.cooperative_id = ${table.cooperativeId} and e.id = ${table.entryId})`;

export type FacilityMovementRow = typeof loanFacilityMovements.$inferSelect;
export type FundingAssignmentRow = typeof loanFundingAssignments.$inferSelect;
export type ChanneledInstallmentRow = typeof loanChanneledInstallments.$inferSelect;
export type ChannelingCollectionRow = typeof loanChannelingCollections.$inferSelect;
export type ChannelingRemittanceRow = typeof loanChannelingRemittances.$inferSelect;

// Partner banks and facilities -------------------------------------------------------------------

/** Inserts a bank; false when the cooperative already has one with this code. */
export async function insertPartnerBank(tx: Tx, row: PartnerBankRow) {
  const inserted = await tx
    .insert(loanPartnerBanks)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: loanPartnerBanks.id });
  return inserted.length > 0;
}

export async function listPartnerBankRows(tx: Tx, cooperativeId: string) {
  return tx
    .select()
    .from(loanPartnerBanks)
    .where(eq(loanPartnerBanks.cooperativeId, cooperativeId))
    .orderBy(asc(loanPartnerBanks.code));
}

export async function findPartnerBankRow(tx: Tx, cooperativeId: string, bankId: string) {
  const [row] = await tx
    .select()
    .from(loanPartnerBanks)
    .where(and(eq(loanPartnerBanks.cooperativeId, cooperativeId), eq(loanPartnerBanks.id, bankId)));
  return row ?? null;
}

/** Inserts a facility; false when its agreement number is already used. */
export async function insertFacility(tx: Tx, row: BankFacilityRow) {
  const inserted = await tx
    .insert(loanBankFacilities)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: loanBankFacilities.id });
  return inserted.length > 0;
}

/** One facility; `lock` serializes drawdowns, assignments and remittances on it. */
export async function findFacilityRow(
  tx: Tx,
  cooperativeId: string,
  facilityId: string,
  lock = false,
) {
  const query = tx
    .select()
    .from(loanBankFacilities)
    .where(
      and(
        eq(loanBankFacilities.cooperativeId, cooperativeId),
        eq(loanBankFacilities.id, facilityId),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function listFacilityRows(tx: Tx, cooperativeId: string) {
  return tx
    .select()
    .from(loanBankFacilities)
    .where(eq(loanBankFacilities.cooperativeId, cooperativeId))
    .orderBy(asc(loanBankFacilities.openedOn), asc(loanBankFacilities.id));
}

export async function setFacilityStatus(
  tx: Tx,
  cooperativeId: string,
  facilityId: string,
  status: BankFacilityRow['status'],
) {
  await tx
    .update(loanBankFacilities)
    .set({ status })
    .where(
      and(
        eq(loanBankFacilities.cooperativeId, cooperativeId),
        eq(loanBankFacilities.id, facilityId),
      ),
    );
}

// Executing: drawdowns and repayments ------------------------------------------------------------

export async function insertMovement(tx: Tx, row: FacilityMovementRow) {
  await tx.insert(loanFacilityMovements).values(row);
}

export async function findMovementByKey(tx: Tx, cooperativeId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(loanFacilityMovements)
    .where(
      and(
        eq(loanFacilityMovements.cooperativeId, cooperativeId),
        eq(loanFacilityMovements.idempotencyKey, idempotencyKey),
      ),
    );
  return row ?? null;
}

export async function listMovements(tx: Tx, cooperativeId: string, facilityId: string) {
  return tx
    .select()
    .from(loanFacilityMovements)
    .where(
      and(
        eq(loanFacilityMovements.cooperativeId, cooperativeId),
        eq(loanFacilityMovements.facilityId, facilityId),
      ),
    )
    .orderBy(inLedgerOrder(loanFacilityMovements));
}

// Funding assignments ----------------------------------------------------------------------------

export async function findAssignmentRow(tx: Tx, cooperativeId: string, loanId: string) {
  const [row] = await tx
    .select()
    .from(loanFundingAssignments)
    .where(
      and(
        eq(loanFundingAssignments.cooperativeId, cooperativeId),
        eq(loanFundingAssignments.loanId, loanId),
      ),
    );
  return row ?? null;
}

/** Inserts an assignment; false when the loan already has one. */
export async function insertAssignment(tx: Tx, row: FundingAssignmentRow) {
  const inserted = await tx
    .insert(loanFundingAssignments)
    .values(row)
    .onConflictDoNothing()
    .returning({ loanId: loanFundingAssignments.loanId });
  return inserted.length > 0;
}

/**
 * What member loans hold of a facility (optionally one member's): principal of loans not yet
 * disbursed, principal outstanding of running ones; nothing for rejected or repaid loans.
 * Executing loans are read from loans and loan_repayments, channeled ones from the bank's terms
 * and the collections.
 */
export async function sumAssignedExposure(
  tx: Tx,
  cooperativeId: string,
  input: { facilityId: string; membershipId: string | null },
) {
  const [row] = await queryRows<{ exposure: string }>(
    tx,
    sql`select coalesce(sum(case
          when f.funding_kind = 'channeling' then case
            when c.status in ('ditolak_bank', 'lunas') then 0
            else coalesce(c.principal, l.amount) - coalesce(cc.principal, 0) end
          when l.status in ('diajukan', 'disetujui') then l.principal
          when l.status = 'aktif' then l.principal - coalesce(r.principal, 0)
          else 0 end), 0)::text as exposure
        from loan_funding_assignments f
        join loans l on l.cooperative_id = f.cooperative_id and l.id = f.loan_id
        left join loan_channeled_loans c
          on c.cooperative_id = f.cooperative_id and c.loan_id = f.loan_id
        left join (select loan_id, sum(principal) as principal from loan_repayments
                   where cooperative_id = ${cooperativeId} group by loan_id) r on r.loan_id = f.loan_id
        left join (select loan_id, sum(principal) as principal from loan_channeling_collections
                   where cooperative_id = ${cooperativeId} group by loan_id) cc on cc.loan_id = f.loan_id
        where f.cooperative_id = ${cooperativeId} and f.facility_id = ${input.facilityId}
          ${input.membershipId ? sql`and l.membership_id = ${input.membershipId}` : sql``}`,
  );
  return BigInt(row?.exposure ?? '0');
}

// Channeled loans --------------------------------------------------------------------------------

export async function insertChanneledLoan(tx: Tx, row: ChanneledLoanRow) {
  await tx.insert(loanChanneledLoans).values(row);
}

export async function findChanneledLoanRow(
  tx: Tx,
  cooperativeId: string,
  loanId: string,
  lock = false,
) {
  const query = tx
    .select()
    .from(loanChanneledLoans)
    .where(
      and(
        eq(loanChanneledLoans.cooperativeId, cooperativeId),
        eq(loanChanneledLoans.loanId, loanId),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function setChanneledLoanFields(
  tx: Tx,
  cooperativeId: string,
  loanId: string,
  fields: Partial<Omit<ChanneledLoanRow, 'cooperativeId' | 'loanId'>>,
) {
  await tx
    .update(loanChanneledLoans)
    .set(fields)
    .where(
      and(
        eq(loanChanneledLoans.cooperativeId, cooperativeId),
        eq(loanChanneledLoans.loanId, loanId),
      ),
    );
}

export async function insertChanneledInstallments(tx: Tx, rows: ChanneledInstallmentRow[]) {
  if (rows.length > 0) await tx.insert(loanChanneledInstallments).values(rows);
}

export async function listChanneledInstallments(tx: Tx, cooperativeId: string, loanId: string) {
  return tx
    .select()
    .from(loanChanneledInstallments)
    .where(
      and(
        eq(loanChanneledInstallments.cooperativeId, cooperativeId),
        eq(loanChanneledInstallments.loanId, loanId),
      ),
    )
    .orderBy(asc(loanChanneledInstallments.number));
}

// Collections and remittances --------------------------------------------------------------------

export async function insertCollection(tx: Tx, row: ChannelingCollectionRow) {
  await tx.insert(loanChannelingCollections).values(row);
}

export async function findCollectionByKey(tx: Tx, cooperativeId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(loanChannelingCollections)
    .where(
      and(
        eq(loanChannelingCollections.cooperativeId, cooperativeId),
        eq(loanChannelingCollections.idempotencyKey, idempotencyKey),
      ),
    );
  return row ?? null;
}

/** A channeled loan's collections in the order they were paid, each saying if it was remitted. */
export async function listCollections(tx: Tx, cooperativeId: string, loanId: string) {
  const rows = await tx
    .select({
      collection: loanChannelingCollections,
      remittanceId: loanChannelingRemittanceItems.remittanceId,
    })
    .from(loanChannelingCollections)
    .leftJoin(
      loanChannelingRemittanceItems,
      and(
        eq(loanChannelingRemittanceItems.cooperativeId, loanChannelingCollections.cooperativeId),
        eq(loanChannelingRemittanceItems.collectionId, loanChannelingCollections.id),
      ),
    )
    .where(
      and(
        eq(loanChannelingCollections.cooperativeId, cooperativeId),
        eq(loanChannelingCollections.loanId, loanId),
      ),
    )
    .orderBy(inLedgerOrder(loanChannelingCollections));
  return rows.map((row) => ({ ...row.collection, isRemitted: row.remittanceId !== null }));
}

/** A facility's collections that no remittance has taken yet. */
export async function listUnremittedCollections(tx: Tx, cooperativeId: string, facilityId: string) {
  const rows = await queryRows<{ id: string; amount: string }>(
    tx,
    sql`select c.id, c.amount::text as amount
        from loan_channeling_collections c
        where c.cooperative_id = ${cooperativeId} and c.facility_id = ${facilityId}
          and not exists (select 1 from loan_channeling_remittance_items i
                          where i.cooperative_id = c.cooperative_id and i.collection_id = c.id)
        order by (select e.sequence from journal_entries e
                  where e.cooperative_id = c.cooperative_id and e.id = c.entry_id)`,
  );
  return rows.map((row) => ({ id: row.id, amount: BigInt(row.amount) }));
}

export async function insertRemittance(
  tx: Tx,
  row: ChannelingRemittanceRow,
  collectionIds: readonly string[],
) {
  await tx.insert(loanChannelingRemittances).values(row);
  await tx.insert(loanChannelingRemittanceItems).values(
    collectionIds.map((collectionId) => ({
      cooperativeId: row.cooperativeId,
      remittanceId: row.id,
      collectionId,
    })),
  );
}

export async function findRemittanceByKey(tx: Tx, cooperativeId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(loanChannelingRemittances)
    .where(
      and(
        eq(loanChannelingRemittances.cooperativeId, cooperativeId),
        eq(loanChannelingRemittances.idempotencyKey, idempotencyKey),
      ),
    );
  return row ?? null;
}

/** A facility's remittances in date order, each with how many collections it took. */
export async function listRemittances(tx: Tx, cooperativeId: string, facilityId: string) {
  const rows = await tx
    .select({
      remittance: loanChannelingRemittances,
      collections: sql<number>`(select count(*)::int from loan_channeling_remittance_items i
        where i.cooperative_id = ${loanChannelingRemittances.cooperativeId}
          and i.remittance_id = ${loanChannelingRemittances.id})`,
    })
    .from(loanChannelingRemittances)
    .where(
      and(
        eq(loanChannelingRemittances.cooperativeId, cooperativeId),
        eq(loanChannelingRemittances.facilityId, facilityId),
      ),
    )
    .orderBy(inLedgerOrder(loanChannelingRemittances));
  return rows.map((row) => ({ ...row.remittance, collections: Number(row.collections) }));
}

// The report -------------------------------------------------------------------------------------

export interface FacilityLoanLineRow {
  loanId: string;
  membershipId: string;
  memberNumber: string | null;
  memberName: string;
  status: string;
  principal: bigint;
  disbursedOn: string | null;
  principalRepaid: bigint;
  interestRepaid: bigint;
  collected: bigint;
  collectedNotRemitted: bigint;
}

/**
 * Every member loan a facility funds, in assignment order: the loan's status (the bank's, for a
 * channeled loan), principal, payout date, and what was repaid (executing: repayments at the
 * cooperative; channeling: collections) and is not yet remitted.
 */
export async function listFacilityLoanLines(
  tx: Tx,
  cooperativeId: string,
  facilityId: string,
): Promise<FacilityLoanLineRow[]> {
  const rows = await queryRows<{
    loan_id: string;
    membership_id: string;
    member_number: string | null;
    full_name: string | null;
    status: string;
    principal: string;
    disbursed_on: string | null;
    principal_repaid: string;
    interest_repaid: string;
    collected: string;
    not_remitted: string;
  }>(
    tx,
    sql`select f.loan_id, l.membership_id, m.member_number, m.full_name,
          coalesce(c.status, l.status) as status,
          (case when f.funding_kind = 'channeling' then coalesce(c.principal, l.amount)
                else l.principal end)::text as principal,
          (case when f.funding_kind = 'channeling' then c.disbursed_on
                else l.disbursed_on end)::text as disbursed_on,
          (case when f.funding_kind = 'channeling' then coalesce(cc.principal, 0)
                else coalesce(r.principal, 0) end)::text as principal_repaid,
          (case when f.funding_kind = 'channeling' then coalesce(cc.interest, 0)
                else coalesce(r.interest, 0) end)::text as interest_repaid,
          coalesce(cc.amount, 0)::text as collected,
          coalesce(cc.not_remitted, 0)::text as not_remitted
        from loan_funding_assignments f
        join loans l on l.cooperative_id = f.cooperative_id and l.id = f.loan_id
        left join members m
          on m.cooperative_id = l.cooperative_id and m.membership_id = l.membership_id
        left join loan_channeled_loans c
          on c.cooperative_id = f.cooperative_id and c.loan_id = f.loan_id
        left join (select loan_id, sum(principal) as principal, sum(interest) as interest
                   from loan_repayments where cooperative_id = ${cooperativeId}
                   group by loan_id) r on r.loan_id = f.loan_id
        left join (select x.loan_id, sum(x.principal) as principal, sum(x.interest) as interest,
                          sum(x.amount) as amount,
                          sum(x.amount) filter (where i.collection_id is null) as not_remitted
                   from loan_channeling_collections x
                   left join loan_channeling_remittance_items i
                     on i.cooperative_id = x.cooperative_id and i.collection_id = x.id
                   where x.cooperative_id = ${cooperativeId}
                   group by x.loan_id) cc on cc.loan_id = f.loan_id
        where f.cooperative_id = ${cooperativeId} and f.facility_id = ${facilityId}
        order by f.assigned_at, f.loan_id`,
  );
  return rows.map((row) => ({
    loanId: row.loan_id,
    membershipId: row.membership_id,
    memberNumber: row.member_number,
    memberName: row.full_name ?? '',
    status: row.status,
    principal: BigInt(row.principal),
    disbursedOn: row.disbursed_on,
    principalRepaid: BigInt(row.principal_repaid),
    interestRepaid: BigInt(row.interest_repaid),
    collected: BigInt(row.collected),
    collectedNotRemitted: BigInt(row.not_remitted),
  }));
}
