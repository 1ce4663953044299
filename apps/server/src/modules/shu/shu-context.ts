import { assert } from '../../platform/assert.js';
import type { Context } from '../../platform/context.js';
import type { ShuContext } from './shu.types.js';

/** The SHU context of a tenant route: its cooperative, the acting person and the request's key. */
export function shuContext(ctx: Context): ShuContext {
  assert(ctx.cooperativeId, 'shu routes are tenant routes');
  return {
    tx: ctx.tx,
    cooperativeId: ctx.cooperativeId,
    now: ctx.now,
    actorPersonId: ctx.actor?.personId ?? null,
    idempotencyKey: ctx.idempotencyKey,
  };
}
