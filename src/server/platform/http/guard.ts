import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { createI18n, LOCALES, type Locale, pickLocale } from '../../../shared/i18n/index.ts';
import { type Actor, can, canSomewhere } from '../access/can.ts';
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
  | { capability: string; context?: (request: FastifyRequest) => Promise<number | undefined> };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
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

  // Every API route must say what it needs: an undeclared route is a programming error caught at start.
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, access: route.config?.access });
    }
    if (route.url.startsWith('/api/') && !route.config?.access && !route.url.startsWith('/api/docs')) {
      throw new Error(`route ${route.method} ${route.url} declares no access`);
    }
  });

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    request.t = translators[request.locale];
    request.origin = { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length < 200)
      request.auth = await authenticate(options.db, token, options.session, options.cache);
  });

  // Before body validation: a refused actor learns nothing about what a valid request would look like.
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (UNSAFE.has(request.method)) {
      // A browser always names the page that sent a cross-site request; refuse any other origin.
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
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
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
