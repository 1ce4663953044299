import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorPageQuery, pageOf, uuidSchema } from '@lumbung/shared/contracts/common';
import {
  cooperativeView,
  createCooperativeRequest,
  federationView,
  joinFederationRequest,
  regionView,
} from '@lumbung/shared/contracts/cooperatives';
import { officerScope } from '../../platform/http/actor.js';
import { respond, type RespondDeps } from '../../platform/http/respond.js';
import { joinFederation } from './commands/join-federation.js';
import { registerCooperative } from './commands/register-cooperative.js';
import { getCooperative } from './queries/get-cooperative.js';
import { getFederation } from './queries/get-federation.js';
import { listCooperatives } from './queries/list-cooperatives.js';
import { listRegions } from './queries/list-regions.js';

const tags = ['cooperatives'];
const cooperativeParams = z.object({ cooperativeId: uuidSchema });

export function cooperativesRoutes(deps: RespondDeps) {
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/regions', {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Provinces and NTT districts',
        response: { 200: z.object({ items: z.array(regionView) }) },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => ({ items: await listRegions(ctx) })),
    });

    app.get('/api/v1/cooperatives', {
      config: { access: { officers: ['dinas', 'platform'] } },
      schema: {
        tags,
        summary: 'The cooperative registry, limited to a dinas officer’s regions',
        querystring: cursorPageQuery,
        response: { 200: pageOf(cooperativeView) },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, (ctx) => {
          const actor = request.actor;
          const isPlatform = actor !== null && officerScope(actor, 'platform') !== undefined;
          const regionPrefixes = isPlatform
            ? null
            : ((actor && officerScope(actor, 'dinas')?.regionCodes) ?? []);
          return listCooperatives(ctx, {
            regionPrefixes,
            cursor: request.query.cursor ?? null,
            limit: request.query.limit,
          });
        }),
    });

    app.post('/api/v1/cooperatives', {
      config: { access: { officers: ['platform'] }, idempotent: true },
      schema: {
        tags,
        summary: 'Register a cooperative (platform operators)',
        body: createCooperativeRequest,
        response: { 201: cooperativeView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          (ctx) =>
            registerCooperative(
              { ...ctx, actorPersonId: request.actor?.personId ?? null },
              request.body,
            ),
          { status: 201, systemReason: 'platform operator registers a cooperative' },
        ),
    });

    app.get('/api/v1/cooperatives/:cooperativeId', {
      config: { access: { tenant: 'member', officers: ['dinas', 'platform'] } },
      schema: {
        tags,
        summary: 'One cooperative',
        params: cooperativeParams,
        response: { 200: cooperativeView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, (ctx) => getCooperative(ctx, request.params.cooperativeId)),
    });

    app.get('/api/v1/cooperatives/:cooperativeId/federation', {
      config: { access: { tenant: 'member', officers: ['dinas', 'platform'] } },
      schema: {
        tags,
        summary: 'Secondary cooperatives this one belongs to, and its own member cooperatives',
        params: cooperativeParams,
        response: { 200: federationView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, (ctx) => getFederation(ctx, request.params.cooperativeId)),
    });

    app.post('/api/v1/cooperatives/:cooperativeId/federation', {
      config: { access: { tenant: ['ketua'], officers: ['platform'] }, idempotent: true },
      schema: {
        tags,
        summary: 'Join a secondary cooperative (the primary’s ketua)',
        params: cooperativeParams,
        body: joinFederationRequest,
        response: { 201: federationView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          (ctx) =>
            joinFederation(ctx, {
              memberCooperativeId: request.params.cooperativeId,
              secondaryCooperativeId: request.body.secondaryCooperativeId,
            }),
          { status: 201 },
        ),
    });
  };
}
