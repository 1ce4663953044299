import { createHash } from 'node:crypto';
import type { Side } from '../ledger.schema.js';

export const genesisHash = '0'.repeat(64);

export interface HashableEntry {
  cooperativeId: string;
  businessDate: string;
  sourceType: string;
  sourceId: string;
  memo: string;
  idempotencyKey: string;
  reversesEntryId: string | null;
  postedBy: string | null;
  approvedBy: string | null;
  lines: readonly {
    accountId: string;
    side: Side;
    amount: bigint;
    memo?: string | null | undefined;
  }[];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The content of an entry in one canonical text (fields in fixed order, lines in line order,
 * amounts as decimal integers) and its SHA-256. Anything that changes what an entry says changes
 * this hash; `lumbung verify` recomputes it from the stored rows.
 */
export function contentHashOf(entry: HashableEntry): string {
  const lines = entry.lines
    .map(
      (line) =>
        `${line.accountId}:${line.side}:${line.amount.toString()}:${JSON.stringify(line.memo ?? null)}`,
    )
    .join(';');
  return sha256(
    [
      entry.cooperativeId,
      entry.businessDate,
      entry.sourceType,
      entry.sourceId,
      entry.memo,
      entry.idempotencyKey,
      entry.reversesEntryId ?? '',
      entry.postedBy ?? '',
      entry.approvedBy ?? '',
      lines,
    ].join('\n'),
  );
}

/** Links an entry to the one before it: hash = sha256(prev_hash, sequence, id, content hash). */
export function chainHashOf(
  prevHash: string,
  sequence: number,
  entryId: string,
  contentHash: string,
): string {
  return sha256(`${prevHash}\n${sequence}\n${entryId}\n${contentHash}`);
}
