import { findAssignmentRow } from '../bank-facilities.sql.js';
import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import {
  lockLedgerForPosting,
  openMemberSubAccount,
  postJournalEntry,
} from '../../ledger/index.js';
import {
  getActiveMember,
  getOpenSession,
  openSavingsAccount,
  recordTellerCashEntry,
} from '../../savings/index.js';
import { buildSchedule } from '../rules/schedule.js';
import {
  findAccountIdsByCode,
  insertInstallments,
  listDecisions,
  setLoanFields,
} from '../loans.sql.js';
import {
  businessDateOf,
  cashCode,
  feeIncomeCode,
  loanControlCode,
  type LoanChannel,
  type LoansContext,
} from '../loans.types.js';
import { getLoan, getLoanDetail } from '../queries/get-loan.js';
import { approvalStateOf } from './loan-approvals.js';

export function ledgerKeyOf(ctx: LoansContext, action: string): string {
  assert(ctx.idempotencyKey, 'money moves carry an idempotency key');
  return `loans.${action}:${ctx.idempotencyKey}`;
}

/**
 * Pays out a fully approved loan, as one entry: Dr the member's Piutang pinjaman sub-account
 * (1-1310) the principal; Cr Kas (in the teller's open session) or the member's sukarela
 * sub-account the principal less the fees; Cr Pendapatan administrasi dan provisi (4-1202) the
 * fees. The schedule is built from the disbursement date and stored. A retry with the same key
 * returns the disbursed loan.
 *
 * Refuses: loans.loan_not_found, loans.already_disbursed, loans.not_approved,
 * loans.loan_is_channeled, savings.session_not_open (cash), members.member_not_found,
 * members.not_active, ledger.period_closed.
 */
export async function disburseLoan(
  ctx: LoansContext,
  input: { loanId: string; channel: LoanChannel },
) {
  const key = ledgerKeyOf(ctx, 'disbursement');
  const loan = await getLoan(ctx, input.loanId, { lock: true });
  if (loan.status === 'aktif' || loan.status === 'lunas') {
    if (loan.disbursementKey === key) return getLoanDetail(ctx, loan.id);
    throw new DomainError('loans.already_disbursed');
  }
  if (loan.status !== 'disetujui') {
    const decisions = await listDecisions(ctx.tx, ctx.cooperativeId, [loan.id]);
    throw new DomainError('loans.not_approved', {
      status: loan.status,
      missing: approvalStateOf(loan, decisions).missing,
    });
  }
  const funding = await findAssignmentRow(ctx.tx, ctx.cooperativeId, loan.id);
  if (funding?.fundingKind === 'channeling') throw new DomainError('loans.loan_is_channeled');
  const session = input.channel === 'cash' ? await getOpenSession(ctx) : null;
  const member = await getActiveMember(ctx, loan.membershipId);
  assert(member.memberNumber, 'an aktif member has a member number');
  await lockLedgerForPosting(ctx);
  const loanAccount = await openMemberSubAccount(ctx, {
    controlCode: loanControlCode,
    membershipId: member.membershipId,
    memberNumber: member.memberNumber,
    memberName: member.fullName,
  });
  const accounts = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [cashCode, feeIncomeCode]);
  const payee =
    input.channel === 'cash'
      ? accounts.get(cashCode)
      : (await openSavingsAccount(ctx, member, 'sukarela')).id;
  const feeAccount = accounts.get(feeIncomeCode);
  if (!payee || !feeAccount) throw new DomainError('ledger.account_not_found');
  const fees = loan.adminFee + loan.provisionFee;
  const net = loan.principal - fees;
  assert(net > 0n, 'an application whose fees swallow the amount is refused when applied for');
  const businessDate = businessDateOf(ctx.now);
  const posted = await postJournalEntry(ctx, {
    businessDate,
    lines: [
      { accountId: loanAccount.id, side: 'debit', amount: loan.principal },
      { accountId: payee, side: 'credit', amount: net },
      ...(fees > 0n ? [{ accountId: feeAccount, side: 'credit' as const, amount: fees }] : []),
    ],
    sourceType: 'loans.disbursement',
    sourceId: loan.id,
    memo: `Pencairan pinjaman ${loan.productCode} ${member.memberNumber}`,
    idempotencyKey: key,
    postedBy: ctx.actorPersonId,
  });
  if (session) await recordTellerCashEntry(ctx, { sessionId: session.id, entryId: posted.id });
  const schedule = buildSchedule({
    principal: loan.principal,
    interestRateBpsPerMonth: loan.interestRateBpsPerMonth,
    installments: loan.installments,
    method: loan.interestMethod,
    frequency: loan.frequency,
    disbursedOn: businessDate,
    graceInstallments: loan.graceInstallments,
  });
  await insertInstallments(
    ctx.tx,
    schedule.map((installment) => ({
      cooperativeId: ctx.cooperativeId,
      loanId: loan.id,
      ...installment,
    })),
  );
  await setLoanFields(ctx.tx, ctx.cooperativeId, loan.id, {
    status: 'aktif',
    loanAccountId: loanAccount.id,
    disbursedOn: businessDate,
    disbursedAt: ctx.now,
    disbursedBy: ctx.actorPersonId,
    disbursementChannel: input.channel,
    disbursementEntryId: posted.id,
    disbursementKey: key,
  });
  return getLoanDetail(ctx, loan.id);
}
