import { uuidv7 } from '@lumbung/shared/ids';
import { DomainError } from '../../../platform/domain-error.js';
import { lockLedgerForPosting, postJournalEntry, type EntryLineInput } from '../../ledger/index.js';
import { findMovementByKey, insertMovement, listMovements } from '../bank-facilities.sql.js';
import {
  bankCode,
  bankDebtCode,
  bankInterestExpenseCode,
  businessDateOf,
  type LoansContext,
} from '../loans.types.js';
import { facilityTotalsOf, movementViewOf } from '../queries/get-bank-facility.js';
import { accountIdOf, facilityAccountsOf, getFacility } from './bank-facility-support.js';
import { ledgerKeyOf } from './disburse-loan.js';

/**
 * Pays the bank of an executing facility its principal and interest, as one entry: Dr Utang bank
 * jangka panjang (2-2101) the principal, Dr Beban bunga pinjaman bank (5-2102) the interest, Cr
 * Bank (1-1201) both. A retry with the same key returns the first repayment.
 *
 * Refuses: loans.facility_not_found, loans.facility_kind_mismatch,
 * loans.facility_repayment_exceeds_outstanding, loans.lending_unavailable, ledger.period_closed.
 */
export async function repayBankFacility(
  ctx: LoansContext,
  input: { facilityId: string; principal: bigint; interest: bigint },
) {
  const key = ledgerKeyOf(ctx, 'facility_repayment');
  const earlier = await findMovementByKey(ctx.tx, ctx.cooperativeId, key);
  if (earlier) return movementViewOf(ctx, earlier);
  const facility = await getFacility(ctx, input.facilityId, { lock: true });
  // A closed facility is still repaid: only the kind matters here.
  if (facility.kind !== 'executing')
    throw new DomainError('loans.facility_kind_mismatch', { kind: facility.kind });
  const totals = facilityTotalsOf(await listMovements(ctx.tx, ctx.cooperativeId, facility.id));
  // Principal beyond the debt would leave Utang bank negative: the bank is owed no more.
  if (input.principal > totals.outstanding)
    throw new DomainError('loans.facility_repayment_exceeds_outstanding', {
      outstanding: totals.outstanding.toString(),
    });
  await lockLedgerForPosting(ctx);
  const accounts = await facilityAccountsOf(ctx, [bankCode, bankDebtCode, bankInterestExpenseCode]);
  const debits: EntryLineInput[] = [
    {
      accountId: accountIdOf(accounts, bankDebtCode),
      side: 'debit' as const,
      amount: input.principal,
    },
    {
      accountId: accountIdOf(accounts, bankInterestExpenseCode),
      side: 'debit' as const,
      amount: input.interest,
    },
  ].filter((line) => line.amount > 0n);
  const total = input.principal + input.interest;
  const businessDate = businessDateOf(ctx.now);
  const posted = await postJournalEntry(ctx, {
    businessDate,
    lines: [
      ...debits,
      { accountId: accountIdOf(accounts, bankCode), side: 'credit', amount: total },
    ],
    sourceType: 'loans.facility_repayment',
    sourceId: facility.id,
    memo: `Angsuran fasilitas executing ${facility.agreementNumber}`,
    idempotencyKey: key,
    postedBy: ctx.actorPersonId,
  });
  const row = {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    facilityId: facility.id,
    kind: 'repayment' as const,
    businessDate,
    principal: input.principal,
    interest: input.interest,
    entryId: posted.id,
    idempotencyKey: key,
    recordedAt: ctx.now,
    recordedBy: ctx.actorPersonId,
  };
  await insertMovement(ctx.tx, row);
  return movementViewOf(ctx, row);
}
