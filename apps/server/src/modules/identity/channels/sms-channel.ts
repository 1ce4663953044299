import { z } from 'zod';
import {
  assertE164,
  ChannelError,
  isRetryableHttpStatus,
  type MessageChannel,
  type OutgoingMessage,
  type SentMessage,
} from './channel.js';
import { postToProvider, type ProviderResponse } from './post-to-provider.js';

/**
 * Settings for any gateway that speaks Twilio's 2010-04-01 Messages API, which many Indonesian SMS
 * aggregators clone so existing client code works unchanged.
 */
export interface SmsChannelConfig {
  /** e.g. https://api.twilio.com, or the gateway's own host. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** The From value: a number the account owns or a registered alphanumeric sender id. */
  sender: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const providerName = 'SMS gateway';
const defaultTimeoutMs = 10_000;

const messageResourceSchema = z.object({
  sid: z.string().min(1),
  status: z.string(),
  error_code: z.number().nullish(),
  error_message: z.string().nullish(),
});

const errorResponseSchema = z.object({ code: z.number().optional(), message: z.string() });

// Twilio itself always answers "queued" or "accepted", but some clones decide synchronously.
const refusedStatuses: ReadonlySet<string> = new Set(['failed', 'undelivered', 'canceled']);

/** Sends one-time codes as plain SMS text through a Twilio-compatible Messages API. */
export function createSmsChannel(config: SmsChannelConfig): MessageChannel {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  // Built once so a malformed base URL fails at startup rather than on the first login.
  const endpoint = new URL(
    `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`,
  );
  const credentials = Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64');
  const fetchImplementation = config.fetch ?? globalThis.fetch;
  const timeoutMs = config.timeoutMs ?? defaultTimeoutMs;

  return {
    name: 'sms',
    async send(message: OutgoingMessage): Promise<SentMessage> {
      assertE164(message.to);
      const response = await postToProvider({
        providerName,
        url: endpoint,
        headers: {
          authorization: `Basic ${credentials}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          To: message.to,
          From: config.sender,
          Body: message.text,
        }).toString(),
        timeoutMs,
        fetch: fetchImplementation,
      });
      if (response.httpStatus < 200 || response.httpStatus >= 300) {
        throw describeRefusal(response);
      }
      return { channel: 'sms', providerMessageId: readMessageSid(response) };
    },
  };
}

function readMessageSid(response: ProviderResponse): string {
  const accepted = messageResourceSchema.safeParse(response.body);
  if (!accepted.success) {
    // The gateway may already have sent the text, and a base URL pointing at the wrong service
    // will not heal by retrying; stop and let someone look.
    throw new ChannelError(
      `${providerName} answered HTTP ${response.httpStatus} without a message sid`,
      false,
      response.httpStatus,
    );
  }
  const resource = accepted.data;
  if (refusedStatuses.has(resource.status)) {
    const reason = resource.error_message ?? 'no reason given';
    throw new ChannelError(
      `${providerName} marked message ${resource.sid} ${resource.status}, code ${resource.error_code ?? 'none'}: ${reason}`,
      false,
      response.httpStatus,
    );
  }
  return resource.sid;
}

function describeRefusal(response: ProviderResponse): ChannelError {
  const isRetryable = isRetryableHttpStatus(response.httpStatus);
  const gatewayError = errorResponseSchema.safeParse(response.body);
  if (!gatewayError.success) {
    return new ChannelError(
      `${providerName} refused the message with HTTP ${response.httpStatus}`,
      isRetryable,
      response.httpStatus,
    );
  }
  const { code, message } = gatewayError.data;
  return new ChannelError(
    `${providerName} refused the message with HTTP ${response.httpStatus}, code ${code ?? 'none'}: ${message}`,
    isRetryable,
    response.httpStatus,
  );
}
