import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  collectibilitySchemes,
  feeTreatments,
  installmentFrequencies,
  interestMethods,
  loanChannels,
  loanRepaymentChannels,
  loanStatuses,
} from '@lumbung/shared/contracts/loans';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
const rupiah = (name: string) => bigint(name, { mode: 'bigint' });
const isoDate = (name: string) => date(name, { mode: 'string' });

/** A tier as stored: amounts as decimal strings (jsonb has no bigint). */
export interface StoredApprovalTier {
  upTo: string | null;
  approvals: number;
  requiresKetua: boolean;
}

export interface StoredAssessmentFactor {
  key: string;
  points: number;
  maxPoints: number;
  value: string | number | boolean | null;
}

/** A cooperative's loan products, by code (settings the pengurus set; loans copy their terms). */
export const loanProducts = pgTable(
  'loan_products',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    interestMethod: text('interest_method', { enum: interestMethods }).notNull(),
    interestRateBpsPerMonth: integer('interest_rate_bps_per_month').notNull(),
    tenors: integer('tenors').array().notNull(),
    frequency: text('frequency', { enum: installmentFrequencies }).notNull(),
    adminFeeBps: integer('admin_fee_bps').notNull(),
    provisionFeeBps: integer('provision_fee_bps').notNull(),
    feeTreatment: text('fee_treatment', { enum: feeTreatments }).notNull(),
    penaltyBpsPerDay: integer('penalty_bps_per_day').notNull(),
    graceInstallments: integer('grace_installments').notNull(),
    plafondSavingsMultiple: integer('plafond_savings_multiple'),
    minAmount: rupiah('min_amount').notNull(),
    maxAmount: rupiah('max_amount').notNull(),
    membersOnly: boolean('members_only').notNull(),
    approvalTiers: jsonb('approval_tiers').$type<StoredApprovalTier[]>().notNull(),
    collectibilityScheme: text('collectibility_scheme', { enum: collectibilitySchemes }).notNull(),
    isActive: boolean('is_active').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.code] })],
);

/** An application and, once disbursed, the loan: the product's terms copied onto it. */
export const loans = pgTable(
  'loans',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    applicantPersonId: uuid('applicant_person_id').notNull(),
    productCode: text('product_code').notNull(),
    amount: rupiah('amount').notNull(),
    principal: rupiah('principal').notNull(),
    adminFee: rupiah('admin_fee').notNull(),
    provisionFee: rupiah('provision_fee').notNull(),
    feeTreatment: text('fee_treatment', { enum: feeTreatments }).notNull(),
    interestMethod: text('interest_method', { enum: interestMethods }).notNull(),
    interestRateBpsPerMonth: integer('interest_rate_bps_per_month').notNull(),
    installments: integer('installments').notNull(),
    frequency: text('frequency', { enum: installmentFrequencies }).notNull(),
    penaltyBpsPerDay: integer('penalty_bps_per_day').notNull(),
    graceInstallments: integer('grace_installments').notNull(),
    collectibilityScheme: text('collectibility_scheme', { enum: collectibilitySchemes }).notNull(),
    plafondSavingsMultiple: integer('plafond_savings_multiple'),
    requiredApprovals: integer('required_approvals').notNull(),
    requiresKetua: boolean('requires_ketua').notNull(),
    purpose: text('purpose').notNull(),
    declaredMonthlyIncome: rupiah('declared_monthly_income').notNull(),
    status: text('status', { enum: loanStatuses }).notNull(),
    appliedAt: timestamptz('applied_at').notNull(),
    appliedBy: uuid('applied_by'),
    appliedVia: text('applied_via', { enum: ['member', 'officer'] }).notNull(),
    decidedAt: timestamptz('decided_at'),
    loanAccountId: uuid('loan_account_id'),
    disbursedOn: isoDate('disbursed_on'),
    disbursedAt: timestamptz('disbursed_at'),
    disbursedBy: uuid('disbursed_by'),
    disbursementChannel: text('disbursement_channel', { enum: loanChannels }),
    disbursementEntryId: uuid('disbursement_entry_id'),
    disbursementKey: text('disbursement_key'),
    closedOn: isoDate('closed_on'),
    /** Day-end takes what is due from the member's sukarela (migration 0015; default off). */
    isAutoDebit: boolean('is_auto_debit').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique('loans_cooperative_id_disbursement_entry_id_key').on(
      table.cooperativeId,
      table.disbursementEntryId,
    ),
    index('loans_member_idx').on(table.cooperativeId, table.membershipId),
    index('loans_status_idx').on(table.cooperativeId, table.status, table.id),
  ],
);

export const loanGuarantors = pgTable(
  'loan_guarantors',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    loanId: uuid('loan_id').notNull(),
    position: integer('position').notNull(),
    fullName: text('full_name').notNull(),
    nik: text('nik').notNull(),
    relation: text('relation').notNull(),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.loanId, table.position] })],
);

export const loanCollateral = pgTable(
  'loan_collateral',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    loanId: uuid('loan_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    estimatedValue: rupiah('estimated_value').notNull(),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.loanId, table.position] })],
);

/** The assessment computed at submission (rules/assessment.ts), with the inputs it read. */
export const loanAssessments = pgTable(
  'loan_assessments',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    loanId: uuid('loan_id').notNull(),
    score: integer('score').notNull(),
    grade: text('grade').notNull(),
    factors: jsonb('factors').$type<StoredAssessmentFactor[]>().notNull(),
    inputs: jsonb('inputs').$type<Record<string, string | number | boolean | null>>().notNull(),
    proposedInstallment: rupiah('proposed_installment').notNull(),
    installmentToIncomeBps: integer('installment_to_income_bps').notNull(),
    isCapacityOk: boolean('is_capacity_ok').notNull(),
    assessedAt: timestamptz('assessed_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.cooperativeId, table.loanId] })],
);

export const loanDecisions = pgTable(
  'loan_decisions',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    loanId: uuid('loan_id').notNull(),
    personId: uuid('person_id').notNull(),
    roles: text('roles').array().notNull(),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    reason: text('reason').notNull(),
    decidedAt: timestamptz('decided_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique('loan_decisions_cooperative_id_loan_id_person_id_key').on(
      table.cooperativeId,
      table.loanId,
      table.personId,
    ),
  ],
);

/** The schedule agreed at disbursement (rules/schedule.ts buildSchedule). */
export const loanInstallments = pgTable(
  'loan_installments',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    loanId: uuid('loan_id').notNull(),
    number: integer('number').notNull(),
    dueDate: isoDate('due_date').notNull(),
    principal: rupiah('principal').notNull(),
    interest: rupiah('interest').notNull(),
    total: rupiah('total').notNull(),
    principalOutstandingAfter: rupiah('principal_outstanding_after').notNull(),
    /** 1 at disbursement, one more per reschedule; the highest is current (migration 0017). */
    scheduleVersion: integer('schedule_version').notNull().default(1),
  },
  (table) => [
    primaryKey({
      columns: [table.cooperativeId, table.loanId, table.scheduleVersion, table.number],
    }),
  ],
);

/** Every repayment with its allocation; per-loan paid principal, interest and penalty are sums. */
export const loanRepayments = pgTable(
  'loan_repayments',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    loanId: uuid('loan_id').notNull(),
    paidOn: isoDate('paid_on').notNull(),
    channel: text('channel', { enum: loanRepaymentChannels }).notNull(),
    amount: rupiah('amount').notNull(),
    penalty: rupiah('penalty').notNull(),
    interest: rupiah('interest').notNull(),
    principal: rupiah('principal').notNull(),
    isPayoff: boolean('is_payoff').notNull(),
    entryId: uuid('entry_id').notNull(),
    sessionId: uuid('session_id'),
    idempotencyKey: text('idempotency_key').notNull(),
    receivedBy: uuid('received_by'),
    recordedAt: timestamptz('recorded_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique('loan_repayments_cooperative_id_entry_id_key').on(table.cooperativeId, table.entryId),
    unique('loan_repayments_cooperative_id_idempotency_key_key').on(
      table.cooperativeId,
      table.idempotencyKey,
    ),
    index('loan_repayments_loan_idx').on(table.cooperativeId, table.loanId, table.paidOn),
  ],
);

/**
 * Each reschedule (restrukturisasi) of a running loan by the board: the terms before and after,
 * what was carried into the new schedule, who approved it, when and why (migration 0017).
 */
export const loanReschedules = pgTable(
  'loan_reschedules',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    id: uuid('id').notNull(),
    loanId: uuid('loan_id').notNull(),
    scheduleVersion: integer('schedule_version').notNull(),
    effectiveDate: isoDate('effective_date').notNull(),
    reason: text('reason').notNull(),
    principalOutstanding: rupiah('principal_outstanding').notNull(),
    interestCarried: rupiah('interest_carried').notNull(),
    penaltyWaived: rupiah('penalty_waived').notNull(),
    installmentsBefore: integer('installments_before').notNull(),
    remainingInstallmentsBefore: integer('remaining_installments_before').notNull(),
    interestRateBpsPerMonthBefore: integer('interest_rate_bps_per_month_before').notNull(),
    lastDueDateBefore: isoDate('last_due_date_before').notNull(),
    installmentsAfter: integer('installments_after').notNull(),
    newInstallments: integer('new_installments').notNull(),
    interestRateBpsPerMonthAfter: integer('interest_rate_bps_per_month_after').notNull(),
    lastDueDateAfter: isoDate('last_due_date_after').notNull(),
    approvedBy: uuid('approved_by').notNull(),
    approverRoles: text('approver_roles').array().notNull(),
    approvedAt: timestamptz('approved_at').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique('loan_reschedules_cooperative_id_loan_id_schedule_version_key').on(
      table.cooperativeId,
      table.loanId,
      table.scheduleVersion,
    ),
    unique('loan_reschedules_cooperative_id_idempotency_key_key').on(
      table.cooperativeId,
      table.idempotencyKey,
    ),
  ],
);
