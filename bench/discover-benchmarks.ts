/**
 * Finds the benchmark modules: every `bench/benchmarks/*.ts` (not `*.test.ts`, not `*.d.ts`) that
 * exports `name` and `run(ctx)`, either as named exports or as its default export.
 */
import { readdir } from 'node:fs/promises';
import type { Benchmark } from './harness.js';

export const BENCHMARKS_DIRECTORY = new URL('./benchmarks/', import.meta.url);

export async function discoverBenchmarks(
  directory: URL = BENCHMARKS_DIRECTORY,
): Promise<Benchmark[]> {
  const fileNames = await listBenchmarkFiles(directory);
  const benchmarks: Benchmark[] = [];
  for (const fileName of fileNames) {
    const exported: unknown = await import(new URL(fileName, directory).href);
    const benchmark =
      asBenchmark(exported) ?? asBenchmark((exported as { default?: unknown }).default);
    if (benchmark === undefined) {
      throw new Error(
        `bench/benchmarks/${fileName} must export name: string and run(ctx): Promise<BenchResult>`,
      );
    }
    if (benchmarks.some((known) => known.name === benchmark.name)) {
      throw new Error(`two benchmark modules are named "${benchmark.name}"`);
    }
    benchmarks.push(benchmark);
  }
  return benchmarks;
}

async function listBenchmarkFiles(directory: URL): Promise<string[]> {
  try {
    const fileNames = await readdir(directory);
    return fileNames
      .filter(
        (fileName) =>
          fileName.endsWith('.ts') && !fileName.endsWith('.d.ts') && !fileName.endsWith('.test.ts'),
      )
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function asBenchmark(candidate: unknown): Benchmark | undefined {
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const { name, run } = candidate as { name?: unknown; run?: unknown };
  if (typeof name !== 'string' || name === '' || typeof run !== 'function') return undefined;
  const runBenchmark = run as Benchmark['run'];
  return { name, run: (ctx) => runBenchmark.call(candidate, ctx) };
}
