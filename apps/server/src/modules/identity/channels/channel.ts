import { assert } from '../../../platform/assert.js';

/** A one-time code on its way to a person, as the outbox hands it to a delivery channel. */
export interface OutgoingMessage {
  /** E.164, e.g. +6281234567890. */
  to: string;
  /** The full text, already in the person's language; free-text channels send it as is. */
  text: string;
  /** The one-time code alone, for template-based channels (WhatsApp fills it into the template). */
  code?: string;
  /** The outbox row's key. Neither WhatsApp Cloud nor Twilio-style gateways deduplicate on it. */
  idempotencyKey: string;
}

/** What the provider answered when it accepted the message. */
export interface SentMessage {
  channel: string;
  /** The provider's own id (wamid…, SM…), for matching later delivery-status callbacks. */
  providerMessageId: string;
}

export interface MessageChannel {
  readonly name: string;
  /** Resolves once the provider has accepted the message; rejects with a ChannelError otherwise. */
  send(message: OutgoingMessage): Promise<SentMessage>;
}

/**
 * A provider did not accept a message. `isRetryable` tells the outbox worker whether trying again
 * later can help (network trouble, rate limits, provider outages) or whether it must stop and
 * surface the failure (bad credentials, unknown template, invalid number).
 */
export class ChannelError extends Error {
  override readonly name = 'ChannelError';

  constructor(
    message: string,
    readonly isRetryable: boolean,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

/** The contract promises E.164; anything else reaching a channel is a bug upstream, not a refusal. */
export function assertE164(phone: string): void {
  assert(/^\+[1-9]\d{7,14}$/.test(phone), `a message recipient must be E.164, got "${phone}"`);
}

/**
 * 408 and 429 ask the client to come back later and 5xx are the provider's own trouble; every other
 * 4xx means the request itself is wrong, so sending it again would fail the same way.
 */
export function isRetryableHttpStatus(httpStatus: number): boolean {
  return httpStatus === 408 || httpStatus === 429 || httpStatus >= 500;
}
