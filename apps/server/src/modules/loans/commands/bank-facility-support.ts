import { DomainError } from '../../../platform/domain-error.js';
import { addAccount, chartTemplateFor } from '../../ledger/index.js';
import { findFacilityRow } from '../bank-facilities.sql.js';
import { findAccountIdsByCode } from '../loans.sql.js';
import { loanControlCode, type BankFacilityRow, type LoansContext } from '../loans.types.js';

/** Refuses: loans.facility_not_found. */
export async function getFacility(
  ctx: Pick<LoansContext, 'tx' | 'cooperativeId'>,
  facilityId: string,
  options: { lock?: boolean } = {},
): Promise<BankFacilityRow> {
  const row = await findFacilityRow(ctx.tx, ctx.cooperativeId, facilityId, options.lock ?? false);
  if (!row) throw new DomainError('loans.facility_not_found');
  return row;
}

/** Refuses loans.facility_inactive and loans.facility_kind_mismatch for an act of `kind`. */
export function assertFacilityServes(facility: BankFacilityRow, kind: BankFacilityRow['kind']) {
  if (facility.kind !== kind)
    throw new DomainError('loans.facility_kind_mismatch', { kind: facility.kind });
  if (facility.status !== 'aktif') throw new DomainError('loans.facility_inactive');
}

/**
 * The ids of the chart accounts a bank-facility posting needs. A lending cooperative whose chart
 * was opened before these accounts joined the template (2-1601, 4-1211, 5-2102) gets them added
 * as the template defines them, on first use. Call after lockLedgerForPosting.
 * Refuses: loans.lending_unavailable (no Piutang pinjaman anggota: the cooperative does not lend).
 */
export async function facilityAccountsOf(
  ctx: LoansContext,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const found = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [loanControlCode, ...codes]);
  if (!found.has(loanControlCode)) throw new DomainError('loans.lending_unavailable');
  const template = chartTemplateFor('simpan_pinjam');
  for (const code of codes.filter((candidate) => !found.has(candidate))) {
    const account = template.find((candidate) => candidate.code === code);
    if (!account) throw new DomainError('ledger.account_not_found');
    const added = await addAccount(ctx, {
      code: account.code,
      name: account.name,
      class: account.class,
      normalSide: account.normalSide,
      reportGroup: account.reportGroup,
      cashFlowActivity: account.cashFlowActivity,
      participation: account.participation,
      businessUnit: account.businessUnit,
    });
    found.set(code, added.id);
  }
  return found;
}

/** The id of `code` among the accounts facilityAccountsOf returned. */
export function accountIdOf(accounts: Map<string, string>, code: string): string {
  const id = accounts.get(code);
  if (!id) throw new DomainError('ledger.account_not_found');
  return id;
}
