import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

export type DatabaseKind = 'pglite' | 'postgres';

/** A drizzle handle bound to one open transaction running as the app role. */
export type Tx = PgDatabase<PgQueryResultHKT>;

/** The role every application transaction runs as; it never bypasses row-level security. */
export const appRole = 'lumbung_app';

/**
 * Who a transaction acts for. Row-level security policies read these settings: a tenant sees
 * only its own rows; a person sees their own identity rows; `system` is the audited escape hatch
 * for work that is cross-tenant by nature (login lookup, the outbox worker, platform operators).
 */
export interface Scope {
  cooperativeId: string | null;
  personId: string | null;
  systemReason: string | null;
}

/** Raw access as the schema owner, for migrations, `lumbung verify` and test set-up only. */
export interface AdminConnection {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction on one owner connection. */
  transaction<T>(fn: (client: AdminConnection) => Promise<T>): Promise<T>;
}

export interface Database {
  readonly kind: DatabaseKind;
  readonly admin: AdminConnection;
  transaction<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function scopeSettings(scope: Scope): SQL {
  // JIT compilation costs hundreds of milliseconds and never pays off for short OLTP queries.
  return sql`select set_config('role', ${appRole}, true), set_config('jit', 'off', true),
    set_config('app.cooperative_id', ${scope.cooperativeId ?? ''}, true),
    set_config('app.person_id', ${scope.personId ?? ''}, true),
    set_config('app.system', ${scope.systemReason === null ? '' : 'on'}, true)`;
}

/** Runs `fn` inside cooperative `cooperativeId`'s row-level security context. */
export function withTenant<T>(
  db: Database,
  cooperativeId: string,
  fn: (tx: Tx) => Promise<T>,
  personId: string | null = null,
): Promise<T> {
  return db.transaction({ cooperativeId, personId, systemReason: null }, fn);
}

/** Runs `fn` as one person outside any cooperative (their own identity rows only). */
export function withPerson<T>(db: Database, personId: string, fn: (tx: Tx) => Promise<T>) {
  return db.transaction({ cooperativeId: null, personId, systemReason: null }, fn);
}

/** The audited cross-tenant path; `reason` says why in the log and in code review. */
export function withSystem<T>(db: Database, reason: string, fn: (tx: Tx) => Promise<T>) {
  return db.transaction({ cooperativeId: null, personId: null, systemReason: reason }, fn);
}

/** Executes raw SQL in a transaction and returns its rows (both drivers expose `rows`). */
export async function queryRows<Row>(tx: Tx, query: SQL): Promise<Row[]> {
  const result = (await tx.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
