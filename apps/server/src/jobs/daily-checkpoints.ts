import { withSystem, withTenant, type Database } from '../platform/db/database.js';
import type { Logger } from '../platform/context.js';
import { createCheckpoint, listLedgerCooperatives } from '../modules/ledger/index.js';
import {
  matureTermDepositsForAll,
  previousMonthOf,
  runMonthEndInterestForAll,
} from './savings-jobs.js';
import { runLoanDayEndForAll } from './loan-jobs.js';
import { refreshPlannerStatistics } from '../platform/db/planner-statistics.js';

/**
 * Publishes every cooperative's checkpoint for `date` (idempotent per cooperative and date, so
 * the scheduler may run it as often as it likes and a restart never doubles a checkpoint).
 */
export async function publishDailyCheckpoints(db: Database, date: string, now: Date) {
  const cooperatives = await withSystem(db, 'daily checkpoint lists every ledger', (tx) =>
    listLedgerCooperatives(tx),
  );
  for (const cooperativeId of cooperatives) {
    await withTenant(db, cooperativeId, (tx) =>
      createCheckpoint({ tx, cooperativeId, now }, { checkpointDate: date }),
    );
  }
  return cooperatives.length;
}

/**
 * The in-process scheduler: checks hourly and, once per day, publishes the checkpoints and runs
 * last month's interest (both idempotent per cooperative and date or month).
 */
export function startDailyJobs(
  db: Database,
  options: { now: () => Date; log: Logger; intervalMs?: number },
) {
  let lastDate: string | null = null;
  const tick = async () => {
    const now = options.now();
    const date = now.toISOString().slice(0, 10);
    if (date === lastDate) return;
    try {
      const count = await publishDailyCheckpoints(db, date, now);
      // Month-end interest for last month: idempotent, so running it every day is harmless.
      const month = previousMonthOf(now);
      const interest = await runMonthEndInterestForAll(db, { month, now, log: options.log });
      await matureTermDepositsForAll(db, { asOf: date, now, log: options.log });
      // Loan day-end at the start of the day: auto-debits of today's installments, then aging.
      const loanDayEnds = await runLoanDayEndForAll(db, {
        businessDate: date,
        now,
        log: options.log,
      });
      if (db.kind === 'pglite') await refreshPlannerStatistics(db); // no autovacuum in PGlite
      lastDate = date;
      options.log.info(
        {
          date,
          cooperatives: count,
          interestMonth: month,
          interestRuns: interest.length,
          loanDayEnds: loanDayEnds.length,
        },
        'daily jobs done',
      );
    } catch (error) {
      options.log.error({ err: error }, 'daily ledger checkpoints failed; retrying next tick');
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 3_600_000);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
