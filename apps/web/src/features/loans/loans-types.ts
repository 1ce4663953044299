import type { z } from 'zod';
import type {
  InterestMethodName,
  LoanChannel,
  LoanStatus,
  loanApplicationRequest,
  loanAssessmentView,
  loanDecisionView,
  loanDetailView,
  loanInstallmentView,
  loanListView,
  loanProductListView,
  loanProductView,
  loanQueueView,
  loanRepaymentView,
  loanSummaryView,
  putLoanProductRequest,
} from '@lumbung/shared';

/**
 * Shapes of the loans API (packages/shared/src/contracts/loans.ts). Type-only imports: the zod
 * schemas never reach the bundle, only the shapes they describe. Money is a decimal string.
 */
export type { InterestMethodName, LoanChannel, LoanStatus };

export type LoanProduct = z.infer<typeof loanProductView>;
export type LoanProductList = z.infer<typeof loanProductListView>;
/** What PUT /loans/products/:code takes (membersOnly defaults to true on the server). */
export type LoanProductInput = z.input<typeof putLoanProductRequest>;
export type LoanApplicationInput = z.input<typeof loanApplicationRequest>;
export type LoanAssessment = z.infer<typeof loanAssessmentView>;
export type LoanDecision = z.infer<typeof loanDecisionView>;
export type LoanSummary = z.infer<typeof loanSummaryView>;
export type LoanInstallment = z.infer<typeof loanInstallmentView>;
export type LoanRepayment = z.infer<typeof loanRepaymentView>;
export type LoanDetail = z.infer<typeof loanDetailView>;
export type LoanList = z.infer<typeof loanListView>;
export type LoanQueue = z.infer<typeof loanQueueView>;
export type LoanQueueItem = LoanQueue['items'][number];
export type LoanApprovals = LoanDetail['approvals'];
export type InstallmentStatus = LoanInstallment['status'];

export const interestMethodNames = ['flat', 'efektif', 'anuitas'] as const;
export const loanStatusNames = ['diajukan', 'disetujui', 'ditolak', 'aktif', 'lunas'] as const;
export const loanChannelNames = ['sukarela', 'cash'] as const;
export const frequencyNames = ['monthly', 'weekly'] as const;
export const feeTreatmentNames = ['deducted', 'financed'] as const;
export const collectibilitySchemeNames = ['KSP_2009', 'OJK_BANK'] as const;

/** The factor keys the assessment uses (apps/server/.../rules/assessment.ts); never renamed. */
export const assessmentFactorKeys = [
  'tenure',
  'savings_regularity',
  'wajib_arrears',
  'repayment_history',
  'activity',
  'repayment_capacity',
] as const;
export type AssessmentFactorKey = (typeof assessmentFactorKeys)[number];
