/**
 * B0 probe 2: batched appends, rows per second. Each batch is one `INSERT … SELECT unnest(…)` of
 * 1,000 journal-line-shaped rows (entry id, account id, signed amount; indexed on account id), one
 * commit per batch, from a single session: the append ceiling a single writer can reach without
 * COPY (COPY is deliberately not measured here).
 */
import {
  checkEqual,
  withConnection,
  type BenchDatabase,
  type CorrectnessCheck,
  type Figure,
} from '../harness.js';
import type { SeededRandom } from '../random.js';
import { runTimedLoop } from '../timed-loop.js';
import * as calibrationSql from '../calibration.sql.js';
import type { ProbeSettings } from './probe-settings.js';

const ROWS_PER_BATCH = 1_000;
const ACCOUNT_COUNT = 10_000;
const MAX_AMOUNT = 100_000;
const MAX_BATCHES = 5_000;

export interface UnnestProbeOutcome {
  readonly rowsPerSecond: number;
  readonly figures: Record<string, Figure>;
  readonly checks: readonly CorrectnessCheck[];
}

interface LineBatch {
  readonly entryIds: bigint[];
  readonly accountIds: bigint[];
  readonly amounts: bigint[];
}

export async function measureUnnestInserts(
  database: BenchDatabase,
  random: SeededRandom,
  settings: ProbeSettings,
): Promise<UnnestProbeOutcome> {
  return withConnection(database, async (connection) => {
    await connection.query(calibrationSql.createLinesTableSql);
    await connection.query(calibrationSql.createLinesAccountIndexSql);
    let nextEntryId = 1n;
    const iterate = async (): Promise<void> => {
      const batch = makeBalancedLineBatch(nextEntryId, random);
      nextEntryId += BigInt(ROWS_PER_BATCH / 2);
      await connection.query(calibrationSql.insertLinesSql, [
        batch.entryIds,
        batch.accountIds,
        batch.amounts,
      ]);
    };
    settings.log(
      `unnest inserts: 1 session, ${ROWS_PER_BATCH}-row batches, warm-up ${settings.warmupSeconds} s`,
    );
    const warmup = await runTimedLoop({
      workers: [connection],
      seconds: settings.warmupSeconds,
      maxIterations: MAX_BATCHES,
      iterate,
    });
    settings.log(`unnest inserts: measuring ${settings.measureSeconds} s`);
    const measured = await runTimedLoop({
      workers: [connection],
      seconds: settings.measureSeconds,
      maxIterations: MAX_BATCHES,
      iterate,
    });

    const [summary] = await connection.query<{ count: string; total: string }>(
      calibrationSql.summarizeLinesSql,
    );
    const expectedRows = BigInt((warmup.iterations + measured.iterations) * ROWS_PER_BATCH);
    const rowsPerSecond = measured.iterationsPerSecond * ROWS_PER_BATCH;
    return {
      rowsPerSecond,
      figures: {
        unnestRowsPerSecond: { value: rowsPerSecond, unit: 'rows/s' },
        unnestBatchCount: { value: measured.iterations, unit: 'count' },
        unnestSeconds: { value: measured.elapsedSeconds, unit: 's' },
        unnestBatchP50Ms: { value: measured.latencyMs.p50, unit: 'ms' },
        unnestBatchP99Ms: { value: measured.latencyMs.p99, unit: 'ms' },
      },
      checks: [
        checkEqual(
          'every committed line is stored once',
          BigInt(summary?.count ?? -1),
          expectedRows,
        ),
        checkEqual('the lines balance to zero', BigInt(summary?.total ?? -1), 0n),
      ],
    };
  });
}

/** Half as many entries as rows: each entry debits one account and credits another. */
function makeBalancedLineBatch(firstEntryId: bigint, random: SeededRandom): LineBatch {
  const batch: LineBatch = { entryIds: [], accountIds: [], amounts: [] };
  for (let entryIndex = 0; entryIndex < ROWS_PER_BATCH / 2; entryIndex++) {
    const entryId = firstEntryId + BigInt(entryIndex);
    const amount = BigInt(1 + random.nextInt(MAX_AMOUNT));
    batch.entryIds.push(entryId, entryId);
    batch.accountIds.push(
      BigInt(1 + random.nextInt(ACCOUNT_COUNT)),
      BigInt(1 + random.nextInt(ACCOUNT_COUNT)),
    );
    batch.amounts.push(-amount, amount);
  }
  return batch;
}
