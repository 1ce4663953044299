import { DomainError } from '../../../platform/domain-error.js';
import { lockLedgerForPosting, postJournalEntries, type EntryInput } from '../../ledger/index.js';
import {
  findAccountIdsByCode,
  findInterestRun,
  insertInterestRun,
  sumSukarelaBalanceDays,
  type InterestRunRow,
} from '../savings.sql.js';
import { getSavingsProducts } from '../queries/get-savings-products.js';
import { computeDailyBalanceInterest, computeInterestTax, monthBounds } from '../rules/interest.js';
import {
  businessDateOf,
  controlCodeOf,
  interestExpenseCode,
  taxPayableCode,
  type SavingsContext,
} from '../savings.types.js';

function viewOf(run: InterestRunRow) {
  const { cooperativeId: _cooperative, ranBy: _by, ...view } = run;
  return view;
}

/**
 * Month-end interest on simpanan sukarela: each account earns on its daily balance at the
 * product's rate (bps a year over 365 days, rounded down); a member whose month's interest is
 * above the threshold has `taxRateBps` of it withheld as final income tax (PP 15/2009) to Utang
 * pajak. Members are posted in entries of up to MEMBERS_PER_ENTRY (Dr Beban jasa simpanan, Cr each
 * member's sukarela net, Cr Utang pajak), all as one batch: a batch journal keeps the per-entry
 * cost (hash, row, check) off each of 100,000 members, and each member's passbook still shows its
 * own line. Once per (cooperative, month): a rerun returns the first run.
 *
 * Refuses: savings.month_not_ended, ledger.period_closed.
 */
export async function runMonthEndInterest(
  ctx: SavingsContext,
  input: { month: string; taxThresholdRupiah?: bigint; taxRateBps?: number },
) {
  const thresholdRupiah = input.taxThresholdRupiah ?? 240_000n;
  const taxRateBps = input.taxRateBps ?? 1_000;
  const bounds = monthBounds(input.month);
  if (businessDateOf(ctx.now) <= bounds.lastDay)
    throw new DomainError('savings.month_not_ended', { month: input.month });
  // The posting turn first: a concurrent run of the same month waits here, then finds the run.
  await lockLedgerForPosting(ctx);
  const earlier = await findInterestRun(ctx.tx, ctx.cooperativeId, input.month);
  if (earlier) return viewOf(earlier);
  const products = await getSavingsProducts(ctx);
  const accounts = await sumSukarelaBalanceDays(ctx.tx, ctx.cooperativeId, {
    controlCode: controlCodeOf.sukarela,
    ...bounds,
  });
  const byMember = new Map<string, { accountId: string; interest: bigint }[]>();
  for (const account of accounts) {
    const interest = computeDailyBalanceInterest(
      account.balanceDays,
      products.sukarela.interestRateBps,
    );
    if (interest === 0n) continue;
    const list = byMember.get(account.membershipId) ?? [];
    list.push({ accountId: account.accountId, interest });
    byMember.set(account.membershipId, list);
  }
  const ids = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [
    interestExpenseCode,
    taxPayableCode,
  ]);
  const expense = ids.get(interestExpenseCode);
  const taxPayable = ids.get(taxPayableCode);
  if (!expense || !taxPayable) throw new DomainError('ledger.account_not_found');
  const credits: MemberCredit[] = [];
  let grossInterest = 0n;
  let taxWithheld = 0n;
  for (const memberAccounts of byMember.values()) {
    const memberInterest = memberAccounts.reduce((sum, account) => sum + account.interest, 0n);
    const tax = computeInterestTax({ memberInterest, thresholdRupiah, taxRateBps });
    grossInterest += memberInterest;
    taxWithheld += tax;
    credits.push(...netOfTax(memberAccounts, tax));
  }
  const entries = interestEntriesOf({
    month: input.month,
    credits,
    expense,
    taxPayable,
    lastDay: bounds.lastDay,
    actorPersonId: ctx.actorPersonId,
  });
  const posted = entries.length > 0 ? await postJournalEntries(ctx, entries) : [];
  const run: InterestRunRow = {
    cooperativeId: ctx.cooperativeId,
    month: input.month,
    accountCount: [...byMember.values()].reduce((sum, list) => sum + list.length, 0),
    memberCount: byMember.size,
    grossInterest,
    taxWithheld,
    entryIds: posted.map((entry) => entry.id),
    ranAt: ctx.now,
    ranBy: ctx.actorPersonId,
  };
  await insertInterestRun(ctx.tx, run);
  return viewOf(run);
}

/** Members per interest entry: line numbers stay far below the journal's smallint limit. */
const MEMBERS_PER_ENTRY = 1_000;

interface MemberCredit {
  accountId: string;
  interest: bigint;
  tax: bigint;
}

/** A member's interest per account, the tax taken from the first accounts (a member has one sukarela account). */
function netOfTax(memberAccounts: { accountId: string; interest: bigint }[], tax: bigint) {
  let taxLeft = tax;
  return memberAccounts.map((account): MemberCredit => {
    const taken = taxLeft < account.interest ? taxLeft : account.interest;
    taxLeft -= taken;
    return { accountId: account.accountId, interest: account.interest, tax: taken };
  });
}

/** The month's interest as entries of up to MEMBERS_PER_ENTRY member lines each, numbered in order. */
function interestEntriesOf(input: {
  month: string;
  credits: MemberCredit[];
  expense: string;
  taxPayable: string;
  lastDay: string;
  actorPersonId: string | null;
}): EntryInput[] {
  const entries: EntryInput[] = [];
  for (let start = 0; start < input.credits.length; start += MEMBERS_PER_ENTRY) {
    const part = input.credits.slice(start, start + MEMBERS_PER_ENTRY);
    const interest = part.reduce((sum, credit) => sum + credit.interest, 0n);
    const tax = part.reduce((sum, credit) => sum + credit.tax, 0n);
    const partNumber = entries.length + 1;
    entries.push({
      businessDate: input.lastDay,
      lines: [
        { accountId: input.expense, side: 'debit', amount: interest },
        ...part
          .filter((credit) => credit.interest > credit.tax)
          .map((credit) => ({
            accountId: credit.accountId,
            side: 'credit' as const,
            amount: credit.interest - credit.tax,
            ...(credit.tax > 0n ? { memo: `Dipotong PPh final Rp${credit.tax}` } : {}),
          })),
        ...(tax > 0n
          ? [
              {
                accountId: input.taxPayable,
                side: 'credit' as const,
                amount: tax,
                memo: 'PPh final bunga simpanan (PP 15/2009)',
              },
            ]
          : []),
      ],
      sourceType: 'savings.interest',
      sourceId: `${input.month}:${partNumber}`,
      memo: `Jasa simpanan sukarela ${input.month} (bagian ${partNumber})`,
      idempotencyKey: `savings.interest:${input.month}:${partNumber}`,
      postedBy: input.actorPersonId,
    });
  }
  return entries;
}
