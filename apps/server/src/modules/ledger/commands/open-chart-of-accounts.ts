import { uuidv7 } from '@lumbung/shared/ids';
import type { CooperativeType } from '@lumbung/shared/contracts/cooperatives';
import { insertAccounts, insertChainHead } from '../ledger.sql.js';
import { chartTemplateFor, normalSideOf } from '../rules/chart-templates.js';
import { genesisHash } from '../rules/entry-hash.js';
import type { LedgerContext } from './post-journal-entries.js';

/**
 * Creates a new cooperative's books: the chart of accounts for its type (rules.md §7) and the
 * genesis of its hash chain. Accounts with member sub-accounts start as control accounts.
 */
export async function openChartOfAccounts(ctx: LedgerContext, type: CooperativeType) {
  const accounts = chartTemplateFor(type).map((template) => ({
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    code: template.code,
    name: template.name,
    class: template.class,
    normalSide: normalSideOf(template),
    reportGroup: template.reportGroup,
    cashFlowActivity: template.cashFlowActivity,
    participation: template.participation ?? null,
    businessUnit: template.businessUnit ?? null,
    isControl: template.subledger !== undefined,
    subledger: template.subledger ?? null,
    createdAt: ctx.now,
  }));
  await insertAccounts(ctx.tx, accounts);
  await insertChainHead(ctx.tx, ctx.cooperativeId, genesisHash);
  return accounts.length;
}
