import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import { lockLedgerForPosting, postJournalEntry } from '../../ledger/index.js';
import { getOpenSession, recordTellerCashEntry } from '../../savings/index.js';
import { getShuDistributionRow } from '../queries/get-shu-distribution.js';
import {
  findAccountIdsByCode,
  findCashPayout,
  findDistributionMemberForPayout,
  insertCashPayout,
  readMemberNames,
  type CashPayoutRow,
  type DistributionRow,
} from '../shu.sql.js';
import { shuCodes, type ShuContext } from '../shu.types.js';

/**
 * Pays a member's SHU that posting left owed in SHU yang akan dibagikan (2-1401) — every member of
 * a cash payout, and a member who was not aktif when a sukarela payout posted — in cash at the
 * teller, inside the teller's open session, as one entry: Dr 2-1401 the share; Cr Kas (1-1101) the
 * share less the tax; Cr Utang pajak (2-1301) the tax the distribution withheld. The member need not
 * be aktif: a member who left is still owed their share. The ledger key is the (distribution,
 * member) pair, so the share leaves 2-1401 once whatever the request; a retry with the same
 * request key returns the first receipt.
 *
 * Refuses: savings.session_not_open, shu.distribution_not_found, shu.not_posted,
 * shu.distribution_member_not_found, shu.share_already_paid, shu.nothing_to_pay,
 * shu.account_missing, ledger.period_closed.
 */
export async function payShuInCash(
  ctx: ShuContext,
  input: { distributionId: string; membershipId: string },
) {
  assert(ctx.idempotencyKey, 'a cash payout carries an idempotency key');
  // The drawer first: cash leaves only through a teller's open session, counted at its closing.
  const session = await getOpenSession(ctx);
  const distribution = await getShuDistributionRow(ctx, input.distributionId);
  // Before posting, the share is not yet in 2-1401: there is nothing to pay out from.
  if (distribution.status !== 'posted')
    throw new DomainError('shu.not_posted', { status: distribution.status });
  await lockLedgerForPosting(ctx);
  const member = await findDistributionMemberForPayout(ctx.tx, ctx.cooperativeId, input);
  if (!member) throw new DomainError('shu.distribution_member_not_found');
  if (member.paidAccountId !== null) {
    const payout = await findCashPayout(ctx.tx, ctx.cooperativeId, input);
    if (payout?.idempotencyKey === ctx.idempotencyKey)
      return receiptOf(ctx, distribution, input.membershipId, member, payout);
    throw new DomainError('shu.share_already_paid', {
      year: distribution.fiscalYearStart.slice(0, 4),
      paidTo: payout ? 'cash' : 'sukarela',
      paidAt: (payout?.paidAt ?? distribution.postedAt ?? ctx.now).toISOString().slice(0, 10),
    });
  }
  if (member.share === 0n) throw new DomainError('shu.nothing_to_pay');
  const accounts = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [
    shuCodes.toDistribute,
    shuCodes.cash,
    shuCodes.taxPayable,
  ]);
  const accountOf = (code: string) => {
    const id = accounts.get(code);
    if (!id) throw new DomainError('shu.account_missing', { code });
    return id;
  };
  const cash = member.share - member.tax;
  const year = distribution.fiscalYearStart.slice(0, 4);
  const posted = await postJournalEntry(ctx, {
    businessDate: ctx.now.toISOString().slice(0, 10),
    lines: [
      { accountId: accountOf(shuCodes.toDistribute), side: 'debit', amount: member.share },
      ...(cash > 0n
        ? [{ accountId: accountOf(shuCodes.cash), side: 'credit' as const, amount: cash }]
        : []),
      ...(member.tax > 0n
        ? [
            {
              accountId: accountOf(shuCodes.taxPayable),
              side: 'credit' as const,
              amount: member.tax,
              memo: `PPh atas SHU ${year}`,
            },
          ]
        : []),
    ],
    sourceType: 'shu.cash_payout',
    sourceId: `${distribution.id}:${input.membershipId}`,
    memo: `SHU tahun buku ${year} dibayar tunai di kasir`,
    idempotencyKey: `shu.cash_payout:${distribution.id}:${input.membershipId}`,
    postedBy: ctx.actorPersonId,
  });
  await recordTellerCashEntry(ctx, { sessionId: session.id, entryId: posted.id });
  const payout: CashPayoutRow = {
    entryId: posted.id,
    sessionId: session.id,
    paidBy: ctx.actorPersonId,
    paidAt: ctx.now,
    idempotencyKey: ctx.idempotencyKey,
  };
  await insertCashPayout(ctx.tx, ctx.cooperativeId, {
    distributionId: distribution.id,
    membershipId: input.membershipId,
    cashAccountId: accountOf(shuCodes.cash),
    ...payout,
  });
  return receiptOf(ctx, distribution, input.membershipId, member, payout);
}

async function receiptOf(
  ctx: ShuContext,
  distribution: DistributionRow,
  membershipId: string,
  member: { share: bigint; tax: bigint },
  payout: CashPayoutRow,
) {
  const names = await readMemberNames(ctx.tx, ctx.cooperativeId, [membershipId]);
  const name = names.get(membershipId);
  return {
    distributionId: distribution.id,
    fiscalYearStart: distribution.fiscalYearStart,
    membershipId,
    memberNumber: name?.memberNumber ?? null,
    fullName: name?.fullName ?? null,
    share: member.share,
    tax: member.tax,
    net: member.share - member.tax,
    entryId: payout.entryId,
    sessionId: payout.sessionId,
    paidBy: payout.paidBy,
    paidAt: payout.paidAt,
  };
}
