import { uuidv7 } from '@lumbung/shared/ids';
import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import { insertSession } from '../savings.sql.js';
import type { SavingsContext } from '../savings.types.js';
import { getTellerSession } from '../queries/get-teller-session.js';

/**
 * A kasir starts the day with a counted opening float in the drawer. One open session per
 * teller, so every teller posting belongs to exactly one drawer.
 * Refuses: savings.session_already_open.
 */
export async function openTellerSession(ctx: SavingsContext, input: { openingFloat: bigint }) {
  assert(ctx.actorPersonId, 'a teller session belongs to a signed-in person');
  const id = uuidv7(ctx.now.getTime());
  const isOpened = await insertSession(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    id,
    tellerPersonId: ctx.actorPersonId,
    openedAt: ctx.now,
    openingFloat: input.openingFloat,
  });
  if (!isOpened) throw new DomainError('savings.session_already_open');
  return getTellerSession(ctx, id);
}
