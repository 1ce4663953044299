import { z } from 'zod';
import { isoDateSchema } from './common.js';
import { periodString, rupiahString } from './ledger.js';

/**
 * The financial statements of a cooperative (rules.md §7, Permenkop 2/2024): Laporan Posisi
 * Keuangan, Laporan Hasil Usaha, Laporan Perubahan Ekuitas and Laporan Arus Kas (direct method),
 * each for a period beside the period before it, plus "Koperasi dalam angka" for every member.
 * Rupiah are decimal integer strings; negative amounts (contra accounts, outflows, reductions)
 * carry a minus sign.
 */

export const statementFormats = ['json', 'pdf', 'xlsx'] as const;

export const statementQuery = z
  .object({
    period: periodString.optional().describe('A month, yyyy-mm (default: the current month)'),
    from: isoDateSchema.optional().describe('First day of a custom span (with `to`)'),
    to: isoDateSchema.optional().describe('Last day of a custom span (with `from`)'),
    format: z.enum(statementFormats).default('json'),
  })
  .refine((query) => (query.from === undefined) === (query.to === undefined), {
    message: 'from and to go together',
    path: ['from'],
  })
  .refine((query) => query.period === undefined || query.from === undefined, {
    message: 'give either period or from/to',
    path: ['period'],
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'from must not be after to',
    path: ['to'],
  })
  .refine(
    (query) =>
      !query.from ||
      !query.to ||
      Date.parse(query.to) - Date.parse(query.from) <= 366 * 24 * 60 * 60 * 1000,
    { message: 'a span is at most 367 days', path: ['to'] },
  );

export const datePeriod = z.object({ from: isoDateSchema, to: isoDateSchema });
export const statementPeriods = z.object({ current: datePeriod, prior: datePeriod });

/** An amount for the period and for the period before it. */
export const amountPair = z.object({ current: rupiahString, prior: rupiahString });

export const statementLine = z.object({
  key: z.string().describe('The account code, or a computed line key'),
  accountCode: z.string().nullable(),
  label: z.string(),
  amount: amountPair,
});

export const statementSection = z.object({
  key: z.string(),
  label: z.string(),
  lines: z.array(statementLine),
  total: amountPair,
});

export const balanceSheetView = z.object({
  periods: statementPeriods,
  asOf: z.object({ current: isoDateSchema, prior: isoDateSchema }),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  assets: z.object({ sections: z.array(statementSection), total: amountPair }),
  liabilities: z.object({ sections: z.array(statementSection), total: amountPair }),
  equity: statementSection.describe(
    'Equity accounts, then SHU tahun lalu belum dibagi and SHU tahun berjalan (revenue less expenses since the fiscal year began)',
  ),
  liabilitiesAndEquity: amountPair,
  isBalanced: z.boolean(),
});

export const incomeStatementView = z.object({
  periods: statementPeriods,
  revenue: z.object({
    member: statementSection.describe('Partisipasi anggota'),
    nonMember: statementSection.describe('Pendapatan dari non-anggota'),
    total: amountPair,
  }),
  expenses: z.array(statementSection).describe('Harga pokok, beban usaha, beban perkoperasian…'),
  totalExpenses: amountPair,
  shuBeforeTax: amountPair,
  tax: statementSection,
  shuAfterTax: amountPair,
});

export const equityColumnKeys = [
  'simpananPokok',
  'simpananWajib',
  'ekuitasLain',
  'cadangan',
  'shu',
  'total',
] as const;

export const equityRow = z.object(
  Object.fromEntries(equityColumnKeys.map((key) => [key, rupiahString])) as Record<
    (typeof equityColumnKeys)[number],
    typeof rupiahString
  >,
);

export const equityBlock = z.object({
  period: datePeriod,
  opening: equityRow,
  additions: equityRow,
  reductions: equityRow.describe('Negative amounts'),
  shuOfPeriod: equityRow,
  closing: equityRow.describe('opening + additions + reductions + shuOfPeriod'),
});

export const equityChangesView = z.object({
  periods: statementPeriods,
  columns: z.array(z.object({ key: z.enum(equityColumnKeys), label: z.string() })),
  current: equityBlock,
  prior: equityBlock,
});

export const cashFlowActivities = ['operating', 'investing', 'financing'] as const;

export const cashFlowActivity = z.object({
  activity: z.enum(cashFlowActivities),
  label: z.string(),
  inflows: z.array(statementLine),
  outflows: z.array(statementLine).describe('Negative amounts'),
  net: amountPair,
});

export const cashFlowView = z.object({
  periods: statementPeriods,
  activities: z.array(cashFlowActivity),
  netChange: amountPair,
  openingCash: amountPair,
  closingCash: amountPair,
  isReconciled: z.boolean().describe('openingCash + netChange = closingCash in both columns'),
});

export const highlightsView = z.object({
  asOf: isoDateSchema,
  month: datePeriod,
  fiscalYearStart: isoDateSchema,
  totalAssets: rupiahString,
  memberSavings: z.object({
    total: rupiahString,
    lines: z.array(z.object({ accountCode: z.string(), label: z.string(), amount: rupiahString })),
  }),
  outstandingMemberLoans: rupiahString,
  memberParticipation: z.object({ month: rupiahString, yearToDate: rupiahString }),
  currentYearShu: rupiahString,
  latestCheckpoint: z
    .object({
      checkpointDate: isoDateSchema,
      lastSequence: z.number().int(),
      headHash: z.string(),
      entryCount: z.number().int(),
    })
    .nullable(),
  head: z.object({ lastSequence: z.number().int(), lastHash: z.string() }).nullable(),
});

export type StatementQuery = z.infer<typeof statementQuery>;
export type BalanceSheetView = z.infer<typeof balanceSheetView>;
export type IncomeStatementView = z.infer<typeof incomeStatementView>;
export type EquityChangesView = z.infer<typeof equityChangesView>;
export type CashFlowView = z.infer<typeof cashFlowView>;
export type HighlightsView = z.infer<typeof highlightsView>;
