import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminConnection, Database } from './database.js';

export const defaultMigrationsDir = fileURLToPath(new URL('../../../migrations', import.meta.url));

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string = defaultMigrationsDir): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

async function appliedMigrations(admin: AdminConnection) {
  await admin.exec(`create table if not exists schema_migrations (
    name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
  return admin.query<{ name: string; checksum: string }>(
    'select name, checksum from schema_migrations order by name',
  );
}

/**
 * Applies pending migrations in order, each in its own transaction. Forward-only: an applied
 * migration whose file changed stops the run, since the database no longer matches the code.
 * On PostgreSQL an advisory lock keeps two starting processes from migrating at once.
 */
export async function migrate(
  db: Database,
  dir?: string,
): Promise<{ applied: string[]; last: string }> {
  const files = readMigrations(dir);
  // One transaction on one connection: the advisory lock keeps two starting processes from
  // migrating at once, and a failing migration leaves the database as it was.
  return db.admin.transaction(async (admin) => {
    if (db.kind === 'postgres') await admin.query('select pg_advisory_xact_lock($1)', [4_242_001]);
    const applied = new Map(
      (await appliedMigrations(admin)).map((row) => [row.name, row.checksum]),
    );
    for (const [name, checksum] of applied) {
      const file = files.find((candidate) => candidate.name === name);
      if (!file) throw new Error(`migration ${name} is applied but its file is missing`);
      if (file.checksum !== checksum) {
        throw new Error(
          `migration ${name} changed after it was applied; add a new migration instead`,
        );
      }
    }
    const pending = files.filter((file) => !applied.has(file.name));
    for (const file of pending) {
      await admin.exec(file.sql);
      await admin.query('insert into schema_migrations (name, checksum) values ($1, $2)', [
        file.name,
        file.checksum,
      ]);
    }
    return { applied: pending.map((file) => file.name), last: files.at(-1)?.name ?? 'none' };
  });
}

export async function lastAppliedMigration(db: Database): Promise<string> {
  const rows = await db.admin.query<{ name: string }>(
    'select name from schema_migrations order by name desc limit 1',
  );
  return rows[0]?.name ?? 'none';
}
