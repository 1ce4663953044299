/**
 * B1 + B2 (performance.md §7): posting throughput through the real ledger path.
 *
 * Set-up: 100 simpan-pinjam cooperatives (registerCooperative opens each chart), each topped up to
 * 100 accounts with member sub-accounts under 2-1201 (openMemberSubAccount): 10,000 accounts, of
 * which the non-control ones take postings. Account choice is Zipf (s = 1.0): the first line of an
 * entry is drawn over every postable account of every cooperative (ranks shuffled, so the hot
 * accounts and therefore the hot cooperatives are arbitrary), the other 1–3 lines over that
 * cooperative's own accounts.
 *
 * Each phase: a warm-up (ctx.warmupSeconds, not counted), ANALYZE of the ledger tables (in place
 * of autovacuum, which PGlite never runs; without statistics the posting plans degrade as the
 * journal grows), then 3 s (--quick) or 15 s measured.
 *
 * 1. Multi-cooperative: 16 writers, one postJournalEntry per transaction via withTenant.
 *    entries/s ÷ calibration transfersPerSecond (target ≥ 1.0).
 * 2. Batch: postJournalEntries with 500 entries per transaction (interest / SHU style), one
 *    cooperative per batch. lines/s ÷ calibration unnestRowsPerSecond (target ≥ 0.5); the
 *    baseline is one session, so the ratio is formed on one writer; 16 writers (each on its own
 *    cooperatives) are reported beside it.
 * 3. One busy cooperative: 16 writers in one cooperative, every entry on its cash account 1-1101.
 *    entries/s ÷ the multi-cooperative figure (target ≥ 0.5) and absolute (target > 1,000/s).
 *
 * After each phase, for every cooperative: verifyCooperativeLedger finds no problem, the trial
 * balance balances, and the entries stored equal the posts that succeeded. On PGlite (one session)
 * the 16 writers take turns; the figures say so.
 */
import {
  postJournalEntries,
  postJournalEntry,
} from '../../apps/server/src/modules/ledger/index.js';
import type { EntryInput } from '../../apps/server/src/modules/ledger/index.js';
import { withTenant, type Database } from '../../apps/server/src/platform/db/database.js';
import {
  auditCooperatives,
  isoDate,
  listBenchAccounts,
  mapWithConcurrency,
  openLedgerAppDatabase,
  openMemberAccounts,
  registerBenchCooperative,
  type BenchAccount,
} from '../fixtures/ledger-app.js';
import {
  balancedLines,
  benchEntry,
  createZipfSampler,
  lineCountOf,
  pickDistinctAccounts,
  shuffled,
  zipfAccountsOf,
  type ZipfAccounts,
} from '../fixtures/ledger-workload.js';
import {
  correctnessOf,
  ratioTo,
  type BenchContext,
  type BenchResult,
  type CorrectnessCheck,
  type Figure,
} from '../harness.js';
import { createSeededRandom } from '../random.js';
import { runTimedLoop, type TimedLoopOutcome, type TimedLoopSettings } from '../timed-loop.js';

export const name = 'ledger-posting';

const COOPERATIVE_COUNT = 100;
const ACCOUNTS_PER_COOPERATIVE = 100;
const MEMBER_CONTROL_CODE = '2-1201';
const CASH_CODE = '1-1101';
const WRITER_COUNT = 16;
const BATCH_ENTRIES = 500;
const ZIPF_EXPONENT = 1.0;
const MAX_POSTS = 2_000_000;
const MAX_BATCHES = 100_000;
const WORKLOAD_SEED = 20_240_611;
/** Busy-cooperative targets (not calibration ratios, so they are judged in the notes). */
const BUSY_TO_MULTI_TARGET = 0.5;
const BUSY_ABSOLUTE_TARGET = 1_000;
const ANALYZE_LEDGER_SQL =
  'analyze ledger_accounts, ledger_balances, ledger_chain_heads, journal_entries, journal_lines';
/** The issue asks for 15 s per measurement in a normal run (the harness default is 10 s). */
const NORMAL_MEASURE_SECONDS = 15;

interface Cooperative {
  readonly id: string;
  readonly accounts: readonly BenchAccount[];
  readonly postable: ZipfAccounts;
}

interface PostTally {
  /** Successful posts (entries) per cooperative, warm-ups included. */
  readonly entries: Map<string, number>;
  failures: number;
  firstFailure: string;
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const random = createSeededRandom(WORKLOAD_SEED);
  const setupStartedNs = process.hrtime.bigint();
  ctx.log(`opening the app database (${ctx.database.kind})`);
  const app = await openLedgerAppDatabase(ctx, WRITER_COUNT + 4);
  try {
    const { db } = app;
    const writers = Array.from({ length: WRITER_COUNT }, (_unused, index) => index);
    const isSerialized = ctx.database.kind === 'pglite';
    const setupConcurrency = isSerialized ? 1 : 8;
    const today = isoDate(new Date());

    ctx.log(`set-up: ${COOPERATIVE_COUNT} cooperatives × ${ACCOUNTS_PER_COOPERATIVE} accounts`);
    const cooperatives = await mapWithConcurrency(
      Array.from({ length: COOPERATIVE_COUNT }, (_unused, index) => index),
      setupConcurrency,
      async (index) => {
        const now = new Date();
        const id = await registerBenchCooperative(db, `P${index}`, now);
        const chart = await listBenchAccounts(db, id);
        const accounts = await openMemberAccounts(db, id, {
          controlCodes: [MEMBER_CONTROL_CODE],
          count: ACCOUNTS_PER_COOPERATIVE - chart.length,
          now,
        });
        return { id, accounts };
      },
    );
    const prepared: Cooperative[] = cooperatives.map((cooperative) => ({
      ...cooperative,
      postable: zipfAccountsOf(
        cooperative.accounts.filter((account) => !account.isControl).map((account) => account.id),
        random,
        ZIPF_EXPONENT,
      ),
    }));
    const accountCount = prepared.reduce(
      (sum, cooperative) => sum + cooperative.accounts.length,
      0,
    );
    const postableCount = prepared.reduce(
      (sum, cooperative) => sum + cooperative.postable.accountIds.length,
      0,
    );
    const setupSeconds = Number(process.hrtime.bigint() - setupStartedNs) / 1e9;
    ctx.log(
      `set-up done in ${setupSeconds.toFixed(1)} s: ${accountCount} accounts, ${postableCount} postable`,
    );

    const globalAccounts = shuffled(
      prepared.flatMap((cooperative) =>
        cooperative.postable.accountIds.map((accountId) => ({ cooperative, accountId })),
      ),
      random,
    );
    const globalSampler = createZipfSampler(globalAccounts.length, ZIPF_EXPONENT, random);
    const tally: PostTally = {
      entries: new Map(prepared.map((cooperative) => [cooperative.id, 0])),
      failures: 0,
      firstFailure: '',
    };
    const checks: CorrectnessCheck[] = [];
    const audit = async (label: string): Promise<number> => {
      ctx.log(`${label}: auditing ${prepared.length} ledgers`);
      const outcome = await auditCooperatives(db, {
        label,
        expectedEntries: tally.entries,
        asOf: today,
        concurrency: isSerialized ? 1 : 8,
      });
      checks.push(...outcome.checks);
      return outcome.seconds;
    };
    let keySequence = 0;
    const nextKey = (phase: string): string => `${phase}-${++keySequence}`;

    // 1. Many cooperatives, one entry per transaction.
    const multiPostsPerCooperative = new Map<string, number>();
    let multiLines = 0;
    const postOneMulti = async (): Promise<void> => {
      const primary = globalAccounts[globalSampler.next()];
      if (primary === undefined) throw new Error('the Zipf sampler stays within the accounts');
      const { cooperative } = primary;
      const others = pickDistinctAccounts(cooperative.postable, lineCountOf(random) - 1, [
        primary.accountId,
      ]);
      const entry = benchEntry(balancedLines([primary.accountId, ...others], random), {
        businessDate: today,
        key: nextKey('multi'),
        sourceType: 'bench.multi',
      });
      if (await postCounted(db, cooperative.id, [entry], tally)) {
        multiLines += entry.lines.length;
        multiPostsPerCooperative.set(
          cooperative.id,
          (multiPostsPerCooperative.get(cooperative.id) ?? 0) + 1,
        );
      }
    };
    const multi = await measure(
      ctx,
      db,
      'multi-cooperative posting',
      { workers: writers, maxIterations: MAX_POSTS, iterate: postOneMulti },
      () => {
        multiLines = 0;
        multiPostsPerCooperative.clear();
      },
    );
    const multiAuditSeconds = await audit('after multi-cooperative posting');

    // 2. Batches of 500 entries, one cooperative per batch.
    let batchLines = 0;
    let nextBatchCooperative = 0;
    const postBatch = async (cooperative: Cooperative): Promise<void> => {
      const entries: EntryInput[] = [];
      let lines = 0;
      for (let index = 0; index < BATCH_ENTRIES; index++) {
        const accountIds = pickDistinctAccounts(cooperative.postable, lineCountOf(random));
        lines += accountIds.length;
        entries.push(
          benchEntry(balancedLines(accountIds, random), {
            businessDate: today,
            key: nextKey('batch'),
            sourceType: 'bench.batch',
          }),
        );
      }
      if (await postCounted(db, cooperative.id, entries, tally)) batchLines += lines;
    };
    const cooperativeAt = (index: number): Cooperative =>
      prepared[index % prepared.length] as Cooperative;
    const resetBatchLines = (): void => {
      batchLines = 0;
    };
    const batchSingle = await measure(
      ctx,
      db,
      'batch posting, 1 writer',
      {
        workers: [0],
        maxIterations: MAX_BATCHES,
        iterate: () => postBatch(cooperativeAt(nextBatchCooperative++)),
      },
      resetBatchLines,
    );
    const batchSingleLines = batchLines;
    // Writer w posts to cooperatives w, w + 16, w + 32, …: no two writers share a chain head.
    const writerTurns = writers.map(() => 0);
    const postWriterBatch = (writer: number): Promise<void> => {
      const turn = writerTurns[writer] ?? 0;
      writerTurns[writer] = turn + 1;
      const slots = Math.ceil((prepared.length - writer) / WRITER_COUNT);
      return postBatch(cooperativeAt(writer + WRITER_COUNT * (turn % slots)));
    };
    const batchMany = await measure(
      ctx,
      db,
      'batch posting, 16 writers',
      { workers: writers, maxIterations: MAX_BATCHES, iterate: postWriterBatch },
      resetBatchLines,
    );
    const batchManyLines = batchLines;
    const batchAuditSeconds = await audit('after batch posting');

    // 3. One busy cooperative: every entry touches its cash account.
    const busy = prepared[0] as Cooperative;
    const cash = busy.accounts.find((account) => account.code === CASH_CODE);
    if (cash === undefined) throw new Error(`the chart has ${CASH_CODE}`);
    const postOneBusy = async (): Promise<void> => {
      const others = pickDistinctAccounts(busy.postable, lineCountOf(random) - 1, [cash.id]);
      const side = random.nextInt(2) === 0 ? 'debit' : 'credit';
      const entry = benchEntry(balancedLines([cash.id, ...others], random, side), {
        businessDate: today,
        key: nextKey('busy'),
        sourceType: 'bench.busy',
      });
      await postCounted(db, busy.id, [entry], tally);
    };
    const busyRun = await measure(ctx, db, 'one busy cooperative', {
      workers: writers,
      maxIterations: MAX_POSTS,
      iterate: postOneBusy,
    });
    const busyAuditSeconds = await audit('after the busy cooperative');

    checks.push({
      name: 'every post succeeded',
      isPassed: tally.failures === 0,
      detail:
        tally.failures === 0
          ? '0 failed'
          : `${tally.failures} failed; first: ${tally.firstFailure}`,
    });

    const hottestShare =
      Math.max(0, ...multiPostsPerCooperative.values()) /
      Math.max(
        1,
        [...multiPostsPerCooperative.values()].reduce((sum, count) => sum + count, 0),
      );
    const busyToMulti = busyRun.measured.iterationsPerSecond / multi.measured.iterationsPerSecond;
    const cpuUnit = isSerialized
      ? 'ms of CPU per entry (Node and PGlite, one process)'
      : 'ms of Node CPU per entry (PostgreSQL not included)';
    const figures: Record<string, Figure> = {
      entriesPerSecond: { value: multi.measured.iterationsPerSecond, unit: 'entries/s' },
      linesPerSecond: { value: multiLines / multi.measured.elapsedSeconds, unit: 'lines/s' },
      postP50Ms: { value: multi.measured.latencyMs.p50, unit: 'ms' },
      postP99Ms: { value: multi.measured.latencyMs.p99, unit: 'ms' },
      postCount: { value: multi.measured.iterations, unit: 'count' },
      nodeCpuPerPostMs: {
        value: (multi.nodeCpuSeconds * 1000) / multi.measured.iterations,
        unit: cpuUnit,
      },
      hottestCooperativeShare: { value: hottestShare * 100, unit: '% of multi posts' },
      batchLinesPerSecond: {
        value: batchSingleLines / batchSingle.measured.elapsedSeconds,
        unit: 'lines/s',
      },
      batchEntriesPerSecond: {
        value: batchSingle.measured.iterationsPerSecond * BATCH_ENTRIES,
        unit: 'entries/s',
      },
      batchP50Ms: { value: batchSingle.measured.latencyMs.p50, unit: 'ms per 500' },
      batchP99Ms: { value: batchSingle.measured.latencyMs.p99, unit: 'ms per 500' },
      batchNodeCpuPerEntryMs: {
        value:
          (batchSingle.nodeCpuSeconds * 1000) / (batchSingle.measured.iterations * BATCH_ENTRIES),
        unit: cpuUnit,
      },
      batch16LinesPerSecond: {
        value: batchManyLines / batchMany.measured.elapsedSeconds,
        unit: 'lines/s',
      },
      batch16P99Ms: { value: batchMany.measured.latencyMs.p99, unit: 'ms per 500' },
      busyEntriesPerSecond: { value: busyRun.measured.iterationsPerSecond, unit: 'entries/s' },
      busyP50Ms: { value: busyRun.measured.latencyMs.p50, unit: 'ms' },
      busyP99Ms: { value: busyRun.measured.latencyMs.p99, unit: 'ms' },
      busyToMultiRatio: { value: busyToMulti, unit: '× (target ≥ 0.5)' },
      setupSeconds: { value: setupSeconds, unit: 's' },
      accounts: { value: accountCount, unit: 'count' },
      postableAccounts: { value: postableCount, unit: 'count' },
      auditSeconds: {
        value: multiAuditSeconds + batchAuditSeconds + busyAuditSeconds,
        unit: 's (3 audits)',
      },
    };
    const busyAbsolute = busyRun.measured.iterationsPerSecond;
    const notes = [
      `app database: ${app.label}`,
      `16 writers, Zipf s = ${ZIPF_EXPONENT} over ${postableCount} postable accounts (${accountCount} in all: ` +
        `the chart plus member sub-accounts under ${MEMBER_CONTROL_CODE}, ${ACCOUNTS_PER_COOPERATIVE} per cooperative); ` +
        `the hottest cooperative took ${(hottestShare * 100).toFixed(1)} % of the multi-cooperative posts`,
      `busy ÷ multi-cooperative = ${busyToMulti.toFixed(3)} (target ≥ ${BUSY_TO_MULTI_TARGET}: ` +
        `${busyToMulti >= BUSY_TO_MULTI_TARGET ? 'met' : 'missed'}); busy absolute ${Math.round(busyAbsolute)} entries/s ` +
        `(target > ${BUSY_ABSOLUTE_TARGET}: ${busyAbsolute > BUSY_ABSOLUTE_TARGET ? 'met' : 'missed'})`,
      'each phase ran ANALYZE on the ledger tables after its warm-up, standing in for autovacuum ' +
        '(PGlite never runs it): without statistics every post and batch slows down as the journal grows',
      'R1b is formed on one batch writer because the unnest baseline is one session; ' +
        'R1b16 (16 writers, disjoint cooperatives) is shown beside it without a target',
    ];
    if (isSerialized) {
      notes.push(
        'PGlite has one session: the 16 writers take turns (no concurrency), as the calibration ' +
          "transfers do; figures are PGlite's at PGlite's durability (no fsync)",
      );
    }
    if (!app.isAppRoleNonSuperuser) notes.push('the app connected as the admin role (superuser)');
    return {
      figures,
      ratios: {
        R1a: ratioTo(figures, 'entriesPerSecond', ctx.calibration, 'transfersPerSecond', {
          atLeast: 1.0,
        }),
        R1b: ratioTo(figures, 'batchLinesPerSecond', ctx.calibration, 'unnestRowsPerSecond', {
          atLeast: 0.5,
          greatAtLeast: 0.7,
        }),
        R1b16: ratioTo(figures, 'batch16LinesPerSecond', ctx.calibration, 'unnestRowsPerSecond'),
        R2: ratioTo(figures, 'busyEntriesPerSecond', ctx.calibration, 'transfersPerSecond'),
      },
      correctness: correctnessOf(checks),
      notes,
    };
  } finally {
    await app.close();
  }
}

/** Posts `entries` in one withTenant transaction; a refusal or error is tallied, not thrown. */
async function postCounted(
  db: Database,
  cooperativeId: string,
  entries: readonly EntryInput[],
  tally: PostTally,
): Promise<boolean> {
  try {
    await withTenant(db, cooperativeId, async (tx) => {
      const ctx = { tx, cooperativeId, now: new Date() };
      if (entries.length === 1 && entries[0] !== undefined) await postJournalEntry(ctx, entries[0]);
      else await postJournalEntries(ctx, entries);
    });
    tally.entries.set(cooperativeId, (tally.entries.get(cooperativeId) ?? 0) + entries.length);
    return true;
  } catch (error) {
    tally.failures += 1;
    if (tally.firstFailure === '')
      tally.firstFailure = error instanceof Error ? error.message : String(error);
    return false;
  }
}

interface Measured {
  readonly warmup: TimedLoopOutcome;
  readonly measured: TimedLoopOutcome;
  /** CPU time of this Node process (user + system) during the measured loop, in seconds. */
  readonly nodeCpuSeconds: number;
}

/**
 * A warm-up loop (not counted), ANALYZE of the ledger tables, `onMeasureStart`, then the measured
 * loop. The ANALYZE stands in for autovacuum (PGlite has none; PostgreSQL's runs once a minute at
 * best): without statistics the posting path's plans scan the whole cooperative per key and per
 * line, and the figures would depend on when autovacuum happened to run.
 */
async function measure<Worker>(
  ctx: BenchContext,
  db: Database,
  label: string,
  loop: Omit<TimedLoopSettings<Worker>, 'seconds'>,
  onMeasureStart: () => void = () => {},
): Promise<Measured> {
  ctx.log(`${label}: ${loop.workers.length} writer(s), warm-up ${ctx.warmupSeconds} s`);
  const warmup = await runTimedLoop({ ...loop, seconds: ctx.warmupSeconds });
  await db.admin.exec(ANALYZE_LEDGER_SQL);
  onMeasureStart();
  const seconds = ctx.isQuick
    ? ctx.measureSeconds
    : Math.max(ctx.measureSeconds, NORMAL_MEASURE_SECONDS);
  ctx.log(`${label}: measuring ${seconds} s`);
  const cpuBefore = process.cpuUsage();
  const measured = await runTimedLoop({ ...loop, seconds });
  const cpu = process.cpuUsage(cpuBefore);
  ctx.log(
    `${label}: ${measured.iterations} in ${measured.elapsedSeconds.toFixed(2)} s ` +
      `(${measured.iterationsPerSecond.toFixed(0)}/s, p99 ${measured.latencyMs.p99.toFixed(1)} ms)`,
  );
  return { warmup, measured, nodeCpuSeconds: (cpu.user + cpu.system) / 1e6 };
}
