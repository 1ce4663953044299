import { z } from 'zod';
import { isoDateSchema, uuidSchema } from './common.js';
import { rupiahString } from './ledger.js';
import { collectibilitySchemes } from './loans.js';

/** Collectibility classes, best to worst (rules.md §5.1; KSP_2009 has no dalam_perhatian_khusus). */
export const collectibilities = [
  'lancar',
  'dalam_perhatian_khusus',
  'kurang_lancar',
  'diragukan',
  'macet',
] as const;
export type CollectibilityName = (typeof collectibilities)[number];

export const loanDayEndRequest = z.object({
  businessDate: isoDateSchema
    .optional()
    .describe('The business date to close (today or earlier); default today'),
});

export const loanDayEndRunView = z.object({
  businessDate: isoDateSchema,
  loanCount: z.number().int(),
  overdueLoanCount: z.number().int(),
  totalOutstanding: rupiahString,
  penaltyAccrued: rupiahString.describe('Penalty accrued by this run (tracked off the ledger)'),
  requiredAllowance: rupiahString,
  bookedAllowanceBefore: rupiahString,
  allowanceEntryId: uuidSchema
    .nullable()
    .describe('The entry moving Cadangan kerugian piutang to the required total; null if none'),
  autoDebitCount: z.number().int(),
  autoDebitAmount: rupiahString,
  ranAt: z.string(),
});

const band = z.object({
  collectibility: z.enum(collectibilities),
  maxDaysPastDue: z.number().int().min(0).max(100_000).nullable(),
});
const rates = z.object(
  Object.fromEntries(
    collectibilities.map((name) => [name, z.number().int().min(0).max(10_000)]),
  ) as {
    [K in CollectibilityName]: z.ZodNumber;
  },
);

export const loanDayEndSettingsView = z.object({
  bands: z.object({ KSP_2009: z.array(band), OJK_BANK: z.array(band) }),
  allowanceRatesBps: z.object({ KSP_2009: rates, OJK_BANK: rates }),
  isDefault: z.boolean(),
});
export const putLoanDayEndSettingsRequest = loanDayEndSettingsView.omit({ isDefault: true });

const share = z.object({
  outstanding: rupiahString,
  ratioBps: z.number().int(),
  loanCount: z.number().int(),
});

export const portfolioQualityView = z.object({
  businessDate: isoDateSchema
    .nullable()
    .describe('The day-end the figures come from; null if none ran'),
  loanCount: z.number().int(),
  totalOutstanding: rupiahString,
  byCollectibility: z.object(
    Object.fromEntries(collectibilities.map((name) => [name, share])) as {
      [K in CollectibilityName]: typeof share;
    },
  ),
  npl: share.describe('Kurang lancar + diragukan + macet'),
  par1: share,
  par30: share,
  par90: share,
  requiredAllowance: rupiahString,
  bookedAllowance: rupiahString.describe('Cadangan kerugian piutang (1-1319) after the run'),
});

export const collectionsQuery = z.object({
  minDaysPastDue: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const collectionItemView = z.object({
  loanId: uuidSchema,
  productCode: z.string(),
  membershipId: uuidSchema,
  memberNumber: z.string().nullable(),
  memberName: z.string(),
  phone: z.string().nullable(),
  daysPastDue: z.number().int(),
  collectibility: z.enum(collectibilities),
  collectibilityScheme: z.enum(collectibilitySchemes),
  principalOutstanding: rupiahString,
  overduePrincipal: rupiahString,
  overdueInterest: rupiahString,
  penaltyOwed: rupiahString,
  amountOverdue: rupiahString.describe('Overdue principal + interest + penalty owed'),
});
export const collectionsView = z.object({
  businessDate: isoDateSchema.nullable(),
  items: z.array(collectionItemView),
});

export const loanAutoDebitRequest = z.object({ isAutoDebit: z.boolean() });
export const loanAutoDebitView = z.object({ loanId: uuidSchema, isAutoDebit: z.boolean() });
