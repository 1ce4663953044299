import { listCheckpointRows, readChainSummary } from '../../ledger.sql.js';
import { computeHighlights } from '../rules/compute-highlights.js';
import { dayBefore, fiscalYearStartOf, monthOf } from '../rules/periods.js';
import { readStatementTotalsAt } from '../statements.sql.js';
import type { Highlights } from '../statements.types.js';
import type { StatementContext } from './statement-context.js';

/**
 * "Koperasi dalam angka" on `today`: figures about the cooperative, none about a member, and the
 * latest published checkpoint beside the live head so a member can compare the hash with what
 * the oversight office sees.
 */
export async function getHighlights(
  ctx: StatementContext,
  input: { today: string; fiscalYearStartMonth: number },
): Promise<Highlights> {
  const month = monthOf(input.today);
  const fiscalYearStart = fiscalYearStartOf(input.today, input.fiscalYearStartMonth);
  const totals = await readStatementTotalsAt(ctx.tx, ctx.cooperativeId, {
    atAsOf: input.today,
    atMonthStart: dayBefore(month.from),
    atFiscalYearStart: dayBefore(fiscalYearStart),
  });
  const [checkpoint] = await listCheckpointRows(ctx.tx, ctx.cooperativeId, 1, null);
  const head = await readChainSummary(ctx.tx, ctx.cooperativeId);
  return computeHighlights({
    ...totals,
    asOf: input.today,
    month,
    fiscalYearStart,
    latestCheckpoint: checkpoint
      ? {
          checkpointDate: checkpoint.checkpointDate,
          lastSequence: checkpoint.lastSequence,
          headHash: checkpoint.headHash,
          entryCount: checkpoint.entryCount,
        }
      : null,
    head: head ? { lastSequence: head.lastSequence, lastHash: head.lastHash } : null,
  });
}
