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
import { readMemberBases, readYearFigures, sumLedgerYearBases } from '../shu.sql.js';
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
 * Every member's bases recomputed from the journal in one scan of its lines: the business, the
 * capital and the participation of every line the books measure (pending lines count zero), each
 * participation line's revenue going to the member party the ledger stamped on it.
 */
async function basesFromLedger(ctx: ShuReadContext, year: FiscalYear, rules: ShuRules) {
  const { business, capital, participation, unattributed } = await sumLedgerYearBases(
    ctx.tx,
    ctx.cooperativeId,
    {
      year,
      capitalBase: rules.capitalBase,
      sourceKeys: rules.participation
        .map((line) => line.sourceKey)
        .filter((key) => participationSources[key].isMeasured),
    },
  );
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
  return { business, members, unattributed };
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
