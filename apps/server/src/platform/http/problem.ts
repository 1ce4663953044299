import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCodes, type ErrorCode, type Problem } from '@lumbung/shared/error-codes';
import { errorMessage } from '@lumbung/shared/messages/format';
import { isDomainError } from '../domain-error.js';

export function problemOf(
  code: ErrorCode,
  requestId: string,
  params: Record<string, unknown> = {},
  issues?: Problem['issues'],
): Problem {
  const status = errorCodes[code].status;
  return {
    type: `https://lumbung.id/problems/${code}`,
    title: errorMessage(code, 'en', { requestId, ...params }),
    status,
    code,
    message: {
      id: errorMessage(code, 'id', { requestId, ...params }),
      en: errorMessage(code, 'en', { requestId, ...params }),
    },
    requestId,
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(issues ? { issues } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** Maps every thrown thing to problem+json: refusals by code, validation 400, bugs 500 (logged). */
export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isDomainError(error))
      return sendProblem(reply, problemOf(error.code, request.id, error.params));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const validation = error.validation as { instancePath: string; message?: string }[];
      const issues = validation.map((issue) => ({
        path: `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`,
        message: issue.message ?? 'invalid',
      }));
      return sendProblem(reply, problemOf('request.invalid', request.id, {}, issues));
    }
    if (error.statusCode === 429) {
      const retryAfterSeconds = Number(reply.getHeader('retry-after') ?? 60);
      return sendProblem(
        reply,
        problemOf('request.rate_limited', request.id, { retryAfterSeconds }),
      );
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, body too large and the like: the client's fault, said as a validation error.
      return sendProblem(
        reply,
        problemOf('request.invalid', request.id, {}, [{ path: 'request', message: error.message }]),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problemOf('request.internal_error', request.id));
  });
}
