import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import {
  findMemberSubAccount,
  getCurrentBalance,
  lockLedgerForPosting,
  openMemberSubAccount,
  postJournalEntry,
  type PostedEntry,
} from '../../ledger/index.js';
import { getMember, type Member } from '../../members/index.js';
import { findAccountIdsByCode, findOpenSession, insertSessionEntry } from '../savings.sql.js';
import { receiptNumberOf } from '../rules/withdrawal.js';
import {
  businessDateOf,
  cashCode,
  controlCodeOf,
  type SavingsContext,
  type SavingsKind,
  type SavingsReceipt,
} from '../savings.types.js';

/** The member, who must be aktif to save or be paid. Refuses: members.member_not_found, members.not_active. */
export async function getActiveMember(ctx: SavingsContext, membershipId: string): Promise<Member> {
  const member = await getMember(ctx, membershipId);
  if (member.status !== 'aktif' || !member.memberNumber)
    throw new DomainError('members.not_active');
  return member;
}

/**
 * The member's sub-account for `kind`, opened on first use. Opening takes the posting turn, so two
 * first deposits of one member cannot both open it; finding it takes nothing.
 */
export async function openSavingsAccount(ctx: SavingsContext, member: Member, kind: SavingsKind) {
  assert(member.memberNumber, 'an aktif member has a member number');
  const controlCode = controlCodeOf[kind];
  const existing = await findMemberSubAccount(ctx, {
    controlCode,
    membershipId: member.membershipId,
  });
  if (existing) return existing;
  await lockLedgerForPosting(ctx);
  return openMemberSubAccount(ctx, {
    controlCode,
    membershipId: member.membershipId,
    memberNumber: member.memberNumber,
    memberName: member.fullName,
  });
}

/** The teller's open session, locked for this posting. Refuses: savings.session_not_open. */
export async function getOpenSession(ctx: SavingsContext) {
  const session = ctx.actorPersonId
    ? await findOpenSession(ctx.tx, ctx.cooperativeId, ctx.actorPersonId)
    : null;
  if (!session) throw new DomainError('savings.session_not_open');
  return session;
}

export function ledgerKeyOf(ctx: SavingsContext, action: string): string {
  assert(ctx.idempotencyKey, 'money moves carry an idempotency key');
  return `savings.${action}:${ctx.idempotencyKey}`;
}

/** The receipt of a posted teller or transfer entry, with the account's balance after it. */
export async function receiptOf(
  ctx: SavingsContext,
  input: {
    type: SavingsReceipt['type'];
    kind: SavingsKind;
    member: Member;
    accountId: string;
    amount: bigint;
    posted: PostedEntry;
    sessionId: string | null;
    counterparty?: Member;
  },
): Promise<SavingsReceipt> {
  if (input.sessionId)
    await insertSessionEntry(ctx.tx, {
      cooperativeId: ctx.cooperativeId,
      sessionId: input.sessionId,
      entryId: input.posted.id,
    });
  const balance = await getCurrentBalance(ctx, input.accountId);
  return {
    receiptNumber: receiptNumberOf(input.posted.businessDate, input.posted.sequence),
    type: input.type,
    kind: input.kind,
    membershipId: input.member.membershipId,
    memberNumber: input.member.memberNumber ?? '',
    memberName: input.member.fullName,
    accountId: input.accountId,
    amount: input.amount,
    balanceAfter: balance.balance,
    tellerPersonId: input.sessionId ? ctx.actorPersonId : null,
    sessionId: input.sessionId,
    postedAt: ctx.now,
    businessDate: businessDateOf(ctx.now),
    entryId: input.posted.id,
    entryHash: input.posted.hash,
    counterparty: input.counterparty
      ? {
          memberNumber: input.counterparty.memberNumber ?? '',
          memberName: input.counterparty.fullName,
        }
      : null,
  };
}

/**
 * Cash in or out of a member's savings at the teller, as one entry (Kas against the member's
 * sub-account) inside the teller's session, with its receipt. Callers check first; this posts.
 */
export async function postTellerCashMove(
  ctx: SavingsContext,
  input: {
    type: 'deposit' | 'withdrawal';
    kind: SavingsKind;
    member: Member;
    accountId: string;
    amount: bigint;
    sessionId: string;
    memo: string;
  },
): Promise<SavingsReceipt> {
  const cash = (await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [cashCode])).get(cashCode);
  if (!cash) throw new DomainError('ledger.account_not_found');
  const isDeposit = input.type === 'deposit';
  const posted = await postJournalEntry(ctx, {
    businessDate: businessDateOf(ctx.now),
    lines: [
      { accountId: isDeposit ? cash : input.accountId, side: 'debit', amount: input.amount },
      { accountId: isDeposit ? input.accountId : cash, side: 'credit', amount: input.amount },
    ],
    sourceType: `savings.${input.type}`,
    sourceId: input.sessionId,
    memo: input.memo,
    idempotencyKey: ledgerKeyOf(ctx, input.type),
    postedBy: ctx.actorPersonId,
  });
  return receiptOf(ctx, { ...input, posted });
}
