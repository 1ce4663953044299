import type { Locale } from '@lumbung/shared';
import { en } from '../i18n/en';
import { id } from '../i18n/id';

export type LocalizedText = Readonly<Record<Locale, string>>;

/** Codes the web app gives to failures that never reached the API's problem details. */
export const clientErrorCodes = {
  network: 'client.network_unreachable',
  unexpected: 'client.unexpected_response',
} as const;

/**
 * A refusal or failure from the API, carrying the stable code and the server's message in both
 * languages, so the UI shows `localizedMessage[locale]` and never translates codes itself.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  readonly status: number;
  readonly localizedMessage: LocalizedText;
  readonly requestId: string | undefined;

  constructor(fields: {
    code: string;
    status: number;
    localizedMessage: LocalizedText;
    requestId?: string | undefined;
    cause?: unknown;
  }) {
    super(`${fields.code}: ${fields.localizedMessage.en}`, { cause: fields.cause });
    this.code = fields.code;
    this.status = fields.status;
    this.localizedMessage = fields.localizedMessage;
    this.requestId = fields.requestId;
  }
}

interface ProblemBody {
  code: string;
  status?: number;
  message: LocalizedText;
  requestId?: string;
}

function isProblemBody(value: unknown): value is ProblemBody {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'object' || message === null) return false;
  const texts = message as Record<string, unknown>;
  return typeof texts.id === 'string' && typeof texts.en === 'string';
}

/** Turns any non-2xx response into an ApiError; bodies that are not problem details get a generic text. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isProblemBody(body)) {
    return new ApiError({
      code: body.code,
      status: response.status,
      localizedMessage: { id: body.message.id, en: body.message.en },
      requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
    });
  }
  return new ApiError({
    code: clientErrorCodes.unexpected,
    status: response.status,
    localizedMessage: { id: id.errors.unexpected, en: en.errors.unexpected },
  });
}

export interface ApiRequestInit extends Omit<RequestInit, 'body'> {
  /** Sent as a JSON body with the matching content type. */
  json?: unknown;
}

/**
 * Calls the Lumbung API with the session cookie. Resolves with the parsed JSON body (undefined for
 * 204), rejects with an ApiError for network failures and every non-2xx answer.
 */
export async function apiFetch<T>(path: string, init: ApiRequestInit = {}): Promise<T> {
  const { json, ...requestInit } = init;
  const headers = new Headers(requestInit.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, {
      ...requestInit,
      headers,
      credentials: 'include',
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  } catch (cause) {
    throw new ApiError({
      code: clientErrorCodes.network,
      status: 0,
      localizedMessage: { id: id.errors.network, en: en.errors.network },
      cause,
    });
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json();
  return body as T;
}

/** The text to show for any error, in the UI's language. */
export function errorText(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) return error.localizedMessage[locale];
  return locale === 'id' ? id.errors.unexpected : en.errors.unexpected;
}
