import fs from 'node:fs';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { scopeSettings, type AdminConnection, type Database, type Tx } from './database.js';

/** date columns stay 'yyyy-mm-dd' strings (never a local-time Date); int8 stays bigint. */
const parsers = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => BigInt(value),
};

function adminOf(client: Pick<PGlite, 'query' | 'exec'> | Transaction): AdminConnection {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await client.query<Row>(text, params)).rows;
    },
    async exec(text: string) {
      await client.exec(text);
    },
    transaction<T>(fn: (admin: AdminConnection) => Promise<T>): Promise<T> {
      if (!('transaction' in client)) return fn(adminOf(client)); // already inside one
      return (client as PGlite).transaction((tx) => fn(adminOf(tx)));
    },
  };
}

/**
 * The embedded database: PostgreSQL compiled to WASM, one connection, files in `dataDir`
 * (or memory when null). PGlite on Node does not fsync: it survives a process crash, not a
 * power cut (docs/operations.md).
 */
export interface PgliteDatabase extends Database {
  /** A tarball of the data directory, to start other instances from (tests use it). */
  dumpDataDir(): Promise<Blob>;
}

export async function connectPglite(
  dataDir: string | null,
  loadDataDir?: Blob,
): Promise<PgliteDatabase> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers,
    // Trigram search for member names (the same extension PostgreSQL ships in contrib).
    extensions: { pg_trgm },
  });
  const orm = drizzle({ client }) as unknown as Tx & {
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  };
  return {
    kind: 'pglite',
    admin: adminOf(client),
    transaction: (scope, fn) =>
      orm.transaction(async (tx) => {
        await tx.execute(scopeSettings(scope));
        return fn(tx);
      }),
    close: () => client.close(),
    dumpDataDir: async () => await client.dumpDataDir('none'),
  };
}
