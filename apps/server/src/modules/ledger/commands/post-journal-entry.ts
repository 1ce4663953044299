import type { EntryInput, PostedEntry } from '../ledger.types.js';
import { postJournalEntries, type LedgerContext } from './post-journal-entries.js';

/**
 * Posts one balanced entry: the way every money-moving module records a financial event.
 * Refuses as postJournalEntries does.
 */
export async function postJournalEntry(
  ctx: LedgerContext,
  entry: EntryInput,
  options: { allowInactiveAccounts?: boolean } = {},
): Promise<PostedEntry> {
  const [posted] = await postJournalEntries(ctx, [entry], options);
  if (!posted) throw new Error('postJournalEntries returns one result per entry');
  return posted;
}
