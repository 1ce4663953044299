import type {
  InterestMethodName,
  LoanChannel,
  LoanRepaymentChannel,
  LoanStatus,
} from '@lumbung/shared/contracts/loans';
import type { Tx } from '../../platform/db/database.js';
import type { loanProducts, loanRepayments, loans } from './loans.schema.js';
import type {
  loanBankFacilities,
  loanChanneledLoans,
  loanPartnerBanks,
} from './bank-facilities.schema.js';

export type { LoanChannel, LoanRepaymentChannel, LoanStatus };
export type InterestMethod = InterestMethodName;

/** What every loans command receives (ARCHITECTURE.md: one context per command). */
export interface LoansContext {
  tx: Tx;
  cooperativeId: string;
  now: Date;
  actorPersonId: string | null;
  /** The caller's key for a money move; the ledger entry's key derives from it. */
  idempotencyKey: string | null;
}

export type LoansReadContext = Pick<LoansContext, 'tx' | 'cooperativeId' | 'now'>;

export type LoanProductRow = typeof loanProducts.$inferSelect;
export type LoanRow = typeof loans.$inferSelect;
export type LoanRepaymentRow = typeof loanRepayments.$inferSelect;

/** A product's approval tier: loans up to `upTo` (null = any amount) need `approvals`. */
export interface LoanApprovalTier {
  upTo: bigint | null;
  approvals: number;
  requiresKetua: boolean;
}

export interface LoanProduct {
  code: string;
  name: string;
  interestMethod: InterestMethod;
  interestRateBpsPerMonth: number;
  tenors: number[];
  frequency: 'weekly' | 'monthly';
  adminFeeBps: number;
  provisionFeeBps: number;
  feeTreatment: 'deducted' | 'financed';
  penaltyBpsPerDay: number;
  graceInstallments: number;
  plafondSavingsMultiple: number | null;
  minAmount: bigint;
  maxAmount: bigint;
  membersOnly: boolean;
  approvalTiers: LoanApprovalTier[];
  collectibilityScheme: 'KSP_2009' | 'OJK_BANK';
  isActive: boolean;
}

/** The chart accounts a loan posts to (chart-templates.ts, `lending`). */
export const loanControlCode = '1-1310';
export const cashCode = '1-1101';
export const sukarelaControlCode = '2-1201';
export const interestIncomeCode = '4-1201';
export const feeIncomeCode = '4-1202';
export const penaltyIncomeCode = '4-1203';
/** Cadangan kerugian piutang (contra asset) and its expense, moved by the loan day-end. */
export const allowanceCode = '1-1319';
export const allowanceExpenseCode = '5-2501';
/** Modal sendiri for the lending limit: simpanan pokok, wajib and the reserves. */
export const ownCapitalCodes = ['3-1101', '3-1102', '3-1201', '3-1202'] as const;

/** Roles that make a borrower a related party (10% limit instead of 15%). */
export const relatedPartyRoles = ['ketua', 'sekretaris', 'bendahara', 'pengawas'] as const;
/** Roles that may approve or reject an application. */
export const deciderRoles = ['ketua', 'sekretaris', 'bendahara', 'manajer'] as const;

export function businessDateOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Bank facilities (bank-facilities.schema.ts). An executing facility's debt sits on Utang bank
 * jangka panjang itself (the chart has no per-facility sub-accounts; entries name the facility as
 * their source); channeling collections wait on the titipan account until remitted.
 */
export const bankCode = '1-1201';
export const bankDebtCode = '2-2101';
export const bankInterestExpenseCode = '5-2102';
export const channelingHeldCode = '2-1601';
export const channelingFeeIncomeCode = '4-1211';
export type BankFacilityRow = typeof loanBankFacilities.$inferSelect;
export type PartnerBankRow = typeof loanPartnerBanks.$inferSelect;
export type ChanneledLoanRow = typeof loanChanneledLoans.$inferSelect;
