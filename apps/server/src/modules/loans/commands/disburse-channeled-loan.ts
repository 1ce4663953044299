import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import { lockLedgerForPosting, postJournalEntry } from '../../ledger/index.js';
import { getActiveMember, openSavingsAccount } from '../../savings/index.js';
import { buildSchedule } from '../rules/schedule.js';
import { insertChanneledInstallments, setChanneledLoanFields } from '../bank-facilities.sql.js';
import { bankCode, businessDateOf, type LoanRow, type LoansContext } from '../loans.types.js';
import { getChanneledLoan, getChanneledLoanDetail } from '../queries/get-bank-channeled-loan.js';
import { getLoan } from '../queries/get-loan.js';
import { accountIdOf, facilityAccountsOf } from './bank-facility-support.js';
import { ledgerKeyOf } from './disburse-loan.js';

/**
 * Records that the bank paid out a channeled loan it approved, and stores the bank's schedule
 * (monthly, from the day the bank paid) for collection.
 * - payout 'bank_direct': the bank paid the member; the principal is the bank's asset and the
 *   member's debt to the bank, so the cooperative's books record nothing (tracked off balance).
 * - payout 'sukarela': the bank paid the cooperative, which passes the money to the member's
 *   sukarela at once: Dr Bank (1-1201), Cr the member's sukarela sub-account.
 * A retry with the same key returns the loan as disbursed.
 *
 * Refuses: loans.loan_not_found, loans.channeling_not_found, loans.channeling_already_disbursed,
 * loans.bank_not_approved, members.not_active, ledger.period_closed.
 */
export async function disburseChanneledLoan(
  ctx: LoansContext,
  input: {
    loanId: string;
    payout: 'bank_direct' | 'sukarela';
    disbursedOn: string;
    bankReference: string;
  },
) {
  const key = ledgerKeyOf(ctx, 'channeling_disbursement');
  const loan = await getLoan(ctx, input.loanId, { lock: true });
  const channeled = await getChanneledLoan(ctx, loan.id, { lock: true });
  if (channeled.status === 'aktif' || channeled.status === 'lunas') {
    if (channeled.disbursementKey === key) return getChanneledLoanDetail(ctx, loan.id);
    throw new DomainError('loans.channeling_already_disbursed');
  }
  if (channeled.status !== 'disetujui_bank')
    throw new DomainError('loans.bank_not_approved', { status: channeled.status });
  assert(
    channeled.principal !== null &&
      channeled.interestRateBpsPerMonth !== null &&
      channeled.installments !== null,
    "an approved channeled loan carries the bank's terms",
  );
  const entryId =
    input.payout === 'sukarela'
      ? await postPassThrough(ctx, { loan, principal: channeled.principal, key })
      : null;
  const schedule = buildSchedule({
    principal: channeled.principal,
    interestRateBpsPerMonth: channeled.interestRateBpsPerMonth,
    installments: channeled.installments,
    method: loan.interestMethod,
    frequency: 'monthly',
    disbursedOn: input.disbursedOn,
  });
  await insertChanneledInstallments(
    ctx.tx,
    schedule.map((row) => ({ cooperativeId: ctx.cooperativeId, loanId: loan.id, ...row })),
  );
  await setChanneledLoanFields(ctx.tx, ctx.cooperativeId, loan.id, {
    status: 'aktif',
    payout: input.payout,
    disbursedOn: input.disbursedOn,
    disbursementReference: input.bankReference,
    disbursementEntryId: entryId,
    disbursementKey: key,
    disbursedBy: ctx.actorPersonId,
  });
  return getChanneledLoanDetail(ctx, loan.id);
}

/** The bank's money through the cooperative's bank account into the member's sukarela. */
async function postPassThrough(
  ctx: LoansContext,
  input: { loan: LoanRow; principal: bigint; key: string },
) {
  const member = await getActiveMember(ctx, input.loan.membershipId);
  await lockLedgerForPosting(ctx);
  const accounts = await facilityAccountsOf(ctx, [bankCode]);
  const sukarela = await openSavingsAccount(ctx, member, 'sukarela');
  const posted = await postJournalEntry(ctx, {
    businessDate: businessDateOf(ctx.now),
    lines: [
      { accountId: accountIdOf(accounts, bankCode), side: 'debit', amount: input.principal },
      { accountId: sukarela.id, side: 'credit', amount: input.principal },
    ],
    sourceType: 'loans.channeling_disbursement',
    sourceId: input.loan.id,
    memo: `Pencairan pinjaman channeling ${member.memberNumber ?? ''}`,
    idempotencyKey: input.key,
    postedBy: ctx.actorPersonId,
  });
  return posted.id;
}
