import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyReply } from 'fastify';

/**
 * A local stand-in for an SMS gateway speaking Twilio's Messages API
 * (POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, HTTP Basic auth), with the
 * checks and the error codes Twilio documents for the mistakes a client can make.
 */
export interface SmsGatewaySimulatorOptions {
  accountSid: string;
  authToken: string;
  /** From values the account may use: owned numbers or registered alphanumeric sender ids. */
  senders: readonly string[];
}

export interface SimulatedSms {
  /** The SM… sid returned to the caller. */
  sid: string;
  to: string;
  from: string;
  body: string;
}

export interface SmsGatewaySimulator {
  baseUrl: string;
  /** Messages accepted so far, oldest first. */
  messages: SimulatedSms[];
  /** Answers the next `count` requests with `httpStatus` before looking at them. */
  failNext(count: number, httpStatus: number): void;
  close(): Promise<void>;
}

interface GatewayError {
  httpStatus: number;
  code: number;
  message: string;
}

// Twilio concatenates up to ten segments; longer bodies are refused outright.
const maximumBodyLength = 1600;

const statusErrors: Readonly<Record<number, { code: number; message: string }>> = {
  401: { code: 20003, message: 'Authenticate' },
  429: { code: 20429, message: 'Too Many Requests' },
  500: { code: 20500, message: 'Internal Server Error' },
  503: { code: 20503, message: 'Service Unavailable' },
};

export async function startSmsGatewaySimulator(
  options: SmsGatewaySimulatorOptions,
): Promise<SmsGatewaySimulator> {
  const messages: SimulatedSms[] = [];
  const pendingFailureStatuses: number[] = [];
  const app = Fastify({ logger: false });

  // Fastify parses only JSON and plain text out of the box; Twilio reads form parameters only.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );

  app.post<{ Params: { accountSid: string } }>(
    '/2010-04-01/Accounts/:accountSid/Messages.json',
    async (request, reply) => {
      const failureStatus = pendingFailureStatuses.shift();
      if (failureStatus !== undefined) {
        return sendGatewayError(reply, errorForStatus(failureStatus));
      }
      const credentials = readBasicCredentials(request.headers.authorization);
      if (
        credentials?.username !== options.accountSid ||
        credentials.password !== options.authToken
      ) {
        reply.header('www-authenticate', 'Basic realm="Twilio API"');
        return sendGatewayError(reply, errorForStatus(401));
      }
      if (request.params.accountSid !== options.accountSid) {
        return sendGatewayError(reply, {
          httpStatus: 404,
          code: 20404,
          message: `The requested resource ${request.url} was not found`,
        });
      }
      const isForm =
        request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ?? false;
      const parameters = isForm ? (request.body as Record<string, string>) : {};
      const refusal = checkMessageParameters(parameters, options);
      if (refusal !== undefined) {
        return sendGatewayError(reply, refusal);
      }
      const accepted: SimulatedSms = {
        sid: `SM${randomBytes(16).toString('hex')}`,
        to: parameters.To ?? '',
        from: parameters.From ?? '',
        body: parameters.Body ?? '',
      };
      messages.push(accepted);
      return reply.code(201).send(messageResource(accepted, options.accountSid));
    },
  );

  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    messages,
    failNext(count, httpStatus) {
      for (let index = 0; index < count; index += 1) {
        pendingFailureStatuses.push(httpStatus);
      }
    },
    close: () => app.close(),
  };
}

function checkMessageParameters(
  parameters: Partial<Record<string, string>>,
  options: SmsGatewaySimulatorOptions,
): GatewayError | undefined {
  const { To: to, From: from, Body: body } = parameters;
  if (to === undefined || to === '') {
    return { httpStatus: 400, code: 21604, message: "A 'To' phone number is required." };
  }
  if (!/^\+[1-9]\d{7,14}$/.test(to)) {
    return {
      httpStatus: 400,
      code: 21211,
      message: `The 'To' number ${to} is not a valid phone number.`,
    };
  }
  if (from === undefined || from === '') {
    return { httpStatus: 400, code: 21603, message: "A 'From' phone number is required." };
  }
  if (!options.senders.includes(from)) {
    return {
      httpStatus: 400,
      code: 21606,
      message: `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
    };
  }
  if (body === undefined || body === '') {
    return { httpStatus: 400, code: 21602, message: 'Message body is required.' };
  }
  if (body.length > maximumBodyLength) {
    return {
      httpStatus: 400,
      code: 21617,
      message: 'The concatenated message body exceeds the 1600 character limit.',
    };
  }
  return undefined;
}

function readBasicCredentials(
  header: string | undefined,
): { username: string; password: string } | undefined {
  const encoded = /^Basic (.+)$/.exec(header ?? '')?.[1];
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator === -1) return undefined;
  return { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

/** The Message resource as Twilio returns it on creation (fields a client might read). */
function messageResource(message: SimulatedSms, accountSid: string) {
  const now = new Date().toUTCString().replace('GMT', '+0000');
  return {
    sid: message.sid,
    account_sid: accountSid,
    to: message.to,
    from: message.from,
    body: message.body,
    status: 'queued',
    direction: 'outbound-api',
    num_segments: '1',
    num_media: '0',
    api_version: '2010-04-01',
    date_created: now,
    date_updated: now,
    date_sent: null,
    error_code: null,
    error_message: null,
    price: null,
    price_unit: 'USD',
    messaging_service_sid: null,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}.json`,
  };
}

function errorForStatus(httpStatus: number): GatewayError {
  const known = statusErrors[httpStatus];
  return {
    httpStatus,
    code: known?.code ?? 20000 + httpStatus,
    message: known?.message ?? 'Simulated failure',
  };
}

function sendGatewayError(reply: FastifyReply, error: GatewayError): FastifyReply {
  return reply.code(error.httpStatus).send({
    code: error.code,
    message: error.message,
    more_info: `https://www.twilio.com/docs/errors/${error.code}`,
    status: error.httpStatus,
  });
}
