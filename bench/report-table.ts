/** Renders a run report as plain-text tables for the terminal. */
import type { CorrectnessOutcome, Figure, RatioTarget } from './harness.js';
import { DRIFT_WARNING_PERCENT, type BenchmarkReport, type RunReport } from './run-report.js';

export function formatRunReport(report: RunReport): string {
  return [
    formatHeader(report),
    formatCalibration(report),
    ...report.benchmarks.map(formatBenchmark),
  ].join('\n\n');
}

function formatHeader(report: RunReport): string {
  const { machine } = report;
  const fdatasync = machine.fdatasync;
  return [
    `Lumbung benchmarks — started ${report.startedAt}${report.options.isQuick ? ' (--quick: smoke run, not for comparison)' : ''}`,
    `Machine   ${machine.cpuModel}, ${machine.coreCount} cores, ${machine.totalMemoryGiB} GiB, ${machine.operatingSystem}, Node ${machine.nodeVersion}`,
    `Database  ${machine.databaseLabel}, version ${machine.databaseVersion}; durability: ${machine.durability}`,
    `fdatasync median ${formatNumber(fdatasync.medianMicros)} µs, p99 ${formatNumber(fdatasync.p99Micros)} µs ` +
      `(${fdatasync.iterations} × ${fdatasync.blockBytes / 1024} KiB write+fdatasync in ${fdatasync.directory}, ${fdatasync.fileSystem})`,
  ].join('\n');
}

function formatCalibration(report: RunReport): string {
  const { first, last, drift } = report.calibration;
  const rows = drift.map((entry) => [
    entry.baseline,
    formatNumber(entry.first),
    formatNumber(entry.last),
    `${entry.driftPercent >= 0 ? '+' : ''}${entry.driftPercent.toFixed(1)} %`,
    Math.abs(entry.driftPercent) > DRIFT_WARNING_PERCENT ? 'unsteady' : '',
  ]);
  const details = Object.entries(first.figures)
    .filter(([name]) => !(name in first.baselines))
    .map(([name, figure]) => [name, formatFigure(figure), formatFigure(last.figures[name])]);
  return [
    'B0 calibration (baselines: first and last in this run)',
    formatTable(['baseline', 'first', 'last', 'drift', ''], rows),
    formatTable(['detail', 'first', 'last'], details),
    formatCorrectness('first', first.correctness),
    formatCorrectness('last', last.correctness),
  ].join('\n');
}

function formatBenchmark(benchmark: BenchmarkReport): string {
  const title = `${benchmark.name} (${benchmark.seconds.toFixed(1)} s)`;
  if (benchmark.result === undefined)
    return `${title}\n  CRASHED: ${firstLine(benchmark.error ?? 'unknown error')}`;
  const figures = Object.entries(benchmark.result.figures).map(([name, figure]) => [
    name,
    formatFigure(figure),
  ]);
  const ratios = (benchmark.judgedRatios ?? []).map((ratio) => [
    ratio.name,
    `${ratio.figure} ÷ ${ratio.baseline}`,
    ratio.value.toFixed(3),
    ratio.valueAgainstLast.toFixed(3),
    formatTarget(ratio.target),
    ratio.verdict,
  ]);
  return [
    title,
    formatTable(['figure', 'value'], figures),
    ratios.length === 0
      ? ''
      : formatTable(['ratio', 'formed as', 'vs first', 'vs last', 'target', 'verdict'], ratios),
    formatCorrectness('', benchmark.result.correctness),
    ...(benchmark.result.notes ?? []).map((note) => `  note: ${note}`),
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function formatCorrectness(label: string, correctness: CorrectnessOutcome | undefined): string {
  if (correctness === undefined) return '  correctness: not checked';
  const prefix = label === '' ? '  correctness' : `  correctness (${label})`;
  const failed = correctness.checks.filter((check) => !check.isPassed);
  if (failed.length === 0) return `${prefix}: all ${correctness.checks.length} checks passed`;
  return [
    `${prefix}: FAILED`,
    ...failed.map((check) => `    ✗ ${check.name}: ${check.detail}`),
  ].join('\n');
}

function formatTarget(target: RatioTarget | undefined): string {
  if (target === undefined) return '';
  if ('atLeast' in target)
    return `≥ ${target.atLeast}${target.greatAtLeast === undefined ? '' : ` (great ≥ ${target.greatAtLeast})`}`;
  return `≤ ${target.atMost}${target.greatAtMost === undefined ? '' : ` (great ≤ ${target.greatAtMost})`}`;
}

function formatFigure(figure: Figure | undefined): string {
  return figure === undefined ? '' : `${formatNumber(figure.value)} ${figure.unit}`;
}

/** Thousands separators; whole numbers as they are, else two decimals below 10, one below 1,000. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const decimals = Number.isInteger(value)
    ? 0
    : Math.abs(value) < 10
      ? 2
      : Math.abs(value) < 1_000
        ? 1
        : 0;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const formatRow = (cells: readonly string[]): string =>
    `  ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')}`.trimEnd();
  return [
    formatRow(headers),
    formatRow(widths.map((width) => '-'.repeat(width))),
    ...rows.map(formatRow),
  ].join('\n');
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
