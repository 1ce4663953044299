import type { FastifyInstance } from 'fastify';
import { buildApp, outboxHandlers } from './app.js';
import { isEmptyPlatform, openDatabase } from './bootstrap.js';
import { formatDemoLogins, seedDemo, writeDemoLogins } from './demo/seed-demo.js';
import { channelConfigFromEnv, createMessageChannel } from './modules/identity/index.js';
import { loadCardKeys } from './modules/members/index.js';
import { systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { refreshPlannerStatistics } from './platform/db/planner-statistics.js';
import { startOutboxWorker } from './platform/outbox/outbox.js';
import { startDailyJobs } from './jobs/daily-checkpoints.js';

/**
 * Opens the database (migrating it), seeds the demo into an empty platform, and starts the HTTP
 * server and the outbox worker. Returns a handle that stops both.
 */
export async function startServer(config: Config, env: NodeJS.ProcessEnv = process.env) {
  const { db, migration } = await openDatabase(config);
  if (config.seedDemoOnEmpty && (await isEmptyPlatform(db))) {
    const logins = await seedDemo(db);
    await refreshPlannerStatistics(db);
    const file = writeDemoLogins(config.dataDir, logins);
    console.log(`${formatDemoLogins(logins)}\n(also written to ${file})`);
  }
  const channelConfig = channelConfigFromEnv(env);
  if (channelConfig.kind === 'console' && config.isProduction) {
    console.warn(
      'WARNING: LUMBUNG_OTP_CHANNEL is console in production: one-time codes are printed to the log.',
    );
  }
  const channel = createMessageChannel(channelConfig, (line) => console.log(line));
  let worker: ReturnType<typeof startOutboxWorker> | null = null;
  const app: FastifyInstance = await buildApp({
    config,
    db,
    clock: systemClock,
    migration: migration.last,
    channel,
    cardKeys: loadCardKeys({ pem: env.LUMBUNG_CARD_SIGNING_KEY ?? null, dataDir: config.dataDir }),
    kickOutbox: () => worker?.kick(),
  });
  worker = startOutboxWorker(db, outboxHandlers({ channel }), {
    now: () => systemClock.now(),
    log: app.log,
  });
  const dailyJobs = startDailyJobs(db, { now: () => systemClock.now(), log: app.log });
  await app.listen({ port: config.port, host: config.host });
  return {
    app,
    db,
    async stop() {
      await app.close();
      dailyJobs.stop();
      await worker?.stop();
      await db.close();
    },
  };
}
