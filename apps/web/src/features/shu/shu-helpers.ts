import type { Locale, MembershipRole } from '@lumbung/shared';
import { isIsoDate } from '../ledger/dates';
import { formatRupiah } from '../ledger/rupiah';
import { bpsToPercentText, parsePercentToBps } from '../loans/loans-helpers';
import { shuPermissions } from './shu-roles';
import {
  capitalKindNames,
  participationSourceNames,
  standardComponentKeys,
  type ParticipationSourceKey,
  type ShuCapitalKind,
  type ShuCapitalMethod,
  type ShuDistribution,
  type ShuExplanation,
  type ShuRules,
  type ShuRulesInput,
  type StandardShuComponentKey,
} from './shu-types';

export const wholeBps = 10_000;

// --- Years and ratios -----------------------------------------------------------------------------

/** The fiscal year shown first: the calendar year of today (the year it starts in). */
export function currentShuYear(todayIso: string): number {
  return Number(todayIso.slice(0, 4));
}

/** A year typed in the address (`?tahun=2026`), or the fallback when it is not a plausible one. */
export function readShuYear(text: string | null, fallback: number): number {
  if (text === null || !/^\d{4}$/.test(text)) return fallback;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : fallback;
}

/** This year and the two before it, newest first: the years a picker offers. */
export function yearChoices(currentYear: number): number[] {
  return [currentYear, currentYear - 1, currentYear - 2];
}

/**
 * `part` of `total` in basis points, rounded down (a member's 20.004 % shows as 20 %, never more
 * than they have); null when the total is not positive, so the UI says "nobody yet" instead.
 */
export function shareOfTotalBps(part: string, total: string): number | null {
  const whole = BigInt(total);
  if (whole <= 0n) return null;
  const bps = (BigInt(part) * BigInt(wholeBps)) / whole; // rounds toward zero: down for part ≥ 0
  return Number(bps);
}

/** "20 %" / "20,5 %" for a ratio, or "—" when there is no total to compare with. */
export function ratioText(part: string, total: string, locale: Locale): string {
  const bps = shareOfTotalBps(part, total);
  return bps === null ? '—' : `${bpsToPercentText(bps, locale)} %`;
}

export function isStandardComponent(key: string): key is StandardShuComponentKey {
  return (standardComponentKeys as readonly string[]).includes(key);
}

export function isParticipationSource(key: string): key is ParticipationSourceKey {
  return (participationSourceNames as readonly string[]).includes(key);
}

// --- The rules form (simulation) ------------------------------------------------------------------

export interface ComponentFields {
  key: string;
  /** Only for added components (standard ones are named by the catalogs). */
  name: string;
  accountCode: string;
  percent: string;
}

export interface RulesFields {
  components: ComponentFields[];
  capitalKinds: ShuCapitalKind[];
  capitalMethod: ShuCapitalMethod;
  /** One per business line, in participationSourceNames order. */
  participation: { sourceKey: ParticipationSourceKey; percent: string }[];
  taxRateBps: number;
}

/** Every standard component (0 % where the rules leave it out), then the rules' added ones. */
export function rulesFieldsOf(rules: ShuRulesInput, locale: Locale): RulesFields {
  const percentOf = (bps: number | undefined) => bpsToPercentText(bps ?? 0, locale);
  const standard = standardComponentKeys.map((key) => ({
    key,
    name: '',
    accountCode: '',
    percent: percentOf(rules.components.find((component) => component.key === key)?.bps),
  }));
  const added = rules.components
    .filter((component) => !isStandardComponent(component.key))
    .map((component) => ({
      key: component.key,
      name: component.name ?? '',
      accountCode: component.accountCode ?? '',
      percent: percentOf(component.bps),
    }));
  return {
    components: [...standard, ...added],
    capitalKinds: [...rules.capitalBase.kinds],
    capitalMethod: rules.capitalBase.method,
    participation: participationSourceNames.map((sourceKey) => ({
      sourceKey,
      percent: percentOf(
        rules.participation.find((line) => line.sourceKey === sourceKey)?.weightBps,
      ),
    })),
    taxRateBps: rules.taxRateBps,
  };
}

/** Only the fields POST rules takes (the view adds version, frozen and dates). */
export function rulesInputOf(rules: ShuRules): ShuRulesInput {
  return {
    components: rules.components,
    capitalBase: rules.capitalBase,
    participation: rules.participation,
    taxRateBps: rules.taxRateBps,
  };
}

/** The sum of the percentages that read as percentages (the form's running total). */
export function totalBpsOf(percents: readonly string[]): number {
  return percents.reduce((sum, text) => sum + (parsePercentToBps(text) ?? 0), 0);
}

/** Why a rules form cannot be used; each has an Indonesian and English sentence in shu-texts. */
export type RulesProblem =
  | { code: 'percent_invalid'; field: string }
  | { code: 'components_not_whole'; totalBps: number }
  | { code: 'participation_not_whole'; totalBps: number }
  | { code: 'cadangan_required' }
  | { code: 'key_invalid'; key: string }
  | { code: 'duplicate_key'; key: string }
  | { code: 'component_needs_account'; key: string }
  | { code: 'capital_kinds_empty' };

export type FormResult<T, E> = { ok: true; value: T } | { ok: false; errors: E };

const componentKeyPattern = /^[a-z][a-z0-9_]{1,39}$/;
const accountCodePattern = /^[0-9A-Za-z][0-9A-Za-z.-]{0,39}$/;

function readComponents(fields: readonly ComponentFields[], problems: RulesProblem[]) {
  const components: ShuRulesInput['components'] = [];
  fields.forEach((field, index) => {
    const bps = parsePercentToBps(field.percent === '' ? '0' : field.percent);
    if (bps === null) problems.push({ code: 'percent_invalid', field: `components.${index}` });
    const key = field.key.trim();
    if (isStandardComponent(key)) {
      // A standard component at 0 % is left out, except cadangan which the rules must name.
      if (bps !== null && (bps > 0 || key === 'cadangan')) components.push({ key, bps });
      return;
    }
    if (!componentKeyPattern.test(key)) problems.push({ code: 'key_invalid', key });
    const name = field.name.trim();
    const accountCode = field.accountCode.trim();
    if (name.length < 2 || !accountCodePattern.test(accountCode))
      problems.push({ code: 'component_needs_account', key });
    components.push({ key, name, accountCode, bps: bps ?? 0 });
  });
  return components;
}

/**
 * Reads the simulation form into rules the API takes, or every reason it cannot (mirroring the
 * server's findRulesRefusal, so a person sees "not 100 %" before pressing anything).
 */
export function readRulesForm(fields: RulesFields): FormResult<ShuRulesInput, RulesProblem[]> {
  const problems: RulesProblem[] = [];
  const components = readComponents(fields.components, problems);
  const componentTotal = totalBpsOf(fields.components.map((field) => field.percent));
  if (componentTotal !== wholeBps)
    problems.push({ code: 'components_not_whole', totalBps: componentTotal });
  const keys = components.map((component) => component.key);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate !== undefined) problems.push({ code: 'duplicate_key', key: duplicate });
  if (!keys.includes('cadangan')) problems.push({ code: 'cadangan_required' });

  const participation: ShuRulesInput['participation'] = [];
  fields.participation.forEach((line, index) => {
    const weightBps = parsePercentToBps(line.percent === '' ? '0' : line.percent);
    if (weightBps === null)
      problems.push({ code: 'percent_invalid', field: `participation.${index}` });
    else if (weightBps > 0) participation.push({ sourceKey: line.sourceKey, weightBps });
  });
  const participationTotal = totalBpsOf(fields.participation.map((line) => line.percent));
  if (participationTotal !== wholeBps)
    problems.push({ code: 'participation_not_whole', totalBps: participationTotal });

  const kinds = capitalKindNames.filter((kind) => fields.capitalKinds.includes(kind));
  if (kinds.length === 0) problems.push({ code: 'capital_kinds_empty' });
  if (problems.length > 0) return { ok: false, errors: problems };
  return {
    ok: true,
    value: {
      components,
      capitalBase: { kinds, method: fields.capitalMethod },
      participation,
      taxRateBps: fields.taxRateBps,
    },
  };
}

/** An added component's starting fields: the next free `lainnya_<n>` key, nothing else yet. */
export function newComponentFields(existing: readonly ComponentFields[]): ComponentFields {
  let number = 1;
  while (existing.some((field) => field.key === `lainnya_${String(number)}`)) number += 1;
  return { key: `lainnya_${String(number)}`, name: '', accountCode: '', percent: '0' };
}

// --- The year-end wizard --------------------------------------------------------------------------

export const yearEndSteps = [
  'close',
  'propose',
  'approve',
  'countersign',
  'post',
  'download',
] as const;
export type YearEndStep = (typeof yearEndSteps)[number];

/**
 * Where the year stands: the step waiting for someone, given the distribution (null: none yet, or
 * only a superseded one) and whether the books are closed for the year (null: not known; the API
 * has no read for it, so proposing is offered and refuses with shu.year_not_closed if not).
 */
export function currentYearEndStep(
  distribution: Pick<ShuDistribution, 'status'> | null,
  isYearClosed: boolean | null,
): YearEndStep {
  if (!distribution || distribution.status === 'superseded')
    return isYearClosed === false ? 'close' : 'propose';
  switch (distribution.status) {
    case 'proposed':
      return 'approve';
    case 'awaiting_countersign':
      return 'countersign';
    case 'approved':
      return 'post';
    case 'posted':
      return 'download';
  }
}

export function isStepDone(step: YearEndStep, current: YearEndStep): boolean {
  return yearEndSteps.indexOf(step) < yearEndSteps.indexOf(current);
}

/** The roles each step's action is for, as the server checks them. */
export const stepRoles: Record<YearEndStep, readonly MembershipRole[]> = {
  close: ['ketua', 'bendahara'],
  propose: ['ketua', 'sekretaris', 'bendahara'],
  approve: ['ketua', 'sekretaris', 'bendahara'],
  countersign: ['pengawas'],
  post: ['ketua', 'bendahara'],
  download: ['ketua', 'sekretaris', 'bendahara', 'manajer', 'pengawas'],
};

export type StepBlock = 'not_yet' | 'done' | 'role' | 'same_person' | null;

/**
 * Why this person cannot act on `step` now (null: they can). The pengawas who countersigns must
 * not be the person who recorded the approval: the server refuses, so the button says so first.
 */
export function stepBlock(
  step: YearEndStep,
  current: YearEndStep,
  roles: readonly MembershipRole[],
  me: { personId: string },
  distribution: Pick<ShuDistribution, 'recordedBy'> | null,
  isYearClosed: boolean | null = null,
): StepBlock {
  const permissions = shuPermissions(roles);
  const hasRole = roles.some((role) => stepRoles[step].includes(role));
  // While nobody knows whether the books are closed, closing stays on offer beside proposing.
  if (step === 'close' && current === 'propose' && isYearClosed === null)
    return hasRole ? null : 'role';
  if (step === 'download') {
    if (current !== 'download') return 'not_yet';
    return permissions.canReadAll ? null : 'role';
  }
  if (isStepDone(step, current)) return 'done';
  if (step !== current) return 'not_yet';
  if (!hasRole) return 'role';
  if (step === 'countersign' && distribution?.recordedBy === me.personId) return 'same_person';
  return null;
}

export interface ApprovalFields {
  ratDate: string;
  minutesReference: string;
  hasConfirmedFigures: boolean;
}

export type ApprovalProblem = 'rat_date' | 'minutes_reference' | 'figures_unconfirmed';

/** The RAT approval as the API takes it: a past date, a minutes reference, the proposal's pools. */
export function readApprovalForm(
  fields: ApprovalFields,
  distribution: Pick<ShuDistribution, 'pools'>,
  todayIso: string,
): FormResult<
  { ratDate: string; minutesReference: string; approvedPools: { key: string; amount: string }[] },
  ApprovalProblem[]
> {
  const problems: ApprovalProblem[] = [];
  if (!isIsoDate(fields.ratDate) || fields.ratDate > todayIso) problems.push('rat_date');
  const minutesReference = fields.minutesReference.trim();
  if (minutesReference.length < 3 || minutesReference.length > 120)
    problems.push('minutes_reference');
  if (!fields.hasConfirmedFigures) problems.push('figures_unconfirmed');
  if (problems.length > 0) return { ok: false, errors: problems };
  return {
    ok: true,
    value: {
      ratDate: fields.ratDate,
      minutesReference,
      // The RAT approves the proposal's figures to the rupiah; any change is a new proposal.
      approvedPools: distribution.pools.map((pool) => ({ key: pool.key, amount: pool.amount })),
    },
  };
}

export function isCapitalKind(kind: string): kind is ShuCapitalKind {
  return (capitalKindNames as readonly string[]).includes(kind);
}

/**
 * The formula with the member's own numbers: "(Rp2.000.000 ÷ Rp10.000.000) × Rp200.000 +
 * (Rp24.000 ÷ Rp84.000) × Rp250.000 = Rp…". Business lines nobody used are left out; each share
 * is rounded by the server (largest remainder), so the result is the share itself.
 */
export function formulaWithNumbers(
  view: Pick<ShuExplanation, 'capital' | 'participation' | 'share'>,
  locale: Locale,
): string {
  const rupiah = (amount: string) => formatRupiah(amount, locale);
  const term = (member: string, total: string, pool: string) =>
    `(${rupiah(member)} ÷ ${rupiah(total)}) × ${rupiah(pool)}`;
  const terms = [
    term(view.capital.member, view.capital.total, view.capital.pool),
    ...view.participation
      .filter((line) => BigInt(line.total) > 0n)
      .map((line) => term(line.member, line.total, line.pool)),
  ];
  return `${terms.join(' + ')} = ${rupiah(view.share)}`;
}
