import { uuidv7 } from '@lumbung/shared/ids';
import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import { lockLedgerForPosting, postJournalEntry, type EntryLineInput } from '../../ledger/index.js';
import {
  assertSukarelaCanPay,
  getActiveMember,
  getOpenSession,
  openSavingsAccount,
  recordTellerCashEntry,
} from '../../savings/index.js';
import {
  findAccountIdsByCode,
  findRepaymentByKey,
  insertRepayment,
  listInstallments,
  listRepayments,
  setLoanFields,
} from '../loans.sql.js';
import {
  businessDateOf,
  bankCode,
  cashCode,
  interestIncomeCode,
  penaltyIncomeCode,
  type LoanRepaymentChannel,
  type LoanRepaymentRow,
  type LoanRow,
  type LoansContext,
} from '../loans.types.js';
import { getLoan, repaymentViewOf } from '../queries/get-loan.js';
import { ledgerKeyOf } from './disburse-loan.js';
import { accruedPositionOf } from './accrued-position.js';
import { allocateOnPosition, scheduleOf, type LoanPosition } from './loan-position.js';

/**
 * A repayment of a running loan, allocated penalty → interest → principal (what is due today
 * first, then the current period; see allocateOnPosition) and posted as one
 * entry: Dr Kas (in the teller's open session), the member's sukarela sub-account or, for a
 * payroll deduction, Bank 1-1201 (the employer's transfer); Cr the
 * member's Piutang pinjaman sub-account (principal), Pendapatan jasa pinjaman 4-1201 (interest)
 * and Pendapatan denda 4-1203 (penalty: what the day-end accrued off the ledger, recognised as
 * income only when paid; accrued-position.ts). `amountOf` picks the amount from today's position (a
 * payoff takes all of it). The loan is lunas when nothing remains. A retry with the same key
 * returns the first repayment.
 *
 * Refuses: loans.loan_not_found, loans.not_active, loans.repayment_exceeds_outstanding,
 * savings.session_not_open (cash), savings.insufficient_balance (sukarela),
 * members.not_active, ledger.period_closed.
 */
export async function postLoanRepayment(
  ctx: LoansContext,
  input: {
    loanId: string;
    channel: LoanRepaymentChannel;
    isPayoff: boolean;
    amountOf: (position: LoanPosition) => bigint;
  },
) {
  const key = ledgerKeyOf(ctx, 'repayment');
  const earlier = await findRepaymentByKey(ctx.tx, ctx.cooperativeId, key);
  if (earlier) return replayOf(ctx, earlier);
  const loan = await getLoan(ctx, input.loanId, { lock: true });
  if (loan.status !== 'aktif') throw new DomainError('loans.not_active', { status: loan.status });
  const session = input.channel === 'cash' ? await getOpenSession(ctx) : null;
  const member = await getActiveMember(ctx, loan.membershipId);
  const asOf = businessDateOf(ctx.now);
  const schedule = scheduleOf(await listInstallments(ctx.tx, ctx.cooperativeId, loan.id));
  const repayments = await listRepayments(ctx.tx, ctx.cooperativeId, loan.id);
  // The penalty is what the day-end accrued (and would accrue through today): accrued-position.ts.
  const position = await accruedPositionOf(ctx, loan, schedule, repayments, asOf);
  const amount = input.amountOf(position);
  assert(amount > 0n, 'a running loan owes something, and a repayment is positive');
  const allocation = allocateOnPosition(position, amount);
  // Money beyond everything owed has no account to go to: the teller gives it back.
  if (allocation.excess > 0n)
    throw new DomainError('loans.repayment_exceeds_outstanding', {
      maximum: position.payoffAmount.toString(),
    });
  await lockLedgerForPosting(ctx);
  const payer = await payerAccountOf(ctx, { member, channel: input.channel, amount });
  const lines = await creditLinesOf(ctx, loan, allocation);
  const posted = await postJournalEntry(ctx, {
    businessDate: asOf,
    lines: [{ accountId: payer, side: 'debit', amount }, ...lines],
    sourceType: input.isPayoff ? 'loans.payoff' : 'loans.repayment',
    sourceId: loan.id,
    memo: `${input.isPayoff ? 'Pelunasan' : 'Angsuran'} pinjaman ${loan.productCode} ${member.memberNumber ?? ''}`,
    idempotencyKey: key,
    postedBy: ctx.actorPersonId,
  });
  if (session) await recordTellerCashEntry(ctx, { sessionId: session.id, entryId: posted.id });
  const isClosing = allocation.isClosing;
  const row: LoanRepaymentRow = {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    loanId: loan.id,
    paidOn: asOf,
    channel: input.channel,
    amount,
    penalty: allocation.penalty,
    interest: allocation.interest,
    principal: allocation.principal,
    isPayoff: isClosing,
    entryId: posted.id,
    sessionId: session?.id ?? null,
    idempotencyKey: key,
    receivedBy: ctx.actorPersonId,
    recordedAt: ctx.now,
  };
  await insertRepayment(ctx.tx, row);
  // Principal, the current period's interest and the penalty all paid: the loan is lunas, and
  // interest of later periods is not owed.
  if (isClosing)
    await setLoanFields(ctx.tx, ctx.cooperativeId, loan.id, { status: 'lunas', closedOn: asOf });
  return repaymentViewOf(row, {
    principalOutstandingAfter: position.principalOutstanding - allocation.principal,
    loanStatus: isClosing ? 'lunas' : 'aktif',
  });
}

async function payerAccountOf(
  ctx: LoansContext,
  input: {
    member: Awaited<ReturnType<typeof getActiveMember>>;
    channel: LoanRepaymentChannel;
    amount: bigint;
  },
): Promise<string> {
  // A payroll deduction arrives with the employer's transfer to the bank account.
  if (input.channel === 'payroll') {
    const bank = (await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [bankCode])).get(bankCode);
    if (!bank) throw new DomainError('ledger.account_not_found');
    return bank;
  }
  if (input.channel === 'cash') {
    const cash = (await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [cashCode])).get(cashCode);
    if (!cash) throw new DomainError('ledger.account_not_found');
    return cash;
  }
  const sukarela = await openSavingsAccount(ctx, input.member, 'sukarela');
  // Read after the posting turn: no concurrent withdrawal can spend the same rupiah.
  await assertSukarelaCanPay(ctx, { accountId: sukarela.id, amount: input.amount });
  return sukarela.id;
}

async function creditLinesOf(
  ctx: LoansContext,
  loan: LoanRow,
  allocation: { penalty: bigint; interest: bigint; principal: bigint },
): Promise<EntryLineInput[]> {
  assert(loan.loanAccountId, 'a running loan has its sub-account');
  const income = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [
    interestIncomeCode,
    penaltyIncomeCode,
  ]);
  const lines: EntryLineInput[] = [];
  const credit = (accountId: string | undefined, amount: bigint) => {
    if (amount === 0n) return;
    if (!accountId) throw new DomainError('ledger.account_not_found');
    lines.push({ accountId, side: 'credit', amount });
  };
  credit(loan.loanAccountId, allocation.principal);
  credit(income.get(interestIncomeCode), allocation.interest);
  credit(income.get(penaltyIncomeCode), allocation.penalty);
  return lines;
}

/** The first repayment made with this key, as it was answered. */
async function replayOf(ctx: LoansContext, row: LoanRepaymentRow) {
  const loan = await getLoan(ctx, row.loanId);
  const repayments = await listRepayments(ctx.tx, ctx.cooperativeId, loan.id);
  let outstanding = loan.principal;
  for (const repayment of repayments) {
    outstanding -= repayment.principal;
    if (repayment.id === row.id) break;
  }
  const isLast = repayments.at(-1)?.id === row.id;
  return repaymentViewOf(row, {
    principalOutstandingAfter: outstanding,
    loanStatus: isLast ? loan.status : 'aktif',
  });
}
