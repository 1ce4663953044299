import { participationSources } from '../participation-sources.js';
import { computeShuPools, estimateMemberShare, withholdingOf } from '../rules/compute-shu.js';
import { averageDailyBalanceOf, explainMemberShu, shuFormula } from '../rules/explain-shu.js';
import { readMemberBases, readYearFigures } from '../shu.sql.js';
import type { FiscalYear, ShuReadContext } from '../shu.types.js';
import { getShuRules } from './get-shu-rules.js';

/**
 * "SHU saya": one member's running estimate with its reasons — their capital base against all
 * members', their participation per business line against the total, the pools and the formula,
 * told in Indonesian and English. Reads a few counter rows (primary keys), never the journal.
 * Each part is rounded down; the year-end distribution (largest remainder) may add Rp1 a part.
 */
export async function getMemberShu(
  ctx: ShuReadContext,
  input: { year: FiscalYear; membershipId: string },
) {
  const { year } = input;
  const { active: rules } = await getShuRules(ctx, year);
  const totals = await readYearFigures(ctx.tx, ctx.cooperativeId, {
    year,
    capitalBase: rules.capitalBase,
  });
  const [bases] = await readMemberBases(ctx.tx, ctx.cooperativeId, {
    year,
    capitalBase: rules.capitalBase,
    sourceKeys: rules.participation.map((line) => line.sourceKey),
    membershipId: input.membershipId,
  });
  const member = bases ?? {
    membershipId: input.membershipId,
    capital: 0n,
    participation: new Map<string, bigint>(),
  };
  const figures = {
    revenueFromMembers: totals.revenueFromMembers,
    revenueFromNonMembers: totals.revenueFromNonMembers,
    expenses: totals.expenses,
    surplus: totals.revenueFromMembers + totals.revenueFromNonMembers - totals.expenses,
  };
  const pools = computeShuPools(rules, figures, {
    capital: totals.capitalTotal,
    participation: totals.participation,
  });
  const estimate = estimateMemberShare(pools, member);
  const tax = withholdingOf(estimate.share, rules.taxRateBps);
  const isAverage = rules.capitalBase.method === 'average_daily_balance';
  const shown = (amount: bigint) => (isAverage ? averageDailyBalanceOf(amount, year.days) : amount);
  const poolOf = (key: string) => pools.pools.find((pool) => pool.key === key);
  const today = ctx.now.toISOString().slice(0, 10);
  const asOf = today < year.end ? today : year.end;
  const capital = {
    ...rules.capitalBase,
    member: shown(member.capital > 0n ? member.capital : 0n),
    total: shown(pools.capitalTotal),
    pool: pools.capitalTotal > 0n ? pools.capitalPool : 0n,
    share: estimate.jasaModal,
  };
  const participation = estimate.lines.map((line) => ({
    sourceKey: line.sourceKey,
    member: line.member,
    total: line.total,
    pool: line.pool,
    share: line.share,
  }));
  return {
    fiscalYearStart: year.start,
    fiscalYearEnd: year.end,
    asOf,
    isEstimate: true,
    membershipId: input.membershipId,
    surplus: figures.surplus,
    capital,
    participation,
    pools: pools.pools.map(({ accountCode: _account, ...pool }) => pool),
    share: estimate.share,
    taxRateBps: rules.taxRateBps,
    tax,
    net: estimate.share - tax,
    formula: shuFormula,
    explanation: explainMemberShu({
      fiscalYear: year.year,
      asOf,
      revenue: figures.revenueFromMembers + figures.revenueFromNonMembers,
      expenses: figures.expenses,
      surplus: figures.surplus,
      nonMemberSurplus: pools.nonMemberSurplus,
      modal: { bps: poolOf('jasa_modal')?.bps ?? 0, pool: poolOf('jasa_modal')?.amount ?? 0n },
      usaha: { bps: poolOf('jasa_usaha')?.bps ?? 0, pool: poolOf('jasa_usaha')?.amount ?? 0n },
      capital,
      lines: estimate.lines.map((line) => ({
        ...line,
        label: participationSources[line.sourceKey as keyof typeof participationSources].label,
      })),
      jasaModal: estimate.jasaModal,
      jasaUsaha: estimate.jasaUsaha,
      share: estimate.share,
      taxRateBps: rules.taxRateBps,
      tax,
      net: estimate.share - tax,
      isEstimate: true,
    }),
  };
}
