import { interpolate } from '@lumbung/shared/messages/format';
import { shuExplanationMessagesEn } from '@lumbung/shared/messages/en';
import { shuExplanationMessagesId } from '@lumbung/shared/messages/id';
import type { ShuCapitalBase, ShuExplanationKey } from '@lumbung/shared/contracts/shu';
import { divFloor } from '@lumbung/shared/money';

/** "1.240.000": rupiah with Indonesian grouping, for sentences in either language. */
const grouped = (amount: bigint) => amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
/** Basis points as a percentage with up to two decimals: 2500 -> "25", 1250 -> "12,5". */
const percent = (bps: number) => (bps / 100).toString().replace('.', ',');

export interface ExplanationInput {
  fiscalYear: number;
  asOf: string;
  revenue: bigint;
  expenses: bigint;
  surplus: bigint;
  nonMemberSurplus: bigint;
  modal: { bps: number; pool: bigint };
  usaha: { bps: number; pool: bigint };
  capital: ShuCapitalBase & { member: bigint; total: bigint; pool: bigint; share: bigint };
  lines: {
    label: { id: string; en: string };
    member: bigint;
    total: bigint;
    pool: bigint;
    share: bigint;
  }[];
  jasaModal: bigint;
  jasaUsaha: bigint;
  share: bigint;
  taxRateBps: number;
  tax: bigint;
  net: bigint;
  isEstimate: boolean;
}

const line = (key: ShuExplanationKey, params: Record<string, string>) => ({
  key,
  params,
  id: interpolate(shuExplanationMessagesId[key], params),
  en: interpolate(shuExplanationMessagesEn[key], params),
});

/** The member's SHU told in sentences (keys + parameters, with both languages' text). */
export function explainMemberShu(input: ExplanationInput) {
  const lines = [
    line('shu.explain.surplus', {
      year: String(input.fiscalYear),
      asOf: input.asOf,
      surplus: grouped(input.surplus),
      revenue: grouped(input.revenue),
      expenses: grouped(input.expenses),
    }),
  ];
  if (input.nonMemberSurplus > 0n)
    lines.push(
      line('shu.explain.non_member', { nonMemberSurplus: grouped(input.nonMemberSurplus) }),
    );
  lines.push(
    line('shu.explain.pools', {
      modalPercent: percent(input.modal.bps),
      modalPool: grouped(input.modal.pool),
      usahaPercent: percent(input.usaha.bps),
      usahaPool: grouped(input.usaha.pool),
    }),
    line(`shu.explain.capital_${input.capital.method}`, {
      kinds: input.capital.kinds.join(', '),
      member: grouped(input.capital.member),
      total: grouped(input.capital.total),
      pool: grouped(input.capital.pool),
      share: grouped(input.capital.share),
    }),
  );
  for (const each of input.lines)
    lines.push(
      line('shu.explain.participation', {
        lineId: each.label.id,
        lineEn: each.label.en,
        member: grouped(each.member),
        total: grouped(each.total),
        pool: grouped(each.pool),
        share: grouped(each.share),
      }),
    );
  lines.push(
    line('shu.explain.total', {
      jasaModal: grouped(input.jasaModal),
      jasaUsaha: grouped(input.jasaUsaha),
      share: grouped(input.share),
    }),
  );
  if (input.tax > 0n)
    lines.push(
      line('shu.explain.tax', {
        ratePercent: percent(input.taxRateBps),
        tax: grouped(input.tax),
        net: grouped(input.net),
      }),
    );
  if (input.isEstimate) lines.push(line('shu.explain.estimate', {}));
  return lines;
}

export const shuFormula =
  'SHU anggota = (S_i ÷ TMS) × pool jasa modal + Σ lini usaha (V_i ÷ VUK) × pool jasa usaha lini itu';

/** An average daily balance from balance-days (rounded down), for showing; weights use balance-days. */
export function averageDailyBalanceOf(balanceDays: bigint, days: number): bigint {
  return divFloor(balanceDays, BigInt(days));
}
