/**
 * B4 (performance.md §7), part (c): trial balance and balance sheet on a large book.
 *
 * Data: one simpan-pinjam cooperative with member sub-accounts under 2-1201 and 3-1102, and
 * 1,000,000 journal lines (100,000 with --quick) built through the real posting path:
 * postJournalEntries in batches of 2,000 entries of 2–4 lines, business dates spread evenly over
 * the last 365 days, accounts by Zipf (s = 1.0).
 *
 * Measured, 20 runs each after 2 warm-up runs, each in its own withTenant transaction:
 * - getTrialBalance as of today, and as of the same day one month ago (reads the later lines);
 * - the balance sheet (statements module's getBalanceSheet, periods as its route resolves them),
 *   for this month and for a period ending one month ago, when that module is present;
 * - the naive baseline: `select account_id, sum(…) from journal_lines where cooperative_id = …
 *   group by account_id` over every line.
 * Targets: trial balance p50 ≤ 0.1 × the naive p50, and < 200 ms absolute. These are ratios to a
 * figure of this benchmark, not to the calibration, so they are judged in the notes.
 *
 * Correctness: the lines and entries stored equal those posted; verifyCooperativeLedger finds no
 * problem; both trial balances balance and equal the naive sums (rolled up) for their date; the
 * balance sheets balance.
 */
import { sql } from 'drizzle-orm';
import {
  getTrialBalance,
  postJournalEntries,
  verifyCooperativeLedger,
  type EntryInput,
} from '../../apps/server/src/modules/ledger/index.js';
import {
  queryRows,
  withSystem,
  withTenant,
  type Database,
  type Tx,
} from '../../apps/server/src/platform/db/database.js';
import {
  isoDate,
  monthsBefore,
  openLedgerAppDatabase,
  openMemberAccounts,
  registerBenchCooperative,
  type BenchAccount,
} from '../fixtures/ledger-app.js';
import {
  balancedLines,
  benchEntry,
  lineCountOf,
  pickDistinctAccounts,
  zipfAccountsOf,
} from '../fixtures/ledger-workload.js';
import {
  checkEqual,
  correctnessOf,
  type BenchContext,
  type BenchResult,
  type CorrectnessCheck,
  type Figure,
} from '../harness.js';
import { createSeededRandom } from '../random.js';
import { percentileOfSorted } from '../statistics.js';

export const name = 'ledger-statements';

const LINES = 1_000_000;
const QUICK_LINES = 100_000;
const MEMBERS = 1_000;
const QUICK_MEMBERS = 500;
const MEMBER_CONTROL_CODES = ['2-1201', '3-1102'] as const;
const BATCH_ENTRIES = 2_000;
const DAYS_OF_HISTORY = 365;
const RUNS = 20;
const WARMUP_RUNS = 2;
const WORKLOAD_SEED = 20_240_622;
/** Autovacuum's default autovacuum_analyze_scale_factor (see the note on ANALYZE below). */
const ANALYZE_GROWTH = 0.1;
const NAIVE_RATIO_TARGET = 0.1;
const ABSOLUTE_TARGET_MS = 200;

interface LatencyRun {
  readonly p50: number;
  readonly p99: number;
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const random = createSeededRandom(WORKLOAD_SEED);
  const targetLines = ctx.isQuick ? QUICK_LINES : LINES;
  const members = ctx.isQuick ? QUICK_MEMBERS : MEMBERS;
  const app = await openLedgerAppDatabase(ctx, 4);
  try {
    const { db } = app;
    const now = new Date();
    const today = isoDate(now);
    const monthAgo = isoDate(monthsBefore(now, 1));
    const setupStartedNs = process.hrtime.bigint();
    const cooperativeId = await registerBenchCooperative(db, 'S', now);
    ctx.log(`set-up: ${members} members × ${MEMBER_CONTROL_CODES.length} sub-accounts`);
    const accounts = await openMemberAccounts(db, cooperativeId, {
      controlCodes: MEMBER_CONTROL_CODES,
      count: members,
      now,
    });
    const setupSeconds = secondsSince(setupStartedNs);

    ctx.log(`building ${targetLines.toLocaleString('en-US')} lines in batches of ${BATCH_ENTRIES}`);
    const build = await buildJournal(ctx, db, {
      cooperativeId,
      accounts,
      targetLines,
      today: now,
      random,
    });
    ctx.log(
      `built ${build.lines} lines (${build.entries} entries) in ${build.seconds.toFixed(1)} s ` +
        `(${Math.round(build.lines / build.seconds)} lines/s; ${build.analyzeCount} ANALYZE runs)`,
    );
    // What autovacuum would have done by now (PGlite has no autovacuum at all: see the notes).
    await db.admin.exec('analyze ledger_accounts, ledger_balances, journal_entries, journal_lines');

    const read = <Value>(work: (tx: Tx) => Promise<Value>): Promise<Value> =>
      withTenant(db, cooperativeId, work);
    const ledgerCtx = (tx: Tx) => ({ tx, cooperativeId });
    const naive = (tx: Tx, asOf: string | null) =>
      queryRows<{
        account_id: string;
        debit: string | bigint | null;
        credit: string | bigint | null;
      }>(
        tx,
        asOf === null
          ? sql`select account_id, sum(amount) filter (where side = 'debit') as debit,
                  sum(amount) filter (where side = 'credit') as credit
                from journal_lines where cooperative_id = ${cooperativeId} group by account_id`
          : sql`select account_id, sum(amount) filter (where side = 'debit') as debit,
                  sum(amount) filter (where side = 'credit') as credit
                from journal_lines where cooperative_id = ${cooperativeId} and business_date <= ${asOf}
                group by account_id`,
      );

    ctx.log(`timing: ${WARMUP_RUNS} warm-up + ${RUNS} runs per query`);
    const naiveRun = await timeRuns(() => read((tx) => naive(tx, null)));
    const trialToday = await timeRuns(() =>
      read((tx) => getTrialBalance(ledgerCtx(tx), { asOf: today })),
    );
    const trialMonthAgo = await timeRuns(() =>
      read((tx) => getTrialBalance(ledgerCtx(tx), { asOf: monthAgo })),
    );
    // PostgreSQL's JIT compiles a query whose estimated cost passes jit_above_cost; the compile can
    // outweigh the query. Where it is on, the naive scan and the balance sheet are also timed
    // without it (`set local jit = off`), so the report can tell compile time from reading time.
    const isJitOn =
      ctx.database.kind === 'postgres' &&
      (
        await read((tx) =>
          queryRows<{ jit: string }>(tx, sql`select current_setting('jit') as jit`),
        )
      )[0]?.jit === 'on';
    const withoutJit = async (tx: Tx): Promise<void> => {
      await tx.execute(sql`set local jit = off`);
    };
    const naiveNoJit = isJitOn
      ? await timeRuns(() =>
          read(async (tx) => {
            await withoutJit(tx);
            return naive(tx, null);
          }),
        )
      : null;
    const balanceSheet = await loadBalanceSheet();
    let sheetNoJit: LatencyRun | null = null;
    let sheetToday: LatencyRun | null = null;
    let sheetMonthAgo: LatencyRun | null = null;
    const sheetChecks: CorrectnessCheck[] = [];
    if (balanceSheet.reader !== null) {
      const reader = balanceSheet.reader;
      const sheetOf = (asOf: string, isMonthToDate: boolean) =>
        read((tx) => reader(ledgerCtx(tx), asOf, isMonthToDate));
      sheetToday = await timeRuns(() => sheetOf(today, true));
      if (isJitOn) {
        sheetNoJit = await timeRuns(() =>
          read(async (tx) => {
            await withoutJit(tx);
            return reader(ledgerCtx(tx), today, true);
          }),
        );
      }
      sheetMonthAgo = await timeRuns(() => sheetOf(monthAgo, false));
      for (const [label, asOf, isMonthToDate] of [
        ['this month', today, true],
        [`period ending ${monthAgo}`, monthAgo, false],
      ] as const) {
        const sheet = await sheetOf(asOf, isMonthToDate);
        sheetChecks.push({
          name: `balance sheet (${label}) balances`,
          isPassed: sheet.isBalanced,
          detail: sheet.isBalanced ? 'assets = liabilities + equity' : 'not balanced',
        });
      }
    }

    ctx.log('checking: counts, trial balances against the naive sums, verifyCooperativeLedger');
    const checks: CorrectnessCheck[] = [];
    const stored = await read((tx) =>
      queryRows<{ entries: string | bigint; lines: string | bigint; later: string | bigint }>(
        tx,
        sql`select (select count(*) from journal_entries where cooperative_id = ${cooperativeId}) as entries,
                   (select count(*) from journal_lines where cooperative_id = ${cooperativeId}) as lines,
                   (select count(*) from journal_lines where cooperative_id = ${cooperativeId}
                      and business_date > ${monthAgo}) as later`,
      ),
    );
    const counts = stored[0];
    checks.push(
      checkEqual(
        'journal lines stored = lines posted',
        BigInt(counts?.lines ?? -1),
        BigInt(build.lines),
      ),
    );
    checks.push(
      checkEqual(
        'journal entries stored = entries posted',
        BigInt(counts?.entries ?? -1),
        BigInt(build.entries),
      ),
    );
    const linesAfterMonthAgo = Number(counts?.later ?? 0);
    for (const asOf of [today, monthAgo]) {
      const { trial, sums } = await read(async (tx) => ({
        trial: await getTrialBalance(ledgerCtx(tx), { asOf }),
        sums: await naive(tx, asOf),
      }));
      checks.push({
        name: `trial balance as of ${asOf} balances`,
        isPassed: trial.isBalanced,
        detail: `debits ${trial.debitTotal}, credits ${trial.creditTotal}`,
      });
      checks.push(compareWithNaive(asOf, trial.lines, sums, accounts));
    }
    checks.push(...sheetChecks);
    const verifyStartedNs = process.hrtime.bigint();
    const report = await withSystem(db, 'bench: verify the ledger after the build', (tx) =>
      verifyCooperativeLedger(tx, cooperativeId),
    );
    const verifySeconds = secondsSince(verifyStartedNs);
    checks.push({
      name: 'verifyCooperativeLedger finds no problem',
      isPassed: report.problems.length === 0 && report.entryCount === build.entries,
      detail: `${report.problems.length} problem(s), ${report.entryCount} entries walked${
        report.problems[0] === undefined
          ? ''
          : `; first: ${report.problems[0].kind} ${report.problems[0].detail}`
      }`,
    });

    const toNaive = trialToday.p50 / naiveRun.p50;
    const monthAgoToNaive = trialMonthAgo.p50 / naiveRun.p50;
    const figures: Record<string, Figure> = {
      journalLines: { value: build.lines, unit: 'count' },
      journalEntries: { value: build.entries, unit: 'count' },
      accounts: { value: accounts.length, unit: 'count' },
      linesAfterMonthAgo: { value: linesAfterMonthAgo, unit: 'count' },
      setupSeconds: { value: setupSeconds, unit: 's' },
      buildSeconds: { value: build.seconds, unit: 's' },
      buildLinesPerSecond: { value: build.lines / build.seconds, unit: 'lines/s' },
      buildFirstBatchMs: { value: build.firstBatchMs, unit: 'ms per batch' },
      buildLastBatchMs: { value: build.lastBatchMs, unit: 'ms per batch' },
      trialBalanceP50Ms: { value: trialToday.p50, unit: 'ms' },
      trialBalanceP99Ms: { value: trialToday.p99, unit: 'ms' },
      trialBalanceMonthAgoP50Ms: { value: trialMonthAgo.p50, unit: 'ms' },
      trialBalanceMonthAgoP99Ms: { value: trialMonthAgo.p99, unit: 'ms' },
      naiveGroupByP50Ms: { value: naiveRun.p50, unit: 'ms' },
      naiveGroupByP99Ms: { value: naiveRun.p99, unit: 'ms' },
      ...(naiveNoJit === null
        ? {}
        : {
            naiveGroupByNoJitP50Ms: { value: naiveNoJit.p50, unit: 'ms (jit off)' },
            naiveGroupByNoJitP99Ms: { value: naiveNoJit.p99, unit: 'ms (jit off)' },
          }),
      trialBalanceToNaive: { value: toNaive, unit: `× (target ≤ ${NAIVE_RATIO_TARGET})` },
      trialBalanceMonthAgoToNaive: { value: monthAgoToNaive, unit: '× (no target)' },
      verifySeconds: { value: verifySeconds, unit: 's' },
    };
    if (sheetToday !== null && sheetMonthAgo !== null) {
      figures['balanceSheetP50Ms'] = { value: sheetToday.p50, unit: 'ms' };
      figures['balanceSheetP99Ms'] = { value: sheetToday.p99, unit: 'ms' };
      figures['balanceSheetMonthAgoP50Ms'] = { value: sheetMonthAgo.p50, unit: 'ms' };
      figures['balanceSheetMonthAgoP99Ms'] = { value: sheetMonthAgo.p99, unit: 'ms' };
      if (sheetNoJit !== null) {
        figures['balanceSheetNoJitP50Ms'] = { value: sheetNoJit.p50, unit: 'ms (jit off)' };
        figures['balanceSheetNoJitP99Ms'] = { value: sheetNoJit.p99, unit: 'ms (jit off)' };
      }
      figures['balanceSheetToNaive'] = {
        value: sheetToday.p50 / naiveRun.p50,
        unit: `× (target ≤ ${NAIVE_RATIO_TARGET})`,
      };
    }
    const verdict = (isMet: boolean): string => (isMet ? 'met' : 'missed');
    const notes = [
      `app database: ${app.label}`,
      ctx.isQuick
        ? `--quick: ${targetLines.toLocaleString('en-US')} lines and ${members} members, not the 1,000,000 lines of a normal run`
        : `${targetLines.toLocaleString('en-US')} lines, ${members} members`,
      `build: postJournalEntries, ${BATCH_ENTRIES} entries per batch, ${build.batches} batches, ` +
        `${build.seconds.toFixed(1)} s (${Math.round(build.lines / build.seconds)} lines/s; first batch ` +
        `${Math.round(build.firstBatchMs)} ms, last ${Math.round(build.lastBatchMs)} ms)`,
      `ANALYZE of the journal tables ran ${build.analyzeCount} times during the build, each time they had grown ` +
        `${ANALYZE_GROWTH * 100} % (what autovacuum would do; PGlite never runs autovacuum), and once after it. ` +
        'Without it readPostingState plans a nested-loop semi-join over every entry of the cooperative ' +
        'per idempotency key, and the build becomes quadratic',
      `trial balance today ÷ naive = ${toNaive.toFixed(3)} (target ≤ ${NAIVE_RATIO_TARGET}: ${verdict(
        toNaive <= NAIVE_RATIO_TARGET,
      )}); p50 ${trialToday.p50.toFixed(1)} ms (target < ${ABSOLUTE_TARGET_MS} ms: ${verdict(
        trialToday.p50 < ABSOLUTE_TARGET_MS,
      )})`,
      `trial balance as of ${monthAgo} reads the ${linesAfterMonthAgo} later lines: ÷ naive = ${monthAgoToNaive.toFixed(3)}`,
      `p99 over ${RUNS} runs is the slowest run (nearest rank)`,
    ];
    if (isJitOn) {
      notes.push(
        'the server has jit = on (the default): the …NoJit figures are the same queries after ' +
          '`set local jit = off`; ratios use the default (jit on) timings',
      );
    }
    if (balanceSheet.reader === null) {
      notes.push(`balance sheet skipped: ${balanceSheet.skipReason}`);
    } else if (sheetToday !== null) {
      const sheetToNaive = sheetToday.p50 / naiveRun.p50;
      notes.push(
        `balance sheet (this month, as the route resolves it) ÷ naive = ${sheetToNaive.toFixed(3)} (target ≤ ` +
          `${NAIVE_RATIO_TARGET}: ${verdict(sheetToNaive <= NAIVE_RATIO_TARGET)}); p50 ${sheetToday.p50.toFixed(1)} ms ` +
          `(target < ${ABSOLUTE_TARGET_MS} ms: ${verdict(sheetToday.p50 < ABSOLUTE_TARGET_MS)}); ${balanceSheet.source}`,
      );
    }
    if (!app.isAppRoleNonSuperuser) notes.push('the app connected as the admin role (superuser)');
    return { figures, ratios: {}, correctness: correctnessOf(checks), notes };
  } finally {
    await app.close();
  }
}

interface BuildOutcome {
  readonly lines: number;
  readonly entries: number;
  readonly batches: number;
  readonly seconds: number;
  readonly firstBatchMs: number;
  readonly lastBatchMs: number;
  readonly analyzeCount: number;
}

/** Posts batches until `targetLines` are written, business dates rising over the last year. */
async function buildJournal(
  ctx: BenchContext,
  db: Database,
  input: {
    cooperativeId: string;
    accounts: readonly BenchAccount[];
    targetLines: number;
    today: Date;
    random: ReturnType<typeof createSeededRandom>;
  },
): Promise<BuildOutcome> {
  const { cooperativeId, random } = input;
  const postable = zipfAccountsOf(
    input.accounts.filter((account) => !account.isControl).map((account) => account.id),
    random,
  );
  const estimatedEntries = Math.ceil(input.targetLines / 3);
  const firstDay = Date.UTC(
    input.today.getUTCFullYear(),
    input.today.getUTCMonth(),
    input.today.getUTCDate() - (DAYS_OF_HISTORY - 1),
  );
  const dateOf = (entryIndex: number): string => {
    const day = Math.min(
      DAYS_OF_HISTORY - 1,
      Math.floor((entryIndex * DAYS_OF_HISTORY) / estimatedEntries),
    );
    return isoDate(new Date(firstDay + day * 86_400_000));
  };
  const startedNs = process.hrtime.bigint();
  let lines = 0;
  let entries = 0;
  let batches = 0;
  let firstBatchMs = 0;
  let lastBatchMs = 0;
  let analyzedAtLines = 0;
  let analyzeCount = 0;
  let lastLoggedNs = startedNs;
  while (lines < input.targetLines) {
    const batch: EntryInput[] = [];
    let batchLines = 0;
    while (batch.length < BATCH_ENTRIES && lines + batchLines < input.targetLines) {
      const remaining = input.targetLines - lines - batchLines;
      const count =
        remaining <= 4 ? Math.max(2, remaining) : Math.min(lineCountOf(random), remaining - 2);
      const accountIds = pickDistinctAccounts(postable, count);
      batchLines += count;
      batch.push(
        benchEntry(balancedLines(accountIds, random), {
          businessDate: dateOf(entries + batch.length),
          key: `build-${entries + batch.length}`,
          sourceType: 'bench.build',
        }),
      );
    }
    const batchStartedNs = process.hrtime.bigint();
    await withTenant(db, cooperativeId, (tx) =>
      postJournalEntries({ tx, cooperativeId, now: new Date() }, batch),
    );
    lastBatchMs = Number(process.hrtime.bigint() - batchStartedNs) / 1e6;
    if (batches === 0) firstBatchMs = lastBatchMs;
    batches += 1;
    lines += batchLines;
    entries += batch.length;
    if (lines >= analyzedAtLines * (1 + ANALYZE_GROWTH) + 1_000) {
      await db.admin.exec('analyze journal_entries, journal_lines');
      analyzedAtLines = lines;
      analyzeCount += 1;
    }
    if (Number(process.hrtime.bigint() - lastLoggedNs) > 10e9) {
      lastLoggedNs = process.hrtime.bigint();
      ctx.log(`build: ${lines} lines, last batch ${Math.round(lastBatchMs)} ms`);
    }
  }
  return {
    lines,
    entries,
    batches,
    seconds: secondsSince(startedNs),
    firstBatchMs,
    lastBatchMs,
    analyzeCount,
  };
}

async function timeRuns(work: () => Promise<unknown>): Promise<LatencyRun> {
  for (let run = 0; run < WARMUP_RUNS; run++) await work();
  const samples = new Float64Array(RUNS);
  for (let run = 0; run < RUNS; run++) {
    const startedNs = process.hrtime.bigint();
    await work();
    samples[run] = Number(process.hrtime.bigint() - startedNs) / 1e6;
  }
  samples.sort();
  return { p50: percentileOfSorted(samples, 0.5), p99: percentileOfSorted(samples, 0.99) };
}

/** The trial balance's lines equal the naive per-account sums rolled up into control accounts. */
function compareWithNaive(
  asOf: string,
  trialLines: readonly { accountId: string; debit: bigint; credit: bigint }[],
  sums: readonly {
    account_id: string;
    debit: string | bigint | null;
    credit: string | bigint | null;
  }[],
  accounts: readonly BenchAccount[],
): CorrectnessCheck {
  const parentOf = new Map(accounts.map((account) => [account.id, account.parentAccountId]));
  const net = new Map<string, bigint>();
  for (const row of sums) {
    const target = parentOf.get(row.account_id) ?? row.account_id;
    const value = BigInt(row.debit ?? 0) - BigInt(row.credit ?? 0);
    net.set(target, (net.get(target) ?? 0n) + value);
  }
  for (const [accountId, value] of net) if (value === 0n) net.delete(accountId);
  const mismatches: string[] = [];
  for (const line of trialLines) {
    const expected = net.get(line.accountId) ?? 0n;
    if (line.debit - line.credit !== expected) mismatches.push(line.accountId);
    net.delete(line.accountId);
  }
  mismatches.push(...net.keys());
  return {
    name: `trial balance as of ${asOf} = naive sums rolled up`,
    isPassed: mismatches.length === 0,
    detail:
      mismatches.length === 0
        ? `${trialLines.length} lines agree`
        : `${mismatches.length} account(s) differ, first ${mismatches[0]}`,
  };
}

function secondsSince(startedNs: bigint): number {
  return Number(process.hrtime.bigint() - startedNs) / 1e9;
}

type BalanceSheetReader = (
  ctx: { tx: Tx; cooperativeId: string },
  asOf: string,
  isMonthToDate: boolean,
) => Promise<{ isBalanced: boolean }>;

/**
 * The statements module's balance sheet, when present: getBalanceSheet(ctx, { periods,
 * fiscalYearStartMonth }) with periods from resolveStatementPeriods, as its route does ("this
 * month" for today; `from` the first of the month `to` the date for a month ago). Loaded at run
 * time, so this benchmark neither breaks nor needs changes while that module is being written.
 */
async function loadBalanceSheet(): Promise<
  | { reader: BalanceSheetReader; source: string; skipReason?: undefined }
  | { reader: null; skipReason: string; source?: undefined }
> {
  const directory = new URL('../../apps/server/src/modules/ledger/statements/', import.meta.url);
  try {
    const queries = (await import(
      new URL('queries/get-balance-sheet.ts', directory).href
    )) as Record<string, unknown>;
    const periods = (await import(new URL('rules/periods.ts', directory).href)) as Record<
      string,
      unknown
    >;
    if (
      typeof queries['getBalanceSheet'] !== 'function' ||
      typeof periods['resolveStatementPeriods'] !== 'function'
    ) {
      return {
        reader: null,
        skipReason:
          'statements module present but getBalanceSheet / resolveStatementPeriods not found',
      };
    }
    const getBalanceSheet = queries['getBalanceSheet'] as (
      ctx: { tx: Tx; cooperativeId: string },
      input: { periods: unknown; fiscalYearStartMonth: number },
    ) => Promise<unknown>;
    const resolveStatementPeriods = periods['resolveStatementPeriods'] as (input: {
      today: string;
      from?: string;
      to?: string;
    }) => unknown;
    const reader: BalanceSheetReader = async (ctx, asOf, isMonthToDate) => {
      const resolved: unknown = isMonthToDate
        ? resolveStatementPeriods({ today: asOf })
        : resolveStatementPeriods({ from: `${asOf.slice(0, 7)}-01`, to: asOf, today: asOf });
      const sheet: unknown = await getBalanceSheet(ctx, {
        periods: resolved,
        fiscalYearStartMonth: 1,
      });
      const isBalanced = (sheet as { isBalanced?: unknown } | null)?.isBalanced;
      if (typeof isBalanced !== 'boolean')
        throw new Error('getBalanceSheet returns { isBalanced }');
      return { isBalanced };
    };
    return {
      reader,
      source: 'statements/queries/get-balance-sheet.ts (fiscal year from January)',
    };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      reader: null,
      skipReason:
        code === 'ERR_MODULE_NOT_FOUND'
          ? 'the statements module (apps/server/src/modules/ledger/statements) is not there yet'
          : `the statements module did not load: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
