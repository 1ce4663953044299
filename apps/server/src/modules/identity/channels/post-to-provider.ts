import { ChannelError } from './channel.js';

export interface ProviderRequest {
  /** Used in error messages, e.g. "WhatsApp Cloud API". */
  providerName: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

export interface ProviderResponse {
  httpStatus: number;
  /** The parsed JSON body, or undefined when the provider (or a proxy in front of it) sent none. */
  body: unknown;
}

/**
 * POSTs one request to a messaging provider and reads its answer. Any way of not getting an answer
 * (refused connection, DNS failure, reset, timeout) becomes a retryable ChannelError, because the
 * provider never judged the message. Judging the HTTP status is left to the caller, which knows the
 * provider's error format.
 */
export async function postToProvider(request: ProviderRequest): Promise<ProviderResponse> {
  try {
    const response = await request.fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const text = await response.text();
    return { httpStatus: response.status, body: parseJsonOrUndefined(text) };
  } catch (error) {
    throw new ChannelError(describeTransportFailure(request, error), true);
  }
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Load balancers answer 502/503 with HTML; the status alone is enough to classify those.
    return undefined;
  }
}

function describeTransportFailure(request: ProviderRequest, error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `${request.providerName} did not answer within ${request.timeoutMs} ms`;
  }
  // undici reports "fetch failed" and keeps the useful part (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return `${request.providerName} could not be reached at ${request.url.origin}: ${detail}`;
}
