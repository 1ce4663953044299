import { randomInt } from 'node:crypto';
import { uuidv7 } from '@lumbung/shared/ids';
import { normalizePhone } from '@lumbung/shared/phone';
import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import { enqueueOutbox } from '../../../platform/outbox/outbox.js';
import { findPersonIdByPhone, findPersonRow, insertOneTimeCode } from '../identity.sql.js';
import {
  hashOneTimeCode,
  oneTimeCodeFrom,
  oneTimeCodeText,
  oneTimeCodeTtlMinutes,
} from '../rules/one-time-code.js';

export const sendOneTimeCodeTopic = 'identity.send_one_time_code';

/**
 * Creates a one-time code and queues its delivery through the outbox (the channel adapter sends
 * it). An unknown phone gets the same answer and nothing is sent, so the endpoint cannot be used
 * to find out who is a member.
 *
 * Refuses: identity.phone_invalid.
 */
export async function requestOneTimeCode(
  ctx: { tx: Tx; now: Date },
  input: { phone: string; purpose: 'login' | 'reset_password' },
) {
  const phone = normalizePhone(input.phone);
  if (!phone) throw new DomainError('identity.phone_invalid');
  const expiresAt = new Date(ctx.now.getTime() + oneTimeCodeTtlMinutes * 60_000);
  const personId = await findPersonIdByPhone(ctx.tx, phone);
  const person = personId ? await findPersonRow(ctx.tx, personId) : null;
  if (person) {
    const id = uuidv7(ctx.now.getTime());
    const code = oneTimeCodeFrom(randomInt(0, 2 ** 32 - 1));
    await insertOneTimeCode(ctx.tx, {
      id,
      phone,
      purpose: input.purpose,
      codeHash: hashOneTimeCode(id, code),
      expiresAt,
      createdAt: ctx.now,
    });
    await enqueueOutbox(
      ctx.tx,
      {
        topic: sendOneTimeCodeTopic,
        payload: {
          to: phone,
          code,
          text: oneTimeCodeText(code, person.locale),
          redactAfterDelivery: ['code', 'text'],
        },
        idempotencyKey: `otp:${id}`,
        cooperativeId: null,
      },
      ctx.now,
    );
  }
  return { sent: true as const, expiresAt: expiresAt.toISOString() };
}
