import { z } from 'zod';
import { isoDateSchema, uuidSchema } from './common.js';
import { businessUnits, rupiahString } from './ledger.js';

/**
 * SHU (Sisa Hasil Usaha) contracts: the rules the AD/ART and the RAT set per fiscal year, the running
 * estimate, a member's explanation ("SHU saya"), simulations and the year-end distribution.
 * Rates are basis points (10,000 = 100%); rupiah are decimal strings.
 */

/** The components UU 25/1992 art. 45 and common AD/ART name; others are added with a name. */
export const standardShuComponentKeys = [
  'cadangan',
  'jasa_modal',
  'jasa_usaha',
  'dana_pengurus_pengawas',
  'dana_karyawan',
  'dana_pendidikan',
  'dana_sosial',
  'dana_pembangunan_daerah_kerja',
] as const;
export type StandardShuComponentKey = (typeof standardShuComponentKeys)[number];

/** Capital counted for jasa modal: savings kinds (rules.md §2.3 `countsForJasaModal`). */
export const shuCapitalKinds = ['pokok', 'wajib', 'sukarela', 'berjangka'] as const;
export type ShuCapitalKind = (typeof shuCapitalKinds)[number];
export const shuCapitalMethods = ['average_daily_balance', 'year_end_balance'] as const;

/** Participation bases for jasa usaha, one per business line; one interface, some plug in later. */
export const participationSourceKeys = [
  'loan_interest_paid',
  'store_purchases',
  'produce_sold',
  'bill_payment_fees',
  'service_fees',
] as const;
export type ParticipationSourceKey = (typeof participationSourceKeys)[number];

const bps = z.number().int().min(0).max(10_000);
const componentKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/)
  .describe('A standard component key, or a new one (lower case, underscores) with a name');

export const shuComponent = z.object({
  key: componentKey,
  name: z.string().trim().min(2).max(120).optional(),
  bps,
  accountCode: z
    .string()
    .regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,39}$/)
    .optional()
    .describe('Liability or equity account credited at year end; required for added components'),
});
export type ShuComponent = z.infer<typeof shuComponent>;

export const shuCapitalBase = z.object({
  kinds: z.array(z.enum(shuCapitalKinds)).min(1).max(4),
  method: z.enum(shuCapitalMethods),
});
export type ShuCapitalBase = z.infer<typeof shuCapitalBase>;

export const shuParticipationBase = z.object({
  sourceKey: z.enum(participationSourceKeys),
  weightBps: bps.describe('Share of the jasa usaha pool for this business line'),
});
export type ShuParticipationBase = z.infer<typeof shuParticipationBase>;

export const shuRulesInput = z.object({
  components: z.array(shuComponent).min(1).max(20),
  capitalBase: shuCapitalBase,
  participation: z.array(shuParticipationBase).min(1).max(5),
  taxRateBps: bps.describe('Withholding on members’ SHU: 0 (default) or e.g. 1000 = 10%'),
  note: z.string().trim().max(500).optional(),
});
export type ShuRulesInput = z.infer<typeof shuRulesInput>;

export const shuRulesView = shuRulesInput.extend({
  fiscalYearStart: isoDateSchema,
  version: z.number().int(),
  isFrozen: z.boolean().describe('Used by an approved distribution: changes need a new year'),
  isDefault: z.boolean().describe('No version was set yet: the platform’s suggested rules'),
  createdAt: z.string().nullable(),
});
export const shuRulesListView = z.object({
  active: shuRulesView,
  versions: z.array(shuRulesView),
});

export const shuYearParams = z.object({
  cooperativeId: uuidSchema,
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .describe('The calendar year the fiscal year starts in'),
});

export const shuPoolView = z.object({
  key: z.string(),
  name: z.string(),
  bps: z.number().int(),
  amount: rupiahString,
  fromMembers: rupiahString,
  fromNonMembers: rupiahString,
});

export const shuMemberShareView = z.object({
  membershipId: uuidSchema,
  memberNumber: z.string().nullable(),
  fullName: z.string().nullable(),
  capitalBase: rupiahString,
  participation: z.record(z.string(), rupiahString),
  jasaModal: rupiahString,
  jasaUsaha: rupiahString,
  share: rupiahString,
});

export const shuSummaryView = z.object({
  fiscalYearStart: isoDateSchema,
  fiscalYearEnd: isoDateSchema,
  asOf: isoDateSchema,
  ruleVersion: z.number().int(),
  revenueFromMembers: rupiahString,
  revenueFromNonMembers: rupiahString,
  expenses: rupiahString,
  surplus: rupiahString,
  memberSurplus: rupiahString,
  nonMemberSurplus: rupiahString,
  pools: z.array(shuPoolView),
  capitalTotal: rupiahString,
  participationTotals: z.array(
    z.object({
      sourceKey: z.string(),
      total: rupiahString,
      unattributed: rupiahString,
      pool: rupiahString,
    }),
  ),
  toCadanganResidue: rupiahString.describe(
    'Pools no member can share (nobody has the base) go to cadangan',
  ),
  businessUnits: z
    .array(
      z.object({
        unit: z.enum(businessUnits).nullable().describe('null: umum, the shared accounts'),
        revenue: rupiahString,
        expenses: rupiahString,
        surplus: rupiahString,
      }),
    )
    .describe("The year-to-date result per business unit; the units' surpluses sum to the total"),
  memberCount: z.number().int(),
  members: z.array(shuMemberShareView),
  nextCursor: z.string().nullable(),
});

export const shuPageQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,7}$/)
    .optional(),
  limit: z.coerce.number().int().min(0).max(200).default(20),
});

export const shuSimulationRequest = shuRulesInput.partial().extend({
  limit: z.number().int().min(0).max(200).default(20),
});

/** One sentence of an explanation: a message key of the catalogs and its parameters. */
export const shuExplanationLine = z.object({
  key: z.string(),
  params: z.record(z.string(), z.string()),
  id: z.string(),
  en: z.string(),
});

export const shuMemberExplanationView = z.object({
  fiscalYearStart: isoDateSchema,
  fiscalYearEnd: isoDateSchema,
  asOf: isoDateSchema,
  isEstimate: z.boolean(),
  membershipId: uuidSchema,
  surplus: rupiahString,
  capital: z.object({
    kinds: z.array(z.string()),
    method: z.enum(shuCapitalMethods),
    member: rupiahString,
    total: rupiahString,
    pool: rupiahString,
    share: rupiahString,
  }),
  participation: z.array(
    z.object({
      sourceKey: z.string(),
      member: rupiahString,
      total: rupiahString,
      pool: rupiahString,
      share: rupiahString,
    }),
  ),
  pools: z.array(shuPoolView),
  share: rupiahString,
  taxRateBps: z.number().int(),
  tax: rupiahString,
  net: rupiahString,
  formula: z.string(),
  explanation: z.array(shuExplanationLine),
});

export const shuProposalRequest = z.object({
  payout: z.enum(['sukarela', 'cash']).default('sukarela'),
});

export const shuApprovalRequest = z.object({
  ratDate: isoDateSchema,
  minutesReference: z.string().trim().min(3).max(120),
  approvedPools: z
    .array(z.object({ key: z.string(), amount: rupiahString }))
    .min(1)
    .describe('The figures the RAT approved; they must be the proposal’s pools'),
});

export const shuDistributionView = z.object({
  id: uuidSchema,
  fiscalYearStart: isoDateSchema,
  ruleVersion: z.number().int(),
  status: z.enum(['proposed', 'awaiting_countersign', 'approved', 'posted', 'superseded']),
  surplus: rupiahString,
  memberSurplus: rupiahString,
  nonMemberSurplus: rupiahString,
  pools: z.array(
    z.object({ key: z.string(), name: z.string(), amount: rupiahString, accountCode: z.string() }),
  ),
  toCadanganResidue: rupiahString,
  memberCount: z.number().int(),
  membersTotal: rupiahString,
  taxTotal: rupiahString,
  payout: z.enum(['sukarela', 'cash']).nullable(),
  ratDate: isoDateSchema.nullable(),
  minutesReference: z.string().nullable(),
  recordedBy: uuidSchema.nullable(),
  countersignedBy: uuidSchema.nullable(),
  postedAt: z.string().nullable(),
  entryIds: z.array(uuidSchema),
});

export const shuDistributionListView = z.object({ items: z.array(shuDistributionView) });
export const shuDistributionParams = z.object({
  cooperativeId: uuidSchema,
  distributionId: uuidSchema,
});

export const shuExportQuery = z.object({
  format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
});

export const shuDistributionMembersView = z.object({
  distributionId: uuidSchema,
  items: z.array(
    shuMemberShareView.extend({ tax: rupiahString, net: rupiahString, isPaid: z.boolean() }),
  ),
});

/** Paying a member's SHU left owed (a cash payout, or not aktif at posting) at the teller. */
export const shuCashPayoutParams = shuDistributionParams.extend({ membershipId: uuidSchema });

/** The teller's receipt of a member's SHU paid in cash: the share, the tax kept, the cash paid. */
export const shuCashPayoutView = z.object({
  distributionId: uuidSchema,
  fiscalYearStart: isoDateSchema,
  membershipId: uuidSchema,
  memberNumber: z.string().nullable(),
  fullName: z.string().nullable(),
  share: rupiahString,
  tax: rupiahString,
  net: rupiahString.describe('The cash handed over: the share less the tax withheld'),
  entryId: uuidSchema,
  sessionId: uuidSchema,
  paidBy: uuidSchema.nullable(),
  paidAt: z.string(),
});

export const shuOwedQuery = z.object({
  membershipId: uuidSchema.optional().describe('One member’s unpaid SHU'),
  q: z.string().trim().min(1).max(100).optional().describe('A member number, or part of a name'),
  cursor: z
    .string()
    .regex(/^\d{1,7}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Members' SHU of posted distributions still owed (to collect at the teller), newest year first. */
export const shuOwedListView = z.object({
  items: z.array(
    z.object({
      distributionId: uuidSchema,
      fiscalYearStart: isoDateSchema,
      payout: z.enum(['sukarela', 'cash']).nullable(),
      membershipId: uuidSchema,
      memberNumber: z.string().nullable(),
      fullName: z.string().nullable(),
      memberStatus: z.string(),
      share: rupiahString,
      tax: rupiahString,
      net: rupiahString,
    }),
  ),
  nextCursor: z.string().nullable(),
});

/**
 * A member's figures in the year's posted distribution ("SHU saya" after the RAT), and how it was
 * paid: to sukarela at posting, in cash at the teller, or still to collect at the teller.
 */
export const shuMemberDistributionView = z.object({
  fiscalYearStart: isoDateSchema,
  membershipId: uuidSchema,
  posted: z
    .object({
      distributionId: uuidSchema,
      postedAt: z.string(),
      ratDate: isoDateSchema.nullable(),
      minutesReference: z.string().nullable(),
      payout: z.enum(['sukarela', 'cash']).nullable(),
      capitalBase: rupiahString,
      jasaModal: rupiahString,
      jasaUsaha: rupiahString,
      share: rupiahString,
      tax: rupiahString,
      net: rupiahString,
      paidTo: z.enum(['sukarela', 'cash']).nullable(),
      paidAt: z.string().nullable(),
      isOwed: z.boolean().describe('Still to collect in cash at the teller'),
    })
    .nullable()
    .describe('Null until the year’s distribution is posted with a share for this member'),
});

/** Keys of the sentences that explain a member's SHU; texts in messages/{id,en}.ts. */
export const shuExplanationKeys = [
  'shu.explain.surplus',
  'shu.explain.non_member',
  'shu.explain.pools',
  'shu.explain.capital_average_daily_balance',
  'shu.explain.capital_year_end_balance',
  'shu.explain.participation',
  'shu.explain.total',
  'shu.explain.tax',
  'shu.explain.estimate',
] as const;
export type ShuExplanationKey = (typeof shuExplanationKeys)[number];
