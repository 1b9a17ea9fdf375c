/**
 * The one way the web app talks to the server: JSON in and out, the CSRF header on unsafe methods,
 * and RFC 9457 problems turned into a typed `ApiError`.
 */
import type { Problem } from '../../shared/api.ts';

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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | undefined | null>;

/** Builds `path?query`, leaving out empty parameters. */
export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': locale,
    ...extraHeaders,
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ type: 'about:blank', title: '', status: 0, code: NETWORK_ERROR });
  }
  if (response.status === 204 || response.status === 202) {
    return undefined as T;
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    if (isProblem(data)) throw new ApiError({ ...data, code: data.code ?? `http_${response.status}` });
    throw new ApiError({
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      code: `http_${response.status}`,
    });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', query ? withQuery(path, query) : path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    request<T>('PATCH', path, body, headers),
  put: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    request<T>('PUT', path, body, headers),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/**
 * The header that makes a save conditional on the version edited (courses, sections, activities, the
 * indexation, platform settings): the server answers 409 `stale_version` when someone saved in between.
 */
export const ifMatch = (version: number): Record<string, string> => ({ 'if-match': `"${version}"` });
export const STALE_VERSION = 'stale_version';
