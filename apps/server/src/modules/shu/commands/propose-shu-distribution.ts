import { uuidv7 } from '@lumbung/shared/ids';
import { DomainError } from '../../../platform/domain-error.js';
import { withholdingOf } from '../rules/compute-shu.js';
import { defaultShuRules } from '../rules/shu-rules.js';
import {
  findAccountIdsByCode,
  findFrozenRuleVersion,
  findYearEndClose,
  insertDistribution,
  insertDistributionMembers,
  insertRuleVersion,
  supersedeProposals,
} from '../shu.sql.js';
import type { FiscalYear, ShuContext } from '../shu.types.js';
import { computeYearShu } from '../queries/compute-year-shu.js';
import { distributionViewOf, getShuDistributionRow } from '../queries/get-shu-distribution.js';
import { getShuRules } from '../queries/get-shu-rules.js';

/**
 * Proposes the year's allocation to the RAT, after the ledger's year-end close: the closed surplus
 * (SHU tahun berjalan) split by the active rules version into pools and every member's share
 * (largest remainder), with the withholding each share bears. The figures are stored, so what the
 * RAT approves is exactly what is posted. A newer proposal replaces an earlier one; while no rules
 * version was set, the suggested rules are recorded as version 1.
 *
 * Refuses: shu.year_not_closed, shu.distribution_already_approved, shu.account_missing.
 */
export async function proposeShuDistribution(
  ctx: ShuContext,
  input: { year: FiscalYear; payout: 'sukarela' | 'cash' },
) {
  const { year } = input;
  const close = await findYearEndClose(ctx.tx, ctx.cooperativeId, year);
  if (!close) throw new DomainError('shu.year_not_closed', { year: year.year });
  if ((await findFrozenRuleVersion(ctx.tx, ctx.cooperativeId, year.start)) !== null)
    throw new DomainError('shu.distribution_already_approved', { year: year.year });
  let { active } = await getShuRules(ctx, year);
  if (active.isDefault) {
    await insertRuleVersion(ctx.tx, {
      cooperativeId: ctx.cooperativeId,
      fiscalYearStart: year.start,
      version: 1,
      ...defaultShuRules,
      note: 'Aturan usulan platform, dicatat saat usulan pembagian dibuat',
      createdAt: ctx.now,
      createdBy: ctx.actorPersonId,
    });
    active = (await getShuRules(ctx, year)).active;
  }
  const shu = await computeYearShu(ctx, {
    year,
    rules: active,
    source: 'counters',
    closedSurplus: close.surplus,
  });
  const codes = [...new Set(shu.pools.pools.map((pool) => pool.accountCode))];
  const accounts = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, codes);
  const missing = codes.find((code) => !accounts.has(code));
  if (missing) throw new DomainError('shu.account_missing', { code: missing });
  await supersedeProposals(ctx.tx, ctx.cooperativeId, year.start);
  const id = uuidv7(ctx.now.getTime());
  const members = shu.shares.filter((share) => share.share > 0n);
  await insertDistribution(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    id,
    fiscalYearStart: year.start,
    ruleVersion: active.version,
    status: 'proposed',
    surplus: close.surplus,
    figures: {
      memberSurplus: shu.pools.memberSurplus.toString(),
      nonMemberSurplus: shu.pools.nonMemberSurplus.toString(),
      pools: shu.pools.pools.map((pool) => ({
        key: pool.key,
        name: pool.name,
        amount: pool.amount.toString(),
        accountCode: pool.accountCode,
      })),
      jasaUsahaLines: shu.pools.lines.map((line) => ({
        sourceKey: line.sourceKey,
        amount: line.pool.toString(),
        total: line.total.toString(),
      })),
      capitalTotal: shu.pools.capitalTotal.toString(),
      toCadanganResidue: shu.pools.toCadanganResidue.toString(),
    },
    memberCount: members.length,
    proposedAt: ctx.now,
    proposedBy: ctx.actorPersonId,
    ratDate: null,
    minutesReference: null,
    recordedBy: null,
    recordedAt: null,
    countersignedBy: null,
    countersignedAt: null,
    postedBy: null,
    postedAt: null,
    payout: input.payout,
    entryIds: [],
  });
  await insertDistributionMembers(
    ctx.tx,
    ctx.cooperativeId,
    members.map((share) => ({
      distributionId: id,
      membershipId: share.membershipId,
      capitalBase: share.capital,
      participation: Object.fromEntries(
        [...share.participation].map(([key, value]) => [key, value.toString()]),
      ),
      jasaModal: share.jasaModal,
      jasaUsaha: share.jasaUsaha,
      share: share.share,
      tax: withholdingOf(share.share, active.taxRateBps),
      paidAccountId: null,
    })),
  );
  return distributionViewOf(ctx, await getShuDistributionRow(ctx, id));
}
