import { z } from 'zod';
import { isoDateSchema, uuidSchema } from './common.js';
import { positiveRupiahString, rupiahString } from './ledger.js';

export const interestMethods = ['flat', 'efektif', 'anuitas'] as const;
export type InterestMethodName = (typeof interestMethods)[number];
export const installmentFrequencies = ['weekly', 'monthly'] as const;
export const feeTreatments = ['deducted', 'financed'] as const;
export const collectibilitySchemes = ['KSP_2009', 'OJK_BANK'] as const;
/** diajukan -> disetujui | ditolak; disetujui -> aktif (disbursed) -> lunas (repaid). */
export const loanStatuses = ['diajukan', 'disetujui', 'ditolak', 'aktif', 'lunas'] as const;
export type LoanStatus = (typeof loanStatuses)[number];
export const loanChannels = ['sukarela', 'cash'] as const;
export type LoanChannel = (typeof loanChannels)[number];
/** Where a repayment's money came from: also `payroll`, the employer's deduction transfer. */
export const loanRepaymentChannels = [...loanChannels, 'payroll'] as const;
export type LoanRepaymentChannel = (typeof loanRepaymentChannels)[number];

const nonNegativeRupiahString = z
  .string()
  .regex(/^\d{1,16}$/)
  .describe('Rupiah (zero or more) as a decimal integer string');
const bps = z.number().int().min(0).max(10_000);

export const approvalTierInput = z.object({
  upTo: positiveRupiahString
    .nullable()
    .describe('Loans up to this amount (inclusive) fall in this tier; null = any larger amount'),
  approvals: z.number().int().min(1).max(5),
  requiresKetua: z.boolean(),
});

export const loanProductCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/);

export const loanProductInput = z
  .object({
    name: z.string().trim().min(2).max(120),
    interestMethod: z.enum(interestMethods),
    interestRateBpsPerMonth: bps,
    tenors: z
      .array(z.number().int().min(1).max(520))
      .min(1)
      .max(24)
      .describe('The numbers of installments offered'),
    frequency: z.enum(installmentFrequencies),
    adminFeeBps: bps,
    provisionFeeBps: bps,
    feeTreatment: z
      .enum(feeTreatments)
      .describe('deducted: taken from the disbursed amount; financed: added to the principal'),
    penaltyBpsPerDay: bps,
    graceInstallments: z.number().int().min(0).max(52),
    plafondSavingsMultiple: z
      .number()
      .int()
      .min(1)
      .max(100)
      .nullable()
      .describe("At most this many times the member's savings; null = no such rule"),
    minAmount: positiveRupiahString,
    maxAmount: positiveRupiahString,
    membersOnly: z
      .literal(true)
      .default(true)
      .describe('A closed-loop cooperative lends to its members only: always true'),
    approvalTiers: z.array(approvalTierInput).min(1).max(5),
    collectibilityScheme: z.enum(collectibilitySchemes),
    isActive: z.boolean(),
  })
  .refine((product) => BigInt(product.minAmount) <= BigInt(product.maxAmount), {
    message: 'minAmount is at most maxAmount',
    path: ['maxAmount'],
  })
  .refine((product) => product.approvalTiers.at(-1)?.upTo === null, {
    message: 'the last approval tier has upTo null (it covers every larger amount)',
    path: ['approvalTiers'],
  })
  .refine((product) => product.adminFeeBps + product.provisionFeeBps < 10_000, {
    message: 'the fees together are less than the amount lent',
    path: ['provisionFeeBps'],
  })
  .refine((product) => product.graceInstallments < Math.min(...product.tenors), {
    message: 'the grace period is shorter than every tenor',
    path: ['graceInstallments'],
  });
export const putLoanProductRequest = loanProductInput;

export const loanProductView = z.object({
  code: loanProductCode,
  name: z.string(),
  interestMethod: z.enum(interestMethods),
  interestRateBpsPerMonth: z.number().int(),
  tenors: z.array(z.number().int()),
  frequency: z.enum(installmentFrequencies),
  adminFeeBps: z.number().int(),
  provisionFeeBps: z.number().int(),
  feeTreatment: z.enum(feeTreatments),
  penaltyBpsPerDay: z.number().int(),
  graceInstallments: z.number().int(),
  plafondSavingsMultiple: z.number().int().nullable(),
  minAmount: rupiahString,
  maxAmount: rupiahString,
  membersOnly: z.boolean(),
  approvalTiers: z.array(
    z.object({
      upTo: rupiahString.nullable(),
      approvals: z.number().int(),
      requiresKetua: z.boolean(),
    }),
  ),
  collectibilityScheme: z.enum(collectibilitySchemes),
  isActive: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export const loanProductListView = z.object({ items: z.array(loanProductView) });

const nikString = z.string().regex(/^\d{16}$/);

export const loanApplicationRequest = z.object({
  membershipId: uuidSchema
    .optional()
    .describe("The applicant; an officer applies on a member's behalf, a member for themself"),
  productCode: loanProductCode,
  amount: positiveRupiahString,
  installments: z.number().int().min(1).max(520),
  purpose: z.string().trim().min(3).max(500),
  declaredMonthlyIncome: positiveRupiahString.describe(
    "The applicant's own statement of income a month",
  ),
  guarantors: z
    .array(
      z.object({
        fullName: z.string().trim().min(2).max(120),
        nik: nikString,
        relation: z.string().trim().min(2).max(60),
      }),
    )
    .max(10)
    .default([]),
  collateral: z
    .array(
      z.object({
        kind: z.string().trim().min(2).max(60),
        description: z.string().trim().min(2).max(300),
        estimatedValue: nonNegativeRupiahString,
      }),
    )
    .max(10)
    .default([]),
});

export const loanDecisionRequest = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(3).max(500),
});

export const loanDisbursementRequest = z.object({ channel: z.enum(loanChannels) });
export const loanRepaymentRequest = z.object({
  channel: z.enum(loanChannels),
  amount: positiveRupiahString,
});
export const loanPayoffRequest = z.object({ channel: z.enum(loanChannels) });

export const loanAssessmentView = z.object({
  score: z.number().int(),
  grade: z.string(),
  factors: z.array(
    z.object({
      key: z.string(),
      points: z.number(),
      maxPoints: z.number(),
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    }),
  ),
  inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  proposedInstallment: rupiahString,
  installmentToIncomeBps: z.number().int(),
  isCapacityOk: z.boolean(),
  assessedAt: z.iso.datetime(),
});

export const loanDecisionView = z.object({
  id: uuidSchema,
  personId: uuidSchema,
  personName: z.string(),
  roles: z.array(z.string()),
  decision: z.enum(['approve', 'reject']),
  reason: z.string(),
  decidedAt: z.iso.datetime(),
});

export const loanSummaryView = z.object({
  id: uuidSchema,
  membershipId: uuidSchema,
  memberNumber: z.string().nullable(),
  memberName: z.string(),
  productCode: z.string(),
  amount: rupiahString,
  principal: rupiahString,
  installments: z.number().int(),
  frequency: z.enum(installmentFrequencies),
  interestMethod: z.enum(interestMethods),
  interestRateBpsPerMonth: z.number().int(),
  status: z.enum(loanStatuses),
  appliedAt: z.iso.datetime(),
  disbursedOn: isoDateSchema.nullable(),
  closedOn: isoDateSchema.nullable(),
});

export const loanInstallmentView = z.object({
  number: z.number().int(),
  dueDate: isoDateSchema,
  principal: rupiahString,
  interest: rupiahString,
  total: rupiahString,
  principalOutstandingAfter: rupiahString,
  principalPaid: rupiahString,
  interestPaid: rupiahString,
  status: z.enum(['paid', 'partly_paid', 'due', 'overdue', 'upcoming', 'waived']),
});

export const loanRepaymentView = z.object({
  id: uuidSchema,
  loanId: uuidSchema,
  paidOn: isoDateSchema,
  channel: z.enum(loanRepaymentChannels),
  amount: rupiahString,
  penalty: rupiahString,
  interest: rupiahString,
  principal: rupiahString,
  isPayoff: z.boolean(),
  entryId: uuidSchema,
  sessionId: uuidSchema.nullable(),
  receivedBy: uuidSchema.nullable(),
  principalOutstandingAfter: rupiahString,
  loanStatus: z.enum(loanStatuses),
});

/** A superseded installment as it stood in the schedule it belonged to. */
export const loanScheduledInstallmentView = z.object({
  number: z.number().int(),
  dueDate: isoDateSchema,
  principal: rupiahString,
  interest: rupiahString,
  total: rupiahString,
  principalOutstandingAfter: rupiahString,
});

/** One reschedule by the board: terms before and after, what was carried, who, when and why. */
export const loanRescheduleView = z.object({
  id: uuidSchema,
  scheduleVersion: z.number().int().describe('The schedule version this reschedule created'),
  effectiveDate: isoDateSchema,
  reason: z.string(),
  principalOutstanding: rupiahString.describe('Principal carried into the new schedule'),
  interestCarried: rupiahString.describe(
    'Unpaid interest of installments due by the effective date, added to the first new installment',
  ),
  penaltyWaived: rupiahString.describe('Denda owed that day which the new schedule does not carry'),
  before: z.object({
    installments: z.number().int(),
    remainingInstallments: z.number().int(),
    interestRateBpsPerMonth: z.number().int(),
    lastDueDate: isoDateSchema,
  }),
  after: z.object({
    installments: z.number().int(),
    newInstallments: z.number().int(),
    interestRateBpsPerMonth: z.number().int(),
    lastDueDate: isoDateSchema,
  }),
  approvedBy: uuidSchema,
  approverName: z.string(),
  approverRoles: z.array(z.string()),
  approvedAt: z.iso.datetime(),
  supersededSchedule: z
    .array(loanScheduledInstallmentView)
    .describe('The schedule this reschedule replaced, kept as it was'),
});

/** How a loan is funded when not from the cooperative's own money (bank facilities). */
export const loanFundingKinds = ['executing', 'channeling'] as const;

export const loanDetailView = loanSummaryView.extend({
  applicantPersonId: uuidSchema,
  purpose: z.string(),
  declaredMonthlyIncome: rupiahString,
  adminFee: rupiahString,
  provisionFee: rupiahString,
  feeTreatment: z.enum(feeTreatments),
  penaltyBpsPerDay: z.number().int(),
  graceInstallments: z.number().int(),
  collectibilityScheme: z.enum(collectibilitySchemes),
  appliedVia: z.enum(['member', 'officer']),
  appliedBy: uuidSchema.nullable(),
  approvals: z.object({
    required: z.number().int(),
    requiresKetua: z.boolean(),
    complete: z.boolean(),
    missing: z.number().int(),
    isKetuaMissing: z.boolean(),
  }),
  guarantors: z.array(z.object({ fullName: z.string(), nik: z.string(), relation: z.string() })),
  collateral: z.array(
    z.object({ kind: z.string(), description: z.string(), estimatedValue: rupiahString }),
  ),
  assessment: loanAssessmentView.nullable(),
  decisions: z.array(loanDecisionView),
  disbursement: z
    .object({
      channel: z.enum(loanChannels),
      entryId: uuidSchema,
      disbursedAt: z.iso.datetime(),
      disbursedBy: uuidSchema.nullable(),
      netAmount: rupiahString.describe('What reached the member: principal less deducted fees'),
    })
    .nullable(),
  isAutoDebit: z.boolean().describe('The day-end takes what is due from sukarela on the due date'),
  funding: z
    .object({
      facilityId: uuidSchema,
      fundingKind: z.enum(loanFundingKinds),
      assignedAt: z.iso.datetime(),
    })
    .nullable()
    .describe("The bank facility funding the loan; null for the cooperative's own money"),
  schedule: z.array(loanInstallmentView),
  reschedules: z.array(loanRescheduleView).describe('Oldest first; empty when never rescheduled'),
  repayments: z.array(loanRepaymentView),
  position: z
    .object({
      asOf: isoDateSchema,
      principalOutstanding: rupiahString,
      principalPaid: rupiahString,
      interestPaid: rupiahString,
      penaltyPaid: rupiahString,
      daysPastDue: z.number().int(),
      overduePrincipal: rupiahString,
      overdueInterest: rupiahString,
      penaltyDue: rupiahString,
      interestDue: rupiahString.describe('Interest of installments due today or earlier, unpaid'),
      principalDue: rupiahString.describe('Principal of installments due today or earlier, unpaid'),
      amountDue: rupiahString.describe(
        'What brings the loan up to date today: penalty + interest + principal due',
      ),
      payoffAmount: rupiahString.describe(
        "Closes the loan today: penalty, interest due and the current period's, all remaining principal",
      ),
    })
    .nullable(),
});

export const loanListView = z.object({
  items: z.array(loanSummaryView),
  nextCursor: z.string().nullable(),
});

export const loanQueueView = z.object({
  items: z.array(
    loanSummaryView.extend({
      assessment: loanAssessmentView.nullable(),
      approvals: loanDetailView.shape.approvals,
      decisions: z.array(loanDecisionView),
    }),
  ),
});

// Rescheduling and the member's own repayment ----------------------------------------------------

export const loanRescheduleRequest = z.object({
  newInstallments: z
    .number()
    .int()
    .min(1)
    .max(240)
    .describe('Installments of the new schedule, built from the principal outstanding'),
  newRateBpsPerMonth: bps.optional().describe("The new rate; the loan's rate when left out"),
  reason: z.string().trim().min(3).max(500),
  effectiveDate: isoDateSchema.describe(
    'The new schedule starts here (first installment one period later); today or up to 90 days on',
  ),
});

export const loanSelfRepaymentRequest = z.object({
  amount: positiveRupiahString,
  pin: z.string().regex(/^\d{6}$/),
});
