import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { buildApp, outboxHandlers } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { fixedClock } from '../../src/platform/clock.js';
import { lastAppliedMigration } from '../../src/platform/db/migrate.js';
import { deliverDueOutbox } from '../../src/platform/outbox/outbox.js';
import { createConsoleChannel } from '../../src/modules/identity/channels/console-channel.js';
import type { MessageChannel } from '../../src/modules/identity/index.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { loadCardKeys } from '../../src/modules/members/index.js';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  /** Lines the console one-time-code channel printed (it is the development channel). */
  sentMessages: string[];
  deliverOutbox(): Promise<number>;
  request(
    options: InjectOptions & { token?: string; idempotencyKey?: string },
  ): Promise<LightMyRequestResponse>;
}

export async function createTestApp(
  options: { channel?: MessageChannel; env?: NodeJS.ProcessEnv } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
  const sentMessages: string[] = [];
  const channel = options.channel ?? createConsoleChannel((line) => sentMessages.push(line));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  const app = await buildApp({
    config,
    db: database.db,
    clock,
    migration: await lastAppliedMigration(database.db),
    channel,
    cardKeys: loadCardKeys({ pem: null, dataDir: null }),
  });
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  return {
    ...database,
    app,
    clock,
    sentMessages,
    deliverOutbox: () =>
      deliverDueOutbox(database.db, outboxHandlers({ channel }), { now: () => clock.now(), log }),
    request: ({ token, idempotencyKey, headers, ...rest }) =>
      app.inject({
        ...rest,
        headers: {
          ...(headers ?? {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
      }),
    async drop() {
      await app.close();
      await database.drop();
    },
  };
}

export function newIdempotencyKey() {
  return `test-${randomUUID()}`;
}
