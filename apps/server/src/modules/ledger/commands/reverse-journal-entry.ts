import { DomainError } from '../../../platform/domain-error.js';
import { findEntryRow, findReversalOf, lockChainHead } from '../ledger.sql.js';
import type { PostedEntry } from '../ledger.types.js';
import type { LedgerContext } from './post-journal-entries.js';
import { postJournalEntry } from './post-journal-entry.js';

/**
 * Corrects a mistake the only way the books allow: a new entry with every line on the other
 * side, naming the entry it reverses, dated `businessDate` (an open period).
 *
 * Refuses: ledger.entry_not_found, ledger.entry_already_reversed, and postJournalEntry's refusals.
 */
export async function reverseJournalEntry(
  ctx: LedgerContext,
  input: {
    entryId: string;
    businessDate: string;
    memo: string;
    idempotencyKey: string;
    postedBy?: string | null;
  },
): Promise<PostedEntry> {
  await lockChainHead(ctx.tx, ctx.cooperativeId); // two reversals of one entry take turns
  const original = await findEntryRow(ctx.tx, ctx.cooperativeId, input.entryId);
  if (!original) throw new DomainError('ledger.entry_not_found');
  const reversal = await findReversalOf(ctx.tx, ctx.cooperativeId, input.entryId);
  // A retry of the same reversal (same key) gets the first result from postJournalEntry below.
  if (reversal && reversal.idempotencyKey !== input.idempotencyKey) {
    throw new DomainError('ledger.entry_already_reversed', { reversalEntryId: reversal.id });
  }
  return postJournalEntry(ctx, {
    businessDate: input.businessDate,
    lines: original.lines.map((line) => ({
      accountId: line.accountId,
      side: line.side === 'debit' ? 'credit' : 'debit',
      amount: line.amount,
      memo: line.memo ?? undefined,
    })),
    sourceType: 'ledger.reversal',
    sourceId: input.entryId,
    memo: input.memo,
    idempotencyKey: input.idempotencyKey,
    reversesEntryId: input.entryId,
    postedBy: input.postedBy ?? null,
  });
}
