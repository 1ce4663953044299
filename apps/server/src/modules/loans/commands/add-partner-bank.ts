import { uuidv7 } from '@lumbung/shared/ids';
import { DomainError } from '../../../platform/domain-error.js';
import { insertPartnerBank } from '../bank-facilities.sql.js';
import type { LoansContext, PartnerBankRow } from '../loans.types.js';

/**
 * Adds a partner bank the cooperative works with (BRI, BNI, Bank NTT...).
 * Refuses: loans.partner_bank_already_exists.
 */
export async function addPartnerBank(
  ctx: LoansContext,
  input: { code: string; name: string; contactName: string | null; contactPhone: string | null },
): Promise<PartnerBankRow> {
  const row: PartnerBankRow = {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    ...input,
    createdAt: ctx.now,
    createdBy: ctx.actorPersonId,
  };
  // The code names the bank on every facility and report: one bank, one code.
  if (!(await insertPartnerBank(ctx.tx, row)))
    throw new DomainError('loans.partner_bank_already_exists', { code: input.code });
  return row;
}
