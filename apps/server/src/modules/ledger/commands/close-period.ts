import { DomainError } from '../../../platform/domain-error.js';
import { insertClosedPeriod } from '../ledger.sql.js';
import type { LedgerContext } from './post-journal-entries.js';

/** The last day of the month `periodMonth` ('2026-03-01' -> '2026-03-31'). */
export function lastDayOf(periodMonth: string): string {
  const [year, month] = periodMonth.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, month ?? 1, 0)).toISOString().slice(0, 10);
}

/**
 * Closes a month: from now on nothing may be posted with a business date in it (the database
 * refuses it too). Corrections go into an open period as reversals.
 * Refuses: ledger.period_not_ended, ledger.period_already_closed.
 */
export async function closePeriod(
  ctx: LedgerContext & { actorPersonId: string | null },
  input: { period: string },
) {
  const periodMonth = `${input.period}-01`;
  const today = ctx.now.toISOString().slice(0, 10);
  if (lastDayOf(periodMonth) >= today)
    throw new DomainError('ledger.period_not_ended', { period: input.period });
  const isNew = await insertClosedPeriod(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    periodMonth,
    status: 'closed',
    closedAt: ctx.now,
    closedBy: ctx.actorPersonId,
  });
  if (!isNew) throw new DomainError('ledger.period_already_closed', { period: input.period });
  return { period: input.period, closedAt: ctx.now.toISOString() };
}
