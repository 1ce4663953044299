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
import {
  bankDecisions,
  channeledLoanStatuses,
  channelingPayouts,
  facilityKinds,
  facilityStatuses,
  ratePeriods,
} from '@lumbung/shared/contracts/bank-facilities';
import { loanChannels } from '@lumbung/shared/contracts/loans';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
const rupiah = (name: string) => bigint(name, { mode: 'bigint' });
const isoDate = (name: string) => date(name, { mode: 'string' });

/** The banks a cooperative works with (BRI, BNI, Bank NTT...), by code. */
export const loanPartnerBanks = pgTable(
  'loan_partner_banks',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    createdAt: timestamptz('created_at').notNull(),
    createdBy: uuid('created_by'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique('loan_partner_banks_cooperative_id_code_key').on(table.cooperativeId, table.code),
  ],
);

/** A credit facility agreed with a partner bank: executing or channeling. */
export const loanBankFacilities = pgTable(
  'loan_bank_facilities',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    bankId: uuid('bank_id').notNull(),
    kind: text('kind', { enum: facilityKinds }).notNull(),
    agreementNumber: text('agreement_number').notNull(),
    plafond: rupiah('plafond').notNull(),
    interestRateBps: integer('interest_rate_bps').notNull(),
    ratePeriod: text('rate_period', { enum: ratePeriods }).notNull(),
    tenorMonths: integer('tenor_months').notNull(),
    quotaPerMember: rupiah('quota_per_member').notNull(),
    feeBps: integer('fee_bps').notNull(),
    status: text('status', { enum: facilityStatuses }).notNull(),
    openedOn: isoDate('opened_on').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    createdBy: uuid('created_by'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique('loan_bank_facilities_cooperative_id_agreement_number_key').on(
      table.cooperativeId,
      table.agreementNumber,
    ),
  ],
);

/** Executing facilities: drawdowns and repayments to the bank, each with its entry. */
export const loanFacilityMovements = pgTable(
  'loan_facility_movements',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    kind: text('kind', { enum: ['drawdown', 'repayment'] }).notNull(),
    businessDate: isoDate('business_date').notNull(),
    principal: rupiah('principal').notNull(),
    interest: rupiah('interest').notNull(),
    entryId: uuid('entry_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    recordedAt: timestamptz('recorded_at').notNull(),
    recordedBy: uuid('recorded_by'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique('loan_facility_movements_cooperative_id_idempotency_key_key').on(
      table.cooperativeId,
      table.idempotencyKey,
    ),
    index('loan_facility_movements_facility_idx').on(
      table.cooperativeId,
      table.facilityId,
      table.businessDate,
    ),
  ],
);

/**
 * The funding source of a member loan funded by a bank facility (no row: the cooperative's own
 * money). `fundingKind = 'channeling'` marks a loan that is the bank's: day-end, NPL and the
 * portfolio leave it out.
 */
export const loanFundingAssignments = pgTable(
  'loan_funding_assignments',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    loanId: uuid('loan_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    fundingKind: text('funding_kind', { enum: facilityKinds }).notNull(),
    assignedAt: timestamptz('assigned_at').notNull(),
    assignedBy: uuid('assigned_by'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.loanId] }),
    index('loan_funding_assignments_facility_idx').on(table.cooperativeId, table.facilityId),
  ],
);

/** A channeled loan's life with the bank: decision, disbursement, the bank's terms. */
export const loanChanneledLoans = pgTable(
  'loan_channeled_loans',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    loanId: uuid('loan_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    status: text('status', { enum: channeledLoanStatuses }).notNull(),
    bankDecision: text('bank_decision', { enum: bankDecisions }),
    bankReference: text('bank_reference'),
    bankDecidedOn: isoDate('bank_decided_on'),
    bankDecisionNote: text('bank_decision_note'),
    bankDecisionRecordedBy: uuid('bank_decision_recorded_by'),
    bankDecisionRecordedAt: timestamptz('bank_decision_recorded_at'),
    principal: rupiah('principal'),
    interestRateBpsPerMonth: integer('interest_rate_bps_per_month'),
    installments: integer('installments'),
    payout: text('payout', { enum: channelingPayouts }),
    disbursedOn: isoDate('disbursed_on'),
    disbursementReference: text('disbursement_reference'),
    disbursementEntryId: uuid('disbursement_entry_id'),
    disbursementKey: text('disbursement_key'),
    disbursedBy: uuid('disbursed_by'),
    closedOn: isoDate('closed_on'),
    createdAt: timestamptz('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.loanId] }),
    index('loan_channeled_loans_facility_idx').on(
      table.cooperativeId,
      table.facilityId,
      table.status,
    ),
  ],
);

/** The bank's schedule of a channeled loan (off the balance sheet). */
export const loanChanneledInstallments = pgTable(
  'loan_channeled_installments',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    loanId: uuid('loan_id').notNull(),
    number: integer('number').notNull(),
    dueDate: isoDate('due_date').notNull(),
    principal: rupiah('principal').notNull(),
    interest: rupiah('interest').notNull(),
    total: rupiah('total').notNull(),
    principalOutstandingAfter: rupiah('principal_outstanding_after').notNull(),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.loanId, table.number] })],
);

/** A member's payment at the cooperative on a channeled loan, held for the bank. */
export const loanChannelingCollections = pgTable(
  'loan_channeling_collections',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    loanId: uuid('loan_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    paidOn: isoDate('paid_on').notNull(),
    channel: text('channel', { enum: loanChannels }).notNull(),
    amount: rupiah('amount').notNull(),
    interest: rupiah('interest').notNull(),
    principal: rupiah('principal').notNull(),
    entryId: uuid('entry_id').notNull(),
    sessionId: uuid('session_id'),
    idempotencyKey: text('idempotency_key').notNull(),
    receivedBy: uuid('received_by'),
    recordedAt: timestamptz('recorded_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique('loan_channeling_collections_cooperative_id_idempotency_key_key').on(
      table.cooperativeId,
      table.idempotencyKey,
    ),
    unique('loan_channeling_collections_cooperative_id_entry_id_key').on(
      table.cooperativeId,
      table.entryId,
    ),
    index('loan_channeling_collections_facility_idx').on(
      table.cooperativeId,
      table.facilityId,
      table.paidOn,
    ),
  ],
);

/** A remittance of collections to the bank, less the cooperative's fee. */
export const loanChannelingRemittances = pgTable(
  'loan_channeling_remittances',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    businessDate: isoDate('business_date').notNull(),
    collected: rupiah('collected').notNull(),
    fee: rupiah('fee').notNull(),
    remitted: rupiah('remitted').notNull(),
    entryId: uuid('entry_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    recordedAt: timestamptz('recorded_at').notNull(),
    recordedBy: uuid('recorded_by'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique('loan_channeling_remittances_cooperative_id_idempotency_key_key').on(
      table.cooperativeId,
      table.idempotencyKey,
    ),
  ],
);

/** Which collections a remittance took (each collection once). */
export const loanChannelingRemittanceItems = pgTable(
  'loan_channeling_remittance_items',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    remittanceId: uuid('remittance_id').notNull(),
    collectionId: uuid('collection_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.collectionId] })],
);
