import { PermanentFailure, type OutboxHandler } from '../../platform/outbox/outbox.js';
import { ChannelError, type MessageChannel } from './channels/channel.js';

/** Outbox handler for identity.send_one_time_code: a refused message is not retried. */
export function sendOneTimeCodeHandler(channel: MessageChannel): OutboxHandler {
  return async (payload, meta) => {
    const { to, text, code } = payload as { to: string; text: string; code: string };
    try {
      await channel.send({ to, text, code, idempotencyKey: meta.idempotencyKey });
    } catch (error) {
      if (error instanceof ChannelError && !error.isRetryable)
        throw new PermanentFailure(error.message);
      throw error;
    }
  };
}
