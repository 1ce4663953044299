import { uuidv7 } from '@lumbung/shared/ids';
import type { Tx } from '../../../platform/db/database.js';
import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import {
  lockChainHead,
  readPostingState,
  writeEntries,
  type EntryRow,
  type LineRow,
} from '../ledger.sql.js';
import type { EntryInput, PostedEntry } from '../ledger.types.js';
import { chainHashOf, contentHashOf } from '../rules/entry-hash.js';
import { findEntryRefusal, periodMonthOf, totalOf } from '../rules/validate-entry.js';

/**
 * An entry's member party so far, given one more line's account owner: undefined while no line
 * touched a member's sub-account, the member while exactly one member's did, null once two
 * members' did (the entry speaks for no single member). SHU attributes participation revenue by it.
 */
function partyWith(
  party: string | null | undefined,
  owner: string | null,
): string | null | undefined {
  if (owner === null || party === null || party === owner) return party;
  return party === undefined ? owner : null;
}

export interface LedgerContext {
  tx: Tx;
  cooperativeId: string;
  now: Date;
}

/**
 * Posts entries in order, as one batch: the chain head is locked once, every entry is checked in
 * memory, and everything is written in one statement (ARCHITECTURE.md: one writer per ledger,
 * set-based writes). All or nothing: one refusal refuses the batch. An entry whose idempotency key
 * was posted before with the same content is returned as it was (`isReplay`), not posted again.
 * Every line carries its entry's member party, found from the accounts already read for the
 * checks (no extra read, no trigger).
 *
 * Refuses: ledger.entry_too_few_lines, ledger.amount_invalid, ledger.entry_not_balanced,
 * ledger.account_not_found, ledger.account_inactive, ledger.account_is_control,
 * ledger.period_closed, ledger.idempotency_conflict.
 */
export async function postJournalEntries(
  ctx: LedgerContext,
  entries: readonly EntryInput[],
  options: { allowInactiveAccounts?: boolean } = {},
): Promise<PostedEntry[]> {
  for (const entry of entries) {
    const refusal = findEntryRefusal(entry);
    if (refusal) throw new DomainError(refusal.code, refusal.params);
  }
  const head = await lockChainHead(ctx.tx, ctx.cooperativeId);
  assert(head, 'every cooperative has a chain head from the moment its chart is opened');
  const state = await readPostingState(ctx.tx, ctx.cooperativeId, {
    accountIds: [...new Set(entries.flatMap((entry) => entry.lines.map((line) => line.accountId)))],
    periodMonths: [...new Set(entries.map((entry) => periodMonthOf(entry.businessDate)))],
    idempotencyKeys: entries.map((entry) => entry.idempotencyKey),
  });
  const accounts = new Map(state.accounts.map((account) => [account.id, account]));
  const existing = new Map(state.existing.map((row) => [row.idempotencyKey, row]));
  const closed = new Set(state.closedPeriods);
  const results: PostedEntry[] = [];
  const rows: EntryRow[] = [];
  const lines: LineRow[] = [];
  let { lastSequence, lastHash } = head;
  let debitTotal = 0n;
  for (const entry of entries) {
    const reversesEntryId = entry.reversesEntryId ?? null;
    const contentHash = contentHashOf({
      ...entry,
      cooperativeId: ctx.cooperativeId,
      reversesEntryId,
      postedBy: entry.postedBy ?? null,
      approvedBy: entry.approvedBy ?? null,
    });
    const earlier = existing.get(entry.idempotencyKey);
    if (earlier) {
      if (earlier.contentHash !== contentHash) throw new DomainError('ledger.idempotency_conflict');
      results.push({
        id: earlier.id,
        sequence: earlier.sequence,
        businessDate: earlier.businessDate,
        hash: earlier.hash,
        prevHash: earlier.prevHash,
        totalAmount: BigInt(earlier.totalAmount),
        isReplay: true,
      });
      continue;
    }
    let party: string | null | undefined;
    for (const line of entry.lines) {
      const account = accounts.get(line.accountId);
      if (!account)
        throw new DomainError('ledger.account_not_found', { accountId: line.accountId });
      party = partyWith(party, account.ownerMembershipId);
      // Only the year-end close may empty an account deactivated during the year.
      if (!account.isActive && !options.allowInactiveAccounts) {
        throw new DomainError('ledger.account_inactive', { code: account.code });
      }
      if (account.isControl)
        throw new DomainError('ledger.account_is_control', { code: account.code });
    }
    if (closed.has(periodMonthOf(entry.businessDate))) {
      throw new DomainError('ledger.period_closed', { period: entry.businessDate.slice(0, 7) });
    }
    const id = uuidv7(ctx.now.getTime());
    const sequence = lastSequence + 1;
    const hash = chainHashOf(lastHash, sequence, id, contentHash);
    const totalAmount = totalOf(entry);
    rows.push({
      id,
      sequence,
      businessDate: entry.businessDate,
      postedAt: ctx.now,
      sourceType: entry.sourceType,
      sourceId: entry.sourceId,
      memo: entry.memo,
      idempotencyKey: entry.idempotencyKey,
      reversesEntryId,
      postedBy: entry.postedBy ?? null,
      approvedBy: entry.approvedBy ?? null,
      totalAmount,
      contentHash,
      prevHash: lastHash,
      hash,
    });
    entry.lines.forEach((line, index) =>
      lines.push({
        entryId: id,
        lineNumber: index + 1,
        accountId: line.accountId,
        side: line.side,
        amount: line.amount,
        businessDate: entry.businessDate,
        sequence,
        memo: line.memo ?? null,
        partyMembershipId: party ?? null,
      }),
    );
    results.push({
      id,
      sequence,
      businessDate: entry.businessDate,
      hash,
      prevHash: lastHash,
      totalAmount,
      isReplay: false,
    });
    existing.set(entry.idempotencyKey, {
      id,
      idempotencyKey: entry.idempotencyKey,
      contentHash,
      sequence,
      businessDate: entry.businessDate,
      hash,
      prevHash: lastHash,
      totalAmount: totalAmount.toString(),
    });
    lastSequence = sequence;
    lastHash = hash;
    debitTotal += totalAmount;
  }
  if (rows.length > 0) {
    await writeEntries(ctx.tx, ctx.cooperativeId, {
      entries: rows,
      lines,
      head: { lastSequence, lastHash },
      debitTotal,
    });
  }
  return results;
}
