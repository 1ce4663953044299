import { DomainError } from '../../../platform/domain-error.js';
import { addAccount, lockLedgerForPosting, postJournalEntry } from '../../ledger/index.js';
import { computeEarlyBreakPenalty } from '../rules/term-deposit.js';
import { findAccountIdsByCode } from '../savings.sql.js';
import { businessDateOf, type SavingsContext } from '../savings.types.js';
import {
  findTermDeposit,
  insertTermDepositClosure,
  type TermDepositClosureRow,
} from '../term-deposits.schema.js';
import { termDepositViewOf, type TermDepositView } from './open-term-deposit.js';
import { getActiveMember, openSavingsAccount } from './savings-account.js';

/** Pendapatan penalti simpanan: member revenue, added to the chart the first time a penalty is taken. */
export const termPenaltyRevenueCode = '4-1204';

async function penaltyRevenueAccountId(ctx: SavingsContext): Promise<string> {
  const code = termPenaltyRevenueCode;
  const found = (await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [code])).get(code);
  if (found) return found;
  const added = await addAccount(ctx, {
    code,
    name: 'Pendapatan penalti simpanan',
    class: 'revenue',
    reportGroup: 'pendapatan_lain',
    participation: 'member',
  });
  return added.id;
}

/** A deposit that exists in this cooperative. Refuses: savings.term_deposit_not_found. */
export async function getTermDeposit(ctx: SavingsContext, depositId: string) {
  const deposit = await findTermDeposit(ctx.tx, ctx.cooperativeId, depositId);
  if (!deposit) throw new DomainError('savings.term_deposit_not_found');
  return deposit;
}

/**
 * A member takes a term deposit back before it matures: the principal returns to their sukarela
 * less the deposit's early-break penalty (its penalty bps of the principal, rounded down), which
 * is the cooperative's revenue from a member (4-1204 Pendapatan penalti simpanan). No interest is
 * paid. Dr the berjangka sub-account, Cr sukarela, Cr the penalty revenue. Once per deposit.
 *
 * Refuses: savings.term_deposit_not_found, savings.term_deposit_already_closed,
 * savings.term_deposit_due (on or after the maturity date it matures instead),
 * members.not_active, ledger.period_closed.
 */
export async function breakTermDeposit(
  ctx: SavingsContext,
  input: { depositId: string },
): Promise<TermDepositView> {
  // The posting turn first: a concurrent break or maturity of the same deposit waits, then sees it closed.
  await lockLedgerForPosting(ctx);
  const deposit = await getTermDeposit(ctx, input.depositId);
  if (deposit.closure)
    throw new DomainError('savings.term_deposit_already_closed', {
      outcome: deposit.closure.outcome,
    });
  const today = businessDateOf(ctx.now);
  // From its maturity date on, the deposit has earned its interest: the maturity job pays it.
  if (today >= deposit.maturityDate)
    throw new DomainError('savings.term_deposit_due', { maturityDate: deposit.maturityDate });
  const member = await getActiveMember(ctx, deposit.membershipId);
  const penalty = computeEarlyBreakPenalty(deposit);
  const paidToSukarela = deposit.principal - penalty;
  const sukarela = await openSavingsAccount(ctx, member, 'sukarela');
  const penaltyAccount = penalty > 0n ? await penaltyRevenueAccountId(ctx) : null;
  const posted = await postJournalEntry(ctx, {
    businessDate: today,
    lines: [
      { accountId: deposit.accountId, side: 'debit' as const, amount: deposit.principal },
      { accountId: sukarela.id, side: 'credit' as const, amount: paidToSukarela },
      ...(penaltyAccount
        ? [
            {
              accountId: penaltyAccount,
              side: 'credit' as const,
              amount: penalty,
              memo: 'Penalti pencairan simpanan berjangka sebelum jatuh tempo',
            },
          ]
        : []),
    ].filter((line) => line.amount > 0n),
    sourceType: 'savings.term_deposit_break',
    sourceId: deposit.id,
    memo: `Pencairan simpanan berjangka sebelum jatuh tempo ${member.memberNumber ?? ''}`,
    idempotencyKey: `savings.term-break:${deposit.id}`,
    postedBy: ctx.actorPersonId,
  });
  const closure: TermDepositClosureRow = {
    cooperativeId: ctx.cooperativeId,
    depositId: deposit.id,
    outcome: 'broken',
    closedOn: today,
    membershipId: deposit.membershipId,
    grossInterest: 0n,
    taxWithheld: 0n,
    penalty,
    paidToSukarela,
    entryId: posted.id,
    closedAt: ctx.now,
    closedBy: ctx.actorPersonId,
  };
  await insertTermDepositClosure(ctx.tx, closure);
  return termDepositViewOf({ ...deposit, closure });
}
