import { uuidv7 } from '@lumbung/shared/ids';
import { DomainError } from '../../../platform/domain-error.js';
import { findPartnerBankRow, insertFacility } from '../bank-facilities.sql.js';
import { findAccountIdsByCode } from '../loans.sql.js';
import { loanControlCode, type BankFacilityRow, type LoansContext } from '../loans.types.js';
import { getBankFacility } from '../queries/get-bank-facility.js';

export type BankFacilityInput = Pick<
  BankFacilityRow,
  | 'bankId'
  | 'kind'
  | 'agreementNumber'
  | 'plafond'
  | 'interestRateBps'
  | 'ratePeriod'
  | 'tenorMonths'
  | 'quotaPerMember'
  | 'feeBps'
  | 'openedOn'
>;

/**
 * Records a facility agreed with a partner bank, aktif from the start.
 * Refuses: loans.lending_unavailable, loans.partner_bank_not_found,
 * loans.facility_already_exists.
 */
export async function openBankFacility(ctx: LoansContext, input: BankFacilityInput) {
  // Both kinds end in member loans: a cooperative that does not lend has no use for them.
  const accounts = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [loanControlCode]);
  if (!accounts.has(loanControlCode)) throw new DomainError('loans.lending_unavailable');
  if (!(await findPartnerBankRow(ctx.tx, ctx.cooperativeId, input.bankId)))
    throw new DomainError('loans.partner_bank_not_found');
  const row: BankFacilityRow = {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    ...input,
    status: 'aktif',
    createdAt: ctx.now,
    createdBy: ctx.actorPersonId,
  };
  if (!(await insertFacility(ctx.tx, row)))
    throw new DomainError('loans.facility_already_exists', {
      agreementNumber: input.agreementNumber,
    });
  return getBankFacility(ctx, row.id);
}
