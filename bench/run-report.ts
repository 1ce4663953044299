/**
 * The record of one `npm run bench`: machine facts, both calibrations and their drift, and each
 * benchmark with its ratios against the first and the last calibration. Written as JSON and
 * printed as tables.
 */
import {
  judgeRatio,
  type BaselineName,
  type BenchResult,
  type CalibrationBaselines,
  type MachineFacts,
  type Ratio,
  type RatioVerdict,
} from './harness.js';
import type { CalibrationRun } from './calibration.js';

/** Beyond this, first and last calibration disagree enough to distrust the ratios in between. */
export const DRIFT_WARNING_PERCENT = 10;

export interface BaselineDrift {
  readonly baseline: BaselineName;
  readonly first: number;
  readonly last: number;
  /** (last − first) ÷ first × 100. */
  readonly driftPercent: number;
}

export interface JudgedRatio extends Ratio {
  readonly name: string;
  readonly valueAgainstLast: number;
  readonly verdict: RatioVerdict;
  readonly verdictAgainstLast: RatioVerdict;
}

export type BenchmarkRun =
  | {
      readonly name: string;
      readonly status: 'completed';
      readonly seconds: number;
      readonly result: BenchResult;
    }
  | {
      readonly name: string;
      readonly status: 'crashed';
      readonly seconds: number;
      readonly error: string;
    };

export interface BenchmarkReport {
  readonly name: string;
  readonly status: 'completed' | 'crashed';
  readonly seconds: number;
  readonly result?: BenchResult;
  readonly judgedRatios?: readonly JudgedRatio[];
  readonly error?: string;
}

export interface RunReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly options: {
    readonly isQuick: boolean;
    readonly only: string | null;
    readonly measureSeconds: number;
  };
  readonly machine: MachineFacts;
  readonly calibration: {
    readonly first: CalibrationRun;
    readonly last: CalibrationRun;
    readonly drift: readonly BaselineDrift[];
  };
  readonly benchmarks: readonly BenchmarkReport[];
}

export interface RunReportInput {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly options: RunReport['options'];
  readonly machine: MachineFacts;
  readonly firstCalibration: CalibrationRun;
  readonly lastCalibration: CalibrationRun;
  readonly benchmarkRuns: readonly BenchmarkRun[];
}

export function buildRunReport(input: RunReportInput): RunReport {
  return {
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    options: input.options,
    machine: input.machine,
    calibration: {
      first: input.firstCalibration,
      last: input.lastCalibration,
      drift: computeDrift(input.firstCalibration.baselines, input.lastCalibration.baselines),
    },
    benchmarks: input.benchmarkRuns.map((run) =>
      reportBenchmark(run, input.lastCalibration.baselines),
    ),
  };
}

function computeDrift(first: CalibrationBaselines, last: CalibrationBaselines): BaselineDrift[] {
  return (Object.keys(first) as BaselineName[]).map((baseline) => ({
    baseline,
    first: first[baseline],
    last: last[baseline],
    driftPercent: ((last[baseline] - first[baseline]) / first[baseline]) * 100,
  }));
}

function reportBenchmark(run: BenchmarkRun, lastBaselines: CalibrationBaselines): BenchmarkReport {
  if (run.status === 'crashed') return run;
  const judgedRatios = Object.entries(run.result.ratios).map(([name, ratio]) => {
    const figureValue = run.result.figures[ratio.figure]?.value ?? Number.NaN;
    const valueAgainstLast = figureValue / lastBaselines[ratio.baseline];
    return {
      ...ratio,
      name,
      valueAgainstLast,
      verdict: judgeRatio(ratio.value, ratio.target),
      verdictAgainstLast: judgeRatio(valueAgainstLast, ratio.target),
    };
  });
  return { ...run, judgedRatios };
}

export interface RunVerdict {
  readonly problems: readonly string[];
  readonly missedTargets: readonly string[];
}

/** Crashes and failed correctness checks are always problems; missed targets gate only with --gate. */
export function judgeRun(report: RunReport): RunVerdict {
  const problems: string[] = [];
  const missedTargets: string[] = [];
  for (const [label, calibration] of [
    ['first', report.calibration.first],
    ['last', report.calibration.last],
  ] as const) {
    if (calibration.correctness?.isCorrect === false)
      problems.push(`calibration (${label}) failed a correctness check`);
  }
  for (const benchmark of report.benchmarks) {
    if (benchmark.status === 'crashed')
      problems.push(`${benchmark.name} crashed: ${benchmark.error ?? ''}`);
    if (benchmark.result?.correctness?.isCorrect === false)
      problems.push(`${benchmark.name} failed a correctness check`);
    for (const ratio of benchmark.judgedRatios ?? []) {
      if (ratio.verdict === 'missed') missedTargets.push(`${benchmark.name}: ${ratio.name}`);
    }
  }
  return { problems, missedTargets };
}
