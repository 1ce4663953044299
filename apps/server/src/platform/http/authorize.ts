import type { FastifyInstance, FastifyRequest } from 'fastify';
import { uuidPattern } from '@lumbung/shared/ids';
import { DomainError } from '../domain-error.js';
import { activeMembership, officerScope, regionCovers, type Actor } from './actor.js';
import type { Access } from './access.js';

export type DistrictOf = (cooperativeId: string) => Promise<string | null>;

export function cooperativeIdParam(request: FastifyRequest): string | null {
  const params = request.params as { cooperativeId?: string } | undefined;
  return params?.cooperativeId ?? null;
}

async function officerMayReach(
  actor: Actor,
  access: Access,
  cooperativeId: string,
  districtOf: DistrictOf,
) {
  if (!('tenant' in access) || !access.officers) return false;
  if (access.officers.includes('platform') && officerScope(actor, 'platform')) return true;
  const dinas = access.officers.includes('dinas') ? officerScope(actor, 'dinas') : undefined;
  if (!dinas) return false;
  const district = await districtOf(cooperativeId);
  return district !== null && regionCovers(dinas.regionCodes, district);
}

/** Enforces each route's declared access before its handler runs. */
export function registerAuthorization(app: FastifyInstance, districtOf: DistrictOf) {
  // preValidation: a caller without access learns nothing, not even what a valid body looks like.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // static files and 404s; app.ts refuses API routes without a declaration
    if ('public' in access) return;
    const actor = request.actor;
    if (!actor) throw new DomainError('auth.unauthenticated');
    if ('authenticated' in access) return;
    if ('tenant' in access) {
      const cooperativeId = cooperativeIdParam(request);
      if (!cooperativeId || !uuidPattern.test(cooperativeId))
        throw new DomainError('auth.forbidden');
      const membership = activeMembership(actor, cooperativeId);
      const allowedByRole =
        membership !== undefined &&
        (access.tenant === 'member' ||
          membership.roles.some((role) => access.tenant.includes(role)));
      if (allowedByRole) return;
      if (await officerMayReach(actor, access, cooperativeId, districtOf)) return;
      throw new DomainError('auth.forbidden');
    }
    const allowed = access.officers.some((role) => officerScope(actor, role) !== undefined);
    if (!allowed) throw new DomainError('auth.forbidden');
  });
}
