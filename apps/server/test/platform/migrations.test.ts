import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, migrate } from '../../src/platform/db/migrate.js';
import type { AdminConnection } from '../../src/platform/db/database.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { createEmptyDatabase } from '../harness/empty-database.js';
import { closingGracefully } from '../harness/graceful-close.js';
import { testDatabaseKind } from '../harness/settings.js';

const migrationsDir = defaultMigrationsDir;
const migrationFiles = fs.readdirSync(migrationsDir).sort();
const migrationNames = migrationFiles.map((file) => file.replace(/\.sql$/, ''));
const lastMigrationName = migrationNames.at(-1) ?? 'none';

const modulesDir = path.join(migrationsDir, '..', 'src', 'modules');
const moduleNames = fs
  .readdirSync(modulesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Modules that own migrations: every folder under src/modules, plus the platform itself. */
const migrationOwners = new Set(['platform', ...moduleNames]);

/** The migrated test database (closed without tripping over the pg pool, see graceful-close.ts). */
const migratedTestDatabase = async () => closingGracefully(await createTestDatabase());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A scratch copy of the real migrations, to change without touching the repository. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-migrations-'));
  for (const file of migrationFiles)
    fs.copyFileSync(path.join(migrationsDir, file), path.join(dir, file));
  return dir;
}

async function appliedNames(admin: AdminConnection): Promise<string[]> {
  const rows = await admin.query<{ name: string }>(
    'select name from schema_migrations order by name',
  );
  return rows.map((row) => row.name);
}

async function tableExists(admin: AdminConnection, table: string): Promise<boolean> {
  const rows = await admin.query<{ exists: boolean }>(
    `select exists (select 1 from information_schema.tables
       where table_schema = current_schema() and table_name = $1) as exists`,
    [table],
  );
  return rows[0]?.exists === true;
}

describe('migration files', () => {
  it('names every file NNNN_<module>_<what>.sql after a module that exists, numbered 0001 upwards without gaps', () => {
    expect(migrationFiles.length).toBeGreaterThan(0);
    // readMigrations() silently skips a name that does not match, so a misnamed file would never run.
    for (const file of migrationFiles) {
      const match = /^(\d{4})_([a-z]+)_([a-z0-9]+(?:_[a-z0-9]+)*)\.sql$/.exec(file);
      expect(match, `${file} must be named NNNN_<module>_<what>.sql`).not.toBeNull();
      expect(migrationOwners, `${file} names module "${match?.[2]}"`).toContain(match?.[2]);
    }
    const numbers = migrationFiles.map((file) => Number(file.slice(0, 4)));
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
  });

  it('starts every file with a "-- why: " line that is a real sentence', () => {
    for (const file of migrationFiles) {
      const firstLine =
        fs.readFileSync(path.join(migrationsDir, file), 'utf8').split('\n')[0] ?? '';
      expect(firstLine, file).toMatch(/^-- why: /);
      const reason = firstLine.slice('-- why: '.length).trim();
      expect(reason, `${file}: the reason is a sentence ending in a full stop`).toMatch(
        /^[A-Za-z].*[a-z)]\.$/,
      );
      expect(
        reason.split(/\s+/).length,
        `${file}: the reason says something`,
      ).toBeGreaterThanOrEqual(8);
      expect(reason, file).not.toMatch(/\b(TODO|TBD|FIXME)\b/i);
    }
  });
});

describe(`migrate() on ${testDatabaseKind()}`, () => {
  const scratchDirs: string[] = [];
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.all(databases.splice(0).map((database) => database.drop()));
    for (const dir of scratchDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The migrated test database, paired with a scratch copy of the files it was migrated from. */
  async function migratedWithScratchCopy() {
    const database = await migratedTestDatabase();
    databases.push(database);
    const dir = copyOfMigrations();
    scratchDirs.push(dir);
    return { db: database.db, dir };
  }

  it('applies every migration in order to an empty database and records each checksum', async () => {
    const database = await createEmptyDatabase();
    databases.push(database);
    const dir = copyOfMigrations();
    scratchDirs.push(dir);

    const result = await migrate(database.db, dir);

    expect(result).toEqual({ applied: migrationNames, last: lastMigrationName });
    const recorded = await database.db.admin.query<{ name: string; checksum: string }>(
      'select name, checksum from schema_migrations order by name',
    );
    expect(recorded).toEqual(
      migrationFiles.map((file) => ({
        name: file.replace(/\.sql$/, ''),
        checksum: sha256(fs.readFileSync(path.join(migrationsDir, file), 'utf8')),
      })),
    );
    expect(await migrate(database.db, dir)).toEqual({ applied: [], last: lastMigrationName });
  });

  it('applies nothing to the already-migrated test database', async () => {
    const database = await migratedTestDatabase();
    databases.push(database);

    expect(await migrate(database.db)).toEqual({ applied: [], last: lastMigrationName });
    expect(await appliedNames(database.db.admin)).toEqual(migrationNames);
  });

  it('applies a new file forward, leaving the applied ones alone', async () => {
    const { db, dir } = await migratedWithScratchCopy();
    const next = String(migrationFiles.length + 1).padStart(4, '0');
    fs.writeFileSync(
      path.join(dir, `${next}_platform_forward_probe.sql`),
      '-- why: a probe that shows a new migration is applied after the existing ones.\ncreate table forward_probe (id integer primary key);\n',
    );

    expect(await migrate(db, dir)).toEqual({
      applied: [`${next}_platform_forward_probe`],
      last: `${next}_platform_forward_probe`,
    });
    expect(await tableExists(db.admin, 'forward_probe')).toBe(true);
    expect(await appliedNames(db.admin)).toEqual([
      ...migrationNames,
      `${next}_platform_forward_probe`,
    ]);
  });

  it('refuses to run when an applied migration file changed, and applies nothing pending', async () => {
    const { db, dir } = await migratedWithScratchCopy();
    const edited = migrationFiles[1] ?? migrationFiles[0] ?? '';
    fs.appendFileSync(path.join(dir, edited), '\n-- an innocent-looking edit\n');
    const next = String(migrationFiles.length + 1).padStart(4, '0');
    fs.writeFileSync(
      path.join(dir, `${next}_platform_never_applied.sql`),
      '-- why: a pending migration that must not run while an applied one has changed.\ncreate table never_applied (id integer);\n',
    );

    await expect(migrate(db, dir)).rejects.toThrow(
      new RegExp(`migration ${edited.replace(/\.sql$/, '')} changed after it was applied`),
    );
    expect(await tableExists(db.admin, 'never_applied')).toBe(false);
    expect(await appliedNames(db.admin)).toEqual(migrationNames);
  });

  it('refuses to run when an applied migration file is missing', async () => {
    const { db, dir } = await migratedWithScratchCopy();
    const removed = migrationFiles.at(-1) ?? '';
    fs.rmSync(path.join(dir, removed));

    await expect(migrate(db, dir)).rejects.toThrow(
      `migration ${removed.replace(/\.sql$/, '')} is applied but its file is missing`,
    );
  });

  it('rolls back a migration that fails halfway, recording nothing for it', async () => {
    const { db, dir } = await migratedWithScratchCopy();
    const next = String(migrationFiles.length + 1).padStart(4, '0');
    fs.writeFileSync(
      path.join(dir, `${next}_platform_half_done.sql`),
      '-- why: a migration whose second statement fails, to show each migration is one transaction.\n' +
        'create table half_done (id integer);\ninsert into no_such_table values (1);\n',
    );

    await expect(migrate(db, dir)).rejects.toThrow(/no_such_table/);
    expect(await tableExists(db.admin, 'half_done')).toBe(false);
    expect(await appliedNames(db.admin)).toEqual(migrationNames);
  });
});

/**
 * Platform tables that no module's drizzle schema describes: they are read and written with SQL
 * templates in platform/ (migrate.ts, http/idempotency.ts, outbox/outbox.ts), not through drizzle.
 */
const tablesWithoutDrizzleDefinition = ['schema_migrations', 'idempotency_keys', 'outbox'];

type Exports = Record<string, unknown>;
const tablesIn = (exports: Exports) =>
  Object.values(exports).filter((value): value is PgTable => is(value, PgTable));
const importFile = async (file: string) => (await import(pathToFileURL(file).href)) as Exports;

/**
 * Each module's drizzle tables, found two ways: through its door (the `…Schema` namespaces its
 * index.ts exports, e.g. cooperativesSchema) and in its `*.schema.ts` files (a module may not
 * export its schema yet), so a module added later is checked without editing this test.
 */
const moduleSchemas = await Promise.all(
  moduleNames.map(async (module) => {
    const dir = path.join(modulesDir, module);
    const schemaFiles = fs.readdirSync(dir).filter((file) => file.endsWith('.schema.ts'));
    const inSchemaFiles = (
      await Promise.all(schemaFiles.map((file) => importFile(path.join(dir, file))))
    ).flatMap(tablesIn);
    const index = path.join(dir, 'index.ts');
    const door = fs.existsSync(index) ? await importFile(index) : {};
    const throughIndex = Object.entries(door)
      .filter(
        ([name, value]) => name.endsWith('Schema') && typeof value === 'object' && value !== null,
      )
      .flatMap(([, namespace]) => tablesIn(namespace as Exports));
    return { module, inSchemaFiles, throughIndex };
  }),
);

const drizzleTables = [
  ...new Set(
    moduleSchemas.flatMap((schemas) => [...schemas.throughIndex, ...schemas.inSchemaFiles]),
  ),
].map((table) => getTableConfig(table));

/** drizzle's getSQLType() (parameters removed) -> PostgreSQL's information_schema udt_name. */
const udtNameOfSqlType: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  varchar: 'varchar',
  boolean: 'bool',
  smallint: 'int2',
  integer: 'int4',
  bigint: 'int8',
  numeric: 'numeric',
  date: 'date',
  timestamp: 'timestamp',
  'timestamp with time zone': 'timestamptz',
  jsonb: 'jsonb',
  json: 'json',
};

/** What information_schema.columns must say for a drizzle column's SQL type. */
function expectedColumnType(sqlType: string): { dataType?: string; udtName: string } {
  const isArray = sqlType.endsWith('[]');
  const base = sqlType
    .replace(/\[\]$/, '')
    .replace(/\s*\([^)]*\)/, '')
    .trim();
  const udtName = udtNameOfSqlType[base];
  if (udtName === undefined)
    throw new Error(`teach migrations.test.ts the drizzle type "${sqlType}"`);
  return isArray ? { dataType: 'ARRAY', udtName: `_${udtName}` } : { udtName };
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  data_type: string;
  udt_name: string;
  has_default: boolean;
}

describe(`schema drift between drizzle and the migrated ${testDatabaseKind()} database`, () => {
  let database: TestDatabase;
  let columns: ColumnRow[];
  let tables: string[];
  beforeAll(async () => {
    database = await migratedTestDatabase();
    columns = await database.db.admin.query<ColumnRow>(
      `select table_name, column_name, is_nullable, data_type, udt_name, column_default is not null as has_default
         from information_schema.columns where table_schema = current_schema()`,
    );
    const tableRows = await database.db.admin.query<{ table_name: string }>(
      `select table_name from information_schema.tables
         where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    );
    tables = tableRows.map((row) => row.table_name);
  });
  afterAll(() => database.drop());

  const columnOf = (table: string, column: string) =>
    columns.find((row) => row.table_name === table && row.column_name === column);

  it('finds the drizzle tables of the cooperatives and identity modules through their index', () => {
    const throughIndex = (module: string) =>
      moduleSchemas
        .find((schemas) => schemas.module === module)
        ?.throughIndex.map((table) => getTableConfig(table).name);
    expect(throughIndex('cooperatives')).toEqual(
      expect.arrayContaining(['cooperatives', 'cooperative_federation', 'regions']),
    );
    expect(throughIndex('identity')).toEqual(
      expect.arrayContaining(['memberships', 'people', 'sessions']),
    );
  });

  it('has every drizzle column in the database with the same nullability, type and default', () => {
    const drift: string[] = [];
    for (const table of drizzleTables) {
      for (const column of table.columns) {
        const where = `${table.name}.${column.name}`;
        const row = columnOf(table.name, column.name);
        if (!row) {
          drift.push(`${where} is in drizzle but no migration creates it`);
          continue;
        }
        const expected = expectedColumnType(column.getSQLType());
        if (
          row.udt_name !== expected.udtName ||
          (expected.dataType && row.data_type !== expected.dataType)
        ) {
          drift.push(
            `${where} is ${column.getSQLType()} in drizzle but ${row.data_type} (${row.udt_name}) in the database`,
          );
        }
        if ((row.is_nullable === 'NO') !== column.notNull) {
          drift.push(
            `${where} is ${column.notNull ? 'not null' : 'nullable'} in drizzle but is_nullable=${row.is_nullable} in the database`,
          );
        }
        // .default()/.defaultNow() leave the value to the database; $defaultFn() fills it in Node.
        if (column.default !== undefined && !row.has_default) {
          drift.push(`${where} has a default in drizzle that no migration gives the database`);
        }
        if (row.has_default && !column.hasDefault) {
          drift.push(`${where} has a default in the database that drizzle does not know`);
        }
      }
    }
    expect(drift).toEqual([]);
  });

  it('has no database column in a drizzle table that drizzle does not know', () => {
    const unknown = drizzleTables.flatMap((table) => {
      const known = new Set(table.columns.map((column) => column.name));
      return columns
        .filter((row) => row.table_name === table.name && !known.has(row.column_name))
        .map((row) => `${row.table_name}.${row.column_name}`);
    });
    expect(unknown).toEqual([]);
  });

  it('has a drizzle definition for every table except the platform tables on the allow-list', () => {
    const described = new Set(drizzleTables.map((table) => table.name));
    expect(
      tables.filter(
        (table) => !described.has(table) && !tablesWithoutDrizzleDefinition.includes(table),
      ),
    ).toEqual([]);
    expect(
      drizzleTables.map((table) => table.name).filter((table) => !tables.includes(table)),
    ).toEqual([]);
    // The allow-list names real tables, so it cannot rot into a list of excuses.
    expect(tables).toEqual(expect.arrayContaining(tablesWithoutDrizzleDefinition));
  });

  it('enables row-level security with at least one policy on every table that has a cooperative_id', async () => {
    const rows = await database.db.admin.query<{
      table_name: string;
      has_rls: boolean;
      policies: number;
    }>(
      `select col.table_name, c.relrowsecurity as has_rls,
              (select count(*)::int from pg_policies p
                 where p.schemaname = current_schema() and p.tablename = col.table_name) as policies
         from information_schema.columns col
         join pg_class c on c.relname = col.table_name
         join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
        where col.table_schema = current_schema() and col.column_name = 'cooperative_id' and c.relkind = 'r'
        order by col.table_name`,
    );
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['idempotency_keys', 'memberships', 'outbox']),
    );
    expect(rows.filter((row) => !row.has_rls || row.policies < 1)).toEqual([]);
  });
});
