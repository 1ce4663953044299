import type { Database } from './database.js';

/**
 * Refreshes the planner's statistics. PGlite runs as a standalone backend without autovacuum, so
 * without this its plans degrade as the journal grows (the ledger benchmark measured a 50 ms post
 * against 9 ms after ANALYZE); PostgreSQL's autovacuum does it by itself, an extra run is cheap.
 */
export async function refreshPlannerStatistics(db: Database): Promise<void> {
  await db.admin.exec('analyze');
}
