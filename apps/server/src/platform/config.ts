import path from 'node:path';

/** Everything the process reads from its environment, read once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Migrations run as the schema owner; defaults to databaseUrl. */
  databaseAdminUrl: string | null;
  isProduction: boolean;
  sessionTtlHours: number;
  cookieSecure: boolean;
  login: { maxFailures: number; lockMinutes: number; rateLimitPerMinute: number };
  logLevel: string;
  seedDemoOnEmpty: boolean;
  /** Trust X-Forwarded-For only behind a proxy that sets it; else clients could dodge rate limits. */
  trustProxy: boolean;
}

function integer(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new Error(`expected an integer, got "${value}"`);
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const isProduction = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  return {
    port: integer(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.LUMBUNG_DATA_DIR ?? './data'),
    databaseUrl,
    databaseAdminUrl: env.DATABASE_ADMIN_URL?.trim() || databaseUrl,
    isProduction,
    sessionTtlHours: integer(env.LUMBUNG_SESSION_TTL_HOURS, 24 * 7),
    cookieSecure: env.LUMBUNG_COOKIE_SECURE ? env.LUMBUNG_COOKIE_SECURE === 'true' : isProduction,
    login: {
      maxFailures: integer(env.LUMBUNG_LOGIN_MAX_FAILURES, 5),
      lockMinutes: integer(env.LUMBUNG_LOGIN_LOCK_MINUTES, 15),
      rateLimitPerMinute: integer(env.LUMBUNG_LOGIN_RATE_PER_MINUTE, 20),
    },
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    // The demo publishes its passwords: never seed it into an empty production database by default.
    seedDemoOnEmpty: env.LUMBUNG_SEED_DEMO ? env.LUMBUNG_SEED_DEMO === 'true' : !isProduction,
    trustProxy: env.LUMBUNG_TRUST_PROXY === 'true',
  };
}
