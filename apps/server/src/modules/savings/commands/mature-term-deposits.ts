import { uuidv7 } from '@lumbung/shared/ids';
import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import { lockLedgerForPosting, postJournalEntry, type EntryLineInput } from '../../ledger/index.js';
import { getMember } from '../../members/index.js';
import { getSavingsProducts } from '../queries/get-savings-products.js';
import { monthBounds } from '../rules/interest.js';
import {
  computeMaturityDate,
  computeMaturityTax,
  computeTermInterest,
  daysBetween,
  monthOf,
} from '../rules/term-deposit.js';
import { findAccountIdsByCode } from '../savings.sql.js';
import {
  businessDateOf,
  interestExpenseCode,
  taxPayableCode,
  type SavingsContext,
  type SavingsProducts,
} from '../savings.types.js';
import {
  insertTermDeposit,
  insertTermDepositClosure,
  listDueTermDeposits,
  sumMemberTermInterest,
  type TermDepositRow,
} from '../term-deposits.schema.js';
import { openSavingsAccount } from './savings-account.js';

interface MaturityTerms {
  thresholdRupiah: bigint;
  taxRateBps: number;
  expense: string;
  taxPayable: string;
  berjangka: SavingsProducts['berjangka'];
}

export interface TermMaturity {
  depositId: string;
  membershipId: string;
  outcome: 'matured' | 'rolled_over';
  maturityDate: string;
  grossInterest: bigint;
  taxWithheld: bigint;
  paidToSukarela: bigint;
  entryId: string | null;
  rolledIntoId: string | null;
}

/**
 * The maturity job: every term deposit due on or before `asOf` earns simple interest (jasa) for
 * its exact days at its own rate, rounded down; final income tax (PP 15/2009) is withheld when
 * the member's term interest in the maturity month is above the threshold. A `to_sukarela`
 * deposit pays principal and net interest to sukarela (Dr berjangka, Dr Beban jasa simpanan, Cr
 * sukarela, Cr Utang pajak); a `rollover` deposit pays only the net interest and its principal
 * starts a new term on the cooperative's current berjangka product, linked to the old one (a
 * member who is no longer aktif is paid out instead). Entries are dated on the maturity date.
 * Once per deposit: a rerun finds nothing due and posts nothing; each entry's idempotency key is
 * `savings.term-maturity:<depositId>:<maturityDate>`.
 *
 * Refuses: savings.maturity_date_in_future, ledger.account_not_found, ledger.period_closed.
 */
export async function matureTermDeposits(
  ctx: SavingsContext,
  input: { asOf: string; taxThresholdRupiah?: bigint; taxRateBps?: number },
) {
  // A deposit is paid when its day has come: paying tomorrow's maturities today would be early.
  if (input.asOf > businessDateOf(ctx.now))
    throw new DomainError('savings.maturity_date_in_future', { asOf: input.asOf });
  // The posting turn first: a concurrent run waits here, then finds nothing left due.
  await lockLedgerForPosting(ctx);
  const ids = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [
    interestExpenseCode,
    taxPayableCode,
  ]);
  const expense = ids.get(interestExpenseCode);
  const taxPayable = ids.get(taxPayableCode);
  if (!expense || !taxPayable) throw new DomainError('ledger.account_not_found');
  const terms: MaturityTerms = {
    thresholdRupiah: input.taxThresholdRupiah ?? 240_000n,
    taxRateBps: input.taxRateBps ?? 1_000,
    expense,
    taxPayable,
    berjangka: (await getSavingsProducts(ctx)).berjangka,
  };
  const matured: TermMaturity[] = [];
  // A rolled-over term that is itself due by `asOf` (a late run) is matured in the next pass.
  for (
    let due = await listDueTermDeposits(ctx.tx, ctx.cooperativeId, input.asOf);
    due.length > 0;
    due = await listDueTermDeposits(ctx.tx, ctx.cooperativeId, input.asOf)
  ) {
    for (const deposit of due) matured.push(await matureTermDeposit(ctx, deposit, terms));
  }
  return {
    asOf: input.asOf,
    maturedCount: matured.filter((item) => item.outcome === 'matured').length,
    rolledOverCount: matured.filter((item) => item.outcome === 'rolled_over').length,
    grossInterest: matured.reduce((sum, item) => sum + item.grossInterest, 0n),
    taxWithheld: matured.reduce((sum, item) => sum + item.taxWithheld, 0n),
    deposits: matured,
  };
}

async function matureTermDeposit(
  ctx: SavingsContext,
  deposit: TermDepositRow,
  terms: MaturityTerms,
): Promise<TermMaturity> {
  const member = await getMember(ctx, deposit.membershipId);
  const isRollover = deposit.maturityAction === 'rollover' && member.status === 'aktif';
  const interest = computeTermInterest({
    principal: deposit.principal,
    interestRateBps: deposit.interestRateBps,
    days: daysBetween(deposit.startDate, deposit.maturityDate),
  });
  const month = monthBounds(monthOf(deposit.maturityDate));
  const earlier = await sumMemberTermInterest(ctx.tx, ctx.cooperativeId, {
    membershipId: deposit.membershipId,
    ...month,
  });
  const tax = computeMaturityTax({
    interest,
    earlierInterest: earlier.interest,
    earlierTax: earlier.tax,
    thresholdRupiah: terms.thresholdRupiah,
    taxRateBps: terms.taxRateBps,
  });
  const principalPaid = isRollover ? 0n : deposit.principal;
  const paidToSukarela = principalPaid + interest - tax;
  const sukarela = await openSavingsAccount(ctx, member, 'sukarela');
  const lines: EntryLineInput[] = [
    { accountId: deposit.accountId, side: 'debit' as const, amount: principalPaid },
    { accountId: terms.expense, side: 'debit' as const, amount: interest },
    { accountId: sukarela.id, side: 'credit' as const, amount: paidToSukarela },
    {
      accountId: terms.taxPayable,
      side: 'credit' as const,
      amount: tax,
      memo: 'PPh final bunga simpanan (PP 15/2009)',
    },
  ].filter((line) => line.amount > 0n);
  // A rollover at a zero rate moves no money: there is nothing to post.
  const posted =
    lines.length === 0
      ? null
      : await postJournalEntry(ctx, {
          businessDate: deposit.maturityDate,
          lines,
          sourceType: 'savings.term_deposit_maturity',
          sourceId: deposit.id,
          memo: `${isRollover ? 'Jasa simpanan berjangka (diperpanjang)' : 'Pencairan simpanan berjangka jatuh tempo'} ${member.memberNumber ?? ''}`,
          idempotencyKey: `savings.term-maturity:${deposit.id}:${deposit.maturityDate}`,
          postedBy: ctx.actorPersonId,
        });
  const isRecorded = await insertTermDepositClosure(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    depositId: deposit.id,
    outcome: isRollover ? 'rolled_over' : 'matured',
    closedOn: deposit.maturityDate,
    membershipId: deposit.membershipId,
    grossInterest: interest,
    taxWithheld: tax,
    penalty: 0n,
    paidToSukarela,
    entryId: posted?.id ?? null,
    closedAt: ctx.now,
    closedBy: ctx.actorPersonId,
  });
  assert(isRecorded, 'a due deposit is read under the posting lock, so nobody closed it meanwhile');
  const rolledIntoId = isRollover ? await rollOver(ctx, deposit, terms.berjangka) : null;
  return {
    depositId: deposit.id,
    membershipId: deposit.membershipId,
    outcome: isRollover ? 'rolled_over' : 'matured',
    maturityDate: deposit.maturityDate,
    grossInterest: interest,
    taxWithheld: tax,
    paidToSukarela,
    entryId: posted?.id ?? null,
    rolledIntoId,
  };
}

/** The principal stays on the berjangka sub-account and starts a new term on today's product. */
async function rollOver(
  ctx: SavingsContext,
  deposit: TermDepositRow,
  berjangka: SavingsProducts['berjangka'],
): Promise<string> {
  const id = uuidv7(ctx.now.getTime());
  await insertTermDeposit(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    id,
    membershipId: deposit.membershipId,
    accountId: deposit.accountId,
    principal: deposit.principal,
    interestRateBps: berjangka.interestRateBps,
    termMonths: berjangka.termMonths,
    maturityAction: berjangka.maturityAction,
    earlyBreakPenaltyBps: berjangka.earlyBreakPenaltyBps,
    startDate: deposit.maturityDate,
    maturityDate: computeMaturityDate(deposit.maturityDate, berjangka.termMonths),
    source: 'rollover',
    rolledFromId: deposit.id,
    openingEntryId: null,
    openedAt: ctx.now,
    openedBy: ctx.actorPersonId,
  });
  return id;
}
