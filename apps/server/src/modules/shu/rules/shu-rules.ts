import type {
  ShuCapitalBase,
  ShuComponent,
  ShuParticipationBase,
  StandardShuComponentKey,
} from '@lumbung/shared/contracts/shu';
import type { ErrorCode } from '@lumbung/shared/error-codes';

/** The rules one fiscal year's SHU is computed by (as the AD/ART and the RAT set them). */
export interface ShuRules {
  components: ShuComponent[];
  capitalBase: ShuCapitalBase;
  participation: ShuParticipationBase[];
  taxRateBps: number;
}

export const wholeBps = 10_000;

/** Components whose pools are shared among members; every other component is the cooperative's. */
export const memberComponentKeys = ['jasa_modal', 'jasa_usaha'] as const;
export const isMemberComponent = (key: string) =>
  (memberComponentKeys as readonly string[]).includes(key);

/** Where each standard component is credited at year end (chart-templates.ts, rules.md §7). */
export const standardComponents: Record<
  StandardShuComponentKey,
  { name: string; account: string }
> = {
  cadangan: { name: 'Dana cadangan', account: '3-1201' },
  jasa_modal: { name: 'Jasa modal anggota', account: '2-1401' },
  jasa_usaha: { name: 'Jasa usaha anggota', account: '2-1401' },
  dana_pengurus_pengawas: { name: 'Dana pengurus dan pengawas', account: '2-1402' },
  dana_karyawan: { name: 'Dana kesejahteraan karyawan', account: '2-1403' },
  dana_pendidikan: { name: 'Dana pendidikan', account: '2-1404' },
  dana_sosial: { name: 'Dana sosial', account: '2-1405' },
  dana_pembangunan_daerah_kerja: { name: 'Dana pembangunan daerah kerja', account: '2-1406' },
};

const isStandard = (key: string): key is StandardShuComponentKey => key in standardComponents;

export function componentNameOf(component: ShuComponent): string {
  return (
    component.name ??
    (isStandard(component.key) ? standardComponents[component.key].name : component.key)
  );
}

export function componentAccountOf(component: ShuComponent): string {
  if (component.accountCode) return component.accountCode;
  return isStandard(component.key) ? standardComponents[component.key].account : '';
}

/**
 * Suggested rules until the pengurus set a version: a textbook split (rules.md §2.2, example A
 * scaled to 100%), jasa modal on pokok + wajib at year end (the §2.4 worked example), jasa usaha on
 * loan interest paid, no withholding (§6: SHU is excluded from PPh since UU Cipta Kerja).
 */
export const defaultShuRules: ShuRules = {
  components: [
    { key: 'cadangan', bps: 3_500 },
    { key: 'jasa_modal', bps: 2_000 },
    { key: 'jasa_usaha', bps: 2_500 },
    { key: 'dana_pengurus_pengawas', bps: 500 },
    { key: 'dana_karyawan', bps: 500 },
    { key: 'dana_pendidikan', bps: 500 },
    { key: 'dana_sosial', bps: 250 },
    { key: 'dana_pembangunan_daerah_kerja', bps: 250 },
  ],
  capitalBase: { kinds: ['pokok', 'wajib'], method: 'year_end_balance' },
  participation: [{ sourceKey: 'loan_interest_paid', weightBps: wholeBps }],
  taxRateBps: 0,
};

export interface RulesRefusal {
  code: ErrorCode;
  params: Record<string, unknown>;
}

/** The first reason `rules` cannot be used, or null. Pure: the command raises it. */
export function findRulesRefusal(rules: ShuRules): RulesRefusal | null {
  const componentBps = rules.components.reduce((sum, component) => sum + component.bps, 0);
  if (componentBps !== wholeBps)
    return { code: 'shu.components_not_whole', params: { total: componentBps } };
  const keys = rules.components.map((component) => component.key);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate) return { code: 'shu.duplicate_key', params: { key: duplicate } };
  // Non-member surplus and unshareable pools go to the reserve, so every rule set has one.
  if (!keys.includes('cadangan')) return { code: 'shu.cadangan_required', params: {} };
  const unnamed = rules.components.find(
    (component) => !isStandard(component.key) && (!component.name || !component.accountCode),
  );
  if (unnamed) return { code: 'shu.component_needs_account', params: { key: unnamed.key } };
  const weights = rules.participation.reduce((sum, line) => sum + line.weightBps, 0);
  if (weights !== wholeBps)
    return { code: 'shu.participation_not_whole', params: { total: weights } };
  const sources = rules.participation.map((line) => line.sourceKey);
  const repeated = sources.find((key, index) => sources.indexOf(key) !== index);
  if (repeated) return { code: 'shu.duplicate_key', params: { key: repeated } };
  const kinds = rules.capitalBase.kinds;
  const repeatedKind = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
  if (repeatedKind) return { code: 'shu.duplicate_key', params: { key: repeatedKind } };
  return null;
}

/** The fiscal year that starts in `year` for a cooperative whose year starts in `startMonth`. */
export function fiscalYearOf(year: number, startMonth: number) {
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const next = new Date(`${start}T00:00:00Z`);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  const end = new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
  const days = Math.round((next.getTime() - new Date(`${start}T00:00:00Z`).getTime()) / 86_400_000);
  return { start, end, days };
}
