import { readCounterDifferences } from '../shu.sql.js';
import type { ShuReadContext } from '../shu.types.js';

/**
 * Recomputes every SHU counter of the cooperative from the journal and lists where the running
 * counters differ (nothing, when the posting transactions kept them right).
 */
export async function verifyShuCounters(ctx: Pick<ShuReadContext, 'tx' | 'cooperativeId'>) {
  const differences = await readCounterDifferences(ctx.tx, ctx.cooperativeId);
  return {
    isConsistent: differences.length === 0,
    differences: differences.map((row) => ({
      kind: row.kind,
      fiscalYearStart: row.fiscal_year_start,
      membershipId: row.membership_id,
      baseKey: row.base_key,
      counted: row.counted,
      recomputed: row.recomputed,
    })),
  };
}
