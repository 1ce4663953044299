import { findMemberPostedShare } from '../shu.sql.js';
import type { FiscalYear, ShuReadContext } from '../shu.types.js';

/**
 * "SHU saya" after the RAT: the member's figures in the year's posted distribution and how they
 * were paid — to sukarela when it posted, in cash at the teller (and when), or still to collect at
 * the teller. `posted` is null until the year's distribution is posted with a row for the member.
 */
export async function getMemberDistribution(
  ctx: ShuReadContext,
  input: { year: FiscalYear; membershipId: string },
) {
  const row = await findMemberPostedShare(ctx.tx, ctx.cooperativeId, {
    fiscalYearStart: input.year.start,
    membershipId: input.membershipId,
  });
  const base = { fiscalYearStart: input.year.start, membershipId: input.membershipId };
  if (!row) return { ...base, posted: null };
  // Posting marks the share paid to sukarela; a teller payout also leaves its cash record.
  const paidTo =
    row.paidAccountId === null
      ? null
      : row.cashPaidAt !== null
        ? ('cash' as const)
        : ('sukarela' as const);
  return {
    ...base,
    posted: {
      distributionId: row.distributionId,
      postedAt: row.postedAt,
      ratDate: row.ratDate,
      minutesReference: row.minutesReference,
      payout: row.payout,
      capitalBase: row.capitalBase,
      jasaModal: row.jasaModal,
      jasaUsaha: row.jasaUsaha,
      share: row.share,
      tax: row.tax,
      net: row.share - row.tax,
      paidTo,
      paidAt: paidTo === 'cash' ? row.cashPaidAt : paidTo === 'sukarela' ? row.postedAt : null,
      isOwed: paidTo === null && row.share > 0n,
    },
  };
}
