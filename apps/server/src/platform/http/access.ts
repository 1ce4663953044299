import type { MembershipRole, OfficerRole } from '@lumbung/shared/contracts/identity';

/**
 * Who may call a route. Every route declares one (app.ts refuses to register a route without);
 * the access hook enforces it before the handler runs.
 * - public: anyone, signed in or not (login, health, regions)
 * - authenticated: any signed-in person, acting for themself
 * - tenant: routes under /cooperatives/:cooperativeId; `roles` of an active membership there
 *   ('member' = any active membership), optionally also officers whose scope covers the coop
 * - officers: platform operators and/or dinas officers, outside any one cooperative
 */
export type Access =
  | { public: true }
  | { authenticated: true }
  | { tenant: readonly MembershipRole[] | 'member'; officers?: readonly OfficerRole[] }
  | { officers: readonly OfficerRole[] };

export const backOffice: readonly MembershipRole[] = [
  'ketua',
  'sekretaris',
  'bendahara',
  'manajer',
  'pengawas',
  'kasir',
];
export const boardAndManager: readonly MembershipRole[] = [
  'ketua',
  'sekretaris',
  'bendahara',
  'manajer',
];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** POSTs that create or move something take an Idempotency-Key; others say false. */
    idempotent?: boolean;
  }
}
