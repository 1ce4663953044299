/**
 * A closed loop bounded by both time and count: each worker repeats `iterate` until the deadline
 * passes or `maxIterations` have started across all workers. Throughput divides by the real elapsed
 * time, including the iterations still in flight at the deadline.
 */
import { summarizeLatencies, type LatencySummary } from './statistics.js';

export interface TimedLoopSettings<Worker> {
  /** One entry per concurrent worker, e.g. its database connection. */
  readonly workers: readonly Worker[];
  readonly seconds: number;
  readonly maxIterations: number;
  readonly iterate: (worker: Worker) => Promise<void>;
}

export interface TimedLoopOutcome {
  readonly iterations: number;
  readonly elapsedSeconds: number;
  readonly iterationsPerSecond: number;
  readonly isIterationCapReached: boolean;
  readonly latencyMs: LatencySummary;
}

export async function runTimedLoop<Worker>(
  settings: TimedLoopSettings<Worker>,
): Promise<TimedLoopOutcome> {
  const latenciesMs = new Float64Array(settings.maxIterations);
  const startedAtNs = process.hrtime.bigint();
  const deadlineNs = startedAtNs + BigInt(Math.round(settings.seconds * 1e9));
  let startedCount = 0;
  let completedCount = 0;
  let hasFailed = false;

  const runWorker = async (worker: Worker): Promise<void> => {
    while (
      !hasFailed &&
      startedCount < settings.maxIterations &&
      process.hrtime.bigint() < deadlineNs
    ) {
      const index = startedCount++;
      const iterationStartNs = process.hrtime.bigint();
      try {
        await settings.iterate(worker);
      } catch (error) {
        hasFailed = true;
        throw error;
      }
      latenciesMs[index] = Number(process.hrtime.bigint() - iterationStartNs) / 1e6;
      completedCount++;
    }
  };

  const settled = await Promise.allSettled(settings.workers.map(runWorker));
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure !== undefined) throw failure.reason;

  const elapsedSeconds = Number(process.hrtime.bigint() - startedAtNs) / 1e9;
  return {
    iterations: completedCount,
    elapsedSeconds,
    iterationsPerSecond: completedCount / elapsedSeconds,
    isIterationCapReached: startedCount >= settings.maxIterations,
    latencyMs: summarizeLatencies(latenciesMs.subarray(0, completedCount)),
  };
}
