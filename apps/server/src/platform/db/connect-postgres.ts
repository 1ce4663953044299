import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { scopeSettings, type AdminConnection, type Database, type Tx } from './database.js';

const int8 = 20;
const date = 1082;
/** Per-pool parsers (not pg's global ones): int8 as bigint, dates as 'yyyy-mm-dd'. */
const typeParsers = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === int8) return (value: string) => BigInt(value);
    if (oid === date) return (value: string) => value;
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};

function adminOf(pool: pg.Pool | pg.PoolClient): AdminConnection {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await pool.query({ text, values: params, types: typeParsers })).rows as Row[];
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async transaction<T>(fn: (admin: AdminConnection) => Promise<T>) {
      const client = 'release' in pool ? pool : await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(adminOf(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        if (client !== pool) client.release();
      }
    },
  };
}

/**
 * PostgreSQL 15+: `url` is the app's connection (a role that neither is superuser nor bypasses
 * RLS in production); `adminUrl` owns the schema and runs migrations.
 */
export function connectPostgres(url: string, adminUrl: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: typeParsers });
  const adminPool = new pg.Pool({ connectionString: adminUrl, max: 2, types: typeParsers });
  // PostgreSQL may end idle pooled connections (restart, failover); without a listener pg-pool
  // re-emits that as an uncaught error and the process dies. The pool replaces the connection.
  const logIdleError = (error: Error) =>
    console.warn(`database connection ended: ${error.message}`);
  pool.on('error', logIdleError);
  adminPool.on('error', logIdleError);
  const orm = drizzle({ client: pool }) as unknown as Tx & {
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  };
  return {
    kind: 'postgres',
    admin: adminOf(adminPool),
    transaction: (scope, fn) =>
      orm.transaction(async (tx) => {
        await tx.execute(scopeSettings(scope));
        return fn(tx);
      }),
    async close() {
      await Promise.all([pool.end(), adminPool.end()]);
    },
  };
}
