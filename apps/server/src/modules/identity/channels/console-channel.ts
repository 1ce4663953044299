import type { MessageChannel, OutgoingMessage, SentMessage } from './channel.js';

/**
 * Prints one-time codes instead of sending them, so a developer or a cooperative trying Lumbung
 * on a laptop can log in without a WhatsApp or SMS account. The printed line contains the code:
 * never use this channel where logs are shipped or shared.
 */
export function createConsoleChannel(log: (line: string) => void): MessageChannel {
  return {
    name: 'console',
    send(message: OutgoingMessage): Promise<SentMessage> {
      log(`[OTP] ${message.to} : ${message.text}`);
      return Promise.resolve({
        channel: 'console',
        providerMessageId: `console-${message.idempotencyKey}`,
      });
    },
  };
}
