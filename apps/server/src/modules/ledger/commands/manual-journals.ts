import { uuidv7 } from '@lumbung/shared/ids';
import { DomainError } from '../../../platform/domain-error.js';
import { decideManualJournal, findManualJournal, insertManualJournal } from '../ledger.sql.js';
import type { ManualJournalLine } from '../ledger.schema.js';
import { findEntryRefusal } from '../rules/validate-entry.js';
import type { LedgerContext } from './post-journal-entries.js';
import { postJournalEntry } from './post-journal-entry.js';

type OfficerContext = LedgerContext & { actorPersonId: string };

function toEntryLines(lines: readonly ManualJournalLine[]) {
  return lines.map((line) => ({
    accountId: line.accountId,
    side: line.side,
    amount: BigInt(line.amount),
    memo: line.memo,
  }));
}

/**
 * Maker: an officer prepares a manual journal; nothing is posted until another officer approves.
 * The shape is checked now so the checker reviews a balanced proposal.
 * Refuses: ledger.entry_too_few_lines, ledger.amount_invalid, ledger.entry_not_balanced.
 */
export async function prepareManualJournal(
  ctx: OfficerContext,
  input: { businessDate: string; memo: string; lines: ManualJournalLine[] },
) {
  const refusal = findEntryRefusal({ lines: toEntryLines(input.lines) });
  if (refusal) throw new DomainError(refusal.code, refusal.params);
  const id = uuidv7(ctx.now.getTime());
  await insertManualJournal(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    id,
    businessDate: input.businessDate,
    memo: input.memo,
    lines: input.lines,
    status: 'awaiting_approval',
    preparedBy: ctx.actorPersonId,
    preparedAt: ctx.now,
  });
  return getDraft(ctx, id);
}

async function getDraft(ctx: LedgerContext, id: string) {
  const draft = await findManualJournal(ctx.tx, ctx.cooperativeId, id);
  if (!draft) throw new DomainError('ledger.manual_journal_not_found');
  return draft;
}

async function pendingDraftFor(ctx: OfficerContext, id: string) {
  const draft = await getDraft(ctx, id);
  if (draft.status !== 'awaiting_approval')
    throw new DomainError('ledger.manual_journal_not_pending');
  if (draft.preparedBy === ctx.actorPersonId)
    throw new DomainError('ledger.manual_journal_self_approval');
  return draft;
}

/**
 * Checker: another officer approves and the entry posts, naming both.
 * Refuses: ledger.manual_journal_not_found, ledger.manual_journal_not_pending,
 * ledger.manual_journal_self_approval, and postJournalEntry's refusals.
 */
export async function approveManualJournal(
  ctx: OfficerContext,
  input: { draftId: string; note?: string | undefined },
) {
  const draft = await pendingDraftFor(ctx, input.draftId);
  const posted = await postJournalEntry(ctx, {
    businessDate: draft.businessDate,
    lines: toEntryLines(draft.lines),
    sourceType: 'ledger.manual',
    sourceId: draft.id,
    memo: draft.memo,
    idempotencyKey: `ledger.manual:${draft.id}`,
    postedBy: draft.preparedBy,
    approvedBy: ctx.actorPersonId,
  });
  await decideManualJournal(ctx.tx, ctx.cooperativeId, draft.id, {
    status: 'approved',
    decidedBy: ctx.actorPersonId,
    decidedAt: ctx.now,
    decisionNote: input.note ?? null,
    entryId: posted.id,
  });
  return getDraft(ctx, draft.id);
}

/** Checker: another officer rejects; nothing posts. Refuses as approveManualJournal, less posting. */
export async function rejectManualJournal(
  ctx: OfficerContext,
  input: { draftId: string; note: string },
) {
  const draft = await pendingDraftFor(ctx, input.draftId);
  await decideManualJournal(ctx.tx, ctx.cooperativeId, draft.id, {
    status: 'rejected',
    decidedBy: ctx.actorPersonId,
    decidedAt: ctx.now,
    decisionNote: input.note,
    entryId: null,
  });
  return getDraft(ctx, draft.id);
}
