import { z } from 'zod';
import { isoDateSchema, uuidSchema } from './common.js';
import { periodString, positiveRupiahString, rupiahString } from './ledger.js';

/** Savings kinds a member holds at the teller; berjangka deposits come later. */
export const savingsKinds = ['pokok', 'wajib', 'sukarela'] as const;
export type SavingsKind = (typeof savingsKinds)[number];

const nonNegativeRupiahString = z
  .string()
  .regex(/^\d{1,16}$/)
  .describe('Rupiah (zero or more) as a decimal integer string');
const bps = z.number().int().min(0).max(10_000);

export const savingsProductsView = z.object({
  pokok: z.object({ amount: nonNegativeRupiahString }),
  wajib: z.object({ monthlyAmount: nonNegativeRupiahString }),
  sukarela: z.object({ interestRateBps: bps, minimumBalance: nonNegativeRupiahString }),
  berjangka: z.object({
    termMonths: z.number().int().min(1).max(120),
    interestRateBps: bps,
    maturityAction: z.enum(['rollover', 'to_sukarela']),
    earlyBreakPenaltyBps: bps,
  }),
});
export type SavingsProductsView = z.infer<typeof savingsProductsView>;
export const putSavingsProductsRequest = savingsProductsView;

export const memberSavingsView = z.object({
  membershipId: uuidSchema,
  memberNumber: z.string().nullable(),
  fullName: z.string(),
  status: z.string(),
  accounts: z.array(
    z.object({
      kind: z.enum(savingsKinds),
      accountId: uuidSchema.nullable().describe('null until the first deposit opens it'),
      code: z.string().nullable(),
      balance: rupiahString,
      available: rupiahString,
    }),
  ),
  termDeposits: z
    .object({ count: z.number().int(), principal: rupiahString })
    .describe('Running simpanan berjangka'),
  total: rupiahString.describe('All savings, running term deposits included'),
});

export const openTellerSessionRequest = z.object({ openingFloat: nonNegativeRupiahString });
export const closeTellerSessionRequest = z.object({ countedCash: nonNegativeRupiahString });
export const tellerSessionView = z.object({
  id: uuidSchema,
  tellerPersonId: uuidSchema,
  openedAt: z.iso.datetime(),
  openingFloat: rupiahString,
  cashIn: rupiahString,
  cashOut: rupiahString,
  expectedCash: rupiahString,
  transactionCount: z.number().int(),
  closedAt: z.iso.datetime().nullable(),
  countedCash: rupiahString.nullable(),
  difference: rupiahString.nullable().describe('counted − expected: negative is a shortfall'),
  differenceEntryId: uuidSchema.nullable(),
});

export const tellerTransactionRequest = z.object({
  membershipId: uuidSchema,
  kind: z.enum(savingsKinds),
  amount: positiveRupiahString,
  memo: z.string().trim().min(1).max(200).optional(),
});

export const savingsReceiptView = z.object({
  receiptNumber: z.string(),
  type: z.enum(['deposit', 'withdrawal', 'transfer']),
  kind: z.enum(savingsKinds),
  membershipId: uuidSchema,
  memberNumber: z.string(),
  memberName: z.string(),
  accountId: uuidSchema,
  amount: rupiahString,
  balanceAfter: rupiahString,
  tellerPersonId: uuidSchema.nullable(),
  sessionId: uuidSchema.nullable(),
  postedAt: z.iso.datetime(),
  businessDate: isoDateSchema,
  entryId: uuidSchema,
  entryHash: z.string(),
  counterparty: z
    .object({ memberNumber: z.string(), memberName: z.string() })
    .nullable()
    .describe('for a transfer: the recipient'),
});

export const savingsTransferRequest = z.object({
  toMemberNumber: z.string().regex(/^\d{1,6}$/),
  amount: positiveRupiahString,
  pin: z.string().regex(/^\d{6}$/),
  memo: z.string().trim().min(1).max(200).optional(),
});

export const interestRunRequest = z.object({
  month: periodString,
  taxThresholdRupiah: nonNegativeRupiahString.default('240000'),
  taxRateBps: bps.default(1_000),
});
export const interestRunView = z.object({
  month: periodString,
  accountCount: z.number().int(),
  memberCount: z.number().int(),
  grossInterest: rupiahString,
  taxWithheld: rupiahString,
  entryIds: z.array(uuidSchema),
  ranAt: z.iso.datetime(),
});

export const wajibArrearsView = z.object({
  asOf: isoDateSchema,
  monthlyAmount: rupiahString,
  items: z.array(
    z.object({
      membershipId: uuidSchema,
      memberNumber: z.string(),
      fullName: z.string(),
      joinedOn: isoDateSchema,
      monthsDue: z.number().int(),
      paid: rupiahString,
      amountOwed: rupiahString,
      monthsOwed: z.number().int(),
    }),
  ),
});

export const passbookView = z.object({
  account: z.object({
    id: uuidSchema,
    code: z.string(),
    name: z.string(),
    kind: z.enum(savingsKinds),
  }),
  member: z.object({ membershipId: uuidSchema, memberNumber: z.string(), fullName: z.string() }),
  from: isoDateSchema,
  to: isoDateSchema,
  openingBalance: rupiahString,
  lines: z.array(
    z.object({
      entryId: uuidSchema,
      businessDate: isoDateSchema,
      description: z.string(),
      debit: rupiahString,
      credit: rupiahString,
      balance: rupiahString,
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const memberExitRequest = z.object({
  status: z.enum(['keluar', 'meninggal', 'diberhentikan']),
  reason: z.string().trim().min(3).max(500),
});

export const memberExitView = z.object({
  membershipId: z.uuid(),
  memberNumber: z.string(),
  status: z.enum(['keluar', 'meninggal', 'diberhentikan']),
  leftOn: z.string(),
  returned: z.array(z.object({ kind: z.enum(['pokok', 'wajib', 'sukarela']), amount: z.string() })),
  total: z.string(),
  entryId: z.uuid().nullable(),
});

// Payroll-deduction import ------------------------------------------------------------------------

export const payrollFileFormats = ['csv', 'xlsx'] as const;
export type PayrollFileFormat = (typeof payrollFileFormats)[number];
export const payrollRowStatuses = ['posted', 'already_posted', 'refused', 'skipped'] as const;
export type PayrollRowStatus = (typeof payrollRowStatuses)[number];
/** The savings kinds a payroll deduction pays into. */
export const payrollSavingsKinds = ['wajib', 'sukarela'] as const;

export const payrollImportRequest = z.object({
  fileName: z.string().trim().min(1).max(255),
  period: periodString.describe('The month whose deductions the file holds, yyyy-mm'),
  format: z.enum(payrollFileFormats),
  contentBase64: z
    .base64()
    .min(1)
    .max(2_800_000)
    .describe('The file itself, base64-encoded (at most 2 MB before encoding)'),
});

export const payrollImportRowView = z.object({
  rowNumber: z.number().int().describe('The line in the file; the header is line 1'),
  memberNumber: z.string().nullable(),
  memberName: z.string().nullable().describe('The registered name, else the file\'s "nama"'),
  membershipId: uuidSchema.nullable(),
  status: z.enum(payrollRowStatuses),
  code: z.string().nullable().describe('Why the row was not posted (null when posted)'),
  message: z.object({ id: z.string(), en: z.string() }).nullable(),
  params: z.record(z.string(), z.string()),
  wajib: rupiahString.nullable().describe('As read from the file; null when unreadable'),
  sukarela: rupiahString.nullable(),
  angsuran: rupiahString.nullable(),
  postings: z.array(
    z.object({
      kind: z.enum(payrollSavingsKinds),
      amount: rupiahString,
      status: z.enum(['posted', 'already_posted']),
      entryId: uuidSchema,
    }),
  ),
  repayment: z
    .object({
      amount: rupiahString.describe("The row's angsuran"),
      status: z.enum(['paid', 'already_paid', 'refused']),
      code: z.string().nullable().describe('Why the angsuran was refused (null when paid)'),
      message: z.object({ id: z.string(), en: z.string() }).nullable(),
      params: z.record(z.string(), z.string()),
      loans: z
        .array(
          z.object({
            loanId: uuidSchema,
            repaymentId: uuidSchema,
            entryId: uuidSchema,
            amount: rupiahString,
            penalty: rupiahString,
            interest: rupiahString,
            principal: rupiahString,
          }),
        )
        .describe('The running loans it paid, oldest first'),
    })
    .nullable()
    .describe('What became of the angsuran (loan repayment); null when the row has none'),
});

export const payrollImportSummaryView = z.object({
  importId: uuidSchema,
  period: periodString,
  fileName: z.string(),
  format: z.enum(payrollFileFormats),
  fileSha256: z.string(),
  rowCount: z.number().int(),
  counts: z.object({
    posted: z.number().int(),
    alreadyPosted: z.number().int(),
    refused: z.number().int(),
    skipped: z.number().int(),
  }),
  totalPosted: rupiahString.describe('Rupiah this import posted: the Bank debit to reconcile'),
  importedAt: z.iso.datetime(),
  importedBy: uuidSchema.nullable(),
});

export const payrollImportView = payrollImportSummaryView.extend({
  rows: z.array(payrollImportRowView),
});

export const payrollImportListView = z.object({
  items: z.array(payrollImportSummaryView),
  nextCursor: z.string().nullable(),
});

// Simpanan berjangka (term deposits) -------------------------------------------------------------

export const termDepositFundingSources = ['sukarela', 'cash'] as const;

export const openTermDepositRequest = z.object({
  membershipId: uuidSchema,
  amount: positiveRupiahString,
  source: z
    .enum(termDepositFundingSources)
    .describe(
      "'sukarela' moves it from the member's sukarela; 'cash' at the caller's open teller session",
    ),
});

const termDepositClosureView = z.object({
  outcome: z.enum(['matured', 'rolled_over', 'broken']),
  closedOn: isoDateSchema,
  grossInterest: rupiahString,
  taxWithheld: rupiahString.describe('final income tax (PP 15/2009) withheld from the interest'),
  penalty: rupiahString.describe('early-break penalty kept by the cooperative'),
  paidToSukarela: rupiahString,
  entryId: uuidSchema.nullable(),
  closedAt: z.iso.datetime(),
});

export const termDepositView = z.object({
  id: uuidSchema,
  membershipId: uuidSchema,
  accountId: uuidSchema.describe("the member's Simpanan berjangka sub-account (2-1202)"),
  principal: rupiahString,
  interestRateBps: bps.describe('simple interest a year, copied from the product when opened'),
  termMonths: z.number().int(),
  maturityAction: z.enum(['rollover', 'to_sukarela']),
  earlyBreakPenaltyBps: bps,
  startDate: isoDateSchema,
  maturityDate: isoDateSchema,
  source: z.enum(['sukarela', 'cash', 'rollover']),
  rolledFromId: uuidSchema.nullable().describe('the deposit whose principal rolled into this one'),
  openingEntryId: uuidSchema.nullable().describe('null for a rolled-over term: no money moved'),
  openedAt: z.iso.datetime(),
  openedBy: uuidSchema.nullable(),
  status: z.enum(['active', 'matured', 'rolled_over', 'broken']),
  interestAtMaturity: rupiahString.describe('gross interest if held to the maturity date'),
  closure: termDepositClosureView.nullable(),
});

export const memberTermDepositsView = z.object({
  membershipId: uuidSchema,
  items: z.array(termDepositView),
});

export const termDepositMaturitiesRequest = z.object({
  asOf: isoDateSchema.describe('every deposit due on or before this date is paid or rolled over'),
  taxThresholdRupiah: nonNegativeRupiahString.default('240000'),
  taxRateBps: bps.default(1_000),
});

export const termDepositMaturitiesView = z.object({
  asOf: isoDateSchema,
  maturedCount: z.number().int(),
  rolledOverCount: z.number().int(),
  grossInterest: rupiahString,
  taxWithheld: rupiahString,
  deposits: z.array(
    z.object({
      depositId: uuidSchema,
      membershipId: uuidSchema,
      outcome: z.enum(['matured', 'rolled_over']),
      maturityDate: isoDateSchema,
      grossInterest: rupiahString,
      taxWithheld: rupiahString,
      paidToSukarela: rupiahString,
      entryId: uuidSchema.nullable(),
      rolledIntoId: uuidSchema.nullable(),
    }),
  ),
});
