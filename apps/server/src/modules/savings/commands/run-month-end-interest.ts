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
 * pajak. One entry per member (Dr Beban jasa simpanan, Cr the member's sukarela net, Cr Utang
 * pajak), all posted as one batch. Once per (cooperative, month): a rerun returns the first run.
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
  const entries: EntryInput[] = [];
  let grossInterest = 0n;
  let taxWithheld = 0n;
  for (const [membershipId, memberAccounts] of byMember) {
    const memberInterest = memberAccounts.reduce((sum, account) => sum + account.interest, 0n);
    const tax = computeInterestTax({ memberInterest, thresholdRupiah, taxRateBps });
    grossInterest += memberInterest;
    taxWithheld += tax;
    entries.push(
      interestEntryOf({
        ...input,
        membershipId,
        memberAccounts,
        memberInterest,
        tax,
        expense,
        taxPayable,
        lastDay: bounds.lastDay,
        actorPersonId: ctx.actorPersonId,
      }),
    );
  }
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

/** One member's interest entry; the tax is taken from the first account (a member has one sukarela account). */
function interestEntryOf(input: {
  month: string;
  membershipId: string;
  memberAccounts: { accountId: string; interest: bigint }[];
  memberInterest: bigint;
  tax: bigint;
  expense: string;
  taxPayable: string;
  lastDay: string;
  actorPersonId: string | null;
}): EntryInput {
  let taxLeft = input.tax;
  const credits = input.memberAccounts.map((account) => {
    const taken = taxLeft < account.interest ? taxLeft : account.interest;
    taxLeft -= taken;
    return {
      accountId: account.accountId,
      side: 'credit' as const,
      amount: account.interest - taken,
    };
  });
  return {
    businessDate: input.lastDay,
    lines: [
      { accountId: input.expense, side: 'debit', amount: input.memberInterest },
      ...credits.filter((line) => line.amount > 0n),
      ...(input.tax > 0n
        ? [
            {
              accountId: input.taxPayable,
              side: 'credit' as const,
              amount: input.tax,
              memo: 'PPh final bunga simpanan (PP 15/2009)',
            },
          ]
        : []),
    ],
    sourceType: 'savings.interest',
    sourceId: `${input.month}:${input.membershipId}`,
    memo: `Jasa simpanan sukarela ${input.month}`,
    idempotencyKey: `savings.interest:${input.month}:${input.membershipId}`,
    postedBy: input.actorPersonId,
  };
}
