import { z } from 'zod';
import { isoDateSchema, uuidSchema } from './common.js';
import { positiveRupiahString, rupiahString } from './ledger.js';
import { interestMethods, loanChannels, loanFundingKinds } from './loans.js';

/**
 * executing: the bank lends to the cooperative, which lends on (on the balance sheet);
 * channeling: the bank lends to members, the cooperative is its agent (off the balance sheet).
 */
export const facilityKinds = loanFundingKinds;
export type FacilityKind = (typeof facilityKinds)[number];
export const facilityStatuses = ['aktif', 'ditutup'] as const;
export const ratePeriods = ['month', 'year'] as const;
export const bankDecisions = ['approved', 'rejected'] as const;
/** menunggu_bank -> disetujui_bank | ditolak_bank; disetujui_bank -> aktif -> lunas. */
export const channeledLoanStatuses = [
  'menunggu_bank',
  'disetujui_bank',
  'ditolak_bank',
  'aktif',
  'lunas',
] as const;
/**
 * bank_direct: the bank pays the member; the cooperative's books record nothing of the principal.
 * sukarela: the bank pays the cooperative, which passes it to the member's sukarela.
 */
export const channelingPayouts = ['bank_direct', 'sukarela'] as const;

const bankCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/);

export const partnerBankRequest = z.object({
  code: bankCode.describe('Short code, e.g. BRI, BNI, BANK-NTT'),
  name: z.string().trim().min(2).max(120),
  contactName: z.string().trim().min(2).max(120).nullable().default(null),
  contactPhone: z.string().trim().min(6).max(20).nullable().default(null),
});
export const partnerBankView = z.object({
  id: uuidSchema,
  code: z.string(),
  name: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const partnerBankListView = z.object({ items: z.array(partnerBankView) });

export const bankFacilityRequest = z
  .object({
    bankId: uuidSchema,
    kind: z.enum(facilityKinds),
    agreementNumber: z.string().trim().min(2).max(60),
    plafond: positiveRupiahString,
    interestRateBps: z.number().int().min(0).max(100_000),
    ratePeriod: z.enum(ratePeriods).describe('interestRateBps is per month or per year'),
    tenorMonths: z.number().int().min(1).max(360),
    quotaPerMember: positiveRupiahString.describe('At most this much to one member'),
    feeBps: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .default(0)
      .describe("Channeling: the cooperative's fee on every rupiah it collects; executing: 0"),
    openedOn: isoDateSchema,
  })
  .refine((facility) => BigInt(facility.quotaPerMember) <= BigInt(facility.plafond), {
    message: 'the quota per member is at most the plafond',
    path: ['quotaPerMember'],
  })
  .refine((facility) => facility.kind === 'channeling' || facility.feeBps === 0, {
    message: 'only a channeling facility pays the cooperative a collection fee',
    path: ['feeBps'],
  });
export const bankFacilityStatusRequest = z.object({ status: z.enum(facilityStatuses) });

export const bankFacilityView = z.object({
  id: uuidSchema,
  bankId: uuidSchema,
  bankCode: z.string(),
  bankName: z.string(),
  kind: z.enum(facilityKinds),
  agreementNumber: z.string(),
  plafond: rupiahString,
  interestRateBps: z.number().int(),
  ratePeriod: z.enum(ratePeriods),
  tenorMonths: z.number().int(),
  quotaPerMember: rupiahString,
  feeBps: z.number().int(),
  status: z.enum(facilityStatuses),
  openedOn: isoDateSchema,
  drawn: rupiahString.describe('Executing: drawn from the bank; channeling: disbursed by the bank'),
  repaid: rupiahString.describe('Executing: principal repaid; channeling: principal collected'),
  outstanding: rupiahString,
  assigned: rupiahString.describe("Member loans' principal outstanding against this facility"),
  available: rupiahString.describe('Plafond less what member loans hold of it'),
});
export const bankFacilityListView = z.object({ items: z.array(bankFacilityView) });

export const facilityDrawdownRequest = z.object({ amount: positiveRupiahString });
export const facilityRepaymentRequest = z
  .object({ principal: rupiahString, interest: rupiahString })
  .refine((body) => !body.principal.startsWith('-') && !body.interest.startsWith('-'), {
    message: 'amounts are zero or more',
  })
  .refine((body) => BigInt(body.principal) + BigInt(body.interest) > 0n, {
    message: 'a repayment pays something',
  });
export const facilityMovementView = z.object({
  id: uuidSchema,
  facilityId: uuidSchema,
  kind: z.enum(['drawdown', 'repayment']),
  businessDate: isoDateSchema,
  principal: rupiahString,
  interest: rupiahString,
  entryId: uuidSchema,
  outstandingAfter: rupiahString,
});

export const loanFundingRequest = z.object({ facilityId: uuidSchema });
export const loanFundingView = z.object({
  loanId: uuidSchema,
  facilityId: uuidSchema,
  fundingKind: z.enum(facilityKinds),
  assignedAt: z.iso.datetime(),
});

export const bankDecisionRequest = z.object({
  decision: z.enum(bankDecisions),
  bankReference: z.string().trim().min(1).max(60),
  decidedOn: isoDateSchema,
  note: z.string().trim().max(500).nullable().default(null),
  approvedAmount: positiveRupiahString
    .nullable()
    .default(null)
    .describe('What the bank lends; null = the amount applied for'),
  interestRateBpsPerMonth: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .nullable()
    .default(null)
    .describe("The bank's rate; null = the facility's"),
  installments: z.number().int().min(1).max(360).nullable().default(null),
});
export const channelingDisbursementRequest = z.object({
  payout: z.enum(channelingPayouts),
  disbursedOn: isoDateSchema.describe('The day the bank paid'),
  bankReference: z.string().trim().min(1).max(60),
});
export const channelingCollectionRequest = z.object({
  channel: z.enum(loanChannels),
  amount: positiveRupiahString,
});

export const channeledInstallmentView = z.object({
  number: z.number().int(),
  dueDate: isoDateSchema,
  principal: rupiahString,
  interest: rupiahString,
  total: rupiahString,
  principalOutstandingAfter: rupiahString,
});
export const channelingCollectionView = z.object({
  id: uuidSchema,
  loanId: uuidSchema,
  paidOn: isoDateSchema,
  channel: z.enum(loanChannels),
  amount: rupiahString,
  interest: rupiahString,
  principal: rupiahString,
  entryId: uuidSchema,
  isRemitted: z.boolean(),
  principalOutstandingAfter: rupiahString,
  status: z.enum(channeledLoanStatuses),
});
export const channeledLoanView = z.object({
  loanId: uuidSchema,
  facilityId: uuidSchema,
  membershipId: uuidSchema,
  memberNumber: z.string().nullable(),
  memberName: z.string(),
  status: z.enum(channeledLoanStatuses),
  bankDecision: z.enum(bankDecisions).nullable(),
  bankReference: z.string().nullable(),
  bankDecidedOn: isoDateSchema.nullable(),
  bankDecisionNote: z.string().nullable(),
  bankDecisionRecordedBy: uuidSchema.nullable(),
  bankDecisionRecordedAt: z.iso.datetime().nullable(),
  principal: rupiahString.nullable(),
  interestRateBpsPerMonth: z.number().int().nullable(),
  installments: z.number().int().nullable(),
  interestMethod: z.enum(interestMethods),
  payout: z.enum(channelingPayouts).nullable(),
  disbursedOn: isoDateSchema.nullable(),
  disbursementReference: z.string().nullable(),
  disbursementEntryId: uuidSchema.nullable(),
  closedOn: isoDateSchema.nullable(),
  principalCollected: rupiahString,
  interestCollected: rupiahString,
  principalOutstanding: rupiahString,
  schedule: z.array(channeledInstallmentView),
  collections: z.array(channelingCollectionView),
});

export const remittanceView = z.object({
  id: uuidSchema,
  facilityId: uuidSchema,
  businessDate: isoDateSchema,
  collected: rupiahString,
  fee: rupiahString,
  remitted: rupiahString,
  entryId: uuidSchema,
  collections: z.number().int(),
});

export const facilityReportLineView = z.object({
  loanId: uuidSchema,
  membershipId: uuidSchema,
  memberNumber: z.string().nullable(),
  memberName: z.string(),
  status: z.string(),
  principal: rupiahString,
  disbursedOn: isoDateSchema.nullable(),
  principalRepaid: rupiahString,
  interestRepaid: rupiahString,
  outstanding: rupiahString,
  collectedNotRemitted: rupiahString,
});
export const facilityReportView = z.object({
  asOf: isoDateSchema,
  facility: bankFacilityView,
  totals: z.object({
    plafond: rupiahString,
    drawn: rupiahString,
    repaid: rupiahString,
    outstanding: rupiahString,
    interestPaid: rupiahString,
    collected: rupiahString,
    remitted: rupiahString,
    fee: rupiahString,
    collectedNotRemitted: rupiahString,
  }),
  lines: z.array(facilityReportLineView),
  movements: z.array(facilityMovementView),
  remittances: z.array(remittanceView),
});
