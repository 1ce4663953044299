import type { Locale } from '@lumbung/shared';
import { isRupiahString } from './rupiah';

/*
 * The statements and "Koperasi dalam angka" endpoints are young and their JSON may still move:
 * these readers accept the likely shapes (sections of lines with this period's and the prior
 * period's amounts; highlights as a list or an object; a checkpoint and a live head) and turn
 * them into rows the screens render. Anything unrecognised is skipped, never thrown on.
 */

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text, or a `{ id, en }` pair read in the UI's language. */
export function localizedText(value: unknown, locale: Locale): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (isRecord(value)) {
    const text = value[locale] ?? value.id ?? value.en;
    if (typeof text === 'string') return text;
  }
  return null;
}

/** A rupiah amount as its decimal string; safe integers sent as numbers are accepted too. */
function amountOf(value: unknown): string | null {
  if (typeof value === 'string' && isRupiahString(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

function firstOf<T>(
  record: JsonRecord,
  keys: readonly string[],
  read: (value: unknown) => T | null,
): T | null {
  for (const key of keys) {
    const found = read(record[key]);
    if (found !== null) return found;
  }
  return null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function count(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return null;
}

/** "totalAssets" / "total_assets" -> "Total assets". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// --- Statements -------------------------------------------------------------------------------

export interface StatementRow {
  /**
   * heading: a section's name; line: an account or item; total: a section's total (shown as
   * "Jumlah <section>"); summary: a figure of its own (SHU setelah pajak, kas akhir periode).
   */
  kind: 'heading' | 'line' | 'total' | 'summary';
  depth: number;
  /** The server's label, when it sent one. */
  label: string | null;
  /** Otherwise the JSON property it came from ("assets"), for the screen to name. */
  labelKey: string | null;
  code: string | null;
  amount: string | null;
  priorAmount: string | null;
}

export type ColumnHeading =
  | { kind: 'date'; date: string }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'period'; period: string }
  | null;

export interface StatementView {
  title: string | null;
  current: ColumnHeading;
  prior: ColumnHeading;
  /** Self-checks the server reports (isBalanced, isReconciled). */
  checks: { key: string; isOk: boolean }[];
  rows: StatementRow[];
}

interface AmountPair {
  amount: string | null;
  priorAmount: string | null;
}

const labelKeys = ['label', 'name', 'title', 'description', 'accountName'] as const;
const currentKeys = ['current', 'amount', 'thisPeriod', 'currentAmount', 'value'] as const;
const priorKeys = ['prior', 'previous', 'priorAmount', 'previousAmount', 'lastPeriod'] as const;
const priorTotalKeys = ['priorTotal', 'previousTotal', 'totalPrior'] as const;
const amountKeys = ['amount', 'amounts', 'value', 'balance'] as const;
const totalKeys = ['total', 'subtotal', 'totalAmount', 'net', 'sum'] as const;
/** Arrays under these names hold the node's own rows; other arrays get a heading of their own. */
const containerKeys = new Set(['lines', 'items', 'rows', 'accounts', 'children', 'sections']);
const containerLikeKeys = new Set([...containerKeys, 'groups', 'activities']);
const checkKeys = ['isBalanced', 'balanced', 'isReconciled'] as const;
const metaKeys = new Set<string>([
  ...labelKeys,
  ...amountKeys,
  ...totalKeys,
  ...currentKeys,
  ...priorKeys,
  ...priorTotalKeys,
  ...checkKeys,
  'key',
  'code',
  'accountCode',
  'account',
  'activity',
  'periods',
  'period',
  'priorPeriod',
  'previousPeriod',
  'asOf',
  'month',
  'fiscalYearStartMonth',
  'columns',
]);

/** A rupiah amount, or `{ current, prior }`, as this period's and the prior period's amount. */
function pairOf(value: unknown): AmountPair | null {
  const single = amountOf(value);
  if (single !== null) return { amount: single, priorAmount: null };
  if (!isRecord(value)) return null;
  const pair = {
    amount: firstOf(value, currentKeys, amountOf),
    priorAmount: firstOf(value, priorKeys, amountOf),
  };
  return pair.amount === null && pair.priorAmount === null ? null : pair;
}

/** `{ amount: '5', priorAmount: '4' }`: a single amount takes its prior from a sibling field. */
function withPrior(
  pair: AmountPair | null,
  node: JsonRecord,
  keys: readonly string[],
): AmountPair | null {
  if (pair === null || pair.priorAmount !== null) return pair;
  return { ...pair, priorAmount: firstOf(node, keys, amountOf) };
}

type ChildGroup =
  | { kind: 'array'; key: string; items: unknown[] }
  | { kind: 'node'; key: string; node: JsonRecord }
  | { kind: 'pair'; key: string; pair: AmountPair };

/** A section or line (has a label, rows, an amount, or such nodes inside), not a bare pair. */
function isNodeLike(value: JsonRecord, depth = 0): boolean {
  return (
    firstOf(value, labelKeys, text) !== null ||
    firstOf(value, amountKeys, pairOf) !== null ||
    Object.entries(value).some(
      ([key, inner]) =>
        !metaKeys.has(key) &&
        (Array.isArray(inner) || (isRecord(inner) && depth < 3 && isNodeLike(inner, depth + 1))),
    )
  );
}

function childGroups(node: JsonRecord): ChildGroup[] {
  const groups: ChildGroup[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (metaKeys.has(key)) continue;
    if (Array.isArray(value)) {
      if (value.some(isRecord)) groups.push({ kind: 'array', key, items: value });
    } else if (isRecord(value) && isNodeLike(value)) {
      groups.push({ kind: 'node', key, node: value });
    } else {
      const pair = pairOf(value);
      if (pair) groups.push({ kind: 'pair', key, pair });
    }
  }
  return groups;
}

function readGroups(groups: ChildGroup[], depth: number, locale: Locale, rows: StatementRow[]) {
  for (const group of groups) {
    switch (group.kind) {
      case 'array': {
        const isOwnRows = containerLikeKeys.has(group.key);
        if (!isOwnRows) rows.push(headingRow(depth, null, group.key, null));
        for (const item of group.items)
          readNode(item, isOwnRows ? depth : depth + 1, null, locale, rows);
        break;
      }
      case 'node':
        readNode(group.node, depth, group.key, locale, rows);
        break;
      case 'pair':
        rows.push({
          kind: 'summary',
          depth,
          label: null,
          labelKey: group.key,
          code: null,
          ...group.pair,
        });
        break;
    }
  }
}

function headingRow(
  depth: number,
  label: string | null,
  labelKey: string | null,
  code: string | null,
): StatementRow {
  return { kind: 'heading', depth, label, labelKey, code, amount: null, priorAmount: null };
}

function readNode(
  node: unknown,
  depth: number,
  labelKey: string | null,
  locale: Locale,
  rows: StatementRow[],
): void {
  if (!isRecord(node) || depth > 6) return;
  const label = firstOf(node, labelKeys, (value) => localizedText(value, locale));
  const code = text(node.accountCode) ?? text(node.code);
  const key = label === null && labelKey === null ? (text(node.key) ?? code) : labelKey;
  const groups = childGroups(node).filter(
    (group) => group.kind !== 'array' || group.items.length > 0,
  );
  const own = withPrior(firstOf(node, amountKeys, pairOf), node, priorKeys) ?? pairOf(node);
  const total = withPrior(firstOf(node, totalKeys, pairOf), node, priorTotalKeys);
  if (groups.length === 0) {
    const amounts = own ?? total;
    if (amounts === null && label === null) return;
    rows.push({
      kind: 'line',
      depth,
      label,
      labelKey: key,
      code: code === label ? null : code,
      amount: amounts?.amount ?? null,
      priorAmount: amounts?.priorAmount ?? null,
    });
    return;
  }
  rows.push(headingRow(depth, label, key, null));
  readGroups(groups, depth + 1, locale, rows);
  const closing = total ?? own;
  if (closing) rows.push({ kind: 'total', depth, label, labelKey: key, code: null, ...closing });
}

/** Unwraps `{ statement: {...} }` or `{ data: {...} }` envelopes. */
function unwrap(data: unknown): unknown {
  if (isRecord(data)) {
    for (const key of ['statement', 'report', 'data']) {
      const inner = data[key];
      if (isRecord(inner)) return inner;
    }
  }
  return data;
}

function rangeOf(value: unknown): { from: string; to: string } | null {
  if (!isRecord(value)) return null;
  const from = text(value.from);
  const to = text(value.to);
  return from && to ? { from, to } : null;
}

function columnHeadings(root: JsonRecord): Pick<StatementView, 'current' | 'prior'> {
  // A balance sheet is "as of" a date; flow statements cover a span.
  if (isRecord(root.asOf)) {
    const current = text(root.asOf.current);
    const prior = text(root.asOf.prior);
    return {
      current: current ? { kind: 'date', date: current } : null,
      prior: prior ? { kind: 'date', date: prior } : null,
    };
  }
  if (isRecord(root.periods)) {
    const current = rangeOf(root.periods.current);
    const prior = rangeOf(root.periods.prior);
    return {
      current: current ? { kind: 'range', ...current } : null,
      prior: prior ? { kind: 'range', ...prior } : null,
    };
  }
  const period = text(root.period) ?? text(root.month);
  const priorPeriod = text(root.priorPeriod) ?? text(root.previousPeriod);
  return {
    current: period ? { kind: 'period', period } : null,
    prior: priorPeriod ? { kind: 'period', period: priorPeriod } : null,
  };
}

/**
 * Reads a financial statement's JSON into rows: sections as headings, their lines and totals,
 * and stand-alone figures. Returns null when nothing recognisable was found (the screen then
 * shows the raw JSON).
 */
export function normalizeStatement(data: unknown, locale: Locale): StatementView | null {
  const root = unwrap(data);
  const rows: StatementRow[] = [];
  if (Array.isArray(root)) {
    for (const node of root) readNode(node, 0, null, locale, rows);
    return rows.length > 0 ? { title: null, current: null, prior: null, checks: [], rows } : null;
  }
  if (!isRecord(root)) return null;
  readGroups(childGroups(root), 0, locale, rows);
  if (isRecord(root.totals)) {
    for (const [key, value] of Object.entries(root.totals)) {
      const pair = pairOf(value);
      if (pair)
        rows.push({ kind: 'summary', depth: 0, label: null, labelKey: key, code: null, ...pair });
    }
  }
  if (rows.length === 0) return null;
  const checks = checkKeys.flatMap((key) => {
    const value = root[key];
    return typeof value === 'boolean' ? [{ key, isOk: value }] : [];
  });
  return {
    title: firstOf(root, ['title', 'name'], (value) => localizedText(value, locale)),
    ...columnHeadings(root),
    checks,
    rows,
  };
}

export interface EquityMatrix {
  columns: { key: string; label: string }[];
  blocks: {
    which: 'current' | 'prior';
    period: { from: string; to: string } | null;
    rows: { key: string; values: (string | null)[] }[];
  }[];
}

/**
 * The statement of changes in equity is a matrix: columns (simpanan pokok, wajib, …, jumlah)
 * and rows (opening, additions, reductions, SHU, closing) for this period and the prior one.
 */
export function normalizeEquityMatrix(data: unknown, locale: Locale): EquityMatrix | null {
  const root = unwrap(data);
  if (!isRecord(root) || !Array.isArray(root.columns)) return null;
  const columns = root.columns.flatMap((column) => {
    if (!isRecord(column)) return [];
    const key = text(column.key);
    if (key === null) return [];
    return [{ key, label: localizedText(column.label, locale) ?? humanizeKey(key) }];
  });
  const blocks = (['current', 'prior'] as const).flatMap((which) => {
    const block = root[which];
    if (!isRecord(block)) return [];
    const rows = Object.entries(block).flatMap(([key, value]) =>
      isRecord(value) && key !== 'period'
        ? [{ key, values: columns.map((column) => amountOf(value[column.key])) }]
        : [],
    );
    return rows.length > 0 ? [{ which, period: rangeOf(block.period), rows }] : [];
  });
  return columns.length > 0 && blocks.length > 0 ? { columns, blocks } : null;
}

// --- Koperasi dalam angka -----------------------------------------------------------------------

export type FigureUnit = 'rupiah' | 'count' | 'percent' | 'text';

export interface FigureCard {
  key: string;
  /** The server's own label when it sent one; otherwise the screen names the key. */
  label: string | null;
  value: string;
  unit: FigureUnit;
  /** A breakdown, e.g. member savings by kind (pokok, wajib, sukarela). */
  details: { label: string; value: string }[];
}

/** A published checkpoint, or the live head of the hash chain when none was published yet. */
export interface ChainMark {
  kind: 'checkpoint' | 'live';
  hash: string;
  date: string | null;
  entryCount: number | null;
  lastSequence: number | null;
}

export interface FiguresView {
  asOf: string | null;
  cards: FigureCard[];
  checkpoint: ChainMark | null;
  liveHead: ChainMark | null;
}

/** Fields of the highlights answer that are not figures. */
const nonFigureKeys = new Set([
  'checkpoint',
  'latestCheckpoint',
  'lastCheckpoint',
  'head',
  'liveHead',
  'chainHead',
  'currentHead',
  'headHash',
  'lastHash',
  'asOf',
  'period',
  'date',
  'generatedAt',
  'cooperativeId',
  'cooperativeName',
  'month',
  'fiscalYearStart',
]);
const moneyWords =
  /(amount|total|asset|aset|saving|simpanan|loan|pinjaman|shu|surplus|equity|ekuitas|liabilit|revenue|pendapatan|expense|beban|cash|kas|rupiah|balance|saldo|capital|modal|income)/i;
const countWords = /(count|jumlah|members|anggota|entries|number|qty)/i;
const percentWords = /(percent|ratio|rate|persen|bps)/i;

function unitOf(key: string, value: unknown, declared: unknown): FigureUnit {
  if (declared === 'rupiah' || declared === 'idr' || declared === 'money') return 'rupiah';
  if (declared === 'count' || declared === 'number' || declared === 'people') return 'count';
  if (declared === 'percent' || declared === '%') return 'percent';
  if (typeof value === 'number') return percentWords.test(key) ? 'percent' : 'count';
  if (typeof value === 'string' && isRupiahString(value)) {
    if (countWords.test(key) && !moneyWords.test(key)) return 'count';
    return 'rupiah';
  }
  return 'text';
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function detailsOf(lines: unknown, locale: Locale): FigureCard['details'] {
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((line) => {
    if (!isRecord(line)) return [];
    const value = amountOf(line.amount ?? line.value);
    const label =
      firstOf(line, ['label', 'name'], (item) => localizedText(item, locale)) ??
      text(line.accountCode);
    return value !== null && label !== null ? [{ label, value }] : [];
  });
}

/** "memberParticipation" + "yearToDate" -> "memberParticipationYearToDate". */
function joinKeys(outer: string, inner: string): string {
  return `${outer}${inner.charAt(0).toUpperCase()}${inner.slice(1)}`;
}

function cardsOf(key: string, value: unknown, locale: Locale): FigureCard[] {
  if (!isRecord(value)) {
    const shown = scalarText(value);
    return shown === null
      ? []
      : [{ key, label: null, value: shown, unit: unitOf(key, value, null), details: [] }];
  }
  const inner = value.value ?? value.amount ?? value.count ?? value.total;
  const shown = scalarText(inner);
  if (shown === null) {
    // { month, yearToDate }: each amount inside is a figure of its own.
    return Object.entries(value).flatMap(([innerKey, innerValue]) => {
      const amount = amountOf(innerValue);
      const joined = joinKeys(key, innerKey);
      return amount === null
        ? []
        : [
            {
              key: joined,
              label: null,
              value: amount,
              unit: unitOf(joined, innerValue, null),
              details: [],
            },
          ];
    });
  }
  const cardKey = text(value.key) ?? text(value.code) ?? key;
  return [
    {
      key: cardKey,
      label: firstOf(value, ['label', 'name', 'title'], (label) => localizedText(label, locale)),
      value: shown,
      unit: unitOf(cardKey, inner, value.unit ?? value.kind ?? value.type),
      details: detailsOf(value.lines ?? value.items, locale),
    },
  ];
}

function chainMarkOf(value: unknown, kind: ChainMark['kind']): ChainMark | null {
  if (!isRecord(value)) return null;
  const hash = firstOf(value, ['headHash', 'hash', 'lastHash'], text);
  if (hash === null) return null;
  return {
    kind,
    hash,
    date: firstOf(value, ['checkpointDate', 'date', 'createdAt', 'asOf'], text),
    entryCount: firstOf(value, ['entryCount', 'entries', 'count'], count),
    lastSequence: firstOf(value, ['lastSequence', 'sequence'], count),
  };
}

/** Reads the highlights endpoint: figure cards plus the latest checkpoint and the live head. */
export function normalizeHighlights(data: unknown, locale: Locale): FiguresView {
  const root = unwrap(data);
  const view: FiguresView = { asOf: null, cards: [], checkpoint: null, liveHead: null };
  if (!isRecord(root)) return view;
  view.asOf = firstOf(root, ['asOf', 'date', 'period', 'generatedAt'], text);
  view.checkpoint =
    firstOf(root, ['checkpoint', 'latestCheckpoint', 'lastCheckpoint'], (value) =>
      chainMarkOf(value, 'checkpoint'),
    ) ?? (text(root.checkpointDate) ? chainMarkOf(root, 'checkpoint') : null);
  view.liveHead =
    firstOf(root, ['head', 'liveHead', 'chainHead', 'currentHead'], (value) =>
      chainMarkOf(value, 'live'),
    ) ?? (view.checkpoint === null ? chainMarkOf(root, 'live') : null);
  const source = root.highlights ?? root.figures ?? root.items ?? root;
  if (Array.isArray(source)) {
    for (const [index, item] of source.entries())
      view.cards.push(...cardsOf(`item${String(index + 1)}`, item, locale));
  } else if (isRecord(source)) {
    for (const [key, value] of Object.entries(source)) {
      if (nonFigureKeys.has(key) || key === 'highlights') continue;
      view.cards.push(...cardsOf(key, value, locale));
    }
  }
  return view;
}

/** The checkpoints endpoint (`{ items, head }`): newest checkpoint and live head. */
export function chainFromCheckpoints(data: unknown): Pick<FiguresView, 'checkpoint' | 'liveHead'> {
  if (!isRecord(data)) return { checkpoint: null, liveHead: null };
  const items = Array.isArray(data.items) ? data.items : [];
  return {
    checkpoint: chainMarkOf(items[0], 'checkpoint'),
    liveHead: chainMarkOf(data.head, 'live'),
  };
}
