import { participationSources } from '../participation-sources.js';
import { computeShuPools, estimateMemberShare, withholdingOf } from '../rules/compute-shu.js';
import { averageDailyBalanceOf, explainMemberShu, shuFormula } from '../rules/explain-shu.js';
import { defaultShuRules, type ShuRules } from '../rules/shu-rules.js';
import { readMemberEstimateInputs } from '../shu.sql.js';
import type { FiscalYear, ShuReadContext } from '../shu.types.js';

/**
 * "SHU saya": one member's running estimate with its reasons — their capital base against all
 * members', their participation per business line against the total, the pools and the formula,
 * told in Indonesian and English. One round trip reads the active rules (getShuRules' latest
 * version, else the suggested rules) and a few counter rows (primary keys), never the journal.
 * Each part is rounded down; the year-end distribution (largest remainder) may add Rp1 a part.
 */
export async function getMemberShu(
  ctx: ShuReadContext,
  input: { year: FiscalYear; membershipId: string },
) {
  const { year } = input;
  const read = await readMemberEstimateInputs(ctx.tx, ctx.cooperativeId, {
    year,
    membershipId: input.membershipId,
    defaultCapitalBase: defaultShuRules.capitalBase,
  });
  const rules: ShuRules = read.rules
    ? {
        components: read.rules.components,
        capitalBase: read.rules.capital_base,
        participation: read.rules.participation,
        taxRateBps: read.rules.tax_rate_bps,
      }
    : defaultShuRules;
  const total = (key: string) => read.totals.get(key) ?? 0n;
  const participationTotals = new Map(
    [...read.totals]
      .filter(([key]) => key.startsWith('participation:'))
      .map(([key, amount]) => [key.slice('participation:'.length), amount]),
  );
  const member = {
    membershipId: input.membershipId,
    capital: read.member.get('capital') ?? 0n,
    participation: new Map(
      rules.participation.map((line) => [
        line.sourceKey,
        read.member.get(`participation:${line.sourceKey}`) ?? 0n,
      ]),
    ),
  };
  const totals = {
    revenueFromMembers: total('revenue:member'),
    revenueFromNonMembers: total('revenue:non_member'),
    expenses: total('expense'),
  };
  const figures = {
    ...totals,
    surplus: totals.revenueFromMembers + totals.revenueFromNonMembers - totals.expenses,
  };
  const pools = computeShuPools(rules, figures, {
    capital: total('capital'),
    participation: participationTotals,
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
