/**
 * The one way the web app talks to the server: JSON or multipart in, JSON out, the CSRF header on unsafe
 * methods, and RFC 9457 problems turned into a typed `ApiError`. Each server module has one file of typed
 * calls beside this one (`courses.ts`, `enrolment.ts`…), holding its addresses and the schemas of its
 * answers: pages call those, and never build an address or cast an answer themselves.
 */
import type { z } from 'zod';
import type { Problem } from '../../shared/api.ts';
import type * as Contract from './contract.ts';

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
}

/** Code of the problem made up on the client when the server cannot be reached. */
export const NETWORK_ERROR = 'network_error';

let csrfToken: string | undefined;
let locale = 'fr';
/** The interface's language, sent as Accept-Language so that problems come back in it. */
export function setApiLocale(value: string): void {
  locale = value;
}
/** Remembers the session's CSRF token (from `GET /api/me` or a login) for the next unsafe requests. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/**
 * An answer's schema, picked among the shared ones (`src/shared`, grouped by module in `contract.ts`). It
 * gives the answer its type; in development, the answer itself is parsed with it, so that a server and a
 * page drifting apart fail loudly. Production builds never call the picker: they carry no schema, no zod.
 */
export type Answer<S extends z.ZodType = z.ZodType> = (contract: typeof Contract) => S;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Query = Record<string, string | number | undefined | null> | URLSearchParams;
type Init = { body?: unknown; headers?: Record<string, string> };

/** Builds `path?query`, leaving out empty parameters. */
export function withQuery(path: string, query: Query): string {
  let params = query;
  if (!(params instanceof URLSearchParams)) {
    params = new URLSearchParams();
    for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A path with its parameters encoded: path`/api/courses/${id}/sections`. */
export function path(parts: TemplateStringsArray, ...params: (string | number)[]): string {
  return parts.reduce((built, part, i) => built + encodeURIComponent(params[i - 1] ?? '') + part);
}

/** A multipart body: the text fields first (the server reads them before the files stream), then the files. */
export function multipart(
  files: File[],
  options: { field?: string; fields?: Record<string, string> } = {},
): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(options.fields ?? {})) body.append(key, value);
  for (const file of files) body.append(options.field ?? 'file', file, file.name);
  return body;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

async function request(method: Method, url: string, init: Init = {}): Promise<unknown> {
  const { body } = init;
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': locale,
    ...init.headers,
  };
  // A FormData body sets its own multipart content type, boundary included.
  const multipartBody = body instanceof FormData;
  if (body !== undefined && !multipartBody) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : multipartBody ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ type: 'about:blank', title: '', status: 0, code: NETWORK_ERROR });
  }
  if (response.status === 204 || response.status === 202) return undefined;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    // The whole problem is kept: its field errors, and what some carry besides (a bulk report, a domain).
    if (isProblem(data)) throw new ApiError({ ...data, code: data.code ?? `http_${response.status}` });
    throw new ApiError({
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      code: `http_${response.status}`,
    });
  }
  return data;
}

async function checked<S extends z.ZodType>(
  method: Method,
  url: string,
  data: unknown,
  answer: Answer<S>,
): Promise<z.output<S>> {
  if (import.meta.env.DEV && data !== undefined) {
    const contract = await import('./contract.ts');
    const parsed = answer(contract).safeParse(data);
    if (!parsed.success)
      throw new Error(
        `${method} ${url} : réponse hors du contrat partagé\n${contract.z.prettifyError(parsed.error)}`,
      );
  }
  return data as z.output<S>;
}

/** A GET whose answer is described by `answer`. */
export async function get<S extends z.ZodType>(
  url: string,
  answer: Answer<S>,
  query?: Query,
): Promise<z.output<S>> {
  const full = query ? withQuery(url, query) : url;
  return checked('GET', full, await request('GET', full, {}), answer);
}

/** An unsafe request; with `answer`, its answer typed (and checked in development), else nothing read. */
export async function send<S extends z.ZodType>(
  method: Exclude<Method, 'GET'>,
  url: string,
  init: Init & { answer: Answer<S> },
): Promise<z.output<S>>;
export async function send(method: Exclude<Method, 'GET'>, url: string, init?: Init): Promise<void>;
export async function send<S extends z.ZodType>(
  method: Exclude<Method, 'GET'>,
  url: string,
  init: Init & { answer?: Answer<S> } = {},
): Promise<z.output<S> | undefined> {
  const data = await request(method, url, init);
  return init.answer ? checked(method, url, data, init.answer) : undefined;
}

/**
 * The header that makes a save conditional on the version edited (courses, sections, activities, the
 * indexation, platform settings): the server answers 409 `stale_version` when someone saved in between.
 */
export const ifMatch = (version: number): Record<string, string> => ({ 'if-match': `"${version}"` });
export const STALE_VERSION = 'stale_version';
