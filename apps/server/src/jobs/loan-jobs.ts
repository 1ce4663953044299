import { withSystem, withTenant, type Database } from '../platform/db/database.js';
import { isDomainError } from '../platform/domain-error.js';
import type { Logger } from '../platform/context.js';
import { listLedgerCooperatives } from '../modules/ledger/index.js';
import { runLoanDayEnd } from '../modules/loans/index.js';

/**
 * Loan day-end for `businessDate` in every lending cooperative (or one): idempotent per
 * (cooperative, date), so the scheduler may call it every tick and a rerun from the CLI posts
 * nothing twice. Cooperatives that do not lend (no Piutang pinjaman in the chart) are skipped;
 * another refusal is logged and the others go on.
 */
export async function runLoanDayEndForAll(
  db: Database,
  input: { businessDate: string; now: Date; log: Logger; cooperativeId?: string },
) {
  const cooperatives = input.cooperativeId
    ? [input.cooperativeId]
    : await withSystem(db, 'loan day-end lists every ledger', (tx) => listLedgerCooperatives(tx));
  const results: {
    cooperativeId: string;
    loanCount: number;
    overdueLoanCount: number;
    penaltyAccrued: string;
    requiredAllowance: string;
    autoDebitCount: number;
  }[] = [];
  for (const cooperativeId of cooperatives) {
    try {
      const run = await withTenant(db, cooperativeId, (tx) =>
        runLoanDayEnd(
          {
            tx,
            cooperativeId,
            now: input.now,
            actorPersonId: null,
            idempotencyKey: `loans.day-end-job:${input.businessDate}`,
          },
          { businessDate: input.businessDate },
        ),
      );
      results.push({
        cooperativeId,
        loanCount: run.loanCount,
        overdueLoanCount: run.overdueLoanCount,
        penaltyAccrued: run.penaltyAccrued.toString(),
        requiredAllowance: run.requiredAllowance.toString(),
        autoDebitCount: run.autoDebitCount,
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'loans.lending_unavailable' && !input.cooperativeId) continue;
      input.log.warn({ cooperativeId, code: error.code }, 'loan day-end refused for a cooperative');
    }
  }
  return results;
}
