import { DomainError } from '../../../platform/domain-error.js';
import { getBusinessUnitSurplus } from '../../ledger/index.js';
import type { ShuRulesInput } from '@lumbung/shared/contracts/shu';
import { findRulesRefusal, type ShuRules } from '../rules/shu-rules.js';
import { readMemberNames } from '../shu.sql.js';
import type { FiscalYear, ShuReadContext } from '../shu.types.js';
import { computeYearShu, type ShuFigureSource, type YearShu } from './compute-year-shu.js';
import { getShuRules } from './get-shu-rules.js';

export interface SharePage {
  offset: number;
  limit: number;
}

/** The year's figures and one page of members, largest share first, with numbers and names. */
export async function summaryOf(
  ctx: ShuReadContext,
  shu: YearShu,
  page: SharePage,
  version: number,
) {
  const asOf = ctx.now.toISOString().slice(0, 10);
  const ranked = [...shu.shares].sort((left, right) =>
    left.share === right.share
      ? left.membershipId.localeCompare(right.membershipId)
      : left.share > right.share
        ? -1
        : 1,
  );
  const slice = ranked.slice(page.offset, page.offset + page.limit);
  const names = await readMemberNames(
    ctx.tx,
    ctx.cooperativeId,
    slice.map((share) => share.membershipId),
  );
  const next = page.offset + page.limit;
  // The whole fiscal year, as the counters count it, so the units sum to the surplus.
  const businessUnits = await getBusinessUnitSurplus(ctx, {
    from: shu.year.start,
    to: shu.year.end,
  });
  return {
    fiscalYearStart: shu.year.start,
    fiscalYearEnd: shu.year.end,
    asOf: asOf < shu.year.end ? asOf : shu.year.end,
    ruleVersion: version,
    revenueFromMembers: shu.figures.revenueFromMembers,
    revenueFromNonMembers: shu.figures.revenueFromNonMembers,
    expenses: shu.figures.expenses,
    surplus: shu.figures.surplus,
    memberSurplus: shu.pools.memberSurplus,
    nonMemberSurplus: shu.pools.nonMemberSurplus,
    pools: shu.pools.pools.map(({ accountCode: _account, ...pool }) => pool),
    capitalTotal: shu.pools.capitalTotal,
    participationTotals: shu.pools.lines.map((line) => ({
      sourceKey: line.sourceKey,
      total: line.total,
      unattributed: shu.unattributed.get(line.sourceKey) ?? 0n,
      pool: line.pool,
    })),
    toCadanganResidue: shu.pools.toCadanganResidue,
    businessUnits,
    memberCount: shu.shares.length,
    members: slice.map((share) => ({
      membershipId: share.membershipId,
      memberNumber: names.get(share.membershipId)?.memberNumber ?? null,
      fullName: names.get(share.membershipId)?.fullName ?? null,
      capitalBase: share.capital,
      participation: Object.fromEntries(share.participation),
      jasaModal: share.jasaModal,
      jasaUsaha: share.jasaUsaha,
      share: share.share,
    })),
    nextCursor: next < ranked.length ? String(next) : null,
  };
}

/**
 * Running SHU of the year under its active rules: year-to-date surplus, pools and every member's
 * share, from the counters the posting transaction keeps (or, `source: 'ledger'`, recomputed from
 * the journal: the two always agree).
 */
export async function getRunningShu(
  ctx: ShuReadContext,
  input: { year: FiscalYear; page: SharePage; source?: ShuFigureSource },
) {
  const { active } = await getShuRules(ctx, input.year);
  const shu = await computeYearShu(ctx, {
    year: input.year,
    rules: active,
    source: input.source ?? 'counters',
  });
  return summaryOf(ctx, shu, input.page, active.version);
}

/**
 * The board's what-if: the active rules with some parts replaced (nothing is saved), and the
 * distribution they would give. Refuses what setShuRules refuses: shu.components_not_whole,
 * shu.participation_not_whole, shu.duplicate_key, shu.cadangan_required,
 * shu.component_needs_account.
 */
export async function simulateShu(
  ctx: ShuReadContext,
  input: { year: FiscalYear; changes: Partial<ShuRulesInput>; page: SharePage },
) {
  const { active } = await getShuRules(ctx, input.year);
  const rules: ShuRules = {
    components: input.changes.components ?? active.components,
    capitalBase: input.changes.capitalBase ?? active.capitalBase,
    participation: input.changes.participation ?? active.participation,
    taxRateBps: input.changes.taxRateBps ?? active.taxRateBps,
  };
  const refusal = findRulesRefusal(rules);
  if (refusal) throw new DomainError(refusal.code, refusal.params);
  const shu = await computeYearShu(ctx, { year: input.year, rules, source: 'counters' });
  return summaryOf(ctx, shu, input.page, active.version);
}
