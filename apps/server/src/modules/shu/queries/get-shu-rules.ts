import { assert } from '../../../platform/assert.js';
import { defaultShuRules, fiscalYearOf, type ShuRules } from '../rules/shu-rules.js';
import {
  findFrozenRuleVersion,
  listRuleVersionRows,
  readFiscalYearStartMonth,
  type RuleVersionRow,
} from '../shu.sql.js';
import type { FiscalYear, ShuReadContext } from '../shu.types.js';

/** The cooperative's fiscal year that starts in `year`. */
export async function fiscalYearFor(ctx: ShuReadContext, year: number): Promise<FiscalYear> {
  const month = await readFiscalYearStartMonth(ctx.tx, ctx.cooperativeId);
  assert(month !== null, 'a tenant route runs for a registered cooperative');
  return { year, ...fiscalYearOf(year, month) };
}

export interface RulesVersionView extends ShuRules {
  fiscalYearStart: string;
  version: number;
  isFrozen: boolean;
  isDefault: boolean;
  createdAt: Date | null;
  note?: string;
}

function viewOf(row: RuleVersionRow, frozenVersion: number | null): RulesVersionView {
  return {
    fiscalYearStart: row.fiscalYearStart,
    version: row.version,
    components: row.components,
    capitalBase: row.capitalBase,
    participation: row.participation,
    taxRateBps: row.taxRateBps,
    ...(row.note ? { note: row.note } : {}),
    isFrozen: row.version === frozenVersion,
    isDefault: false,
    createdAt: row.createdAt,
  };
}

/**
 * The year's rule versions, newest first, and the active one (the latest; the platform's suggested
 * rules, as version 0, until the pengurus set one).
 */
export async function getShuRules(ctx: ShuReadContext, year: FiscalYear) {
  const rows = await listRuleVersionRows(ctx.tx, ctx.cooperativeId, year.start);
  const frozen = await findFrozenRuleVersion(ctx.tx, ctx.cooperativeId, year.start);
  const versions = rows.map((row) => viewOf(row, frozen));
  const active: RulesVersionView = versions[0] ?? {
    ...defaultShuRules,
    fiscalYearStart: year.start,
    version: 0,
    isFrozen: false,
    isDefault: true,
    createdAt: null,
  };
  return { active, versions, frozenVersion: frozen };
}
