import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorPageQuery, pageOf, uuidSchema } from '@lumbung/shared/contracts/common';
import {
  applyForMembershipRequest,
  decideApplicationRequest,
  memberCardView,
  memberStatuses,
  memberView,
  registerMemberRequest,
  verifiedCardView,
  verifyCardRequest,
} from '@lumbung/shared/contracts/members';
import { assert } from '../../platform/assert.js';
import type { Context } from '../../platform/context.js';
import { DomainError } from '../../platform/domain-error.js';
import { backOffice, boardAndManager } from '../../platform/http/access.js';
import { activeMembership } from '../../platform/http/actor.js';
import { respond, type RespondDeps } from '../../platform/http/respond.js';
import { applyForMembership } from './commands/apply-for-membership.js';
import { decideApplication } from './commands/decide-application.js';
import { issueMemberCard, verifyMemberCard } from './commands/member-card.js';
import { registerMember } from './commands/register-member.js';
import type { CardKeys } from './members.types.js';
import { getMember, listMembers, searchMembers } from './queries/read-members.js';
import { toMemberView } from './queries/to-member-view.js';

const tags = ['members'];
const params = z.object({ cooperativeId: uuidSchema });
const memberParams = params.extend({ membershipId: uuidSchema });
const pengurus = ['ketua', 'sekretaris', 'bendahara'] as const;

function tenant(ctx: Context) {
  assert(ctx.cooperativeId, 'member routes are tenant routes');
  return { ...ctx, cooperativeId: ctx.cooperativeId, actorPersonId: ctx.actor?.personId ?? null };
}

/** A member may read their own record and card; the back office reads everyone's. */
function assertSelfOrBackOffice(ctx: Context, membershipId: string) {
  const membership =
    ctx.actor && ctx.cooperativeId ? activeMembership(ctx.actor, ctx.cooperativeId) : undefined;
  const isBackOffice = membership?.roles.some((role) => backOffice.includes(role)) ?? false;
  if (!isBackOffice && membership?.membershipId !== membershipId)
    throw new DomainError('auth.forbidden');
}

export function membersRoutes(deps: RespondDeps & { cardKeys: CardKeys }) {
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/cooperatives/:cooperativeId';

    app.get(`${base}/members`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'The member registry (status=calon is the approval queue)',
        params,
        querystring: cursorPageQuery.extend({ status: z.enum(memberStatuses).optional() }),
        response: { 200: pageOf(memberView) },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, (ctx) =>
          listMembers(tenant(ctx), {
            status: request.query.status ?? null,
            cursor: request.query.cursor ?? null,
            limit: request.query.limit,
          }),
        ),
    });

    app.get(`${base}/members/search`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Find members by number, NIK, phone or name',
        params,
        querystring: z.object({
          q: z.string().trim().min(1).max(80),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: { 200: z.object({ items: z.array(memberView) }) },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, (ctx) =>
          searchMembers(tenant(ctx), { query: request.query.q, limit: request.query.limit }),
        ),
    });

    app.post(`${base}/members`, {
      config: { access: { tenant: [...boardAndManager, 'kasir'] }, idempotent: true },
      schema: {
        tags,
        summary: 'Register a member (officer)',
        params,
        body: registerMemberRequest,
        response: { 201: memberView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) => toMemberView(await registerMember(tenant(ctx), request.body)),
          { status: 201 },
        ),
    });

    app.get(`${base}/members/:membershipId`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: 'One member (the back office, or the member themself)',
        params: memberParams,
        response: { 200: memberView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          assertSelfOrBackOffice(ctx, request.params.membershipId);
          return toMemberView(await getMember(tenant(ctx), request.params.membershipId));
        }),
    });

    app.get(`${base}/members/:membershipId/card`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: 'The member card: a signed QR payload verifiable offline',
        params: memberParams,
        response: { 200: memberCardView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          assertSelfOrBackOffice(ctx, request.params.membershipId);
          return issueMemberCard(tenant(ctx), {
            membershipId: request.params.membershipId,
            keys: deps.cardKeys,
          });
        }),
    });

    app.post(`${base}/member-applications`, {
      config: { access: { authenticated: true }, idempotent: true },
      schema: {
        tags,
        summary: 'Apply to join this cooperative (self-registration; the pengurus decides)',
        params,
        body: applyForMembershipRequest,
        response: { 201: memberView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toMemberView(
              await applyForMembership(
                { ...tenant(ctx), personId: request.actor?.personId ?? '' },
                request.body,
              ),
            ),
          { status: 201 },
        ),
    });

    app.post(`${base}/member-applications/:membershipId/decision`, {
      config: { access: { tenant: pengurus }, idempotent: true },
      schema: {
        tags,
        summary: 'Approve or refuse an application (pengurus)',
        params: memberParams,
        body: decideApplicationRequest,
        response: { 200: memberView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toMemberView(
            await decideApplication(
              { ...tenant(ctx), actorPersonId: request.actor?.personId ?? '' },
              { membershipId: request.params.membershipId, ...request.body },
            ),
          ),
        ),
    });

    app.get('/api/v1/member-cards/public-key', {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'The public key that verifies member cards offline',
        response: { 200: z.object({ algorithm: z.literal('Ed25519'), publicKeyPem: z.string() }) },
      },
      handler: async () => ({
        algorithm: 'Ed25519' as const,
        publicKeyPem: deps.cardKeys.publicKeyPem,
      }),
    });

    app.post('/api/v1/member-cards/verify', {
      config: { access: { public: true }, idempotent: false },
      schema: {
        tags,
        summary: 'Check a member card payload (the same check runs offline)',
        body: verifyCardRequest,
        response: { 200: verifiedCardView },
      },
      handler: async (request) => verifyMemberCard(request.body.payload, deps.cardKeys),
    });
  };
}
