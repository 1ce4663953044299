import { withSystem, withTenant, type Database } from '../platform/db/database.js';
import { isDomainError } from '../platform/domain-error.js';
import type { Logger } from '../platform/context.js';
import { listLedgerCooperatives } from '../modules/ledger/index.js';
import { matureTermDeposits, runMonthEndInterest } from '../modules/savings/index.js';

/** The month before `now`, as yyyy-mm (the month whose interest is due on the 1st). */
export function previousMonthOf(now: Date): string {
  const firstOfThisMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return new Date(firstOfThisMonth - 86_400_000).toISOString().slice(0, 7);
}

/**
 * Month-end interest and tax for every cooperative: idempotent per (cooperative, month), so the
 * scheduler may call it every day of the month and a rerun from the CLI posts nothing twice.
 */
export async function runMonthEndInterestForAll(
  db: Database,
  input: { month: string; now: Date; log: Logger },
) {
  const cooperatives = await withSystem(db, 'month-end interest lists every ledger', (tx) =>
    listLedgerCooperatives(tx),
  );
  const results: {
    cooperativeId: string;
    grossInterest: string;
    taxWithheld: string;
    accountCount: number;
  }[] = [];
  for (const cooperativeId of cooperatives) {
    try {
      const run = await withTenant(db, cooperativeId, (tx) =>
        runMonthEndInterest(
          {
            tx,
            cooperativeId,
            now: input.now,
            actorPersonId: null,
            idempotencyKey: `savings.interest-job:${input.month}`,
          },
          { month: input.month },
        ),
      );
      results.push({
        cooperativeId,
        grossInterest: run.grossInterest.toString(),
        taxWithheld: run.taxWithheld.toString(),
        accountCount: run.accountCount,
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      input.log.warn(
        { cooperativeId, code: error.code },
        'month-end interest refused for a cooperative',
      );
    }
  }
  return results;
}

/** Pays out or rolls over every term deposit due by `asOf`, in every cooperative (idempotent). */
export async function matureTermDepositsForAll(
  db: Database,
  input: { asOf: string; now: Date; log: Logger },
) {
  const cooperatives = await withSystem(db, 'term-deposit maturities list every ledger', (tx) =>
    listLedgerCooperatives(tx),
  );
  let matured = 0;
  for (const cooperativeId of cooperatives) {
    try {
      const result = await withTenant(db, cooperativeId, (tx) =>
        matureTermDeposits(
          {
            tx,
            cooperativeId,
            now: input.now,
            actorPersonId: null,
            idempotencyKey: `savings.maturity-job:${input.asOf}`,
          },
          { asOf: input.asOf },
        ),
      );
      matured += Array.isArray(result) ? result.length : 0;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      input.log.warn(
        { cooperativeId, code: error.code },
        'term-deposit maturities refused for a cooperative',
      );
    }
  }
  return matured;
}
