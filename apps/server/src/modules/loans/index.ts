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
