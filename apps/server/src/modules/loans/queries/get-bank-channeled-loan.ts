import { DomainError } from '../../../platform/domain-error.js';
import {
  findChanneledLoanRow,
  listChanneledInstallments,
  listCollections,
} from '../bank-facilities.sql.js';
import { findMemberNames } from '../loans.sql.js';
import type { ChanneledLoanRow, LoansReadContext } from '../loans.types.js';
import { getLoan } from './get-loan.js';

type ReadContext = Pick<LoansReadContext, 'tx' | 'cooperativeId'>;
type CollectionRow = Awaited<ReturnType<typeof listCollections>>[number];

/** Refuses: loans.channeling_not_found. */
export async function getChanneledLoan(
  ctx: ReadContext,
  loanId: string,
  options: { lock?: boolean } = {},
): Promise<ChanneledLoanRow> {
  const row = await findChanneledLoanRow(ctx.tx, ctx.cooperativeId, loanId, options.lock ?? false);
  if (!row) throw new DomainError('loans.channeling_not_found');
  return row;
}

/** Collections with the bank's principal outstanding after each. */
export function collectionViewsOf(
  channeled: Pick<ChanneledLoanRow, 'principal' | 'status'>,
  collections: readonly CollectionRow[],
) {
  let outstanding = channeled.principal ?? 0n;
  return collections.map((row, index) => {
    outstanding -= row.principal;
    const isLast = index === collections.length - 1;
    return {
      id: row.id,
      loanId: row.loanId,
      paidOn: row.paidOn,
      channel: row.channel,
      amount: row.amount,
      interest: row.interest,
      principal: row.principal,
      entryId: row.entryId,
      isRemitted: row.isRemitted,
      principalOutstandingAfter: outstanding,
      status: isLast ? channeled.status : ('aktif' as const),
    };
  });
}

/**
 * A channeled loan as the cooperative tracks it for the bank: the bank's decision and terms, its
 * schedule and every collection. Refuses: loans.loan_not_found, loans.channeling_not_found.
 */
export async function getChanneledLoanDetail(ctx: ReadContext, loanId: string) {
  const loan = await getLoan(ctx, loanId);
  const channeled = await getChanneledLoan(ctx, loan.id);
  const members = await findMemberNames(ctx.tx, ctx.cooperativeId, [loan.membershipId]);
  const member = members.get(loan.membershipId);
  const schedule = await listChanneledInstallments(ctx.tx, ctx.cooperativeId, loan.id);
  const collections = await listCollections(ctx.tx, ctx.cooperativeId, loan.id);
  const principalCollected = collections.reduce((sum, row) => sum + row.principal, 0n);
  const interestCollected = collections.reduce((sum, row) => sum + row.interest, 0n);
  const isRunning = channeled.status === 'aktif';
  return {
    loanId: loan.id,
    facilityId: channeled.facilityId,
    membershipId: loan.membershipId,
    memberNumber: member?.number ?? null,
    memberName: member?.name ?? '',
    status: channeled.status,
    bankDecision: channeled.bankDecision,
    bankReference: channeled.bankReference,
    bankDecidedOn: channeled.bankDecidedOn,
    bankDecisionNote: channeled.bankDecisionNote,
    bankDecisionRecordedBy: channeled.bankDecisionRecordedBy,
    bankDecisionRecordedAt: channeled.bankDecisionRecordedAt,
    principal: channeled.principal,
    interestRateBpsPerMonth: channeled.interestRateBpsPerMonth,
    installments: channeled.installments,
    interestMethod: loan.interestMethod,
    payout: channeled.payout,
    disbursedOn: channeled.disbursedOn,
    disbursementReference: channeled.disbursementReference,
    disbursementEntryId: channeled.disbursementEntryId,
    closedOn: channeled.closedOn,
    principalCollected,
    interestCollected,
    principalOutstanding: isRunning ? (channeled.principal ?? 0n) - principalCollected : 0n,
    schedule: schedule.map(({ cooperativeId: _cooperative, loanId: _loan, ...row }) => row),
    collections: collectionViewsOf(channeled, collections),
  };
}
