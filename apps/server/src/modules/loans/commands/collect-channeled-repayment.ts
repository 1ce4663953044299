import { uuidv7 } from '@lumbung/shared/ids';
import { DomainError } from '../../../platform/domain-error.js';
import { lockLedgerForPosting, postJournalEntry } from '../../ledger/index.js';
import {
  assertSukarelaCanPay,
  getActiveMember,
  getOpenSession,
  openSavingsAccount,
  recordTellerCashEntry,
} from '../../savings/index.js';
import { allocateChanneledCollection } from '../rules/bank-channeling.js';
import {
  findCollectionByKey,
  insertCollection,
  listChanneledInstallments,
  listCollections,
  setChanneledLoanFields,
} from '../bank-facilities.sql.js';
import {
  businessDateOf,
  cashCode,
  channelingHeldCode,
  type LoanChannel,
  type LoansContext,
} from '../loans.types.js';
import { collectionViewsOf, getChanneledLoan } from '../queries/get-bank-channeled-loan.js';
import { getLoan } from '../queries/get-loan.js';
import { accountIdOf, facilityAccountsOf } from './bank-facility-support.js';
import { ledgerKeyOf } from './disburse-loan.js';

/**
 * A member pays an installment of a channeled loan at the cooperative, which holds it for the
 * bank: Dr Kas (in the teller's open session) or the member's sukarela, Cr Titipan setoran
 * channeling bank (2-1601). The bank's schedule takes it interest first, installment by
 * installment; the loan is lunas when the schedule is paid. Nothing touches Piutang pinjaman:
 * the loan is the bank's. A retry with the same key returns the first collection.
 *
 * Refuses: loans.loan_not_found, loans.channeling_not_found, loans.channeling_not_active,
 * loans.collection_exceeds_outstanding, savings.session_not_open (cash),
 * savings.insufficient_balance (sukarela), members.not_active, ledger.period_closed.
 */
export async function collectChanneledRepayment(
  ctx: LoansContext,
  input: { loanId: string; channel: LoanChannel; amount: bigint },
) {
  const key = ledgerKeyOf(ctx, 'channeling_collection');
  const earlier = await findCollectionByKey(ctx.tx, ctx.cooperativeId, key);
  if (earlier) return collectionViewOf(ctx, earlier.loanId, earlier.id);
  const loan = await getLoan(ctx, input.loanId);
  const channeled = await getChanneledLoan(ctx, loan.id, { lock: true });
  if (channeled.status !== 'aktif')
    throw new DomainError('loans.channeling_not_active', { status: channeled.status });
  const session = input.channel === 'cash' ? await getOpenSession(ctx) : null;
  const member = await getActiveMember(ctx, loan.membershipId);
  const schedule = await listChanneledInstallments(ctx.tx, ctx.cooperativeId, loan.id);
  const collections = await listCollections(ctx.tx, ctx.cooperativeId, loan.id);
  const allocation = allocateChanneledCollection(schedule, {
    paidBefore: collections.reduce((sum, row) => sum + row.amount, 0n),
    amount: input.amount,
  });
  // Money beyond the bank's schedule has nowhere to go: the teller gives it back.
  if (allocation.excess > 0n)
    throw new DomainError('loans.collection_exceeds_outstanding', {
      maximum: allocation.remaining.toString(),
    });
  await lockLedgerForPosting(ctx);
  const accounts = await facilityAccountsOf(ctx, [cashCode, channelingHeldCode]);
  let payer = accountIdOf(accounts, cashCode);
  if (input.channel === 'sukarela') {
    payer = (await openSavingsAccount(ctx, member, 'sukarela')).id;
    // Read after the posting turn: no concurrent withdrawal can spend the same rupiah.
    await assertSukarelaCanPay(ctx, { accountId: payer, amount: input.amount });
  }
  const paidOn = businessDateOf(ctx.now);
  const posted = await postJournalEntry(ctx, {
    businessDate: paidOn,
    lines: [
      { accountId: payer, side: 'debit', amount: input.amount },
      {
        accountId: accountIdOf(accounts, channelingHeldCode),
        side: 'credit',
        amount: input.amount,
      },
    ],
    sourceType: 'loans.channeling_collection',
    sourceId: loan.id,
    memo: `Setoran angsuran channeling ${member.memberNumber ?? ''}`,
    idempotencyKey: key,
    postedBy: ctx.actorPersonId,
  });
  if (session) await recordTellerCashEntry(ctx, { sessionId: session.id, entryId: posted.id });
  const id = uuidv7(ctx.now.getTime());
  await insertCollection(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    id,
    loanId: loan.id,
    facilityId: channeled.facilityId,
    paidOn,
    channel: input.channel,
    amount: input.amount,
    interest: allocation.interest,
    principal: allocation.principal,
    entryId: posted.id,
    sessionId: session?.id ?? null,
    idempotencyKey: key,
    receivedBy: ctx.actorPersonId,
    recordedAt: ctx.now,
  });
  if (allocation.isClosing)
    await setChanneledLoanFields(ctx.tx, ctx.cooperativeId, loan.id, {
      status: 'lunas',
      closedOn: paidOn,
    });
  return collectionViewOf(ctx, loan.id, id);
}

async function collectionViewOf(ctx: LoansContext, loanId: string, collectionId: string) {
  const channeled = await getChanneledLoan(ctx, loanId);
  const views = collectionViewsOf(
    channeled,
    await listCollections(ctx.tx, ctx.cooperativeId, loanId),
  );
  const view = views.find((candidate) => candidate.id === collectionId);
  if (!view) throw new Error('a recorded collection is among its loan’s collections');
  return view;
}
