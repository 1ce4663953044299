import type { ShuRulesInput } from '@lumbung/shared/contracts/shu';
import { DomainError } from '../../../platform/domain-error.js';
import { findRulesRefusal } from '../rules/shu-rules.js';
import { findFrozenRuleVersion, insertRuleVersion, listRuleVersionRows } from '../shu.sql.js';
import type { FiscalYear, ShuContext } from '../shu.types.js';
import { getShuRules } from '../queries/get-shu-rules.js';

/**
 * Sets the year's SHU rules as a new version (the latest version is the active one; versions are
 * never changed). A year whose distribution the RAT approved keeps the rules it was approved with.
 *
 * Refuses: shu.components_not_whole, shu.participation_not_whole, shu.duplicate_key,
 * shu.cadangan_required, shu.component_needs_account, shu.rules_frozen.
 */
export async function setShuRules(
  ctx: ShuContext,
  input: { year: FiscalYear; rules: ShuRulesInput },
) {
  const { note, ...rules } = input.rules;
  const refusal = findRulesRefusal(rules);
  if (refusal) throw new DomainError(refusal.code, refusal.params);
  if ((await findFrozenRuleVersion(ctx.tx, ctx.cooperativeId, input.year.start)) !== null)
    throw new DomainError('shu.rules_frozen', { year: input.year.year });
  const [latest] = await listRuleVersionRows(ctx.tx, ctx.cooperativeId, input.year.start);
  await insertRuleVersion(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    fiscalYearStart: input.year.start,
    version: (latest?.version ?? 0) + 1,
    components: rules.components,
    capitalBase: rules.capitalBase,
    participation: rules.participation,
    taxRateBps: rules.taxRateBps,
    note: note ?? null,
    createdAt: ctx.now,
    createdBy: ctx.actorPersonId,
  });
  return getShuRules(ctx, input.year);
}
