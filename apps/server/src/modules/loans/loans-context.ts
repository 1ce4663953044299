import { assert } from '../../platform/assert.js';
import type { Context } from '../../platform/context.js';
import type { LoansContext } from './loans.types.js';

/** The loans context of a tenant route: its cooperative, the acting person and the request's key. */
export function loansContext(ctx: Context): LoansContext {
  assert(ctx.cooperativeId, 'loans routes are tenant routes');
  return {
    tx: ctx.tx,
    cooperativeId: ctx.cooperativeId,
    now: ctx.now,
    actorPersonId: ctx.actor?.personId ?? null,
    idempotencyKey: ctx.idempotencyKey,
  };
}
