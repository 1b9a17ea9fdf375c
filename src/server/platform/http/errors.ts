import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { TFunction } from 'i18next';
import { createI18n, LOCALES, type Locale, pickLocale } from '../../../shared/i18n/index.ts';
import { HttpProblem } from './problem.ts';
import type { FieldError } from './types.ts';

/** A field error's message is a catalogue key (`errors.required`, `workflow.blockers.archiveFirst`) or text. */
const CATALOGUE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z_]+)+$/;

const PROBLEM_BASE = 'https://magistere.education.gouv.fr/problemes/';

const translators = Object.fromEntries(LOCALES.map((locale) => [locale, createI18n(locale).t])) as Record<
  Locale,
  TFunction
>;

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  messageKey: string,
  errors?: FieldError[],
  extensions: Record<string, unknown> = {},
) {
  // Errors the router raises come before any hook: the request has no translator of its own yet.
  const t = request.t ?? translators[pickLocale(request.headers['accept-language'])];
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

/** Fastify's own 4xx errors, by code: what the client sent that no route could read. */
const FRAMEWORK_PROBLEMS: Record<string, [status: number, code: string, messageKey: string]> = {
  FST_ERR_BAD_URL: [400, 'bad_url', 'errors.edge.badUrl'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'errors.edge.invalidJson'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'errors.edge.invalidJson'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'errors.unsupportedMediaType'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'errors.payloadTooLarge'],
};

/**
 * Errors the router raises before any route or hook runs (a malformed percent-encoding…): given to Fastify
 * as `frameworkErrors`, so they leave as problem+json with the usual headers, like every other answer.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (request.server.securityHeaders) reply.headers(request.server.securityHeaders);
  const known = FRAMEWORK_PROBLEMS[error.code];
  if (known) return send(request, reply, ...known);
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return send(request, reply, status, 'bad_request', 'errors.edge.badRequest');
  request.log.error({ err: error }, 'framework error');
  return send(request, reply, 500, 'internal_error', 'errors.internal');
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
    const known = error.code ? FRAMEWORK_PROBLEMS[error.code] : undefined;
    if (known) return send(request, reply, ...known);
    const status = error.statusCode ?? 500;
    if (status === 404) return send(request, reply, 404, 'not_found', 'errors.notFound');
    if (status === 413) return send(request, reply, 413, 'payload_too_large', 'errors.payloadTooLarge');
    if (status === 415)
      return send(request, reply, 415, 'unsupported_media_type', 'errors.unsupportedMediaType');
    if (status === 429) return send(request, reply, 429, 'too_many_requests', 'errors.tooManyRequests');
    if (status >= 400 && status < 500)
      return send(request, reply, status, 'bad_request', 'errors.edge.badRequest');
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, 500, 'internal_error', 'errors.internal');
  });
  app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'not_found', 'errors.notFound'));
}

// ——— what a log may keep of an error ———

export type SerializedError = { type: string; message: string; stack: string; [key: string]: unknown };

/** Fields of a PostgreSQL error that name things (SQLSTATE, constraint, table…), never the values sent. */
const PG_FIELDS = ['code', 'severity', 'constraint', 'schema', 'table', 'column', 'dataType', 'routine'];

/** The statement's verb and first table (`update users`, `select offers`): enough to find it in code. */
export function describeStatement(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim().toLowerCase();
  const verb =
    /^(with|select|insert|update|delete|create|alter|drop|truncate|lock|set|begin|commit|rollback)\b/.exec(
      text,
    )?.[1];
  if (!verb) return 'statement';
  const table =
    /\b(?:from|into|update|table)\s+((?:"[^"]+"|[a-z_][\w$]*)(?:\.(?:"[^"]+"|[a-z_][\w$]*))?)/.exec(
      text,
    )?.[1];
  return table ? `${verb} ${table.replaceAll('"', '')}` : verb;
}

/** The stack's frames, without the message line(s) in front of them (they may quote values). */
function framesOf(error: Error): string {
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const at = error.message ? stack.indexOf(error.message) : -1;
  return at === -1 ? '' : stack.slice(at + error.message.length);
}

/**
 * Pino's serializer for errors: type, code, message and frames — but a failed query keeps only which
 * statement failed and PostgreSQL's diagnosis, never the SQL parameters (user ids, profile fields…) that
 * Drizzle puts in its message and on the error, nor PostgreSQL's `detail` (it quotes the offending row).
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: '' };
  const e = error as Error & Record<string, unknown>;
  const out: SerializedError = { type: e.constructor?.name ?? e.name, message: '', stack: '' };
  let message = e.message;
  if (typeof e.query === 'string' && 'params' in e) {
    out.statement = describeStatement(e.query);
    message = `Failed query: ${out.statement}`;
  } else if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e) {
    for (const field of PG_FIELDS) if (e[field] !== undefined) out[field] = e[field];
    // Class 22 (data exception) messages quote the value PostgreSQL refused: keep the diagnosis only.
    if (e.code.startsWith('22')) message = message.replace(/"[^"]*"/g, '"…"');
  } else {
    for (const field of ['code', 'statusCode', 'errno', 'syscall'])
      if (e[field] !== undefined && typeof e[field] !== 'object') out[field] = e[field];
  }
  out.message = message;
  out.stack = `${e.name}: ${message}${framesOf(e)}`;
  if (e.cause !== undefined && depth < 5) out.cause = serializeError(e.cause, depth + 1);
  return out;
}
