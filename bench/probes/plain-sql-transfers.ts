/**
 * B0 probe 1: plain-SQL transfer transactions per second. Each transaction is BEGIN; debit UPDATE;
 * credit UPDATE; INSERT of the transfer; COMMIT. Rows are locked in id order so concurrent clients
 * never deadlock. PostgreSQL runs 16 clients; PGlite, with one session, runs them one after another.
 */
import assert from 'node:assert/strict';
import {
  checkEqual,
  withConnection,
  type BenchDatabase,
  type CorrectnessCheck,
  type Figure,
  type SqlConnection,
} from '../harness.js';
import type { SeededRandom } from '../random.js';
import type { ProbeSettings } from './probe-settings.js';
import { runTimedLoop } from '../timed-loop.js';
import * as calibrationSql from '../calibration.sql.js';

const ACCOUNT_COUNT = 10_000;
const OPENING_BALANCE = 1_000_000_000n;
const MAX_AMOUNT = 100_000;
const CLIENT_COUNT = 16;
const MAX_TRANSFERS = 2_000_000;

export interface TransferProbeOutcome {
  readonly transfersPerSecond: number;
  readonly figures: Record<string, Figure>;
  readonly checks: readonly CorrectnessCheck[];
}

export async function measurePlainSqlTransfers(
  database: BenchDatabase,
  random: SeededRandom,
  settings: ProbeSettings,
): Promise<TransferProbeOutcome> {
  await withConnection(database, createAndOpenAccounts);
  const clientCount = Math.min(CLIENT_COUNT, database.maxConnections);
  const connections = await Promise.all(
    Array.from({ length: clientCount }, () => database.connect()),
  );
  try {
    const iterate = (connection: SqlConnection) => postRandomTransfer(connection, random);
    settings.log(
      `plain-SQL transfers: ${clientCount} client(s), warm-up ${settings.warmupSeconds} s`,
    );
    const warmup = await runTimedLoop({
      workers: connections,
      seconds: settings.warmupSeconds,
      maxIterations: MAX_TRANSFERS,
      iterate,
    });
    settings.log(`plain-SQL transfers: measuring ${settings.measureSeconds} s`);
    const measured = await runTimedLoop({
      workers: connections,
      seconds: settings.measureSeconds,
      maxIterations: MAX_TRANSFERS,
      iterate,
    });
    // Checked on a session already held: on PGlite asking for a second one would wait forever.
    const [checkingConnection] = connections;
    assert(checkingConnection !== undefined, 'the probe holds at least one session');
    const checks = await checkTransfers(
      checkingConnection,
      BigInt(warmup.iterations + measured.iterations),
    );
    return {
      transfersPerSecond: measured.iterationsPerSecond,
      figures: {
        transfersPerSecond: { value: measured.iterationsPerSecond, unit: 'transfers/s' },
        transferClients: { value: clientCount, unit: 'count' },
        transferCount: { value: measured.iterations, unit: 'count' },
        transferSeconds: { value: measured.elapsedSeconds, unit: 's' },
        transferP50Ms: { value: measured.latencyMs.p50, unit: 'ms' },
        transferP99Ms: { value: measured.latencyMs.p99, unit: 'ms' },
      },
      checks,
    };
  } finally {
    for (const connection of connections) connection.release();
  }
}

async function createAndOpenAccounts(connection: SqlConnection): Promise<void> {
  await connection.query(calibrationSql.createAccountsTableSql);
  await connection.query(calibrationSql.createTransfersTableSql);
  await connection.query(calibrationSql.openAccountsSql, [ACCOUNT_COUNT, OPENING_BALANCE]);
  await connection.query(calibrationSql.analyzeAccountsSql);
}

async function postRandomTransfer(connection: SqlConnection, random: SeededRandom): Promise<void> {
  const debitAccountId = 1 + random.nextInt(ACCOUNT_COUNT);
  const otherAccountId = 1 + random.nextInt(ACCOUNT_COUNT - 1);
  const creditAccountId = otherAccountId >= debitAccountId ? otherAccountId + 1 : otherAccountId;
  const amount = BigInt(1 + random.nextInt(MAX_AMOUNT));
  const debit = { sql: calibrationSql.debitAccountSql, accountId: debitAccountId };
  const credit = { sql: calibrationSql.creditAccountSql, accountId: creditAccountId };
  // Lower id first: every client takes row locks in the same order, so none can deadlock.
  const updatesInLockOrder = debitAccountId < creditAccountId ? [debit, credit] : [credit, debit];

  await connection.query('BEGIN');
  try {
    for (const update of updatesInLockOrder)
      await connection.query(update.sql, [update.accountId, amount]);
    await connection.query(calibrationSql.insertTransferSql, [
      debitAccountId,
      creditAccountId,
      amount,
    ]);
    await connection.query('COMMIT');
  } catch (error) {
    await connection.query('ROLLBACK');
    throw error;
  }
}

async function checkTransfers(
  connection: SqlConnection,
  expectedCount: bigint,
): Promise<CorrectnessCheck[]> {
  const [counted] = await connection.query<{ count: string }>(calibrationSql.countTransfersSql);
  const [summed] = await connection.query<{ total: string }>(calibrationSql.sumBalancesSql);
  const [unreconciled] = await connection.query<{ count: string }>(
    calibrationSql.countUnreconciledAccountsSql,
    [OPENING_BALANCE],
  );
  return [
    checkEqual(
      'every committed transfer is stored once',
      BigInt(counted?.count ?? -1),
      expectedCount,
    ),
    checkEqual(
      'transfers conserve the total balance',
      BigInt(summed?.total ?? -1),
      OPENING_BALANCE * BigInt(ACCOUNT_COUNT),
    ),
    checkEqual(
      'every balance equals opening balance plus its transfers',
      BigInt(unreconciled?.count ?? -1),
      0n,
    ),
  ];
}
