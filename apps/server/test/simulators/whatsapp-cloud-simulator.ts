import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyReply } from 'fastify';
import { z } from 'zod';

/**
 * A local stand-in for Meta's WhatsApp Cloud API send-message endpoint
 * (POST /{version}/{phone-number-id}/messages), strict enough that a request it accepts would be
 * accepted by Meta for an approved authentication template, and answering in Meta's own shapes.
 * It models template messages only, because one-time codes are all Lumbung sends on WhatsApp.
 */
export interface WhatsAppCloudSimulatorOptions {
  phoneNumberId: string;
  accessToken: string;
  /** Templates the business has had approved, each in one language. */
  approvedTemplates: readonly { name: string; languageCode: string }[];
}

export interface SimulatedWhatsAppMessage {
  /** The wamid returned to the caller. */
  id: string;
  /** As the caller sent it. */
  to: string;
  templateName: string;
  languageCode: string;
  /** The text filled into the template body's {{1}}. */
  code: string;
  /** The JSON exactly as received, for asserting on the whole request. */
  requestBody: unknown;
}

export interface WhatsAppCloudSimulator {
  baseUrl: string;
  /** Messages accepted so far, oldest first. */
  messages: SimulatedWhatsAppMessage[];
  /**
   * Answers the next `count` requests with `httpStatus` before looking at them, like an overloaded
   * or throttling Graph API. `errorCode` picks the Graph error code; Meta reports its throughput
   * limit (130429) with HTTP 400, which a client must still treat as "try later".
   */
  failNext(count: number, httpStatus: number, errorCode?: number): void;
  close(): Promise<void>;
}

interface GraphError {
  httpStatus: number;
  code: number;
  message: string;
  type?: string;
  subcode?: number;
  details?: string;
}

const graphErrorMessages: Readonly<Record<number, string>> = {
  1: '(#1) An unknown error occurred',
  2: '(#2) Service temporarily unavailable',
  4: '(#4) Application request limit reached',
  100: '(#100) Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  80007: '(#80007) Rate limit issues',
  130429: '(#130429) Rate limit hit',
  131056: '(#131056) (Business Account, Consumer Account) pair rate limit hit',
};

const textParameterSchema = z.object({ type: z.literal('text'), text: z.string().min(1) });

const templateMessageSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  // Meta accepts the number with or without the plus and drops any formatting; we are stricter
  // about formatting so a sloppy adapter shows up here.
  to: z.string().regex(/^\+?[1-9]\d{7,14}$/),
  type: z.literal('template'),
  template: z.object({
    name: z.string().min(1),
    language: z.object({ code: z.string().min(1) }),
    components: z.array(
      z.object({
        type: z.enum(['header', 'body', 'button']),
        sub_type: z.string().optional(),
        index: z.string().optional(),
        parameters: z.array(textParameterSchema),
      }),
    ),
  }),
});

type TemplateMessage = z.infer<typeof templateMessageSchema>;

export async function startWhatsAppCloudSimulator(
  options: WhatsAppCloudSimulatorOptions,
): Promise<WhatsAppCloudSimulator> {
  const messages: SimulatedWhatsAppMessage[] = [];
  const pendingFailures: { httpStatus: number; errorCode: number }[] = [];
  const app = Fastify({ logger: false });

  app.post<{ Params: { apiVersion: string; phoneNumberId: string } }>(
    '/:apiVersion/:phoneNumberId/messages',
    async (request, reply) => {
      const failure = pendingFailures.shift();
      if (failure !== undefined) {
        return sendGraphError(reply, graphErrorFor(failure.httpStatus, failure.errorCode));
      }
      if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
        return sendGraphError(reply, graphErrorFor(401, 190));
      }
      if (!/^v\d+\.\d+$/.test(request.params.apiVersion)) {
        return sendGraphError(reply, {
          httpStatus: 400,
          code: 2500,
          message: `Unknown path components: /${request.params.apiVersion}/${request.params.phoneNumberId}/messages`,
        });
      }
      if (request.params.phoneNumberId !== options.phoneNumberId) {
        return sendGraphError(reply, {
          httpStatus: 400,
          code: 100,
          subcode: 33,
          type: 'GraphMethodException',
          message: `Unsupported post request. Object with ID '${request.params.phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        });
      }
      const parsed = templateMessageSchema.safeParse(request.body);
      if (!parsed.success) {
        return sendGraphError(reply, describeInvalidBody(parsed.error, request.body));
      }
      const templateError = checkAuthenticationTemplate(parsed.data, options);
      if (templateError !== undefined) {
        return sendGraphError(reply, templateError);
      }
      const accepted = recordMessage(parsed.data, request.body);
      messages.push(accepted);
      return reply.code(200).send({
        messaging_product: 'whatsapp',
        contacts: [{ input: parsed.data.to, wa_id: parsed.data.to.replace(/^\+/, '') }],
        messages: [{ id: accepted.id, message_status: 'accepted' }],
      });
    },
  );

  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    messages,
    failNext(count, httpStatus, errorCode = defaultErrorCodeFor(httpStatus)) {
      for (let index = 0; index < count; index += 1) {
        pendingFailures.push({ httpStatus, errorCode });
      }
    },
    close: () => app.close(),
  };
}

/** An authentication template has one body variable (the code) and one copy-code URL button. */
function checkAuthenticationTemplate(
  message: TemplateMessage,
  options: WhatsAppCloudSimulatorOptions,
): GraphError | undefined {
  const { name, language, components } = message.template;
  const isApproved = options.approvedTemplates.some(
    (template) => template.name === name && template.languageCode === language.code,
  );
  if (!isApproved) {
    return {
      httpStatus: 404,
      code: 132001,
      message: '(#132001) Template name does not exist in the translation',
      details: `template name (${name}) does not exist in ${language.code}`,
    };
  }
  const body = components.filter((component) => component.type === 'body');
  const buttons = components.filter((component) => component.type === 'button');
  const hasOneCodeInBody = body.length === 1 && body[0]?.parameters.length === 1;
  const hasOneCopyCodeButton =
    buttons.length === 1 &&
    buttons[0]?.sub_type === 'url' &&
    buttons[0].index === '0' &&
    buttons[0].parameters.length === 1;
  if (!hasOneCodeInBody || !hasOneCopyCodeButton) {
    return {
      httpStatus: 400,
      code: 132000,
      message: '(#132000) Number of parameters does not match the expected number of params',
      details:
        'an authentication template takes the code once in the body and once in the url button at index 0',
    };
  }
  return undefined;
}

function recordMessage(message: TemplateMessage, requestBody: unknown): SimulatedWhatsAppMessage {
  const bodyComponent = message.template.components.find((component) => component.type === 'body');
  return {
    id: `wamid.${randomBytes(24).toString('base64url')}`,
    to: message.to,
    templateName: message.template.name,
    languageCode: message.template.language.code,
    code: bodyComponent?.parameters[0]?.text ?? '',
    requestBody,
  };
}

/** Meta names the first offending parameter; missing ones are "required", the rest "invalid". */
function describeInvalidBody(error: z.ZodError, requestBody: unknown): GraphError {
  const path = error.issues[0]?.path ?? [];
  const parameter = path.length === 0 ? 'body' : path.join('.');
  const isMissing = valueAt(requestBody, path) === undefined;
  return {
    httpStatus: 400,
    code: 100,
    message: isMissing
      ? `(#100) The parameter ${parameter} is required.`
      : '(#100) Invalid parameter',
    details: `Param ${parameter} is not valid`,
  };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function defaultErrorCodeFor(httpStatus: number): number {
  if (httpStatus === 401) return 190;
  if (httpStatus === 429) return 4;
  if (httpStatus === 500) return 1;
  if (httpStatus >= 500) return 2;
  return 100;
}

function graphErrorFor(httpStatus: number, code: number): GraphError {
  return { httpStatus, code, message: graphErrorMessages[code] ?? `(#${code}) Simulated failure` };
}

function sendGraphError(reply: FastifyReply, error: GraphError): FastifyReply {
  return reply.code(error.httpStatus).send({
    error: {
      message: error.message,
      type: error.type ?? 'OAuthException',
      code: error.code,
      ...(error.details === undefined
        ? {}
        : { error_data: { messaging_product: 'whatsapp', details: error.details } }),
      ...(error.subcode === undefined ? {} : { error_subcode: error.subcode }),
      fbtrace_id: randomBytes(12).toString('base64url'),
    },
  });
}
