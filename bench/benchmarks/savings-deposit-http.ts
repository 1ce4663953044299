/**
 * Teller deposits over HTTP (issue 4, benchmark 1; an API benchmark, B8 style): the real app
 * (buildApp, every plugin and module) listening on 127.0.0.1 port 0 in this process, autocannon in
 * one worker thread, as the calibration's Fastify hello-world.
 *
 * Set-up: one simpan-pinjam cooperative (registerCooperative), 1,000 members registered with
 * registerMember, each with a sukarela sub-account (openMemberSubAccount under 2-1201); a kasir
 * (registerPerson, roles {kasir}) signs in over HTTP as an API client (bearer token) and opens a
 * teller session over HTTP. ANALYZE after the set-up. The app logs nothing (LOG_LEVEL silent: its
 * request log would go to this process's stdout, where the report is printed) and uses a pool of
 * 10 sessions (connectPostgres's default, as the server runs).
 *
 * Load: POST /api/v1/cooperatives/:id/savings/deposits, sukarela, a random member and amount per
 * request, a unique Idempotency-Key per request; -c 1 (one deposit at a time: the transaction's
 * own latency), -c 16 and -c 100, -p 1. Each level: a warm-up (not counted) of at least 2 × the
 * connections, repeated up to 3 times until it lasts about the warm-up time, then a measured run
 * sized from the warm-up's rate to last about 5 s (--quick) or 15 s. Every run is bounded by count,
 * not time (bench/fixtures/deposit-load.ts says why).
 * Figures: deposits/s (2xx ÷ elapsed), p50/p99/max latency. Ratio R8d = deposits/s at -c 100 ÷
 * hello-world requests/s (-c 100 -p 1), target ≥ 0.2; p99 ÷ hello p99 reported beside it.
 *
 * Correctness: no non-2xx, errors or timeouts in any run (warm-ups included); for each measured run,
 * deposit entries stored after − before = its 2xx count; teller-session entries = deposit entries;
 * verifyCooperativeLedger finds no problem, the trial balance balances, and entries stored =
 * entries before the load + deposits.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { composeNik } from '@lumbung/shared/nik';
import { buildApp } from '../../apps/server/src/app.js';
import { systemClock } from '../../apps/server/src/platform/clock.js';
import { loadConfig } from '../../apps/server/src/platform/config.js';
import { lastAppliedMigration } from '../../apps/server/src/platform/db/migrate.js';
import { withTenant, type Database } from '../../apps/server/src/platform/db/database.js';
import { createConsoleChannel } from '../../apps/server/src/modules/identity/channels/console-channel.js';
import { registerPerson } from '../../apps/server/src/modules/identity/index.js';
import { openMemberSubAccount } from '../../apps/server/src/modules/ledger/index.js';
import { loadCardKeys, registerMember } from '../../apps/server/src/modules/members/index.js';
import {
  auditCooperatives,
  isoDate,
  mapWithConcurrency,
  openLedgerAppDatabase,
  registerBenchCooperative,
} from '../fixtures/ledger-app.js';
import { runDepositLoad, type DepositLoadOutcome } from '../fixtures/deposit-load.js';
import { benchMemberName } from '../fixtures/members-bulk.js';
import {
  correctnessOf,
  ratioTo,
  type BenchContext,
  type BenchResult,
  type CorrectnessCheck,
  type Figure,
} from '../harness.js';
import { createSeededRandom } from '../random.js';

export const name = 'savings-deposit-http';

const MEMBERS = 1_000;
const MEMBERS_PER_TRANSACTION = 100;
const SUKARELA_CONTROL = '2-1201';
const CONNECTION_LEVELS = [1, 16, 100] as const;
const RATIO_CONNECTIONS = 100;
const APP_POOL_SIZE = 10;
const NORMAL_MEASURE_SECONDS = 15;
const QUICK_MEASURE_SECONDS = 5;
const MIN_WARMUP_SECONDS = 2;
const KASIR_PASSWORD = 'kopi-flores-2026';
const WORKLOAD_SEED = 20_240_706;

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const random = createSeededRandom(WORKLOAD_SEED);
  const app = await openLedgerAppDatabase(ctx, APP_POOL_SIZE);
  const { db } = app;
  const runTag = randomBytes(4).toString('hex');
  let server: Awaited<ReturnType<typeof buildApp>> | undefined;
  let isServerClosed = false;
  const closeServer = async (): Promise<void> => {
    if (isServerClosed || server === undefined) return;
    isServerClosed = true;
    await server.close();
  };
  try {
    server = await buildApp({
      config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
      db,
      clock: systemClock,
      migration: await lastAppliedMigration(db),
      channel: createConsoleChannel(() => undefined),
      cardKeys: loadCardKeys({ pem: null, dataDir: null }),
    });
    const now = new Date();
    const setupStartedNs = process.hrtime.bigint();
    const cooperativeId = await registerBenchCooperative(db, 'D', now);
    ctx.log(`set-up: ${MEMBERS} members (registerMember) with sukarela sub-accounts`);
    const chunks = Array.from(
      { length: MEMBERS / MEMBERS_PER_TRANSACTION },
      (_unused, index) => index,
    );
    const memberChunks = await mapWithConcurrency(
      chunks,
      ctx.database.kind === 'pglite' ? 1 : 4,
      (chunk) =>
        withTenant(db, cooperativeId, async (tx) => {
          const ids: string[] = [];
          for (let offset = 0; offset < MEMBERS_PER_TRANSACTION; offset++) {
            const serial = chunk * MEMBERS_PER_TRANSACTION + offset;
            const member = await registerMember(
              { tx, now, cooperativeId, actorPersonId: null },
              {
                nik: composeNik({
                  districtCode: '531001',
                  birthDate: '1985-06-15',
                  sex: serial % 2 === 0 ? 'female' : 'male',
                  sequence: serial + 1,
                }),
                fullName: benchMemberName(random),
                phone: `+62812${String(serial).padStart(8, '0')}`,
                address: 'RT 001/RW 002, Nita',
                occupationSegment: 'petani',
              },
            );
            await openMemberSubAccount(
              { tx, cooperativeId, now },
              {
                controlCode: SUKARELA_CONTROL,
                membershipId: member.membershipId,
                memberNumber: member.memberNumber ?? '',
                memberName: member.fullName,
              },
            );
            ids.push(member.membershipId);
          }
          return ids;
        }),
    );
    const membershipIds = memberChunks.flat();

    const kasirPhone = `+62813${String(Number.parseInt(runTag, 16) % 10_000_000).padStart(7, '0')}`;
    await withTenant(db, cooperativeId, (tx) =>
      registerPerson(
        { tx, now, cooperativeId },
        {
          nik: composeNik({
            districtCode: '531001',
            birthDate: '1990-01-20',
            sex: 'female',
            sequence: 9_001,
          }),
          fullName: 'Kasir Bench',
          phone: kasirPhone,
          password: KASIR_PASSWORD,
          roles: ['kasir'],
        },
      ),
    );
    await db.admin.exec(
      'analyze people, memberships, members, sessions, ledger_accounts, ledger_balances, ' +
        'ledger_chain_heads, journal_entries, journal_lines',
    );
    const login = await server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-lumbung-client': 'api' },
      payload: { phone: kasirPhone, password: KASIR_PASSWORD },
    });
    if (login.statusCode !== 200) {
      throw new Error(`the kasir signs in: ${login.statusCode} ${login.body}`);
    }
    const token = login.json<{ token: string }>().token;
    const base = `/api/v1/cooperatives/${cooperativeId}/savings`;
    const opened = await server.inject({
      method: 'POST',
      url: `${base}/teller-sessions`,
      headers: {
        authorization: `Bearer ${token}`,
        'idempotency-key': `bench-open-session-${runTag}`,
      },
      payload: { openingFloat: '1000000' },
    });
    if (opened.statusCode !== 201) {
      throw new Error(`the kasir opens a teller session: ${opened.statusCode} ${opened.body}`);
    }
    const sessionId = opened.json<{ id: string }>().id;
    const entriesBeforeLoad = await countEntries(db, cooperativeId, sessionId);
    const setupSeconds = secondsSince(setupStartedNs);
    ctx.log(`set-up done in ${setupSeconds.toFixed(1)} s`);

    await server.listen({ host: '127.0.0.1', port: 0 });
    const { port } = server.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}${base}/deposits`;
    const measureSeconds = ctx.isQuick ? QUICK_MEASURE_SECONDS : NORMAL_MEASURE_SECONDS;
    const warmupSeconds = Math.max(MIN_WARMUP_SECONDS, ctx.warmupSeconds);

    const checks: CorrectnessCheck[] = [];
    const allRuns: { label: string; outcome: DepositLoadOutcome }[] = [];
    const measured = new Map<number, DepositLoadOutcome>();
    let runIndex = 0;
    for (const connections of CONNECTION_LEVELS) {
      const load = (bound: { seconds: number } | { amount: number }) =>
        runDepositLoad({
          url,
          token,
          membershipIds,
          connections,
          bound,
          keyPrefix: `bench-${runTag}-${++runIndex}`,
          seed: WORKLOAD_SEED + runIndex,
        });
      // Warm-ups are bounded by count too: a time-bounded run stops with requests in flight that
      // the server still commits afterwards, and the counts below would race them.
      let warmupAmount = Math.max(20, connections * 2);
      let warmup: DepositLoadOutcome | undefined;
      for (let round = 0; round < 3; round++) {
        ctx.log(`-c ${connections}: warm-up of ${warmupAmount} requests`);
        warmup = await load({ amount: warmupAmount });
        allRuns.push({ label: `-c ${connections} warm-up ${round + 1}`, outcome: warmup });
        if (warmup.elapsedSeconds >= warmupSeconds * 0.8) break;
        warmupAmount = Math.round(Math.max(1, warmup.requestsPerSecond) * warmupSeconds);
      }
      if (warmup === undefined) throw new Error('the warm-up ran');
      const before = await countEntries(db, cooperativeId, sessionId);
      const amount = Math.max(
        connections * 5,
        Math.round(Math.max(1, warmup.requestsPerSecond) * measureSeconds),
      );
      ctx.log(
        `-c ${connections}: warm-up ${warmup.requestsPerSecond.toFixed(0)} req/s; measuring ${amount} requests (~${measureSeconds} s)`,
      );
      const outcome = await load({ amount });
      allRuns.push({ label: `-c ${connections}`, outcome });
      measured.set(connections, outcome);
      const after = await countEntries(db, cooperativeId, sessionId);
      ctx.log(
        `-c ${connections}: ${outcome.okCount} deposits in ${outcome.elapsedSeconds.toFixed(1)} s ` +
          `(${outcome.requestsPerSecond.toFixed(0)}/s, p99 ${outcome.p99Ms} ms, non-2xx ${outcome.non2xxCount})`,
      );
      checks.push({
        name: `-c ${connections}: deposit entries stored during the run = 2xx responses`,
        isPassed: after.deposits - before.deposits === outcome.okCount,
        detail: `stored ${after.deposits - before.deposits}, 2xx ${outcome.okCount}`,
      });
    }
    await closeServer();

    for (const { label, outcome } of allRuns) {
      checks.push({
        name: `${label}: every request answered 2xx (no non-2xx, errors or timeouts)`,
        isPassed:
          outcome.non2xxCount === 0 &&
          outcome.errorCount === 0 &&
          outcome.timeoutCount === 0 &&
          outcome.okCount > 0,
        detail: `${outcome.requestCount} requests, ${outcome.okCount} 2xx, ${outcome.non2xxCount} non-2xx, ${outcome.errorCount} errors, ${outcome.timeoutCount} timeouts`,
      });
    }
    const final = await countEntries(db, cooperativeId, sessionId);
    checks.push({
      name: 'teller-session entries = deposit entries',
      isPassed: final.sessionEntries === final.deposits,
      detail: `${final.sessionEntries} session entries, ${final.deposits} deposits`,
    });
    const audit = await auditCooperatives(db, {
      label: 'after the load',
      expectedEntries: new Map([[cooperativeId, entriesBeforeLoad.all + final.deposits]]),
      asOf: isoDate(new Date()),
      concurrency: 1,
    });
    checks.push(...audit.checks);

    const figures: Record<string, Figure> = {};
    for (const [connections, outcome] of measured) {
      figures[`depositsPerSecondC${connections}`] = {
        value: outcome.requestsPerSecond,
        unit: 'deposits/s',
      };
      figures[`p50MsC${connections}`] = { value: outcome.p50Ms, unit: 'ms' };
      figures[`p99MsC${connections}`] = { value: outcome.p99Ms, unit: 'ms' };
      figures[`maxMsC${connections}`] = { value: outcome.maxMs, unit: 'ms' };
      figures[`serverBusyMsPerDepositC${connections}`] = {
        value: outcome.serverBusyMsPerDeposit,
        unit: 'ms (app main thread busy per deposit)',
      };
      figures[`requestsC${connections}`] = { value: outcome.requestCount, unit: 'count' };
      figures[`non2xxC${connections}`] = { value: outcome.non2xxCount, unit: 'count' };
    }
    const ratioRun = measured.get(RATIO_CONNECTIONS);
    if (ratioRun !== undefined) {
      figures.p99ToHelloP99 = {
        value: ratioRun.p99Ms / Math.max(1, ctx.calibration.helloP99Ms),
        unit: '× hello-world p99 (-c 100)',
      };
    }
    figures.depositEntries = { value: final.deposits, unit: 'count (warm-ups included)' };
    figures.setupSeconds = { value: setupSeconds, unit: 's' };
    figures.auditSeconds = { value: audit.seconds, unit: 's' };

    const notes = [
      `app database: ${app.label}; app pool ${APP_POOL_SIZE} sessions; LOG_LEVEL silent`,
      `${MEMBERS} members by registerMember + openMemberSubAccount (sukarela); one kasir, one open teller session: ` +
        'every deposit shares that session row and takes the ledger chain head to post, so the postings of one cooperative are serial by design',
      'measured runs are bounded by count (sized from the warm-up rate), so every committed deposit has its response counted',
      'the ratio is deposits/s at -c 100 ÷ the calibration hello-world (-c 100 -p 1); -c 1 and -c 16 are shown without a ratio',
    ];
    const busyMs = figures[`serverBusyMsPerDepositC${RATIO_CONNECTIONS}`]?.value;
    if (busyMs !== undefined && busyMs > 0) {
      const ceiling = 1000 / busyMs;
      notes.push(
        `the app's own main thread is busy ${busyMs.toFixed(2)} ms per deposit (HTTP, auth, validation, ~15 SQL round trips), ` +
          `so one process cannot exceed ~${ceiling.toFixed(0)} deposits/s = ` +
          `${(ceiling / ctx.calibration.helloRequestsPerSecond).toFixed(3)} × hello-world, whatever the database does`,
      );
    }
    if (ctx.database.kind === 'pglite') {
      notes.push(
        "PGlite: one database session, so requests queue for it; figures are PGlite's at PGlite's durability",
      );
    }
    if (!app.isAppRoleNonSuperuser) notes.push('the app connected as the admin role (superuser)');
    return {
      figures,
      ratios:
        ratioRun === undefined
          ? {}
          : {
              R8d: ratioTo(
                figures,
                `depositsPerSecondC${RATIO_CONNECTIONS}`,
                ctx.calibration,
                'helloRequestsPerSecond',
                { atLeast: 0.2 },
              ),
            },
      correctness: correctnessOf(checks),
      notes,
    };
  } finally {
    await closeServer();
    await app.close();
  }
}

interface EntryCounts {
  readonly all: number;
  readonly deposits: number;
  readonly sessionEntries: number;
}

async function countEntries(
  db: Database,
  cooperativeId: string,
  sessionId: string,
): Promise<EntryCounts> {
  const [row] = await db.admin.query<{ all: number; deposits: number; session_entries: number }>(
    `select (select count(*)::int from journal_entries where cooperative_id = $1) as "all",
            (select count(*)::int from journal_entries where cooperative_id = $1
               and source_type = 'savings.deposit') as deposits,
            (select count(*)::int from savings_session_entries where cooperative_id = $1
               and session_id = $2) as session_entries`,
    [cooperativeId, sessionId],
  );
  return {
    all: row?.all ?? 0,
    deposits: row?.deposits ?? 0,
    sessionEntries: row?.session_entries ?? 0,
  };
}

function secondsSince(startedNs: bigint): number {
  return Number(process.hrtime.bigint() - startedNs) / 1e9;
}
