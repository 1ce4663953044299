import { DomainError } from '../../../platform/domain-error.js';
import {
  findDistributionRow,
  listDistributionRows,
  listDistributionMemberRows,
  readMemberNames,
  sumDistributionMembers,
  type DistributionRow,
} from '../shu.sql.js';
import type { ShuReadContext } from '../shu.types.js';

/** Refuses: shu.distribution_not_found. */
export async function getShuDistributionRow(
  ctx: ShuReadContext,
  distributionId: string,
  options: { lock?: boolean } = {},
) {
  const row = await findDistributionRow(ctx.tx, ctx.cooperativeId, distributionId, options.lock);
  if (!row) throw new DomainError('shu.distribution_not_found');
  return row;
}

export async function distributionViewOf(ctx: ShuReadContext, row: DistributionRow) {
  const totals = await sumDistributionMembers(ctx.tx, ctx.cooperativeId, row.id);
  return {
    id: row.id,
    fiscalYearStart: row.fiscalYearStart,
    ruleVersion: row.ruleVersion,
    status: row.status,
    surplus: row.surplus,
    memberSurplus: row.figures.memberSurplus,
    nonMemberSurplus: row.figures.nonMemberSurplus,
    pools: row.figures.pools,
    toCadanganResidue: row.figures.toCadanganResidue,
    memberCount: row.memberCount,
    membersTotal: totals.shares,
    taxTotal: totals.tax,
    payout: row.payout,
    ratDate: row.ratDate,
    minutesReference: row.minutesReference,
    recordedBy: row.recordedBy,
    countersignedBy: row.countersignedBy,
    postedAt: row.postedAt,
    entryIds: row.entryIds,
  };
}

/** A distribution as proposed, approved or posted. Refuses: shu.distribution_not_found. */
/** The year's distributions, newest first, so the year-end wizard can find the one in progress. */
export async function listShuDistributions(ctx: ShuReadContext, fiscalYearStart: string) {
  const rows = await listDistributionRows(ctx.tx, ctx.cooperativeId, fiscalYearStart);
  const items = [];
  for (const row of rows) items.push(await distributionViewOf(ctx, row));
  return { items };
}

export async function getShuDistribution(ctx: ShuReadContext, distributionId: string) {
  return distributionViewOf(ctx, await getShuDistributionRow(ctx, distributionId));
}

/**
 * The distribution list per member (for the RAT file), largest share first: numbers, names, bases,
 * jasa modal, jasa usaha, share, tax withheld and net. Refuses: shu.distribution_not_found.
 */
export async function listShuDistributionMembers(
  ctx: ShuReadContext,
  input: { distributionId: string; offset?: number; limit?: number | null },
) {
  const row = await getShuDistributionRow(ctx, input.distributionId);
  const members = await listDistributionMemberRows(ctx.tx, ctx.cooperativeId, row.id, {
    offset: input.offset ?? 0,
    limit: input.limit ?? null,
  });
  const names = await readMemberNames(
    ctx.tx,
    ctx.cooperativeId,
    members.map((member) => member.membershipId),
  );
  return {
    distribution: row,
    items: members.map((member) => ({
      membershipId: member.membershipId,
      memberNumber: names.get(member.membershipId)?.memberNumber ?? null,
      fullName: names.get(member.membershipId)?.fullName ?? null,
      capitalBase: member.capitalBase,
      participation: member.participation,
      jasaModal: member.jasaModal,
      jasaUsaha: member.jasaUsaha,
      share: member.share,
      tax: member.tax,
      net: member.share - member.tax,
      isPaid: member.paidAccountId !== null,
    })),
  };
}
