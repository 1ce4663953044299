/** The savings module's only door: products, teller, transfers, interest, arrears, passbooks. */
export { savingsRoutes, type SavingsRouteDeps } from './savings.routes.js';
export { setSavingsProducts } from './commands/set-savings-products.js';
export { openTellerSession } from './commands/open-teller-session.js';
export { closeTellerSession } from './commands/close-teller-session.js';
export { depositSavings } from './commands/deposit-savings.js';
export { withdrawSavings } from './commands/withdraw-savings.js';
export { transferSavings } from './commands/transfer-savings.js';
export { runMonthEndInterest } from './commands/run-month-end-interest.js';
export { settleMemberExit } from './commands/settle-member-exit.js';
export { getActiveMember, getOpenSession, openSavingsAccount } from './commands/savings-account.js';
export { recordTellerCashEntry, assertSukarelaCanPay } from './commands/record-teller-cash.js';
export { getSavingsProducts } from './queries/get-savings-products.js';
export { getMemberSavings } from './queries/get-member-savings.js';
export { getTellerSession } from './queries/get-teller-session.js';
export { listWajibArrears } from './queries/list-wajib-arrears.js';
export { getPassbook, getSavingsAccount } from './queries/get-passbook.js';
export { renderPassbookPdf } from './render/passbook-pdf.js';
export type {
  SavingsContext,
  SavingsProducts,
  SavingsReceipt,
  SavingsKind,
  PayrollLoanRepayment,
  PayrollLoanRepayments,
  PayrollRepaymentResult,
} from './savings.types.js';
export * as savingsSchema from './savings.schema.js';
export { termDepositsRoutes } from './term-deposits.routes.js';
export { openTermDeposit, type TermDepositView } from './commands/open-term-deposit.js';
export { breakTermDeposit } from './commands/break-term-deposit.js';
export { matureTermDeposits, type TermMaturity } from './commands/mature-term-deposits.js';
export * as termDepositsSchema from './term-deposits.schema.js';
export { payrollRoutes, type PayrollRouteDeps } from './payroll.routes.js';
export {
  importPayrollDeductions,
  getPayrollImport,
  listPayrollImports,
  type PayrollImportInput,
} from './commands/import-payroll-deductions.js';
export { parsePayrollFile } from './rules/payroll-file.js';
export * as payrollSchema from './payroll.schema.js';
