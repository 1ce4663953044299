/**
 * The contract between the benchmark runner (`run.ts`) and each benchmark module in
 * `bench/benchmarks/*.ts`. A benchmark module exports `name` and `run(ctx)`; it reports raw figures
 * and ratios against the calibration (B0) measured earlier in the same run, never absolute
 * pass/fail timings.
 */
import assert from 'node:assert/strict';

export type DatabaseKind = 'postgres' | 'pglite';

/** One database session. On PGlite there is exactly one, handed out to one holder at a time. */
export interface SqlConnection {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Gives the session back. Call it exactly once, after any open transaction has ended. */
  release(): void;
}

export interface BenchDatabase {
  readonly kind: DatabaseKind;
  /** Where the data lives, without secrets: "PostgreSQL 127.0.0.1:5432/test", "PGlite in /tmp/…". */
  readonly label: string;
  /** How many sessions may be held at once: the pool size on PostgreSQL, 1 on PGlite. */
  readonly maxConnections: number;
  /** Waits for a free session. Never hold more than `maxConnections` at once, or this waits forever. */
  connect(): Promise<SqlConnection>;
}

export interface FdatasyncLatency {
  readonly medianMicros: number;
  readonly p99Micros: number;
  readonly iterations: number;
  readonly blockBytes: number;
  readonly directory: string;
  readonly fileSystem: string;
}

export interface MachineFacts {
  readonly cpuModel: string;
  readonly coreCount: number;
  readonly totalMemoryGiB: number;
  readonly operatingSystem: string;
  readonly nodeVersion: string;
  readonly databaseKind: DatabaseKind;
  readonly databaseLabel: string;
  readonly databaseVersion: string;
  /** `synchronous_commit=…, fsync=…` on PostgreSQL; "no fsync (PGlite on Node)" on PGlite. */
  readonly durability: string;
  readonly fdatasync: FdatasyncLatency;
}

/** The denominators every ratio is formed against (performance.md §7, B0). */
export interface CalibrationBaselines {
  /** Plain-SQL transfer transactions per second (2 UPDATEs + 1 INSERT per commit). */
  readonly transfersPerSecond: number;
  /** Journal-line-shaped rows per second via `INSERT … SELECT unnest`, 1,000-row batches. */
  readonly unnestRowsPerSecond: number;
  /** Fastify hello-world requests per second, autocannon -c 100 -p 1. */
  readonly helloRequestsPerSecond: number;
  readonly helloP99Ms: number;
  /** Fastify hello-world requests per second, autocannon -c 100 -p 10. */
  readonly helloPipelinedRequestsPerSecond: number;
  readonly helloPipelinedP99Ms: number;
}

export type BaselineName = keyof CalibrationBaselines;

export interface Figure {
  readonly value: number;
  /** Unit with its qualifier: "transfers/s", "rows/s", "req/s", "ms", "µs", "count", "s". */
  readonly unit: string;
}

/** Higher is better (`atLeast`) or lower is better (`atMost`); `great*` marks the stretch goal. */
export type RatioTarget =
  | { readonly atLeast: number; readonly greatAtLeast?: number }
  | { readonly atMost: number; readonly greatAtMost?: number };

export interface Ratio {
  /** Name of the figure in the same result that forms the numerator. */
  readonly figure: string;
  readonly baseline: BaselineName;
  /** figure ÷ baseline of the first calibration; the runner adds the value against the last one. */
  readonly value: number;
  readonly target?: RatioTarget;
}

export interface CorrectnessCheck {
  readonly name: string;
  readonly isPassed: boolean;
  readonly detail: string;
}

export interface CorrectnessOutcome {
  readonly isCorrect: boolean;
  readonly checks: readonly CorrectnessCheck[];
}

export interface BenchResult {
  readonly figures: Readonly<Record<string, Figure>>;
  readonly ratios: Readonly<Record<string, Ratio>>;
  /** A fast result that fails its correctness checks is a failed benchmark. */
  readonly correctness?: CorrectnessOutcome;
  readonly notes?: readonly string[];
}

export interface BenchContext {
  readonly database: BenchDatabase;
  /** Baselines of the calibration run before every benchmark. */
  readonly calibration: CalibrationBaselines;
  readonly machine: MachineFacts;
  /** `--quick`: a smoke run with shorter durations; its figures are not for comparison. */
  readonly isQuick: boolean;
  /** How long one closed-loop measurement should last (10 s, or 3 s with `--quick`). */
  readonly measureSeconds: number;
  readonly warmupSeconds: number;
  log(message: string): void;
}

export interface Benchmark {
  readonly name: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}

/** Forms `figures[figureName] ÷ baselines[baselineName]`, keeping both names for the report. */
export function ratioTo(
  figures: Readonly<Record<string, Figure>>,
  figureName: string,
  baselines: CalibrationBaselines,
  baselineName: BaselineName,
  target?: RatioTarget,
): Ratio {
  const figure = figures[figureName];
  assert(figure !== undefined, `the figure "${figureName}" is reported before a ratio uses it`);
  const baseline = baselines[baselineName];
  assert(baseline > 0, `the calibration baseline "${baselineName}" is positive`);
  const ratio = { figure: figureName, baseline: baselineName, value: figure.value / baseline };
  return target === undefined ? ratio : { ...ratio, target };
}

export type RatioVerdict = 'great' | 'met' | 'missed' | 'no target';

export function judgeRatio(value: number, target: RatioTarget | undefined): RatioVerdict {
  if (target === undefined) return 'no target';
  if ('atLeast' in target) {
    if (target.greatAtLeast !== undefined && value >= target.greatAtLeast) return 'great';
    return value >= target.atLeast ? 'met' : 'missed';
  }
  if (target.greatAtMost !== undefined && value <= target.greatAtMost) return 'great';
  return value <= target.atMost ? 'met' : 'missed';
}

export function correctnessOf(checks: readonly CorrectnessCheck[]): CorrectnessOutcome {
  return { isCorrect: checks.every((check) => check.isPassed), checks };
}

/** A check that two exact values (counts, rupiah sums) are equal. */
export function checkEqual(name: string, actual: bigint, expected: bigint): CorrectnessCheck {
  return { name, isPassed: actual === expected, detail: `expected ${expected}, got ${actual}` };
}

/** Holds one session for `work` and always gives it back. */
export async function withConnection<Value>(
  database: BenchDatabase,
  work: (connection: SqlConnection) => Promise<Value>,
): Promise<Value> {
  const connection = await database.connect();
  try {
    return await work(connection);
  } finally {
    connection.release();
  }
}
