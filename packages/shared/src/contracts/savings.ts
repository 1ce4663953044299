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
  total: rupiahString,
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
