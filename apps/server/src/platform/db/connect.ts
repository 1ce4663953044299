import path from 'node:path';
import type { Config } from '../config.js';
import { connectPglite } from './connect-pglite.js';
import { connectPostgres } from './connect-postgres.js';
import type { Database } from './database.js';

/** PGlite in `<dataDir>/pglite` unless DATABASE_URL names a PostgreSQL server. */
export async function connectDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    return connectPostgres(config.databaseUrl, config.databaseAdminUrl ?? config.databaseUrl);
  }
  return connectPglite(path.join(config.dataDir, 'pglite'));
}
