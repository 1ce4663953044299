import { sql } from 'drizzle-orm';
import { uuidv7 } from '@lumbung/shared/ids';
import { queryRows, withSystem, type Database, type Tx } from '../db/database.js';
import type { Logger } from '../context.js';

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
  /** Unique per side effect; handed to the handler so the outside party can de-duplicate. */
  idempotencyKey: string;
  cooperativeId: string | null;
}

/** Written in the caller's transaction: the side effect happens if and only if the write commits. */
export async function enqueueOutbox(tx: Tx, message: OutboxMessage, now: Date) {
  await tx.execute(
    sql`insert into outbox (id, cooperative_id, topic, payload, idempotency_key, next_attempt_at, created_at)
        values (${uuidv7(now.getTime())}, ${message.cooperativeId}, ${message.topic},
                ${JSON.stringify(message.payload)}::jsonb, ${message.idempotencyKey}, ${now}, ${now})
        on conflict (idempotency_key) do nothing`,
  );
}

export class PermanentFailure extends Error {
  override name = 'PermanentFailure';
}

export type OutboxHandler = (
  payload: Record<string, unknown>,
  meta: { idempotencyKey: string },
) => Promise<void>;

export interface OutboxPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultOutboxPolicy: OutboxPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
};

/** Exponential backoff (1 s, 2 s, 4 s, …) capped, with up to 20 % jitter from `random`. */
export function retryDelayMs(attempts: number, policy: OutboxPolicy, random: number): number {
  const exponential = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** Math.max(0, attempts - 1),
  );
  return Math.round(exponential * (1 + 0.2 * random));
}

interface DueRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  idempotency_key: string;
  attempts: number;
}

/**
 * Delivers due messages once. Each is leased in a short transaction (SKIP LOCKED, so workers
 * never take the same one; the lease makes a crashed worker's message due again), handed to its
 * topic's handler outside any transaction (an outside call must not hold the database), then
 * marked delivered, rescheduled with backoff, or dead after `maxAttempts` or a permanent failure.
 * Delivery is at least once: handlers pass the idempotency key on. Returns how many were tried.
 */
export async function deliverDueOutbox(
  db: Database,
  handlers: ReadonlyMap<string, OutboxHandler>,
  options: {
    now: () => Date;
    log: Logger;
    batchSize?: number;
    leaseMs?: number;
    policy?: OutboxPolicy;
    random?: () => number;
  },
): Promise<number> {
  const policy = options.policy ?? defaultOutboxPolicy;
  const random = options.random ?? Math.random;
  const reason = 'outbox worker delivers side effects of every cooperative';
  const leaseUntil = new Date(options.now().getTime() + (options.leaseMs ?? 60_000));
  const due = await withSystem(db, reason, (tx) =>
    queryRows<DueRow>(
      tx,
      sql`update outbox set attempts = attempts + 1, next_attempt_at = ${leaseUntil}
          where id in (select id from outbox where status = 'pending' and next_attempt_at <= ${options.now()}
                       order by next_attempt_at limit ${options.batchSize ?? 20} for update skip locked)
          returning id, topic, payload, idempotency_key, attempts`,
    ),
  );
  for (const message of due) {
    const outcome = await attemptDelivery(handlers.get(message.topic), message);
    await withSystem(db, reason, async (tx) => {
      if (outcome === null) {
        // Secrets (one-time codes) do not outlive their delivery: the keys listed in
        // payload.redactAfterDelivery are removed once it succeeded.
        await tx.execute(sql`update outbox set status = 'delivered', delivered_at = ${options.now()},
          last_error = null,
          payload = payload - array(select jsonb_array_elements_text(coalesce(payload -> 'redactAfterDelivery', '[]')))
          where id = ${message.id}`);
        return;
      }
      const isDead = outcome.isPermanent || message.attempts >= policy.maxAttempts;
      const nextAttemptAt = new Date(
        options.now().getTime() + retryDelayMs(message.attempts, policy, random()),
      );
      options.log.warn(
        { topic: message.topic, attempts: message.attempts, isDead, reason: outcome.reason },
        'outbox delivery failed',
      );
      await tx.execute(sql`update outbox set status = ${isDead ? 'dead' : 'pending'},
        next_attempt_at = ${nextAttemptAt}, last_error = ${outcome.reason.slice(0, 1000)} where id = ${message.id}`);
    });
  }
  return due.length;
}

async function attemptDelivery(handler: OutboxHandler | undefined, message: DueRow) {
  try {
    if (!handler) throw new PermanentFailure(`no handler for topic ${message.topic}`);
    await handler(message.payload, { idempotencyKey: message.idempotency_key });
    return null;
  } catch (error) {
    return {
      isPermanent: error instanceof PermanentFailure,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Polls every `intervalMs`; `kick()` delivers at once (after a write that enqueued something). */
export function startOutboxWorker(
  db: Database,
  handlers: ReadonlyMap<string, OutboxHandler>,
  options: { now: () => Date; log: Logger; intervalMs?: number },
) {
  let isRunning = false;
  let isStopped = false;
  const tick = async () => {
    if (isRunning || isStopped) return;
    isRunning = true;
    try {
      while (!isStopped && (await deliverDueOutbox(db, handlers, options)) > 0);
    } catch (error) {
      options.log.error({ err: error }, 'outbox worker tick failed');
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 1_000);
  timer.unref();
  return {
    kick: () => void tick(),
    async stop() {
      isStopped = true;
      clearInterval(timer);
      while (isRunning) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}
