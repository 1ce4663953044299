/**
 * Opens the database the benchmarks run on: PostgreSQL when `DATABASE_URL` is set, otherwise a
 * fresh PGlite in a temporary directory (or in memory with `--pglite-in-memory`).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { BenchDatabase, SqlConnection } from './harness.js';

/** Enough for 64 concurrent producers (B1) and the 16 calibration clients. */
const POSTGRES_POOL_SIZE = 64;

export interface OpenedDatabase {
  readonly database: BenchDatabase;
  close(): Promise<void>;
  /** Best-effort synchronous cleanup for an interrupted run that exits right after. */
  abandon(): void;
}

export interface DatabaseChoice {
  readonly databaseUrl: string | undefined;
  readonly isPgliteInMemory: boolean;
}

export async function openBenchDatabase(choice: DatabaseChoice): Promise<OpenedDatabase> {
  if (choice.databaseUrl !== undefined && choice.databaseUrl !== '') {
    return openPostgres(choice.databaseUrl);
  }
  return choice.isPgliteInMemory ? openPglite(undefined) : openPglite(await makePgliteDirectory());
}

function openPostgres(databaseUrl: string): OpenedDatabase {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: POSTGRES_POOL_SIZE,
    application_name: 'lumbung-bench',
  });
  pool.on('error', (error) =>
    console.error(`bench: idle PostgreSQL client failed: ${error.message}`),
  );
  const database: BenchDatabase = {
    kind: 'postgres',
    label: `PostgreSQL ${describePostgresUrl(databaseUrl)}`,
    maxConnections: POSTGRES_POOL_SIZE,
    async connect() {
      const client = await pool.connect();
      return guardRelease({
        query: async <Row>(text: string, params?: readonly unknown[]) =>
          (await client.query(text, params === undefined ? undefined : [...params])).rows as Row[],
        release: () => client.release(),
      });
    },
  };
  // Sessions die with the process; the next calibration drops a leftover schema before it starts.
  return { database, close: () => pool.end(), abandon: () => {} };
}

/** host:port/database only; user and password stay out of reports. */
function describePostgresUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port === '' ? '5432' : url.port}${url.pathname}`;
  } catch {
    return '(DATABASE_URL is not a URL; connection string not shown)';
  }
}

async function makePgliteDirectory(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'lumbung-bench-pglite-'));
}

async function openPglite(dataDirectory: string | undefined): Promise<OpenedDatabase> {
  const pglite = await PGlite.create(dataDirectory ?? 'memory://');
  const gate = createSingleHolderGate();
  const database: BenchDatabase = {
    kind: 'pglite',
    label: dataDirectory === undefined ? 'PGlite in memory' : `PGlite in ${dataDirectory}`,
    maxConnections: 1,
    async connect() {
      const releaseGate = await gate.acquire();
      return guardRelease({
        query: async <Row>(text: string, params?: readonly unknown[]) =>
          (await pglite.query<Row>(text, params === undefined ? undefined : [...params])).rows,
        release: releaseGate,
      });
    },
  };
  return {
    database,
    async close() {
      await pglite.close();
      if (dataDirectory !== undefined) await rm(dataDirectory, { recursive: true, force: true });
    },
    abandon() {
      if (dataDirectory !== undefined) rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

/**
 * PGlite has one session. Interleaving two holders' statements would mix their transactions, so
 * `acquire` waits until the previous holder has released.
 */
function createSingleHolderGate(): { acquire(): Promise<() => void> } {
  let previousHolderDone: Promise<void> = Promise.resolve();
  return {
    async acquire() {
      let release: () => void = () => {};
      const done = new Promise<void>((resolve) => (release = resolve));
      const waitFor = previousHolderDone;
      previousHolderDone = waitFor.then(() => done);
      await waitFor;
      return release;
    },
  };
}

/** Turns a second release or a query after release into a crash instead of a silent mix-up. */
function guardRelease(connection: SqlConnection): SqlConnection {
  let isReleased = false;
  return {
    query(text, params) {
      assert(!isReleased, 'a connection is not used after it was released');
      return connection.query(text, params);
    },
    release() {
      assert(!isReleased, 'a connection is released exactly once');
      isReleased = true;
      connection.release();
    },
  };
}
