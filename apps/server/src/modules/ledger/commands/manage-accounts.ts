import type { BusinessUnit } from '@lumbung/shared/contracts/ledger';
import { uuidv7 } from '@lumbung/shared/ids';
import { DomainError } from '../../../platform/domain-error.js';
import {
  findAccountByCode,
  findAccountRow,
  findSubAccount,
  findSubAccountByControlCode,
  insertAccounts,
  setAccountFields,
  type AccountRow,
} from '../ledger.sql.js';
import type { AccountClass, Side } from '../ledger.types.js';
import type { LedgerContext } from './post-journal-entries.js';

export interface NewAccountInput {
  code: string;
  name: string;
  class: AccountClass;
  normalSide?: Side | undefined;
  reportGroup?: string | undefined;
  cashFlowActivity?: 'cash' | 'operating' | 'investing' | 'financing' | undefined;
  participation?: 'member' | 'non_member' | undefined;
  businessUnit?: BusinessUnit | undefined;
}

/**
 * Adds an account to the chart (the bendahara's act).
 * Refuses: ledger.account_code_already_exists.
 */
export async function addAccount(ctx: LedgerContext, input: NewAccountInput): Promise<AccountRow> {
  if (await findAccountByCode(ctx.tx, ctx.cooperativeId, input.code)) {
    throw new DomainError('ledger.account_code_already_exists', { code: input.code });
  }
  const isDebitNormal = input.class === 'asset' || input.class === 'expense';
  const row = {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    code: input.code,
    name: input.name,
    class: input.class,
    normalSide: input.normalSide ?? (isDebitNormal ? ('debit' as const) : ('credit' as const)),
    reportGroup: input.reportGroup ?? `lainnya_${input.class}`,
    cashFlowActivity: input.cashFlowActivity ?? 'operating',
    participation: input.participation ?? (input.class === 'revenue' ? ('member' as const) : null),
    businessUnit: input.businessUnit ?? null,
    createdAt: ctx.now,
  };
  await insertAccounts(ctx.tx, [row]);
  const created = await findAccountRow(ctx.tx, ctx.cooperativeId, row.id);
  if (!created) throw new Error('the account just inserted is visible');
  return created;
}

async function getAccount(ctx: LedgerContext, accountId: string) {
  const account = await findAccountRow(ctx.tx, ctx.cooperativeId, accountId);
  if (!account) throw new DomainError('ledger.account_not_found');
  return account;
}

/** Renames an account; its lines keep pointing at it. Refuses: ledger.account_not_found. */
export async function renameAccount(
  ctx: LedgerContext,
  input: { accountId: string; name: string },
) {
  await getAccount(ctx, input.accountId);
  await setAccountFields(ctx.tx, ctx.cooperativeId, input.accountId, { name: input.name });
  return getAccount(ctx, input.accountId);
}

/**
 * Deactivates (or reactivates) an account: no new postings, history untouched. Accounts are never
 * deleted, so a deactivated account with lines still reports its balance.
 * Refuses: ledger.account_not_found.
 */
export async function setAccountActive(
  ctx: LedgerContext,
  input: { accountId: string; isActive: boolean },
) {
  await getAccount(ctx, input.accountId);
  await setAccountFields(ctx.tx, ctx.cooperativeId, input.accountId, { isActive: input.isActive });
  return getAccount(ctx, input.accountId);
}

/** The member's sub-account under a control account, if it was opened. */
export function findMemberSubAccount(
  ctx: LedgerContext,
  input: { controlCode: string; membershipId: string },
): Promise<AccountRow | null> {
  return findSubAccountByControlCode(
    ctx.tx,
    ctx.cooperativeId,
    input.controlCode,
    input.membershipId,
  );
}

/**
 * The member's own sub-account under a control account (one per member per savings, loan or
 * wallet account), opened on first use and found again after.
 * Refuses: ledger.account_not_found, ledger.account_parent_invalid.
 */
export async function openMemberSubAccount(
  ctx: LedgerContext,
  input: { controlCode: string; membershipId: string; memberNumber: string; memberName: string },
): Promise<AccountRow> {
  // Nearly always the account exists already: one round trip finds it.
  const found = await findSubAccountByControlCode(
    ctx.tx,
    ctx.cooperativeId,
    input.controlCode,
    input.membershipId,
  );
  if (found) return found;
  const control = await findAccountByCode(ctx.tx, ctx.cooperativeId, input.controlCode);
  if (!control) throw new DomainError('ledger.account_not_found');
  if (!control.isControl) throw new DomainError('ledger.account_parent_invalid');
  const existing = await findSubAccount(ctx.tx, ctx.cooperativeId, control.id, input.membershipId);
  if (existing) return existing;
  const row = {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    code: `${control.code}.${input.memberNumber}`,
    name: `${control.name} — ${input.memberName}`,
    class: control.class,
    normalSide: control.normalSide,
    reportGroup: control.reportGroup,
    cashFlowActivity: control.cashFlowActivity,
    participation: control.participation,
    businessUnit: control.businessUnit,
    parentAccountId: control.id,
    subledger: control.subledger,
    ownerMembershipId: input.membershipId,
    createdAt: ctx.now,
  };
  await insertAccounts(ctx.tx, [row]);
  return getAccount(ctx, row.id);
}
