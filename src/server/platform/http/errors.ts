import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpProblem } from './problem.ts';
import type { FieldError } from './types.ts';

/** A field error's message is a catalogue key (`errors.required`, `workflow.blockers.archiveFirst`) or text. */
const CATALOGUE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z_]+)+$/;

const PROBLEM_BASE = 'https://magistere.education.gouv.fr/problemes/';

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  messageKey: string,
  errors?: FieldError[],
  extensions: Record<string, unknown> = {},
) {
  const t = request.t;
  const body = {
    ...extensions,
    type: `${PROBLEM_BASE}${code}`,
    title: t(messageKey),
    status,
    code,
    ...(errors?.length
      ? {
          errors: errors.map((e) => ({
            path: e.path,
            message: CATALOGUE_KEY.test(e.message) ? t(e.message, e.params ?? {}) : e.message,
          })),
        }
      : {}),
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

/** Every error leaves as RFC 9457 problem+json with a French title and a machine code — never a stack. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) {
      if (error.headers) reply.headers(error.headers);
      return send(request, reply, error.status, error.code, error.messageKey, error.errors, error.extensions);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message ?? request.t('errors.validationField'),
      }));
      return send(request, reply, 400, 'validation_failed', 'errors.validation', errors);
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return send(request, reply, 413, 'payload_too_large', 'errors.payloadTooLarge');
    if (status === 415)
      return send(request, reply, 415, 'unsupported_media_type', 'errors.unsupportedMediaType');
    if (status === 429) return send(request, reply, 429, 'too_many_requests', 'errors.tooManyRequests');
    if (status >= 400 && status < 500)
      return send(request, reply, status, 'bad_request', 'errors.validation');
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, 500, 'internal_error', 'errors.internal');
  });
  app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'not_found', 'errors.notFound'));
}
