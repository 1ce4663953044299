import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';

export const sessionCookieName = 'lumbung_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  return request.cookies[sessionCookieName] ?? null;
}

export type ResolveActor = (tokenHash: string, now: Date) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Resolves the caller from the session cookie (web) or bearer token (API clients). */
export function registerAuthentication(
  app: FastifyInstance,
  resolveActor: ResolveActor,
  now: () => Date,
) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = tokenOf(request);
    request.actor = token ? await resolveActor(hashToken(token), now()) : null;
  });
}
