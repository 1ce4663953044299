import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorPageQuery, pageOf, uuidSchema } from '@lumbung/shared/contracts/common';
import {
  createOfficerRequest,
  grantRolesRequest,
  localeRequest,
  loginRequest,
  meResponse,
  membershipRoles,
  otpLoginRequest,
  otpRequest,
  otpRequestResponse,
  passwordResetRequest,
  registerPersonRequest,
  registeredMembershipResponse,
  sessionResponse,
  setPinRequest,
  verifyPinRequest,
} from '@lumbung/shared/contracts/identity';
import { boardAndManager, backOffice } from '../../platform/http/access.js';
import { sessionCookieName } from '../../platform/http/authenticate.js';
import { DomainError } from '../../platform/domain-error.js';
import { respond, runInScope, type RespondDeps } from '../../platform/http/respond.js';
import { createOfficer } from './commands/create-officer.js';
import { grantRoles } from './commands/grant-roles.js';
import { loginWithOneTimeCode } from './commands/login-with-one-time-code.js';
import { loginWithPassword, throwIfRefused } from './commands/login-with-password.js';
import { registerPerson } from './commands/register-person.js';
import { requestOneTimeCode } from './commands/request-one-time-code.js';
import { resetPassword } from './commands/reset-password.js';
import { checkTransactionPin, setTransactionPin } from './commands/transaction-pin.js';
import { setLocale, revokeSession } from './identity.sql.js';
import type { IdentityPolicy, PersonAccess, SessionGrant } from './identity.types.js';
import { getPersonAccess } from './queries/get-person-access.js';
import { listMemberships } from './queries/list-memberships.js';

export interface IdentityRouteDeps extends RespondDeps {
  policy: IdentityPolicy;
  cookieSecure: boolean;
  loginRatePerMinute: number;
  /** Called after a write queued an outbox message (delivers it without waiting for the poll). */
  kickOutbox: () => void;
}

const tags = ['identity'];
const signInReason = 'sign in by phone: the person is not known before the check';

/** Browsers get the httpOnly cookie; API clients (Authorization header or ?) use the token. */
function sessionKindOf(request: FastifyRequest): 'cookie' | 'bearer' {
  return request.headers['x-lumbung-client'] === 'api' ? 'bearer' : 'cookie';
}

function signIn(
  reply: FastifyReply,
  deps: IdentityRouteDeps,
  session: SessionGrant,
  access: PersonAccess,
) {
  reply.setCookie(sessionCookieName, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.cookieSecure,
    path: '/',
    expires: session.expiresAt,
  });
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), ...access };
}

export function identityRoutes(deps: IdentityRouteDeps) {
  const rateLimit = { max: deps.loginRatePerMinute, timeWindow: '1 minute' };
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post('/api/v1/auth/login', {
      config: { access: { public: true }, idempotent: false, rateLimit },
      schema: {
        tags,
        summary: 'Sign in with phone and password',
        body: loginRequest,
        response: { 200: sessionResponse },
      },
      handler: async (request, reply) => {
        const outcome = await runInScope(
          deps,
          request,
          (ctx) =>
            loginWithPassword(
              ctx,
              {
                ...request.body,
                sessionKind: sessionKindOf(request),
                userAgent: request.headers['user-agent'] ?? null,
              },
              deps.policy,
            ),
          { systemReason: signInReason },
        );
        throwIfRefused(outcome);
        return signIn(reply, deps, outcome.session, outcome.access);
      },
    });

    app.post('/api/v1/auth/logout', {
      config: { access: { authenticated: true }, idempotent: false },
      schema: { tags, summary: 'End this session', response: { 204: z.null() } },
      handler: async (request, reply) => {
        const tokenHash = request.actor?.sessionTokenHash;
        if (tokenHash)
          await runInScope(deps, request, (ctx) => revokeSession(ctx.tx, tokenHash, ctx.now));
        reply.clearCookie(sessionCookieName, { path: '/' });
        return reply.code(204).send(null);
      },
    });

    app.get('/api/v1/auth/me', {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: 'The signed-in person, memberships and officer scopes',
        response: { 200: meResponse },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, (ctx) => getPersonAccess(ctx, request.actor?.personId ?? '')),
    });

    app.put('/api/v1/auth/locale', {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: 'Preferred language (id or en)',
        body: localeRequest,
        response: { 200: localeRequest },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          await setLocale(ctx.tx, request.actor?.personId ?? '', request.body.locale);
          return request.body;
        }),
    });

    app.post('/api/v1/auth/otp', {
      config: {
        access: { public: true },
        idempotent: false,
        rateLimit: { max: 5, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Send a one-time code to a phone (WhatsApp, SMS or console by configuration)',
        body: otpRequest,
        response: { 200: otpRequestResponse },
      },
      handler: async (request) => {
        const result = await runInScope(
          deps,
          request,
          (ctx) => requestOneTimeCode(ctx, request.body),
          {
            systemReason: 'one-time code for a phone number',
          },
        );
        deps.kickOutbox();
        return { ...result, channel: 'configured' };
      },
    });

    app.post('/api/v1/auth/otp/login', {
      config: { access: { public: true }, idempotent: false, rateLimit },
      schema: {
        tags,
        summary: 'Sign in with a one-time code',
        body: otpLoginRequest,
        response: { 200: sessionResponse },
      },
      handler: async (request, reply) => {
        const outcome = await runInScope(
          deps,
          request,
          (ctx) =>
            loginWithOneTimeCode(
              ctx,
              {
                ...request.body,
                sessionKind: sessionKindOf(request),
                userAgent: request.headers['user-agent'] ?? null,
              },
              deps.policy,
            ),
          { systemReason: signInReason },
        );
        if (outcome.kind === 'refused') throw new DomainError(outcome.code);
        return signIn(reply, deps, outcome.session, outcome.access);
      },
    });

    app.post('/api/v1/auth/password/reset', {
      config: { access: { public: true }, idempotent: false, rateLimit },
      schema: {
        tags,
        summary: 'Set a new password with a reset code',
        body: passwordResetRequest,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        const outcome = await runInScope(deps, request, (ctx) => resetPassword(ctx, request.body), {
          systemReason: 'password reset by one-time code',
        });
        if (outcome.kind === 'refused') throw new DomainError(outcome.code);
        return reply.code(204).send(null);
      },
    });

    app.put('/api/v1/auth/pin', {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: 'Set the transaction PIN (confirmed by password)',
        body: setPinRequest,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await runInScope(deps, request, (ctx) =>
          setTransactionPin({ ...ctx, personId: request.actor?.personId ?? '' }, request.body),
        );
        return reply.code(204).send(null);
      },
    });

    app.post('/api/v1/auth/pin/verify', {
      config: { access: { authenticated: true }, idempotent: false, rateLimit },
      schema: {
        tags,
        summary: 'Check the transaction PIN',
        body: verifyPinRequest,
        response: { 200: z.object({ valid: z.literal(true) }) },
      },
      handler: async (request) => {
        const outcome = await runInScope(deps, request, (ctx) =>
          checkTransactionPin(
            { ...ctx, personId: request.actor?.personId ?? '' },
            request.body.pin,
            deps.policy,
          ),
        );
        if (outcome.kind === 'valid') return { valid: true as const };
        if (outcome.code === 'auth.pin_locked') {
          throw new DomainError('auth.pin_locked', {
            lockedUntil: outcome.lockedUntil.toISOString(),
          });
        }
        throw new DomainError(outcome.code);
      },
    });

    const cooperativeParams = z.object({ cooperativeId: uuidSchema });

    app.get('/api/v1/cooperatives/:cooperativeId/people', {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'People of this cooperative and their roles',
        params: cooperativeParams,
        querystring: cursorPageQuery,
        response: {
          200: pageOf(
            z.object({
              membershipId: uuidSchema,
              cooperativeId: uuidSchema,
              personId: uuidSchema,
              fullName: z.string(),
              phone: z.string(),
              nikMasked: z.string(),
              roles: z.array(z.enum(membershipRoles)),
              status: z.string(),
              joinedOn: z.string(),
            }),
          ),
        },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, (ctx) =>
          listMemberships(ctx, {
            cursor: request.query.cursor ?? null,
            limit: request.query.limit,
          }),
        ),
    });

    app.post('/api/v1/cooperatives/:cooperativeId/people', {
      config: { access: { tenant: boardAndManager }, idempotent: true },
      schema: {
        tags,
        summary: 'Register a person in this cooperative with roles',
        params: cooperativeParams,
        body: registerPersonRequest,
        response: { 201: registeredMembershipResponse },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, (ctx) => registerPerson(ctx, request.body), { status: 201 }),
    });

    app.put('/api/v1/cooperatives/:cooperativeId/people/:membershipId/roles', {
      config: { access: { tenant: ['ketua'] } },
      schema: {
        tags,
        summary: 'Set the roles of a membership (ketua)',
        params: cooperativeParams.extend({ membershipId: uuidSchema }),
        body: grantRolesRequest,
        response: {
          200: z.object({ membershipId: uuidSchema, roles: z.array(z.enum(membershipRoles)) }),
        },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, (ctx) =>
          grantRoles(ctx, { membershipId: request.params.membershipId, roles: request.body.roles }),
        ),
    });

    app.post('/api/v1/officers', {
      config: { access: { officers: ['platform'] }, idempotent: true },
      schema: {
        tags,
        summary: 'Create a dinas officer (scoped to regions) or a platform operator',
        body: createOfficerRequest,
        response: { 201: meResponse },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, (ctx) => createOfficer(ctx, request.body), {
          status: 201,
          systemReason: 'platform operator grants an officer role',
        }),
    });
  };
}
