import type { Tx } from './db/database.js';
import type { Actor } from './http/actor.js';

export interface Logger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/** What every command and query receives: one transaction, the tenant, the caller, the time. */
export interface Context {
  tx: Tx;
  cooperativeId: string | null;
  actor: Actor | null;
  now: Date;
  idempotencyKey: string | null;
  log: Logger;
}
