/** Writes a run report to `.bench-results/<timestamp>.json` at the repository root (git-ignored). */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RunReport } from './run-report.js';

const RESULTS_DIRECTORY = new URL('../.bench-results/', import.meta.url);

export async function writeResultsFile(report: RunReport): Promise<string> {
  await mkdir(RESULTS_DIRECTORY, { recursive: true });
  const fileName = `${report.startedAt.replace(/[:.]/g, '-')}.json`;
  const path = fileURLToPath(new URL(fileName, RESULTS_DIRECTORY));
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  return path;
}
