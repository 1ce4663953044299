/** The ledger module's only door: the books every money-moving module posts through. */
export { ledgerRoutes } from './ledger.routes.js';
export { statementsRoutes, type StatementsDeps } from './statements/statements.routes.js';
export { postJournalEntry } from './commands/post-journal-entry.js';
export { lockLedgerForPosting } from './commands/lock-ledger.js';
export { postJournalEntries, type LedgerContext } from './commands/post-journal-entries.js';
export { reverseJournalEntry } from './commands/reverse-journal-entry.js';
export { openChartOfAccounts } from './commands/open-chart-of-accounts.js';
export {
  addAccount,
  renameAccount,
  setAccountActive,
  openMemberSubAccount,
  findMemberSubAccount,
} from './commands/manage-accounts.js';
export { placeHold, captureHold, releaseHold } from './commands/holds.js';
export { closePeriod } from './commands/close-period.js';
export { closeFiscalYear } from './commands/close-fiscal-year.js';
export { createCheckpoint } from './commands/create-checkpoint.js';
export {
  prepareManualJournal,
  approveManualJournal,
  rejectManualJournal,
} from './commands/manual-journals.js';
export {
  listAccounts,
  getAccountBalance,
  getTrialBalance,
  getCurrentBalance,
} from './queries/read-accounts.js';
export { getJournalEntry, listJournalEntries, getGeneralLedger } from './queries/read-journal.js';
export { listCheckpoints } from './queries/list-checkpoints.js';
export {
  verifyCooperativeLedger,
  listLedgerCooperatives,
  type VerifyReport,
} from './queries/verify-ledger.js';
export { readAccountTotalsAsOf, type AccountTotalsRow } from './ledger.sql.js';
export { getBusinessUnitSurplus } from './statements/queries/get-business-unit-surplus.js';
export type { BusinessUnitSurplus } from './statements/rules/compute-business-unit-surplus.js';
export { rollUpSubAccounts, balanceOf } from './rules/roll-up.js';
export { chartTemplateFor, wellKnownCodes } from './rules/chart-templates.js';
export * as ledgerSchema from './ledger.schema.js';
export type {
  EntryInput,
  EntryLineInput,
  PostedEntry,
  Side,
  AccountClass,
} from './ledger.types.js';
