/** The loans module's only door: products, applications, decisions, disbursement, repayment. */
export { loansRoutes } from './loans.routes.js';
export { setLoanProduct } from './commands/set-loan-product.js';
export { applyForLoan, type LoanApplicationInput } from './commands/apply-for-loan.js';
export { decideLoanApplication } from './commands/decide-loan-application.js';
export { disburseLoan } from './commands/disburse-loan.js';
export { repayLoan } from './commands/repay-loan.js';
export { payOffLoan } from './commands/pay-off-loan.js';
export { getLoan, getLoanDetail } from './queries/get-loan.js';
export { listLoanProducts, getLoanProduct } from './queries/get-loan-products.js';
export { listLoans } from './queries/list-loans.js';
export { listCommitteeQueue } from './queries/list-committee-queue.js';
export type {
  LoansContext,
  LoanProduct,
  LoanApprovalTier,
  LoanStatus,
  LoanChannel,
} from './loans.types.js';
export * as loansSchema from './loans.schema.js';
export { bankFacilitiesRoutes } from './bank-facilities.routes.js';
export { addPartnerBank } from './commands/add-partner-bank.js';
export { openBankFacility } from './commands/open-bank-facility.js';
export { setBankFacilityStatus } from './commands/set-bank-facility-status.js';
export { drawBankFacility } from './commands/draw-bank-facility.js';
export { repayBankFacility } from './commands/repay-bank-facility.js';
export { assignLoanToFacility } from './commands/assign-loan-to-facility.js';
export { recordChannelingBankDecision } from './commands/record-channeling-bank-decision.js';
export { disburseChanneledLoan } from './commands/disburse-channeled-loan.js';
export { collectChanneledRepayment } from './commands/collect-channeled-repayment.js';
export { remitChannelingCollections } from './commands/remit-channeling-collections.js';
export {
  getBankFacility,
  listBankFacilities,
  listPartnerBanks,
} from './queries/get-bank-facility.js';
export { getChanneledLoanDetail } from './queries/get-bank-channeled-loan.js';
export { getBankChannelingPackage } from './queries/get-bank-channeling-package.js';
export { getFacilityReport } from './queries/get-facility-report.js';
export * as bankFacilitiesSchema from './bank-facilities.schema.js';
export { loanDayEndRoutes } from './day-end.routes.js';
export { runLoanDayEnd } from './commands/run-loan-day-end.js';
export { setLoanAutoDebit } from './commands/set-loan-auto-debit.js';
export { setLoanDayEndSettings } from './commands/set-loan-day-end-settings.js';
export { getLoanDayEndSettings } from './queries/get-loan-day-end-settings.js';
export { getPortfolioQuality } from './queries/get-portfolio-quality.js';
export { listCollections } from './queries/list-collections.js';
export * as loanDayEndSchema from './loans-day-end.schema.js';
export { rescheduleLoan, type RescheduleLoanInput } from './commands/reschedule-loan.js';
export { repayLoanFromPayroll, payrollLoanRepayments } from './commands/repay-loan-from-payroll.js';
export { repayOwnLoan } from './commands/repay-own-loan.js';
export type { LoansRouteDeps } from './loans.routes.js';
