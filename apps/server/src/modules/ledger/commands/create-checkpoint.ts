import { assert } from '../../../platform/assert.js';
import { findCheckpointRow, insertCheckpoint, readChainSummary } from '../ledger.sql.js';
import type { LedgerContext } from './post-journal-entries.js';

/**
 * Publishes the day's checkpoint: the chain head hash, the entry count and the totals. Members
 * and the oversight office read the same row, so a later silent rewrite of the books shows as a
 * chain that no longer reaches a published hash. Idempotent per (cooperative, date).
 */
export async function createCheckpoint(ctx: LedgerContext, input: { checkpointDate: string }) {
  const head = await readChainSummary(ctx.tx, ctx.cooperativeId);
  assert(head, 'every cooperative has a chain head');
  await insertCheckpoint(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    checkpointDate: input.checkpointDate,
    lastSequence: head.lastSequence,
    headHash: head.lastHash,
    entryCount: head.lastSequence,
    debitTotal: head.debitTotal,
    creditTotal: head.debitTotal, // every entry balances, so the credit total equals the debit total
    createdAt: ctx.now,
  });
  const checkpoint = await findCheckpointRow(ctx.tx, ctx.cooperativeId, input.checkpointDate);
  assert(checkpoint, 'the checkpoint just written is visible');
  return checkpoint;
}
