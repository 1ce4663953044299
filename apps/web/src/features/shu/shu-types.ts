import type { z } from 'zod';
import type {
  ShuCapitalKind,
  ShuComponent,
  ShuParticipationBase,
  ShuRulesInput,
  ParticipationSourceKey,
  StandardShuComponentKey,
  shuCashPayoutView,
  shuDistributionMembersView,
  shuDistributionView,
  shuMemberDistributionView,
  shuMemberExplanationView,
  shuOwedListView,
  shuMemberShareView,
  shuPoolView,
  shuRulesListView,
  shuRulesView,
  shuSummaryView,
} from '@lumbung/shared';

/**
 * Shapes of the SHU API (packages/shared/src/contracts/shu.ts). Type-only imports: the zod schemas
 * never reach the bundle. Money is a decimal string, rates are basis points (10,000 = 100 %).
 */
export type {
  ParticipationSourceKey,
  ShuCapitalKind,
  ShuComponent,
  ShuParticipationBase,
  ShuRulesInput,
  StandardShuComponentKey,
};

export type ShuRules = z.infer<typeof shuRulesView>;
export type ShuRulesList = z.infer<typeof shuRulesListView>;
export type ShuPool = z.infer<typeof shuPoolView>;
export type ShuMemberShare = z.infer<typeof shuMemberShareView>;
export type ShuSummary = z.infer<typeof shuSummaryView>;
export type ShuExplanation = z.infer<typeof shuMemberExplanationView>;
export type ShuDistribution = z.infer<typeof shuDistributionView>;
export type ShuDistributionStatus = ShuDistribution['status'];
export type ShuDistributionMembers = z.infer<typeof shuDistributionMembersView>;
export type ShuCapitalMethod = ShuRules['capitalBase']['method'];
export type ShuPayout = 'sukarela' | 'cash';
export type ShuCashPayout = z.infer<typeof shuCashPayoutView>;
export type ShuOwedList = z.infer<typeof shuOwedListView>;
export type ShuOwedShare = ShuOwedList['items'][number];
export type ShuMemberDistribution = z.infer<typeof shuMemberDistributionView>;
export type ShuPostedShare = NonNullable<ShuMemberDistribution['posted']>;

// The contract's lists, repeated as plain arrays so the zod module stays out of the bundle.
export const standardComponentKeys = [
  'cadangan',
  'jasa_modal',
  'jasa_usaha',
  'dana_pengurus_pengawas',
  'dana_karyawan',
  'dana_pendidikan',
  'dana_sosial',
  'dana_pembangunan_daerah_kerja',
] as const satisfies readonly StandardShuComponentKey[];
export const capitalKindNames = [
  'pokok',
  'wajib',
  'sukarela',
  'berjangka',
] as const satisfies readonly ShuCapitalKind[];
export const capitalMethodNames = [
  'average_daily_balance',
  'year_end_balance',
] as const satisfies readonly ShuCapitalMethod[];
export const participationSourceNames = [
  'loan_interest_paid',
  'store_purchases',
  'produce_sold',
  'bill_payment_fees',
  'service_fees',
] as const satisfies readonly ParticipationSourceKey[];
/** The components members share; every other pool stays with the cooperative. */
export const memberComponentKeys = ['jasa_modal', 'jasa_usaha'] as const;
