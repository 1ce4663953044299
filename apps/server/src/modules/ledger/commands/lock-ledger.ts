import { assert } from '../../../platform/assert.js';
import { lockChainHead } from '../ledger.sql.js';
import type { LedgerContext } from './post-journal-entries.js';

/**
 * Takes the cooperative's posting turn before a check-then-post sequence (is there enough on the
 * account? then post the withdrawal). Every posting takes this lock first, so a balance read after
 * it cannot be spent by a concurrent posting before this transaction commits, and no two
 * transactions ever wait on each other in opposite orders.
 */
export async function lockLedgerForPosting(ctx: LedgerContext): Promise<void> {
  const head = await lockChainHead(ctx.tx, ctx.cooperativeId);
  assert(head, 'every cooperative has a chain head from the moment its chart is opened');
}
