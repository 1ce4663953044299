import { uuidv7 } from '@lumbung/shared/ids';
import { DomainError } from '../../../platform/domain-error.js';
import { lockLedgerForPosting, postJournalEntry, type EntryLineInput } from '../../ledger/index.js';
import { remittanceSplitOf } from '../rules/bank-channeling.js';
import {
  findRemittanceByKey,
  insertRemittance,
  listRemittances,
  listUnremittedCollections,
  type ChannelingRemittanceRow,
} from '../bank-facilities.sql.js';
import {
  bankCode,
  businessDateOf,
  channelingFeeIncomeCode,
  channelingHeldCode,
  type LoansContext,
} from '../loans.types.js';
import { accountIdOf, facilityAccountsOf, getFacility } from './bank-facility-support.js';
import { ledgerKeyOf } from './disburse-loan.js';

/**
 * Remits to the bank everything collected on a channeling facility and not yet remitted,
 * keeping the cooperative's fee (fee_bps of the collected amount, half up), as one entry:
 * Dr Titipan setoran channeling bank (2-1601) the collected amount, Cr Bank (1-1201) what goes
 * to the bank, Cr Pendapatan fee channeling bank (4-1211) the fee. A retry with the same key
 * returns the first remittance.
 *
 * Refuses: loans.facility_not_found, loans.facility_kind_mismatch, loans.nothing_to_remit,
 * loans.lending_unavailable, ledger.period_closed.
 */
export async function remitChannelingCollections(ctx: LoansContext, input: { facilityId: string }) {
  const key = ledgerKeyOf(ctx, 'channeling_remittance');
  const earlier = await findRemittanceByKey(ctx.tx, ctx.cooperativeId, key);
  if (earlier) return remittanceViewOf(ctx, earlier);
  // The facility's lock makes remittances one at a time: no collection is remitted twice.
  const facility = await getFacility(ctx, input.facilityId, { lock: true });
  if (facility.kind !== 'channeling')
    throw new DomainError('loans.facility_kind_mismatch', { kind: facility.kind });
  const collections = await listUnremittedCollections(ctx.tx, ctx.cooperativeId, facility.id);
  if (collections.length === 0) throw new DomainError('loans.nothing_to_remit');
  const collected = collections.reduce((sum, row) => sum + row.amount, 0n);
  const { fee, remitted } = remittanceSplitOf(collected, facility.feeBps);
  await lockLedgerForPosting(ctx);
  const accounts = await facilityAccountsOf(ctx, [
    channelingHeldCode,
    bankCode,
    channelingFeeIncomeCode,
  ]);
  const credits: EntryLineInput[] = [
    { accountId: accountIdOf(accounts, bankCode), side: 'credit' as const, amount: remitted },
    {
      accountId: accountIdOf(accounts, channelingFeeIncomeCode),
      side: 'credit' as const,
      amount: fee,
    },
  ].filter((line) => line.amount > 0n);
  const businessDate = businessDateOf(ctx.now);
  const posted = await postJournalEntry(ctx, {
    businessDate,
    lines: [
      { accountId: accountIdOf(accounts, channelingHeldCode), side: 'debit', amount: collected },
      ...credits,
    ],
    sourceType: 'loans.channeling_remittance',
    sourceId: facility.id,
    memo: `Setoran channeling ke bank ${facility.agreementNumber}`,
    idempotencyKey: key,
    postedBy: ctx.actorPersonId,
  });
  const row: ChannelingRemittanceRow = {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    facilityId: facility.id,
    businessDate,
    collected,
    fee,
    remitted,
    entryId: posted.id,
    idempotencyKey: key,
    recordedAt: ctx.now,
    recordedBy: ctx.actorPersonId,
  };
  await insertRemittance(
    ctx.tx,
    row,
    collections.map((collection) => collection.id),
  );
  return remittanceViewOf(ctx, row);
}

async function remittanceViewOf(ctx: LoansContext, row: ChannelingRemittanceRow) {
  const remittances = await listRemittances(ctx.tx, ctx.cooperativeId, row.facilityId);
  const found = remittances.find((candidate) => candidate.id === row.id);
  return {
    id: row.id,
    facilityId: row.facilityId,
    businessDate: row.businessDate,
    collected: row.collected,
    fee: row.fee,
    remitted: row.remitted,
    entryId: row.entryId,
    collections: found?.collections ?? 0,
  };
}
