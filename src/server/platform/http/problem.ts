import type { FieldError } from './types.ts';

/**
 * An expected failure with an HTTP status, a machine code and a catalogue key for the French message.
 * Services throw it; the error handler turns it into RFC 9457 problem+json.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageKey: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  /** RFC 9457 extension members: what the client needs to say more than the message (a withdrawn offer…). */
  readonly extensions: Record<string, unknown> | undefined;

  constructor(
    status: number,
    code: string,
    messageKey: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(code);
    this.status = status;
    this.code = code;
    this.messageKey = messageKey;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }
}

export const problems = {
  notFound: () => new HttpProblem(404, 'not_found', 'errors.notFound'),
  unauthenticated: () => new HttpProblem(401, 'unauthenticated', 'errors.unauthenticated'),
  forbidden: () => new HttpProblem(403, 'forbidden', 'errors.forbidden'),
  conflict: (code: string, messageKey: string, path?: string) =>
    new HttpProblem(409, code, messageKey, path ? { errors: [{ path, message: messageKey }] } : {}),
  invalid: (code: string, messageKey: string, path?: string) =>
    new HttpProblem(400, code, messageKey, path ? { errors: [{ path, message: messageKey }] } : {}),
};
