import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { createI18n, LOCALES, type Locale, pickLocale } from '../../../shared/i18n/index.ts';
import { type Actor, can, canSomewhere } from '../access/can.ts';
import type { Capability } from '../access/capabilities.ts';
import type { Origin } from '../audit/index.ts';
import type { AuthCache } from '../auth/cache.ts';
import { type Authenticated, authenticate, type SessionPolicy } from '../auth/sessions.ts';
import { safeEqual } from '../auth/tokens.ts';
import type { Db } from '../db/index.ts';
import { HttpProblem, problems } from './problem.ts';

/**
 * What a route needs: nothing (`public`), a logged-in user (`authenticated`), or a capability — anywhere
 * (the service then scopes what it returns) or in the context the route resolves from the request.
 */
export type Access =
  | 'public'
  | 'authenticated'
  | { capability: Capability; context?: (request: FastifyRequest) => Promise<number | undefined> };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** A public page that still tailors itself to a session when there is one (the web app's shell). */
    readsSession?: boolean;
  }
  interface FastifyInstance {
    /** Every route with what it declared it needs, for tests and documentation. */
    routeTable: { method: string; url: string; access: Access | undefined }[];
  }
  interface FastifyRequest {
    auth: Authenticated | null;
    locale: Locale;
    t: TFunction;
    origin: Origin;
  }
}

export const SESSION_COOKIE = 'mag_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const translators = Object.fromEntries(LOCALES.map((locale) => [locale, createI18n(locale).t])) as Record<
  Locale,
  TFunction
>;

/** The actor of a request that passed an `authenticated` or capability check. */
export function actorOf(request: { auth: Authenticated | null }): Actor {
  if (!request.auth) throw problems.unauthenticated();
  return request.auth.actor;
}

export function registerGuard(
  app: FastifyInstance,
  options: { db: Db; session: SessionPolicy; publicUrl: string; cache: AuthCache },
) {
  const allowedOrigin = new URL(options.publicUrl).origin;

  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'fr');
  app.decorateRequest('t', null as unknown as TFunction);
  app.decorateRequest('origin', null as unknown as Origin);

  // Every route must say what it needs: an undeclared route is a programming error caught at start. The
  // only routes that come without a declaration are the plugins' own public files (the built web app's,
  // marked by @fastify/static with the file they serve, and the API documentation's).
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    if (!route.config?.access) {
      if (!isPluginPublicRoute(route))
        throw new Error(`route ${route.method} ${route.url} declares no access`);
      route.config = { ...route.config, access: 'public' };
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, access: route.config.access });
    }
  });

  // The router has already matched (and percent-decoded) the path: every decision below is taken on the
  // route that will answer, never on how the client spelled the URL. An unmatched request has no access
  // declaration and reaches nothing but the not-found answer. Cross-site writes are refused here, before
  // anything else looks at them (a route's rate limit included).
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    request.t = translators[request.locale];
    request.origin = { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
    const access = request.routeOptions.config.access;
    // Public pages and files need no session; public API routes may still tailor what they say to one.
    const config = request.routeOptions.config;
    if (
      access &&
      (access !== 'public' || config.readsSession || request.routeOptions.url?.startsWith('/api/'))
    ) {
      const token = request.cookies[SESSION_COOKIE];
      if (token && token.length < 200)
        request.auth = await authenticate(options.db, token, options.session, options.cache, request.ctx.now);
    }
    if (UNSAFE.has(request.method)) refuseCrossSite(request, allowedOrigin);
  });

  // Before body validation: a refused actor learns nothing about what a valid request would look like.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    // Deny by default: no declaration, no handler.
    if (!access) throw problems.notFound();
    if (access === 'public') return;
    if (!request.auth) throw problems.unauthenticated();
    if (access === 'authenticated') return;
    const actor = request.auth.actor;
    if (!access.context) {
      if (!canSomewhere(actor, access.capability)) throw problems.forbidden();
      return;
    }
    const contextId = await access.context(request);
    if (contextId === undefined) throw problems.notFound();
    if (!(await can(options.db, actor, access.capability, contextId))) throw problems.forbidden();
  });
}

/** A file route of @fastify/static (it records the file in the route's config) or the API documentation. */
function isPluginPublicRoute(route: { url: string; config?: unknown }) {
  const config = route.config as { file?: unknown } | undefined;
  return typeof config?.file === 'string' || route.url === '/api/docs' || route.url.startsWith('/api/docs/');
}

/** A browser always names the page that sent a cross-site request; any other origin, or a missing CSRF token
 * with a session, is refused. */
function refuseCrossSite(request: FastifyRequest, allowedOrigin: string) {
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if (
    (origin && origin !== allowedOrigin) ||
    (!origin && site && site !== 'same-origin' && site !== 'none')
  ) {
    throw new HttpProblem(403, 'cross_origin', 'errors.crossOrigin');
  }
  if (request.auth) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, request.auth.csrfToken)) {
      throw new HttpProblem(403, 'csrf_failed', 'errors.csrf');
    }
  }
}
