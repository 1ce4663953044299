import { z } from 'zod';
import { isoDateSchema, uuidSchema } from './common.js';

/** Rupiah on the wire: a decimal integer string (never a float). */
export const rupiahString = z
  .string()
  .regex(/^-?\d{1,19}$/)
  .describe('Rupiah as a decimal integer string');
export const positiveRupiahString = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .describe('Positive rupiah as a decimal integer string');
export const periodString = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('A month, yyyy-mm');

export const accountClasses = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;
export const sides = ['debit', 'credit'] as const;
/**
 * A cooperative's business units (unit usaha): a serba usaha cooperative runs several, and its
 * surplus is reported per unit. Revenue and expense accounts carry one; null is umum (shared).
 */
export const businessUnits = ['simpan_pinjam', 'toko', 'produksi', 'jasa'] as const;
export type BusinessUnit = (typeof businessUnits)[number];

export const accountView = z.object({
  id: uuidSchema,
  code: z.string(),
  name: z.string(),
  class: z.enum(accountClasses),
  normalSide: z.enum(sides),
  reportGroup: z.string(),
  cashFlowActivity: z.enum(['cash', 'operating', 'investing', 'financing']).nullable(),
  participation: z.enum(['member', 'non_member']).nullable(),
  businessUnit: z.enum(businessUnits).nullable(),
  parentAccountId: uuidSchema.nullable(),
  isControl: z.boolean(),
  subledger: z.string().nullable(),
  isActive: z.boolean(),
  debitTotal: rupiahString,
  creditTotal: rupiahString,
  balance: rupiahString,
  available: rupiahString,
  lineCount: z.number().int(),
});

export const createAccountRequest = z.object({
  code: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,39}$/),
  name: z.string().trim().min(2).max(160),
  class: z.enum(accountClasses),
  normalSide: z.enum(sides).optional(),
  reportGroup: z
    .string()
    .regex(/^[a-z_]{2,60}$/)
    .optional(),
  cashFlowActivity: z.enum(['cash', 'operating', 'investing', 'financing']).optional(),
  participation: z.enum(['member', 'non_member']).optional(),
  businessUnit: z.enum(businessUnits).optional(),
});

export const changeAccountRequest = z
  .object({ name: z.string().trim().min(2).max(160).optional(), isActive: z.boolean().optional() })
  .refine((body) => body.name !== undefined || body.isActive !== undefined, 'name or isActive');

export const journalLineInput = z.object({
  accountId: uuidSchema,
  side: z.enum(sides),
  amount: positiveRupiahString,
  memo: z.string().max(200).optional(),
});

export const journalLineView = z.object({
  lineNumber: z.number().int(),
  accountId: uuidSchema,
  side: z.enum(sides),
  amount: rupiahString,
  memo: z.string().nullable(),
});

export const journalEntryView = z.object({
  id: uuidSchema,
  sequence: z.number().int(),
  businessDate: isoDateSchema,
  postedAt: z.string(),
  sourceType: z.string(),
  sourceId: z.string(),
  memo: z.string(),
  reversesEntryId: uuidSchema.nullable(),
  postedBy: uuidSchema.nullable(),
  approvedBy: uuidSchema.nullable(),
  totalAmount: rupiahString,
  prevHash: z.string(),
  hash: z.string(),
});

export const journalEntryDetail = journalEntryView.extend({
  lines: z.array(journalLineView),
  reversedByEntryId: uuidSchema.nullable(),
});

export const manualJournalRequest = z.object({
  businessDate: isoDateSchema,
  memo: z.string().trim().min(3).max(500),
  lines: z.array(journalLineInput).min(2).max(100),
});

export const manualJournalView = z.object({
  id: uuidSchema,
  businessDate: isoDateSchema,
  memo: z.string(),
  lines: z.array(journalLineInput),
  status: z.enum(['awaiting_approval', 'approved', 'rejected']),
  preparedBy: uuidSchema,
  preparedAt: z.string(),
  decidedBy: uuidSchema.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  entryId: uuidSchema.nullable(),
});

export const reversalRequest = z.object({
  businessDate: isoDateSchema,
  memo: z.string().trim().min(3).max(500),
});

export const trialBalanceView = z.object({
  asOf: isoDateSchema,
  lines: z.array(
    z.object({
      accountId: uuidSchema,
      code: z.string(),
      name: z.string(),
      class: z.enum(accountClasses),
      debit: rupiahString,
      credit: rupiahString,
    }),
  ),
  debitTotal: rupiahString,
  creditTotal: rupiahString,
  isBalanced: z.boolean(),
});

export const generalLedgerView = z.object({
  account: z.object({
    id: uuidSchema,
    code: z.string(),
    name: z.string(),
    normalSide: z.enum(sides),
  }),
  from: isoDateSchema,
  to: isoDateSchema,
  openingBalance: rupiahString,
  lines: z.array(
    z.object({
      entryId: uuidSchema,
      lineNumber: z.number().int(),
      accountId: uuidSchema,
      businessDate: isoDateSchema,
      sequence: z.number().int(),
      side: z.enum(sides),
      amount: rupiahString,
      memo: z.string(),
      sourceType: z.string(),
      runningBalance: rupiahString,
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const checkpointView = z.object({
  checkpointDate: isoDateSchema,
  lastSequence: z.number().int(),
  headHash: z.string(),
  entryCount: z.number().int(),
  debitTotal: rupiahString,
  creditTotal: rupiahString,
  createdAt: z.string(),
});

export const checkpointsResponse = z.object({
  items: z.array(checkpointView),
  head: z
    .object({ lastSequence: z.number().int(), lastHash: z.string(), debitTotal: rupiahString })
    .nullable(),
  nextCursor: z.string().nullable(),
});

export const fiscalYearCloseRequest = z.object({
  fiscalYearStart: isoDateSchema,
  fiscalYearEnd: isoDateSchema,
});
