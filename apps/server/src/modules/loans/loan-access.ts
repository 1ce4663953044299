import type { Context } from '../../platform/context.js';
import { DomainError } from '../../platform/domain-error.js';
import { backOffice } from '../../platform/http/access.js';
import { activeMembership } from '../../platform/http/actor.js';

/** The caller's membership of the cooperative in scope, and its roles. */
export function rolesOf(ctx: Context) {
  const membership =
    ctx.actor && ctx.cooperativeId ? activeMembership(ctx.actor, ctx.cooperativeId) : undefined;
  return { membership, roles: membership?.roles ?? [] };
}

/** A member reads their own loans; the back office (pengawas included) reads every case. */
export function assertSelfOrBackOffice(ctx: Context, membershipId: string) {
  const { membership, roles } = rolesOf(ctx);
  const isBackOffice = roles.some((role) => backOffice.includes(role));
  if (!isBackOffice && membership?.membershipId !== membershipId)
    throw new DomainError('auth.forbidden');
}
