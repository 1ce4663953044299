import { assert } from '../../../platform/assert.js';
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

export interface WhatsAppCloudChannelConfig {
  /** Defaults to https://graph.facebook.com; point it at a simulator in tests. */
  baseUrl?: string;
  /** Graph API version; defaults to v21.0. */
  apiVersion?: string;
  /** The business phone number's id in WhatsApp Manager (not the phone number itself). */
  phoneNumberId: string;
  /** A system-user access token with whatsapp_business_messaging permission. */
  accessToken: string;
  /** An approved authentication template (copy-code button) in Indonesian. */
  templateName: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const providerName = 'WhatsApp Cloud API';
const defaultBaseUrl = 'https://graph.facebook.com';
const defaultApiVersion = 'v21.0';
const defaultTimeoutMs = 10_000;
// Authentication templates are approved per language; ours is written in Bahasa Indonesia.
const templateLanguageCode = 'id';

/**
 * Meta reports throttling with these codes, often under HTTP 400 rather than 429, so the status
 * alone would wrongly tell the outbox to give up: 4 app call limit, 80007 account limit, 130429
 * throughput limit, 131056 too many messages to the same recipient.
 */
const rateLimitErrorCodes: ReadonlySet<number> = new Set([4, 80007, 130429, 131056]);

const acceptedMessageSchema = z.object({ id: z.string().min(1) });
const sendMessageResponseSchema = z.object({
  // A tuple with a rest element: at least one accepted message, typed so that [0] exists.
  messages: z.tuple([acceptedMessageSchema], acceptedMessageSchema),
});

const graphErrorResponseSchema = z.object({
  error: z.object({
    message: z.string(),
    code: z.number().optional(),
    error_data: z.object({ details: z.string().optional() }).optional(),
  }),
});

/** Sends one-time codes as WhatsApp authentication template messages through Meta's Cloud API. */
export function createWhatsAppCloudChannel(config: WhatsAppCloudChannelConfig): MessageChannel {
  const baseUrl = (config.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '');
  const apiVersion = config.apiVersion ?? defaultApiVersion;
  // Built once so a malformed base URL fails at startup rather than on the first login.
  const endpoint = new URL(
    `${baseUrl}/${apiVersion}/${encodeURIComponent(config.phoneNumberId)}/messages`,
  );
  const fetchImplementation = config.fetch ?? globalThis.fetch;
  const timeoutMs = config.timeoutMs ?? defaultTimeoutMs;

  return {
    name: 'whatsapp',
    async send(message: OutgoingMessage): Promise<SentMessage> {
      const response = await postToProvider({
        providerName,
        url: endpoint,
        headers: {
          authorization: `Bearer ${config.accessToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(buildAuthenticationTemplateMessage(message, config.templateName)),
        timeoutMs,
        fetch: fetchImplementation,
      });
      if (response.httpStatus < 200 || response.httpStatus >= 300) {
        throw describeRefusal(response);
      }
      return { channel: 'whatsapp', providerMessageId: readMessageId(response) };
    },
  };
}

/**
 * The body Meta expects for an authentication template: the code fills the body's {{1}} and,
 * again, the copy-code button (which Meta stores as a URL button at index 0).
 */
function buildAuthenticationTemplateMessage(message: OutgoingMessage, templateName: string) {
  assert(message.code !== undefined, 'a WhatsApp authentication template needs the one-time code');
  assertE164(message.to);
  const codeParameter = { type: 'text', text: message.code };
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    // Cloud API addresses people by their WhatsApp id: the E.164 digits without the plus.
    to: message.to.slice(1),
    type: 'template',
    template: {
      name: templateName,
      language: { code: templateLanguageCode },
      components: [
        { type: 'body', parameters: [codeParameter] },
        { type: 'button', sub_type: 'url', index: '0', parameters: [codeParameter] },
      ],
    },
  };
}

function readMessageId(response: ProviderResponse): string {
  const accepted = sendMessageResponseSchema.safeParse(response.body);
  if (!accepted.success) {
    // Meta may already have sent the message, and a base URL pointing at the wrong service will
    // not heal by retrying; stop and let someone look.
    throw new ChannelError(
      `${providerName} answered HTTP ${response.httpStatus} without a message id`,
      false,
      response.httpStatus,
    );
  }
  return accepted.data.messages[0].id;
}

function describeRefusal(response: ProviderResponse): ChannelError {
  const graphError = graphErrorResponseSchema.safeParse(response.body);
  if (!graphError.success) {
    return new ChannelError(
      `${providerName} refused the message with HTTP ${response.httpStatus}`,
      isRetryableHttpStatus(response.httpStatus),
      response.httpStatus,
    );
  }
  const { message, code, error_data: errorData } = graphError.data.error;
  const details = errorData?.details === undefined ? '' : ` (${errorData.details})`;
  const isRateLimited = code !== undefined && rateLimitErrorCodes.has(code);
  return new ChannelError(
    `${providerName} refused the message with HTTP ${response.httpStatus}, code ${code ?? 'none'}: ${message}${details}`,
    isRateLimited || isRetryableHttpStatus(response.httpStatus),
    response.httpStatus,
  );
}
