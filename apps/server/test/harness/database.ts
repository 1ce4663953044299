import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connectPglite } from '../../src/platform/db/connect-pglite.js';
import { connectPostgres } from '../../src/platform/db/connect-postgres.js';
import type { Database } from '../../src/platform/db/database.js';
import { testDatabaseKind, testPostgresSettings } from './settings.js';

export interface TestDatabase {
  db: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file (PGlite in memory, or a PostgreSQL copy). */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'postgres') {
    const settings = testPostgresSettings();
    const name = `lumbung_test_${randomBytes(6).toString('hex')}`;
    const server = connectPostgres(settings.adminUrl, settings.adminUrl, 1);
    await server.admin.exec(`create database ${name} template ${inject('postgresTemplate')}`);
    const db = connectPostgres(
      settings.databaseUrl(name, settings.appLogin),
      settings.databaseUrl(name),
    );
    return {
      db,
      async drop() {
        await db.close();
        await server.admin.exec(`drop database if exists ${name} with (force)`);
        await server.close();
      },
    };
  }
  const snapshot = new Blob([fs.readFileSync(inject('pgliteSnapshotPath'))]);
  const db = await connectPglite(null, snapshot);
  return { db, drop: () => db.close() };
}
