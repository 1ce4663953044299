import { randomBytes } from 'node:crypto';
import { connectPglite } from '../../src/platform/db/connect-pglite.js';
import { connectPostgres } from '../../src/platform/db/connect-postgres.js';
import type { TestDatabase } from './database.js';
import { closingGracefully } from './graceful-close.js';
import { testDatabaseKind, testPostgresSettings } from './settings.js';

/**
 * A fresh database with nothing in it, not even schema_migrations: for tests of migrate()
 * itself. PGlite in memory, or on PostgreSQL a new empty database that the admin role owns (so
 * migrations run as the schema owner, as in production).
 */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'postgres') {
    const settings = testPostgresSettings();
    const name = `lumbung_empty_${randomBytes(6).toString('hex')}`;
    const server = connectPostgres(settings.adminUrl, settings.adminUrl, 1);
    await server.admin.exec(`create database ${name}`);
    const url = settings.databaseUrl(name);
    const db = connectPostgres(url, url, 2);
    return closingGracefully({
      db,
      async drop() {
        await db.close();
        await server.admin.exec(`drop database if exists ${name} with (force)`);
        await server.close();
      },
    });
  }
  const db = await connectPglite(null);
  return { db, drop: () => db.close() };
}
