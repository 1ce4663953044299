/**
 * B0 calibration: the in-run baselines every benchmark ratio divides by. It runs first and last in
 * each run; the drift between the two says how steady the machine was in between.
 *
 * 1. plain-SQL transfer transactions per second (16 clients on PostgreSQL, 1 on PGlite);
 * 2. `INSERT … SELECT unnest` rows per second, 1,000-row batches, one commit each;
 * 3. Fastify hello-world requests per second and p99, autocannon -c 100 with -p 1 and -p 10.
 *
 * Its tables live in the schema `bench_calibration`, dropped again before it returns.
 */
import {
  correctnessOf,
  withConnection,
  type BenchDatabase,
  type BenchResult,
  type CalibrationBaselines,
} from './harness.js';
import { createSeededRandom } from './random.js';
import * as calibrationSql from './calibration.sql.js';
import { measurePlainSqlTransfers } from './probes/plain-sql-transfers.js';
import { measureUnnestInserts } from './probes/unnest-inserts.js';
import { measureFastifyHello } from './probes/fastify-hello.js';
import type { ProbeSettings } from './probes/probe-settings.js';

/** Same seed every run, so first and last calibration offer the same workload. */
const WORKLOAD_SEED = 20_240_601;

export interface CalibrationRun extends BenchResult {
  readonly baselines: CalibrationBaselines;
}

export async function runCalibration(
  database: BenchDatabase,
  settings: ProbeSettings,
): Promise<CalibrationRun> {
  const random = createSeededRandom(WORKLOAD_SEED);
  const { transfers, unnest } = await withCalibrationSchema(database, async () => ({
    transfers: await measurePlainSqlTransfers(database, random, settings),
    unnest: await measureUnnestInserts(database, random, settings),
  }));
  const hello = await measureFastifyHello(settings);
  return {
    baselines: {
      transfersPerSecond: transfers.transfersPerSecond,
      unnestRowsPerSecond: unnest.rowsPerSecond,
      helloRequestsPerSecond: hello.requestsPerSecond,
      helloP99Ms: hello.p99Ms,
      helloPipelinedRequestsPerSecond: hello.pipelinedRequestsPerSecond,
      helloPipelinedP99Ms: hello.pipelinedP99Ms,
    },
    figures: { ...transfers.figures, ...unnest.figures, ...hello.figures },
    ratios: {},
    correctness: correctnessOf([...transfers.checks, ...unnest.checks, ...hello.checks]),
    notes: ['unnest rows/s is COPY-free: COPY is not measured'],
  };
}

/** A fresh `bench_calibration` schema for `work`, dropped afterwards even when `work` fails. */
async function withCalibrationSchema<Value>(
  database: BenchDatabase,
  work: () => Promise<Value>,
): Promise<Value> {
  await withConnection(database, async (connection) => {
    await connection.query(calibrationSql.dropSchemaSql);
    await connection.query(calibrationSql.createSchemaSql);
  });
  try {
    return await work();
  } finally {
    await withConnection(database, (connection) => connection.query(calibrationSql.dropSchemaSql));
  }
}
