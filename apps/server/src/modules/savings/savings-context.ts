import { assert } from '../../platform/assert.js';
import type { Context } from '../../platform/context.js';
import type { SavingsContext } from './savings.types.js';

/** The savings context of a tenant route: its cooperative, the acting officer and the request's key. */
export function savingsContext(ctx: Context): SavingsContext {
  assert(ctx.cooperativeId, 'savings routes are tenant routes');
  return {
    tx: ctx.tx,
    cooperativeId: ctx.cooperativeId,
    now: ctx.now,
    actorPersonId: ctx.actor?.personId ?? null,
    idempotencyKey: ctx.idempotencyKey,
  };
}
