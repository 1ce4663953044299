import { participationSources } from '../participation-sources.js';
import {
  computeMemberShares,
  computeShuPools,
  totalsOf,
  type MemberBases,
  type MemberShare,
  type ShuPools,
  type SurplusFigures,
} from '../rules/compute-shu.js';
import type { ShuRules } from '../rules/shu-rules.js';
import {
  readMemberBases,
  readYearFigures,
  sumLedgerCapitalAndSurplus,
  sumLedgerParticipation,
} from '../shu.sql.js';
import type { FiscalYear, ShuReadContext } from '../shu.types.js';

export interface YearShu {
  year: FiscalYear;
  rules: ShuRules;
  figures: SurplusFigures;
  pools: ShuPools;
  unattributed: Map<string, bigint>;
  shares: MemberShare[];
}

/** Which figures to read: the running counters, or a full recompute from the journal. */
export type ShuFigureSource = 'counters' | 'ledger';

async function basesFromCounters(ctx: ShuReadContext, year: FiscalYear, rules: ShuRules) {
  const sourceKeys = rules.participation.map((line) => line.sourceKey);
  const totals = await readYearFigures(ctx.tx, ctx.cooperativeId, {
    year,
    capitalBase: rules.capitalBase,
  });
  const members = await readMemberBases(ctx.tx, ctx.cooperativeId, {
    year,
    capitalBase: rules.capitalBase,
    sourceKeys,
  });
  return { business: totals, members, unattributed: totals.unattributed };
}

/**
 * Every member's bases recomputed from the journal: one scan for the business and the capital,
 * one query for the participation of every line the books measure (pending lines count zero).
 */
async function basesFromLedger(ctx: ShuReadContext, year: FiscalYear, rules: ShuRules) {
  const { business, capital } = await sumLedgerCapitalAndSurplus(ctx.tx, ctx.cooperativeId, {
    year,
    capitalBase: rules.capitalBase,
  });
  const participation = await sumLedgerParticipation(ctx.tx, ctx.cooperativeId, {
    sourceKeys: rules.participation
      .map((line) => line.sourceKey)
      .filter((key) => participationSources[key].isMeasured),
    from: year.start,
    to: year.end,
  });
  const ids = new Set([...capital.keys(), ...participation.keys()]);
  const members: MemberBases[] = [...ids].sort().map((membershipId) => ({
    membershipId,
    capital: capital.get(membershipId) ?? 0n,
    participation: new Map(
      rules.participation.map((line) => [
        line.sourceKey,
        participation.get(membershipId)?.get(line.sourceKey) ?? 0n,
      ]),
    ),
  }));
  return { business, members, unattributed: new Map<string, bigint>() };
}

/**
 * The year's SHU under `rules`: the surplus (the ledger's closing figure once the year is closed,
 * revenue − expenses before), the pools, and every member's share by largest remainder.
 */
export async function computeYearShu(
  ctx: ShuReadContext,
  input: { year: FiscalYear; rules: ShuRules; source: ShuFigureSource; closedSurplus?: bigint },
): Promise<YearShu> {
  const { year, rules } = input;
  const bases =
    input.source === 'counters'
      ? await basesFromCounters(ctx, year, rules)
      : await basesFromLedger(ctx, year, rules);
  const { business } = bases;
  const figures: SurplusFigures = {
    revenueFromMembers: business.revenueFromMembers,
    revenueFromNonMembers: business.revenueFromNonMembers,
    expenses: business.expenses,
    surplus:
      input.closedSurplus ??
      business.revenueFromMembers + business.revenueFromNonMembers - business.expenses,
  };
  const sourceKeys = rules.participation.map((line) => line.sourceKey);
  const members = bases.members.filter(
    (member) =>
      member.capital > 0n || [...member.participation.values()].some((value) => value > 0n),
  );
  const pools = computeShuPools(rules, figures, totalsOf(members, sourceKeys));
  const shares = computeMemberShares(pools, members);
  return { year, rules, figures, pools, unattributed: bases.unattributed, shares };
}
