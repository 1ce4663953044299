import { uuidv7 } from '@lumbung/shared/ids';
import { DomainError } from '../../../platform/domain-error.js';
import { lockLedgerForPosting, postJournalEntry } from '../../ledger/index.js';
import { findMovementByKey, insertMovement, listMovements } from '../bank-facilities.sql.js';
import { bankCode, bankDebtCode, businessDateOf, type LoansContext } from '../loans.types.js';
import { facilityTotalsOf, movementViewOf } from '../queries/get-bank-facility.js';
import {
  accountIdOf,
  assertFacilityServes,
  facilityAccountsOf,
  getFacility,
} from './bank-facility-support.js';
import { ledgerKeyOf } from './disburse-loan.js';

/**
 * Draws money from an executing facility into the cooperative's bank account, as one entry:
 * Dr Bank (1-1201), Cr Utang bank jangka panjang (2-2101), the facility named as the entry's
 * source. What is drawn and not repaid stays within the plafond. A retry with the same key
 * returns the first drawdown.
 *
 * Refuses: loans.facility_not_found, loans.facility_kind_mismatch, loans.facility_inactive,
 * loans.facility_plafond_exceeded, loans.lending_unavailable, ledger.period_closed.
 */
export async function drawBankFacility(
  ctx: LoansContext,
  input: { facilityId: string; amount: bigint },
) {
  const key = ledgerKeyOf(ctx, 'facility_drawdown');
  const earlier = await findMovementByKey(ctx.tx, ctx.cooperativeId, key);
  if (earlier) return movementViewOf(ctx, earlier);
  const facility = await getFacility(ctx, input.facilityId, { lock: true });
  assertFacilityServes(facility, 'executing');
  const totals = facilityTotalsOf(await listMovements(ctx.tx, ctx.cooperativeId, facility.id));
  // The bank lends up to the plafond: what is owed to it never goes above.
  const available = facility.plafond - totals.outstanding;
  if (input.amount > available)
    throw new DomainError('loans.facility_plafond_exceeded', { available: available.toString() });
  await lockLedgerForPosting(ctx);
  const accounts = await facilityAccountsOf(ctx, [bankCode, bankDebtCode]);
  const businessDate = businessDateOf(ctx.now);
  const posted = await postJournalEntry(ctx, {
    businessDate,
    lines: [
      { accountId: accountIdOf(accounts, bankCode), side: 'debit', amount: input.amount },
      { accountId: accountIdOf(accounts, bankDebtCode), side: 'credit', amount: input.amount },
    ],
    sourceType: 'loans.facility_drawdown',
    sourceId: facility.id,
    memo: `Pencairan fasilitas executing ${facility.agreementNumber}`,
    idempotencyKey: key,
    postedBy: ctx.actorPersonId,
  });
  const row = {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    facilityId: facility.id,
    kind: 'drawdown' as const,
    businessDate,
    principal: input.amount,
    interest: 0n,
    entryId: posted.id,
    idempotencyKey: key,
    recordedAt: ctx.now,
    recordedBy: ctx.actorPersonId,
  };
  await insertMovement(ctx.tx, row);
  return movementViewOf(ctx, row);
}
