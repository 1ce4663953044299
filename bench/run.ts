/**
 * `npm run bench`: measure the machine (fdatasync floor), run the B0 calibration, every benchmark
 * in `bench/benchmarks/`, the calibration again, then print tables and write
 * `.bench-results/<timestamp>.json`. Exit code 1 on a crash or a failed correctness check (and,
 * with --gate, on a missed ratio target).
 */
import { runCalibration, type CalibrationRun } from './calibration.js';
import { parseCliOptions, USAGE, UsageError, type CliOptions } from './cli-options.js';
import { openBenchDatabase } from './database.js';
import { discoverBenchmarks } from './discover-benchmarks.js';
import type { BenchContext, Benchmark } from './harness.js';
import { collectMachineFacts } from './machine-facts.js';
import { measureFdatasyncLatency } from './probes/fdatasync-latency.js';
import { buildRunReport, judgeRun, type BenchmarkRun, type RunReport } from './run-report.js';
import { formatRunReport } from './report-table.js';
import { writeResultsFile } from './results-file.js';

const MEASURE_SECONDS = 10;
const QUICK_MEASURE_SECONDS = 3;
const WARMUP_SECONDS = 1;
const QUICK_WARMUP_SECONDS = 0.5;

async function main(): Promise<number> {
  const options = parseCliOptions(process.argv.slice(2));
  if (options.isHelp) {
    console.log(USAGE);
    return 0;
  }
  const startedAt = new Date();
  const log = createLog(startedAt);
  const benchmarks = selectBenchmarks(await discoverBenchmarks(), options.only);
  const measureSeconds = options.isQuick ? QUICK_MEASURE_SECONDS : MEASURE_SECONDS;
  const warmupSeconds = options.isQuick ? QUICK_WARMUP_SECONDS : WARMUP_SECONDS;

  log('fdatasync probe: 1,000 × 8 KiB write+fdatasync');
  const fdatasync = await measureFdatasyncLatency();
  const opened = await openBenchDatabase({
    databaseUrl: process.env['DATABASE_URL'],
    isPgliteInMemory: options.isPgliteInMemory,
  });
  const onInterrupt = (): void => {
    console.error('bench: interrupted; results are not written');
    opened.abandon();
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    const { database } = opened;
    const machine = await collectMachineFacts(database, fdatasync);
    log(`database: ${database.label} (${machine.databaseVersion}; ${machine.durability})`);
    const calibrate = (label: string): Promise<CalibrationRun> =>
      runCalibration(database, {
        measureSeconds,
        warmupSeconds,
        log: (message) => log(`calibration (${label}): ${message}`),
      });

    const firstCalibration = await calibrate('first');
    const context = { database, machine, isQuick: options.isQuick, measureSeconds, warmupSeconds };
    const benchmarkRuns: BenchmarkRun[] = [];
    for (const benchmark of benchmarks) {
      const ctx: BenchContext = {
        ...context,
        calibration: firstCalibration.baselines,
        log: (message) => log(`${benchmark.name}: ${message}`),
      };
      benchmarkRuns.push(await runOneBenchmark(benchmark, ctx));
    }
    const lastCalibration = await calibrate('last');

    const report = buildRunReport({
      startedAt,
      finishedAt: new Date(),
      options: { isQuick: options.isQuick, only: options.only ?? null, measureSeconds },
      machine,
      firstCalibration,
      lastCalibration,
      benchmarkRuns,
    });
    console.log(formatRunReport(report));
    console.log(`\nResults written to ${await writeResultsFile(report)}`);
    return exitCodeFor(report, options);
  } finally {
    process.off('SIGINT', onInterrupt);
    await opened.close();
  }
}

function selectBenchmarks(
  benchmarks: readonly Benchmark[],
  only: string | undefined,
): readonly Benchmark[] {
  if (only === undefined) return benchmarks;
  if (only === 'calibration') return [];
  const selected = benchmarks.filter((benchmark) => benchmark.name === only);
  if (selected.length === 0) {
    const known = ['calibration', ...benchmarks.map((benchmark) => benchmark.name)].join(', ');
    throw new UsageError(`no benchmark is named "${only}"; known: ${known}`);
  }
  return selected;
}

/** A crashing benchmark is recorded and the run goes on, so the last calibration still happens. */
async function runOneBenchmark(benchmark: Benchmark, ctx: BenchContext): Promise<BenchmarkRun> {
  const startedNs = process.hrtime.bigint();
  const seconds = (): number => Number(process.hrtime.bigint() - startedNs) / 1e9;
  ctx.log('started');
  try {
    const result = await benchmark.run(ctx);
    return { name: benchmark.name, status: 'completed', seconds: seconds(), result };
  } catch (error) {
    ctx.log(`crashed: ${describeError(error)}`);
    return {
      name: benchmark.name,
      status: 'crashed',
      seconds: seconds(),
      error: describeError(error),
    };
  }
}

function exitCodeFor(report: RunReport, options: CliOptions): number {
  const verdict = judgeRun(report);
  for (const problem of verdict.problems) {
    console.error(`bench: ${problem.split('\n')[0] ?? problem}`);
  }
  if (!options.isGate) return verdict.problems.length > 0 ? 1 : 0;
  for (const missed of verdict.missedTargets) console.error(`bench: target missed: ${missed}`);
  return verdict.problems.length > 0 || verdict.missedTargets.length > 0 ? 1 : 0;
}

/** Progress goes to stderr, so stdout holds only the report. */
function createLog(startedAt: Date): (message: string) => void {
  return (message) => {
    const elapsedSeconds = (Date.now() - startedAt.getTime()) / 1000;
    console.error(`[${elapsedSeconds.toFixed(1).padStart(6)} s] ${message}`);
  };
}

function describeError(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

let isSettled = false;
// An event loop that drains before main settles means a promise waits forever (for example a
// second PGlite session requested while the first is held); without this the run would end as 0.
process.once('beforeExit', () => {
  if (isSettled) return;
  console.error('bench: stalled: the event loop drained before the run finished');
  process.exitCode = 1;
});
main().then(
  (exitCode) => {
    isSettled = true;
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    isSettled = true;
    console.error(`bench: ${describeError(error)}`);
    process.exitCode = 1;
  },
);
