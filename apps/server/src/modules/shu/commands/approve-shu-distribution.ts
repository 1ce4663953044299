import { DomainError } from '../../../platform/domain-error.js';
import { findFrozenRuleVersion, listRuleVersionRows, setDistributionFields } from '../shu.sql.js';
import type { ShuContext } from '../shu.types.js';
import { distributionViewOf, getShuDistributionRow } from '../queries/get-shu-distribution.js';

/**
 * Records the RAT's approval of a proposal (until the e-RAT exists: entered by a pengurus): the
 * meeting's date, the minutes' reference and the pools it approved, which must be the proposal's
 * to the rupiah. The distribution then awaits a pengawas's countersignature.
 *
 * Refuses: shu.distribution_not_found, shu.not_proposed, shu.rules_changed,
 * shu.distribution_already_approved, shu.approved_figures_mismatch.
 */
export async function recordRatApproval(
  ctx: ShuContext,
  input: {
    distributionId: string;
    ratDate: string;
    minutesReference: string;
    approvedPools: { key: string; amount: bigint }[];
  },
) {
  const row = await getShuDistributionRow(ctx, input.distributionId, { lock: true });
  if (row.status !== 'proposed') throw new DomainError('shu.not_proposed', { status: row.status });
  const [latest] = await listRuleVersionRows(ctx.tx, ctx.cooperativeId, row.fiscalYearStart);
  if (latest && latest.version !== row.ruleVersion)
    throw new DomainError('shu.rules_changed', { version: latest.version });
  if ((await findFrozenRuleVersion(ctx.tx, ctx.cooperativeId, row.fiscalYearStart)) !== null)
    throw new DomainError('shu.distribution_already_approved', {
      year: row.fiscalYearStart.slice(0, 4),
    });
  // The RAT approves figures, and the books get exactly those: any difference is a new proposal.
  const approved = new Map(input.approvedPools.map((pool) => [pool.key, pool.amount]));
  for (const pool of row.figures.pools) {
    const amount = approved.get(pool.key) ?? 0n;
    if (amount !== BigInt(pool.amount))
      throw new DomainError('shu.approved_figures_mismatch', {
        key: pool.key,
        proposed: pool.amount,
        approved: amount.toString(),
      });
  }
  const unknown = input.approvedPools.find(
    (pool) => !row.figures.pools.some((proposed) => proposed.key === pool.key),
  );
  if (unknown)
    throw new DomainError('shu.approved_figures_mismatch', {
      key: unknown.key,
      proposed: '0',
      approved: unknown.amount.toString(),
    });
  await setDistributionFields(ctx.tx, ctx.cooperativeId, row.id, {
    status: 'awaiting_countersign',
    ratDate: input.ratDate,
    minutesReference: input.minutesReference,
    recordedBy: ctx.actorPersonId,
    recordedAt: ctx.now,
  });
  return distributionViewOf(ctx, await getShuDistributionRow(ctx, row.id));
}

/**
 * A pengawas countersigns the recorded approval: a second person, so one officer alone can never
 * release the surplus. The rules version it used is frozen from now on.
 *
 * Refuses: shu.distribution_not_found, shu.not_awaiting_countersign, shu.countersigner_must_differ.
 */
export async function countersignRatApproval(ctx: ShuContext, input: { distributionId: string }) {
  const row = await getShuDistributionRow(ctx, input.distributionId, { lock: true });
  if (row.status !== 'awaiting_countersign')
    throw new DomainError('shu.not_awaiting_countersign', { status: row.status });
  if (!ctx.actorPersonId || ctx.actorPersonId === row.recordedBy)
    throw new DomainError('shu.countersigner_must_differ');
  await setDistributionFields(ctx.tx, ctx.cooperativeId, row.id, {
    status: 'approved',
    countersignedBy: ctx.actorPersonId,
    countersignedAt: ctx.now,
  });
  return distributionViewOf(ctx, await getShuDistributionRow(ctx, row.id));
}
