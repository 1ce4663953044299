import type { Config } from './platform/config.js';
import { connectDatabase } from './platform/db/connect.js';
import { withSystem, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { refreshPlannerStatistics } from './platform/db/planner-statistics.js';
import { seedRegions } from './modules/cooperatives/index.js';

/** Applies migrations, then upserts reference data kept in code (regions). */
export async function prepareDatabase(db: Database): Promise<{ applied: string[]; last: string }> {
  const result = await migrate(db);
  await withSystem(db, 'reference data after migrate', (tx) => seedRegions({ tx }));
  await refreshPlannerStatistics(db);
  return result;
}

export async function openDatabase(config: Config) {
  const db = await connectDatabase(config);
  const migration = await prepareDatabase(db);
  return { db, migration };
}

export async function isEmptyPlatform(db: Database): Promise<boolean> {
  const rows = await db.admin.query<{ count: number }>(
    'select count(*)::int as count from cooperatives',
  );
  return (rows[0]?.count ?? 0) === 0;
}
