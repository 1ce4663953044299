import type { Database } from '../../src/platform/db/database.js';
import { connectPostgres } from '../../src/platform/db/connect-postgres.js';
import { testPostgresSettings } from './settings.js';

/**
 * Works around a crash when a PostgreSQL test database is dropped (see the report that came with
 * this file): connect-postgres.ts attaches no 'error' listener to its pg.Pool, and pg-pool's
 * end() resolves before its idle clients' sockets have closed. `drop database … with (force)`
 * right after close() then terminates those backends, the idle client errors, the pool
 * re-emits the error with nobody listening, and Node reports an uncaught exception.
 *
 * This makes `db.close()` (which every harness drop() calls first) also wait until PostgreSQL
 * shows no session left on the database, so the forced drop has nobody to terminate. On PGlite
 * it changes nothing. Remove it once the pools have an error listener.
 */
export async function closingGracefully<T extends { db: Database }>(database: T): Promise<T> {
  const { db } = database;
  if (db.kind !== 'postgres') return database;
  const rows = await db.admin.query<{ name: string }>('select current_database() as name');
  const name = rows[0]?.name;
  if (!name) throw new Error('PostgreSQL did not name the current database');
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    await waitUntilNoSessions(name);
  };
  return database;
}

async function waitUntilNoSessions(databaseName: string) {
  const { adminUrl } = testPostgresSettings();
  const server = connectPostgres(adminUrl, adminUrl, 1);
  try {
    for (let attempt = 0; attempt < 250; attempt++) {
      const rows = await server.admin.query<{ sessions: number }>(
        'select count(*)::int as sessions from pg_stat_activity where datname = $1',
        [databaseName],
      );
      if ((rows[0]?.sessions ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`sessions on ${databaseName} did not end within 5 s of closing its pools`);
  } finally {
    await server.close();
  }
}
