import type { z } from 'zod';
import type {
  InterestMethodName,
  LoanChannel,
  LoanStatus,
  bankDecisionRequest,
  bankFacilityListView,
  bankFacilityRequest,
  bankFacilityView,
  channeledLoanView,
  channelingCollectionView,
  channelingDisbursementRequest,
  facilityMovementView,
  facilityReportView,
  loanApplicationRequest,
  loanAssessmentView,
  loanDecisionView,
  loanAutoDebitView,
  loanDayEndRunView,
  loanDayEndSettingsView,
  loanDetailView,
  loanInstallmentView,
  loanListView,
  loanProductListView,
  loanProductView,
  loanQueueView,
  loanRepaymentView,
  loanRescheduleRequest,
  loanRescheduleView,
  loanSummaryView,
  loanFundingView,
  partnerBankListView,
  partnerBankRequest,
  partnerBankView,
  putLoanDayEndSettingsRequest,
  putLoanProductRequest,
  remittanceView,
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
export type LoanReschedule = z.infer<typeof loanRescheduleView>;
export type LoanRescheduleInput = z.input<typeof loanRescheduleRequest>;
export type LoanAutoDebit = z.infer<typeof loanAutoDebitView>;

// Bank facilities (packages/shared/src/contracts/bank-facilities.ts).
export type PartnerBank = z.infer<typeof partnerBankView>;
export type PartnerBankList = z.infer<typeof partnerBankListView>;
export type PartnerBankInput = z.input<typeof partnerBankRequest>;
export type BankFacility = z.infer<typeof bankFacilityView>;
export type BankFacilityList = z.infer<typeof bankFacilityListView>;
export type BankFacilityInput = z.input<typeof bankFacilityRequest>;
export type FacilityKind = BankFacility['kind'];
export type FacilityMovement = z.infer<typeof facilityMovementView>;
export type FacilityReport = z.infer<typeof facilityReportView>;
export type Remittance = z.infer<typeof remittanceView>;
export type LoanFunding = z.infer<typeof loanFundingView>;
export type ChanneledLoan = z.infer<typeof channeledLoanView>;
export type ChanneledLoanStatus = ChanneledLoan['status'];
export type ChannelingCollection = z.infer<typeof channelingCollectionView>;
export type BankDecisionInput = z.input<typeof bankDecisionRequest>;
export type ChannelingDisbursementInput = z.input<typeof channelingDisbursementRequest>;

// Day-end (packages/shared/src/contracts/loan-day-end.ts).
export type LoanDayEndRun = z.infer<typeof loanDayEndRunView>;
export type LoanDayEndSettings = z.infer<typeof loanDayEndSettingsView>;
export type LoanDayEndSettingsInput = z.input<typeof putLoanDayEndSettingsRequest>;
export type CollectibilityScheme = keyof LoanDayEndSettings['bands'];
export type CollectibilityBand = LoanDayEndSettings['bands']['KSP_2009'][number];
export type CollectibilityName = CollectibilityBand['collectibility'];

export const facilityKindNames = ['executing', 'channeling'] as const;
export const ratePeriodNames = ['month', 'year'] as const;
export const channelingPayoutNames = ['bank_direct', 'sukarela'] as const;
export const collectibilityNames = [
  'lancar',
  'dalam_perhatian_khusus',
  'kurang_lancar',
  'diragukan',
  'macet',
] as const;

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
