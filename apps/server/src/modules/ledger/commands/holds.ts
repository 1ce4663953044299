import { uuidv7 } from '@lumbung/shared/ids';
import { DomainError } from '../../../platform/domain-error.js';
import {
  findAccountRow,
  findHoldByKey,
  findHoldRow,
  insertHold,
  lockBalance,
  resolveHold,
} from '../ledger.sql.js';
import type { EntryInput, Side } from '../ledger.types.js';
import { availableBalance } from '../rules/signed-balance.js';
import type { LedgerContext } from './post-journal-entries.js';
import { postJournalEntry } from './post-journal-entry.js';

/**
 * Reserves `amount` on an account until an outside party answers (a biller, a bank): the money
 * stays on the account but is no longer available. `side` is the side the final entry will post
 * on this account (a withdrawal from a member's savings debits it). With `mustBeAvailable` the
 * hold is refused when it would take the available balance below zero; the balance row is locked,
 * so two holds cannot both take the last rupiah.
 *
 * Refuses: ledger.account_not_found, ledger.account_inactive, ledger.amount_invalid,
 * ledger.insufficient_available_balance, ledger.idempotency_conflict.
 */
export async function placeHold(
  ctx: LedgerContext,
  input: {
    accountId: string;
    side: Side;
    amount: bigint;
    sourceType: string;
    sourceId: string;
    idempotencyKey: string;
    mustBeAvailable: boolean;
  },
) {
  const earlier = await findHoldByKey(ctx.tx, ctx.cooperativeId, input.idempotencyKey);
  if (earlier) {
    const isSameHold =
      earlier.accountId === input.accountId &&
      earlier.side === input.side &&
      earlier.amount === input.amount;
    if (!isSameHold) throw new DomainError('ledger.idempotency_conflict');
    return earlier;
  }
  if (input.amount <= 0n) throw new DomainError('ledger.amount_invalid', { line: 1 });
  const account = await findAccountRow(ctx.tx, ctx.cooperativeId, input.accountId);
  if (!account) throw new DomainError('ledger.account_not_found');
  if (!account.isActive) throw new DomainError('ledger.account_inactive', { code: account.code });
  const balance = await lockBalance(ctx.tx, ctx.cooperativeId, input.accountId);
  if (!balance) throw new DomainError('ledger.account_not_found');
  const reducesBalance = input.side !== account.normalSide;
  if (input.mustBeAvailable && reducesBalance) {
    const available = availableBalance(account.normalSide, balance);
    if (available < input.amount) {
      throw new DomainError('ledger.insufficient_available_balance', {
        available: available.toString(),
        requested: input.amount.toString(),
      });
    }
  }
  const hold = {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    accountId: input.accountId,
    side: input.side,
    amount: input.amount,
    status: 'pending' as const,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    idempotencyKey: input.idempotencyKey,
    createdAt: ctx.now,
  };
  await insertHold(ctx.tx, hold);
  return { ...hold, resolvedAt: null, capturedEntryId: null };
}

async function pendingHold(ctx: LedgerContext, holdId: string) {
  const hold = await findHoldRow(ctx.tx, ctx.cooperativeId, holdId, true);
  if (!hold) throw new DomainError('ledger.hold_not_found');
  return hold;
}

/**
 * Turns a hold into its journal entry (which must include the held account on the held side for
 * the held amount) and frees the reservation, in one transaction.
 * Refuses: ledger.hold_not_found, ledger.hold_already_resolved, ledger.entry_not_balanced (when the
 * entry does not carry the hold), and postJournalEntry's refusals.
 */
export async function captureHold(
  ctx: LedgerContext,
  input: { holdId: string; entry: EntryInput },
) {
  const hold = await pendingHold(ctx, input.holdId);
  if (hold.status === 'captured' && hold.capturedEntryId)
    return { hold, entryId: hold.capturedEntryId };
  if (hold.status !== 'pending') throw new DomainError('ledger.hold_already_resolved');
  const carriesHold = input.entry.lines.some(
    (line) =>
      line.accountId === hold.accountId && line.side === hold.side && line.amount === hold.amount,
  );
  if (!carriesHold)
    throw new DomainError('ledger.entry_not_balanced', { debit: 'hold', credit: 'entry' });
  const posted = await postJournalEntry(ctx, input.entry);
  await resolveHold(ctx.tx, hold, {
    status: 'captured',
    resolvedAt: ctx.now,
    capturedEntryId: posted.id,
  });
  return { hold: { ...hold, status: 'captured' as const }, entryId: posted.id };
}

/** Frees a hold without posting (the outside party refused). Refuses: ledger.hold_not_found, ledger.hold_already_resolved. */
export async function releaseHold(ctx: LedgerContext, input: { holdId: string }) {
  const hold = await pendingHold(ctx, input.holdId);
  if (hold.status === 'released') return hold;
  if (hold.status !== 'pending') throw new DomainError('ledger.hold_already_resolved');
  await resolveHold(ctx.tx, hold, {
    status: 'released',
    resolvedAt: ctx.now,
    capturedEntryId: null,
  });
  return { ...hold, status: 'released' as const };
}
