import type { AccountClass, Side } from './ledger.schema.js';

export type { AccountClass, Side };

export interface EntryLineInput {
  accountId: string;
  side: Side;
  amount: bigint;
  memo?: string | undefined;
}

/** What a module hands to postJournalEntry: one business event, balanced. */
export interface EntryInput {
  businessDate: string; // yyyy-mm-dd
  lines: EntryLineInput[];
  sourceType: string; // e.g. 'savings.deposit', 'ledger.manual'
  sourceId: string;
  memo: string;
  idempotencyKey: string;
  reversesEntryId?: string | undefined;
  postedBy?: string | null | undefined;
  approvedBy?: string | null | undefined;
}

export interface PostedEntry {
  id: string;
  sequence: number;
  businessDate: string;
  hash: string;
  prevHash: string;
  totalAmount: bigint;
  isReplay: boolean;
}
