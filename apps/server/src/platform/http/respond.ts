import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../context.js';
import type { Database, Scope, Tx } from '../db/database.js';

export type { Context } from '../context.js';
import { DomainError, isDomainError } from '../domain-error.js';
import { cooperativeIdParam } from './authorize.js';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency.js';
import { problemOf } from './problem.js';

export interface RespondDeps {
  db: Database;
  now: () => Date;
}

const idempotencyKeyPattern = /^[A-Za-z0-9_.:-]{8,200}$/;

/** Tenant routes run as their cooperative; other routes as the caller (or nobody). */
function scopeOf(request: FastifyRequest, systemReason: string | null): Scope {
  return {
    cooperativeId: cooperativeIdParam(request),
    personId: request.actor?.personId ?? null,
    systemReason,
  };
}

/**
 * Runs a handler's command or query in one transaction scoped to the route's cooperative (or the
 * caller), and replies with `status`. Routes declared `idempotent` take an Idempotency-Key: the
 * first response is stored in the same transaction and replayed for the same key and body; a
 * refusal is stored too, so a retry gets the same answer.
 */
export async function respond<T>(
  deps: RespondDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  run: (ctx: Context) => Promise<T>,
  options: { status?: number; systemReason?: string } = {},
): Promise<T> {
  const status = options.status ?? 200;
  const scope = scopeOf(request, options.systemReason ?? null);
  if (scope.systemReason)
    request.log.info({ systemReason: scope.systemReason }, 'system-scope transaction');
  const isIdempotent = request.routeOptions.config.idempotent === true;
  const key = request.headers['idempotency-key'];
  if (isIdempotent && (typeof key !== 'string' || !idempotencyKeyPattern.test(key))) {
    throw new DomainError('request.idempotency_key_required');
  }
  const now = deps.now();
  const outcome = await deps.db.transaction(scope, async (tx) => {
    const ctx: Context = {
      tx,
      cooperativeId: scope.cooperativeId,
      actor: request.actor,
      now,
      idempotencyKey: isIdempotent ? (key as string) : null,
      log: request.log,
    };
    if (!isIdempotent) return { status, body: await run(ctx), replayed: false };
    const claimInput = {
      scope: scope.cooperativeId ?? `person:${scope.personId ?? 'anonymous'}`,
      key: key as string,
      cooperativeId: scope.cooperativeId,
      route: `${request.method} ${request.routeOptions.url ?? request.url}`,
      // The path with its parameters: one key reused on another entry's route is a conflict.
      hash: requestHash(`${request.method} ${request.url}`, request.body),
      now,
    };
    const claim = await claimIdempotencyKey(tx, claimInput);
    if (claim.kind === 'conflict') throw new DomainError('request.idempotency_conflict');
    if (claim.kind === 'replay') return { ...claim.response, replayed: true };
    const response = await runRecordingRefusals(tx, request, () => run(ctx), status);
    await storeIdempotentResponse(tx, { scope: claimInput.scope, key: claimInput.key, response });
    return { ...response, replayed: false };
  });
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  if (outcome.status >= 400) {
    // A stored refusal replays as the problem it was; Fastify accepts the reply as the result.
    return reply
      .code(outcome.status)
      .type('application/problem+json')
      .send(outcome.body) as unknown as T;
  }
  reply.code(outcome.status);
  return outcome.body as T;
}

/**
 * A refusal rolls back the command's writes (to a savepoint) but is kept as the key's answer. A
 * success leaves the savepoint to the commit, which releases it: one round trip fewer.
 */
async function runRecordingRefusals(
  tx: Tx,
  request: FastifyRequest,
  run: () => Promise<unknown>,
  status: number,
) {
  await tx.execute(sql`savepoint idempotent_command`);
  try {
    return { status, body: await run() };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await tx.execute(sql`rollback to savepoint idempotent_command`);
    const problem = problemOf(error.code, request.id, error.params);
    return { status: problem.status, body: problem };
  }
}

/**
 * Runs `run` in one transaction scoped like `respond`, without touching the reply: for routes
 * whose refusals must commit state first (login failure counters) and throw afterwards.
 */
export function runInScope<T>(
  deps: RespondDeps,
  request: FastifyRequest,
  run: (ctx: Context) => Promise<T>,
  options: { systemReason?: string } = {},
): Promise<T> {
  const scope = scopeOf(request, options.systemReason ?? null);
  const now = deps.now();
  return deps.db.transaction(scope, (tx) =>
    run({
      tx,
      cooperativeId: scope.cooperativeId,
      actor: request.actor,
      now,
      idempotencyKey: null,
      log: request.log,
    }),
  );
}
