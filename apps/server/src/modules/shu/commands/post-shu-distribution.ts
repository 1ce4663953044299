import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import {
  lockLedgerForPosting,
  postJournalEntries,
  type EntryInput,
  type EntryLineInput,
} from '../../ledger/index.js';
import { getActiveMember, openSavingsAccount } from '../../savings/index.js';
import {
  findAccountIdsByCode,
  listDistributionPayoutRows,
  markMembersPaid,
  setDistributionFields,
  type DistributionPayoutRow,
  type DistributionRow,
} from '../shu.sql.js';
import { MEMBERS_PER_ENTRY, shuCodes, type ShuContext } from '../shu.types.js';
import { distributionViewOf, getShuDistributionRow } from '../queries/get-shu-distribution.js';

/**
 * Posts exactly the approved figures, then pays the members. First one entry: Dr SHU tahun
 * berjalan (3-1301) the surplus; Cr each component's account its pool (cadangan 3-1201 also takes
 * the pools nobody could share; members' jasa modal + jasa usaha to SHU yang akan dibagikan 2-1401,
 * one account whose per-member detail is this module's distribution record). Then, paid to sukarela,
 * entries of up to MEMBERS_PER_ENTRY members: Dr 2-1401; Cr each member's sukarela sub-account the
 * share less withholding; Cr Utang pajak 2-1301 the tax. A member who is no longer aktif, and every
 * member under a cash payout, stays owed in 2-1401 until paid out. All of it is one ledger batch, so
 * it posts whole or not at all; a second call returns the posted distribution.
 *
 * Refuses: shu.distribution_not_found, shu.not_approved, shu.account_missing,
 * ledger.period_closed.
 */
export async function postShuDistribution(ctx: ShuContext, input: { distributionId: string }) {
  // The posting turn first: a concurrent call waits here, then finds the distribution posted.
  await lockLedgerForPosting(ctx);
  const row = await getShuDistributionRow(ctx, input.distributionId, { lock: true });
  if (row.status === 'posted') return distributionViewOf(ctx, row);
  if (row.status !== 'approved') throw new DomainError('shu.not_approved', { status: row.status });
  const codes = [
    ...new Set([
      shuCodes.currentYearShu,
      shuCodes.toDistribute,
      shuCodes.taxPayable,
      ...row.figures.pools.map((pool) => pool.accountCode),
    ]),
  ];
  const accounts = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, codes);
  const accountOf = (code: string) => {
    const id = accounts.get(code);
    if (!id) throw new DomainError('shu.account_missing', { code });
    return id;
  };
  const members = await listDistributionPayoutRows(ctx.tx, ctx.cooperativeId, row.id);
  const businessDate = ctx.now.toISOString().slice(0, 10);
  const allocation = allocationEntryOf(row, members, accountOf, businessDate, ctx.actorPersonId);
  const payees = row.payout === 'sukarela' ? await payeesOf(ctx, members) : [];
  const payments = paymentEntriesOf(row, payees, {
    toDistribute: accountOf(shuCodes.toDistribute),
    taxPayable: accountOf(shuCodes.taxPayable),
    businessDate,
    postedBy: ctx.actorPersonId,
  });
  const entries = allocation ? [allocation, ...payments] : [];
  const posted = entries.length > 0 ? await postJournalEntries(ctx, entries) : [];
  await markMembersPaid(
    ctx.tx,
    ctx.cooperativeId,
    row.id,
    payees.map((payee) => ({
      membershipId: payee.member.membershipId,
      accountId: payee.accountId,
    })),
  );
  await setDistributionFields(ctx.tx, ctx.cooperativeId, row.id, {
    status: 'posted',
    postedBy: ctx.actorPersonId,
    postedAt: ctx.now,
    entryIds: posted.map((entry) => entry.id),
  });
  return distributionViewOf(ctx, await getShuDistributionRow(ctx, row.id));
}

function allocationEntryOf(
  row: DistributionRow,
  members: DistributionPayoutRow[],
  accountOf: (code: string) => string,
  businessDate: string,
  postedBy: string | null,
): EntryInput | null {
  if (row.surplus <= 0n) return null;
  const residue = BigInt(row.figures.toCadanganResidue);
  const credits = new Map<string, bigint>();
  const add = (code: string, amount: bigint) =>
    credits.set(code, (credits.get(code) ?? 0n) + amount);
  for (const pool of row.figures.pools) add(pool.accountCode, BigInt(pool.amount));
  const cadangan = row.figures.pools.find((pool) => pool.key === 'cadangan');
  assert(cadangan, 'rules always have a cadangan component (findRulesRefusal)');
  add(cadangan.accountCode, residue);
  add(shuCodes.toDistribute, -residue);
  const shares = members.reduce((sum, member) => sum + member.share, 0n);
  assert(
    (credits.get(shuCodes.toDistribute) ?? 0n) === shares,
    'members’ shares sum exactly to the shareable jasa pools',
  );
  const lines: EntryLineInput[] = [
    { accountId: accountOf(shuCodes.currentYearShu), side: 'debit', amount: row.surplus },
    ...[...credits]
      .filter(([, amount]) => amount > 0n)
      .map(([code, amount]) => ({ accountId: accountOf(code), side: 'credit' as const, amount })),
  ];
  const year = row.fiscalYearStart.slice(0, 4);
  return {
    businessDate,
    lines,
    sourceType: 'shu.allocation',
    sourceId: row.id,
    memo: `Pembagian SHU tahun buku ${year} sesuai RAT ${row.ratDate ?? ''} (${row.minutesReference ?? ''})`,
    idempotencyKey: `shu.allocation:${row.id}`,
    postedBy,
  };
}

interface Payee {
  member: DistributionPayoutRow;
  accountId: string;
}

/**
 * Members who can be paid to sukarela: aktif, with their sub-account (opened if missing). A member
 * who has left keeps the sukarela account their exit settled, but is paid at the teller instead.
 */
async function payeesOf(ctx: ShuContext, members: DistributionPayoutRow[]): Promise<Payee[]> {
  const payees: Payee[] = [];
  for (const member of members) {
    if (!member.isAktif) continue;
    const accountId =
      member.sukarelaAccountId ??
      (await openSavingsAccount(ctx, await getActiveMember(ctx, member.membershipId), 'sukarela'))
        .id;
    payees.push({ member, accountId });
  }
  return payees;
}

function paymentEntriesOf(
  row: DistributionRow,
  payees: Payee[],
  input: {
    toDistribute: string;
    taxPayable: string;
    businessDate: string;
    postedBy: string | null;
  },
): EntryInput[] {
  const entries: EntryInput[] = [];
  const year = row.fiscalYearStart.slice(0, 4);
  for (let start = 0; start < payees.length; start += MEMBERS_PER_ENTRY) {
    const part = payees.slice(start, start + MEMBERS_PER_ENTRY);
    const shares = part.reduce((sum, payee) => sum + payee.member.share, 0n);
    const tax = part.reduce((sum, payee) => sum + payee.member.tax, 0n);
    const partNumber = entries.length + 1;
    entries.push({
      businessDate: input.businessDate,
      lines: [
        { accountId: input.toDistribute, side: 'debit', amount: shares },
        ...part
          .filter((payee) => payee.member.share > payee.member.tax)
          .map((payee) => ({
            accountId: payee.accountId,
            side: 'credit' as const,
            amount: payee.member.share - payee.member.tax,
            ...(payee.member.tax > 0n
              ? { memo: `SHU ${year}, dipotong pajak Rp${payee.member.tax}` }
              : {}),
          })),
        ...(tax > 0n
          ? [
              {
                accountId: input.taxPayable,
                side: 'credit' as const,
                amount: tax,
                memo: `PPh atas SHU ${year}`,
              },
            ]
          : []),
      ],
      sourceType: 'shu.distribution',
      sourceId: `${row.id}:${partNumber}`,
      memo: `SHU tahun buku ${year} ke simpanan sukarela (bagian ${partNumber})`,
      idempotencyKey: `shu.distribution:${row.id}:${partNumber}`,
      postedBy: input.postedBy,
    });
  }
  return entries;
}
