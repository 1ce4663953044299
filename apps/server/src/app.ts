import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { uuidPattern, uuidv7 } from '@lumbung/shared/ids';
import { healthResponse } from '@lumbung/shared/contracts/platform';
import type { Config } from './platform/config.js';
import type { Clock } from './platform/clock.js';
import { withSystem, type Database } from './platform/db/database.js';
import { registerAuthentication } from './platform/http/authenticate.js';
import { registerAuthorization } from './platform/http/authorize.js';
import { problemOf, registerProblemHandlers, sendProblem } from './platform/http/problem.js';
import {
  findRouteDeclarationProblem,
  summarizeRoute,
  type RouteSummary,
} from './platform/http/route-declarations.js';
import type { OutboxHandler } from './platform/outbox/outbox.js';
import {
  cooperativesRoutes,
  findCooperativeDistrict,
  getCooperative,
} from './modules/cooperatives/index.js';
import { ledgerRoutes, statementsRoutes } from './modules/ledger/index.js';
import { membersRoutes, type CardKeys } from './modules/members/index.js';
import { shuRoutes } from './modules/shu/index.js';
import { payrollRoutes, savingsRoutes, termDepositsRoutes } from './modules/savings/index.js';
import {
  bankFacilitiesRoutes,
  loanDayEndRoutes,
  loansRoutes,
  payrollLoanRepayments,
} from './modules/loans/index.js';
import {
  identityRoutes,
  resolveActor,
  sendOneTimeCodeHandler,
  sendOneTimeCodeTopic,
  type MessageChannel,
} from './modules/identity/index.js';

export interface AppDeps {
  config: Config;
  db: Database;
  clock: Clock;
  migration: string;
  channel: MessageChannel;
  cardKeys: CardKeys;
  kickOutbox?: () => void;
  version?: string;
}

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Topic -> handler for the outbox worker; modules add theirs here. */
export function outboxHandlers(deps: Pick<AppDeps, 'channel'>): Map<string, OutboxHandler> {
  return new Map([[sendOneTimeCodeTopic, sendOneTimeCodeHandler(deps.channel)]]);
}

/** The composition root: platform plugins, then every module's routes, then the web app. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && uuidPattern.test(incoming) ? incoming : uuidv7();
    },
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const routeTable: RouteSummary[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const problem = findRouteDeclarationProblem(route);
    if (problem) throw new Error(problem);
    routeTable.push(summarizeRoute(route));
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error('rate limited'), {
        statusCode: 429,
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lumbung API',
        version: deps.version ?? '0.1.0',
        description:
          'Platform for Indonesian cooperatives. Errors are application/problem+json with a stable `code` and messages in Indonesian and English. POSTs that create or move something need an Idempotency-Key header.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'lumbung_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerProblemHandlers(app);
  registerAuthentication(
    app,
    (tokenHash, now) => resolveActor(deps.db, tokenHash, now),
    () => deps.clock.now(),
  );
  registerAuthorization(app, (cooperativeId) =>
    withSystem(deps.db, 'dinas region check for a cooperative route', (tx) =>
      findCooperativeDistrict({ tx }, cooperativeId),
    ),
  );

  app.get('/api/v1/health', {
    config: { access: { public: true } },
    schema: {
      tags: ['platform'],
      summary: 'Liveness and database',
      response: { 200: healthResponse },
    },
    handler: async () => {
      await withSystem(deps.db, 'health probe', (tx) => tx.execute(sql`select 1`));
      return {
        status: 'ok' as const,
        database: deps.db.kind,
        migration: deps.migration,
        version: deps.version ?? '0.1.0',
      };
    },
  });
  app.get('/api/docs/openapi.json', {
    config: { access: { public: true } },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  const respondDeps = { db: deps.db, now: () => deps.clock.now() };
  const identityPolicy = {
    sessionTtlHours: deps.config.sessionTtlHours,
    login: deps.config.login,
    pin: { maxFailures: 3, lockMinutes: 30 },
  };
  await app.register(cooperativesRoutes(respondDeps));
  await app.register(ledgerRoutes(respondDeps));
  await app.register(membersRoutes({ ...respondDeps, cardKeys: deps.cardKeys }));
  await app.register(savingsRoutes({ ...respondDeps, pinPolicy: identityPolicy }));
  // Savings declares the payroll port; loans implements it (savings never imports loans).
  await app.register(payrollRoutes({ ...respondDeps, loanRepayments: payrollLoanRepayments }));
  await app.register(termDepositsRoutes(respondDeps));
  await app.register(loansRoutes({ ...respondDeps, pinPolicy: identityPolicy }));
  await app.register(loanDayEndRoutes(respondDeps));
  await app.register(bankFacilitiesRoutes(respondDeps));
  await app.register(shuRoutes(respondDeps));
  await app.register(
    statementsRoutes({
      ...respondDeps,
      fiscalYearStartMonth: async (cooperativeId, tx) =>
        (await getCooperative({ tx }, cooperativeId)).fiscalYearStartMonth,
      cooperativeName: async (cooperativeId, tx) =>
        (await getCooperative({ tx }, cooperativeId)).name,
    }),
  );
  await app.register(
    identityRoutes({
      ...respondDeps,
      policy: identityPolicy,
      cookieSecure: deps.config.cookieSecure,
      loginRatePerMinute: deps.config.login.rateLimitPerMinute,
      kickOutbox: deps.kickOutbox ?? (() => undefined),
    }),
  );

  await registerWebApp(app);
  return app;
}

/** Serves the built PWA; unknown non-API GETs get index.html so client routes deep-link. */
async function registerWebApp(app: FastifyInstance) {
  const hasBuild = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/');
    if (!isApi && hasBuild && request.method === 'GET') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, problemOf('request.not_found', request.id));
  });
}
