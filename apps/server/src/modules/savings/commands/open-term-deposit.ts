import { uuidv7 } from '@lumbung/shared/ids';
import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import {
  getCurrentBalance,
  lockLedgerForPosting,
  openMemberSubAccount,
  postJournalEntry,
} from '../../ledger/index.js';
import type { Member } from '../../members/index.js';
import { getSavingsProducts } from '../queries/get-savings-products.js';
import { findWithdrawalRefusal } from '../rules/withdrawal.js';
import { computeMaturityDate, computeTermInterest, daysBetween } from '../rules/term-deposit.js';
import { findAccountIdsByCode, insertSessionEntry } from '../savings.sql.js';
import { businessDateOf, cashCode, type SavingsContext } from '../savings.types.js';
import {
  findTermDepositByOpeningEntry,
  insertTermDeposit,
  type TermDepositWithClosure,
} from '../term-deposits.schema.js';
import {
  getActiveMember,
  getOpenSession,
  ledgerKeyOf,
  openSavingsAccount,
} from './savings-account.js';

/** Simpanan berjangka's control account: only the simpan_pinjam and serba_usaha charts have it. */
export const berjangkaControlCode = '2-1202';

/**
 * Refuses with savings.term_deposit_unavailable when the cooperative's chart has no Simpanan
 * berjangka control account (a konsumen, produsen or jasa cooperative takes no term deposits).
 */
export async function assertTermDepositsOffered(ctx: SavingsContext): Promise<void> {
  const ids = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [berjangkaControlCode]);
  if (!ids.has(berjangkaControlCode))
    throw new DomainError('savings.term_deposit_unavailable', {
      controlCode: berjangkaControlCode,
    });
}

/** The member's berjangka sub-account (all their deposits share it; call after the lock). */
export function openTermDepositAccount(ctx: SavingsContext, member: Member) {
  assert(member.memberNumber, 'a member who places a deposit has a member number');
  return openMemberSubAccount(ctx, {
    controlCode: berjangkaControlCode,
    membershipId: member.membershipId,
    memberNumber: member.memberNumber,
    memberName: member.fullName,
  });
}

/** What a caller sees of a deposit: its terms, the interest it earns if held to maturity, its end. */
export function termDepositViewOf(deposit: TermDepositWithClosure) {
  const { closure, ...terms } = deposit;
  return {
    ...terms,
    status: closure?.outcome ?? ('active' as const),
    interestAtMaturity: computeTermInterest({
      principal: deposit.principal,
      interestRateBps: deposit.interestRateBps,
      days: daysBetween(deposit.startDate, deposit.maturityDate),
    }),
    closure: closure
      ? {
          outcome: closure.outcome,
          closedOn: closure.closedOn,
          grossInterest: closure.grossInterest,
          taxWithheld: closure.taxWithheld,
          penalty: closure.penalty,
          paidToSukarela: closure.paidToSukarela,
          entryId: closure.entryId,
          closedAt: closure.closedAt,
        }
      : null,
  };
}
export type TermDepositView = ReturnType<typeof termDepositViewOf>;

/**
 * A member places simpanan berjangka on the cooperative's current product terms (rate, term,
 * maturity action and early-break penalty are copied onto the deposit): from their sukarela
 * balance (Dr the sukarela sub-account, Cr the berjangka sub-account, no cash moves) or in cash
 * at the teller's open session (Dr Kas, Cr the berjangka sub-account). It matures the term's
 * months later, on the same day or the month's last day. A retry with the same key returns the
 * deposit it opened.
 *
 * Refuses: savings.term_deposit_unavailable, savings.term_deposit_amount_invalid,
 * savings.session_not_open (cash), members.member_not_found, members.not_active,
 * savings.insufficient_balance (sukarela), ledger.period_closed.
 */
export async function openTermDeposit(
  ctx: SavingsContext,
  input: { membershipId: string; amount: bigint; source: 'sukarela' | 'cash' },
): Promise<TermDepositView> {
  await assertTermDepositsOffered(ctx);
  // A deposit is money placed: nothing or less than nothing is a request we cannot book.
  if (input.amount <= 0n)
    throw new DomainError('savings.term_deposit_amount_invalid', {
      amount: input.amount.toString(),
    });
  const session = input.source === 'cash' ? await getOpenSession(ctx) : null;
  const member = await getActiveMember(ctx, input.membershipId);
  const products = await getSavingsProducts(ctx);
  // The posting turn first: the sukarela balance read below cannot be spent by anyone else.
  await lockLedgerForPosting(ctx);
  const account = await openTermDepositAccount(ctx, member);
  const fundingAccountId = session
    ? await cashAccountId(ctx)
    : await sukarelaFundingAccountId(ctx, member, {
        amount: input.amount,
        minimumBalance: products.sukarela.minimumBalance,
      });
  const startDate = businessDateOf(ctx.now);
  const posted = await postJournalEntry(ctx, {
    businessDate: startDate,
    lines: [
      { accountId: fundingAccountId, side: 'debit', amount: input.amount },
      { accountId: account.id, side: 'credit', amount: input.amount },
    ],
    sourceType: 'savings.term_deposit_open',
    sourceId: member.membershipId,
    memo: `Penempatan simpanan berjangka ${member.memberNumber ?? ''} dari ${input.source === 'cash' ? 'setoran tunai' : 'simpanan sukarela'}`,
    idempotencyKey: ledgerKeyOf(ctx, 'term-deposit-open'),
    postedBy: ctx.actorPersonId,
  });
  if (posted.isReplay) {
    const earlier = await findTermDepositByOpeningEntry(ctx.tx, ctx.cooperativeId, posted.id);
    assert(earlier, 'an opening entry is recorded with its deposit in one transaction');
    return termDepositViewOf(earlier);
  }
  if (session)
    await insertSessionEntry(ctx.tx, {
      cooperativeId: ctx.cooperativeId,
      sessionId: session.id,
      entryId: posted.id,
    });
  const { berjangka } = products;
  const deposit = {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    membershipId: member.membershipId,
    accountId: account.id,
    principal: input.amount,
    interestRateBps: berjangka.interestRateBps,
    termMonths: berjangka.termMonths,
    maturityAction: berjangka.maturityAction,
    earlyBreakPenaltyBps: berjangka.earlyBreakPenaltyBps,
    startDate,
    maturityDate: computeMaturityDate(startDate, berjangka.termMonths),
    source: input.source,
    rolledFromId: null,
    openingEntryId: posted.id,
    openedAt: ctx.now,
    openedBy: ctx.actorPersonId,
  };
  await insertTermDeposit(ctx.tx, deposit);
  return termDepositViewOf({ ...deposit, closure: null });
}

async function cashAccountId(ctx: SavingsContext): Promise<string> {
  const cash = (await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [cashCode])).get(cashCode);
  if (!cash) throw new DomainError('ledger.account_not_found');
  return cash;
}

/** The member's sukarela account, when it can give `amount` and keep the product minimum. */
async function sukarelaFundingAccountId(
  ctx: SavingsContext,
  member: Member,
  input: { amount: bigint; minimumBalance: bigint },
): Promise<string> {
  const sukarela = await openSavingsAccount(ctx, member, 'sukarela');
  const { available } = await getCurrentBalance(ctx, sukarela.id);
  const refusal = findWithdrawalRefusal({ kind: 'sukarela', available, ...input });
  if (refusal) throw new DomainError(refusal.code, refusal.params);
  return sukarela.id;
}
