import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { createI18n } from '../shared/i18n/index.ts';
import type { Config } from './config.ts';
import { accountRoutes } from './modules/accounts/routes.ts';
import { sessionStore } from './modules/accounts/sessions.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { cohortRoutes } from './modules/cohorts/routes.ts';
import { completionRoutes } from './modules/completion/routes.ts';
import { coursePageRoutes } from './modules/coursepage/routes.ts';
import { courseImageRoutes } from './modules/courses/images.ts';
import { kindRoutes } from './modules/courses/kinds.ts';
import { courseRoutes } from './modules/courses/routes.ts';
import { domainRoutes } from './modules/domains/routes.ts';
import { enrolmentRoutes } from './modules/enrolment/routes.ts';
import { followupRoutes } from './modules/followup/routes.ts';
import { homeRoutes } from './modules/home/routes.ts';
import { hubRoutes } from './modules/hub/routes.ts';
import { messagingRoutes } from './modules/messaging/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { offerAlertRoutes } from './modules/offers/alerts-routes.ts';
import { offerDemoRoutes } from './modules/offers/demo-routes.ts';
import { offerRoutes } from './modules/offers/routes.ts';
import { outboxRoutes } from './modules/outbox/routes.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import { progressRoutes } from './modules/progress/routes.ts';
import { listAssignments } from './modules/roles/index.ts';
import { roleRoutes } from './modules/roles/routes.ts';
import { settingsRoutes } from './modules/settings/routes.ts';
import { workflowRoutes } from './modules/workflow/routes.ts';
import type { AuthCache } from './platform/auth/cache.ts';
import { provideSessionStore } from './platform/auth/sessions.ts';
import type { Db } from './platform/db/index.ts';
import type { Events } from './platform/events/index.ts';
import type { Files } from './platform/files/index.ts';
import { type Clock, registerContext } from './platform/http/context.ts';
import { registerErrorHandling, sendFrameworkError, serializeError } from './platform/http/errors.ts';
import { registerGuard } from './platform/http/guard.ts';
import { registerNulGuard } from './platform/http/nul-guard.ts';
import { registerOps } from './platform/http/ops.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import type { Jobs } from './platform/jobs/index.ts';
import type { Mailer } from './platform/mail/index.ts';
import type { Bus } from './platform/realtime/bus.ts';
import type { Realtime } from './platform/realtime/hub.ts';
import { realtimeRoutes } from './platform/realtime/routes.ts';
import { shellBoot } from './shell-boot.ts';

export type Deps = {
  config: Config;
  db: Db;
  jobs: Jobs;
  mailer: Mailer;
  authCache: AuthCache;
  bus: Bus;
  events: Events;
  realtime: Realtime;
  files: Files;
  redis?: Redis | undefined;
  clock: Clock;
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
}

// Validation messages of zod in French, the platform's language; a missing field says so plainly.
z.config(z.locales.fr());
const fr = createI18n('fr').t;
z.config({
  customError: (issue) =>
    issue.code === 'invalid_type' && issue.input === undefined ? fr('errors.required') : undefined,
});

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Builds the HTTP application: platform plugins, then every module. Listening is the caller's business. */
export async function buildApp(
  deps: Deps,
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Secrets never reach the logs: no cookie, no token, no password, whatever the serializer.
            redact: {
              paths: [
                'req.headers.cookie',
                'req.headers["x-csrf-token"]',
                'req.headers.authorization',
                '*.password',
                '*.token',
              ],
              censor: '[masqué]',
            },
            // A failed query's parameters (user ids, profile values) stay out of the logs.
            serializers: { err: serializeError },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: (error, request, reply) => {
      sendFrameworkError(error, request, reply);
    },
  });
  app.decorate('deps', deps);
  // A listener that fails is the application's error to log; the write it followed stands.
  deps.events.logTo(app.log);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  const https = config.publicUrl.startsWith('https:');
  registerSecurityHeaders(app, {
    // `frame-ancestors 'none'` below: the legacy header says the same, not SAMEORIGIN.
    xFrameOptions: { action: 'deny' },
    // HSTS means something only on https; sent over http it would pin a name that has no https at all.
    strictTransportSecurity: https,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Embedded videos: only https players. Which hosts a designer may embed is checked when the
        // activity is saved (the admins' allow-list); a static policy cannot follow that list.
        frameSrc: ["'self'", 'https:'],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    ...(deps.redis ? { redis: deps.redis, nameSpace: 'magistere-rl:' } : {}),
  });
  await app.register(compress, { threshold: 2048 });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Magistère — API',
        description: 'API de la plateforme de formation hybride Magistère. Erreurs au format RFC 9457.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mag_sid' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandling(app);
  registerNulGuard(app);
  // Sessions are the accounts module's; the guard finds them through this store.
  provideSessionStore(sessionStore);
  registerGuard(app, {
    db: deps.db,
    session: config.session,
    publicUrl: config.publicUrl,
    cache: deps.authCache,
  });
  registerContext(app, {
    db: deps.db,
    files: deps.files,
    mailer: deps.mailer,
    bus: deps.bus,
    jobs: deps.jobs,
    publicUrl: config.publicUrl,
    clock: deps.clock,
  });
  registerOps(app, deps.db);
  deps.realtime.logTo(app.log);
  await app.register(realtimeRoutes, {
    db: deps.db,
    hub: deps.realtime,
    events: deps.events,
    session: config.session,
    authCache: deps.authCache,
    clock: deps.clock,
    publicUrl: config.publicUrl,
  });

  await app.register(domainRoutes);
  await app.register(accountRoutes, { rolesOf: listAssignments });
  await app.register(roleRoutes);
  await app.register(auditRoutes);
  await app.register(outboxRoutes);
  await app.register(courseRoutes);
  await app.register(coursePageRoutes);
  await app.register(kindRoutes);
  await app.register(progressRoutes);
  await app.register(homeRoutes);
  await app.register(completionRoutes);
  await app.register(courseImageRoutes);
  await app.register(settingsRoutes);
  await app.register(workflowRoutes);
  await app.register(enrolmentRoutes);
  await app.register(cohortRoutes);
  await app.register(followupRoutes);
  await app.register(offerRoutes);
  await app.register(offerDemoRoutes);
  await app.register(offerAlertRoutes);
  await app.register(hubRoutes);
  await app.register(privacyRoutes);
  await app.register(messagingRoutes);
  await app.register(notificationRoutes);

  // The web app's first answer carries who is signed in and what the page needs first (shell-boot.ts).
  if (existsSync(path.join(WEB_DIST, 'index.html'))) await registerWebApp(app, WEB_DIST, shellBoot(deps));
  return app;
}

/** What the shell tells the app at once for this request and page, as JSON (`#mg-boot`). */
export type ShellBoot = (request: FastifyRequest, pathname: string) => Promise<unknown>;

/**
 * Serves the built single-page app from `root`; unknown non-API paths get its index so client routes work
 * on reload. With `boot`, the index carries the person's data: it is private to them, never an ETag.
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST, boot?: ShellBoot) {
  // Hashed bundles never change under their name: browsers keep them a year without asking again. Only the
  // HTML shell, which names the current bundles, is revalidated.
  const assets = path.join(root, 'assets') + path.sep;
  const cacheFor = (file: string) =>
    file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache';
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, file) => reply.header('cache-control', cacheFor(file)),
  });
  const shell = readFileSync(path.join(root, 'index.html'), 'utf8');
  const sendIndex = async (request: FastifyRequest, reply: FastifyReply, pathname: string) => {
    if (!boot) return reply.sendFile('index.html');
    // Inside a <script> element: no `</script>` may close it early, whatever a name holds.
    const data = JSON.stringify(await boot(request, pathname)).replace(/</g, '\\u003c');
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-cache')
      .header('vary', 'cookie')
      .send(shell.replace('</head>', `<script id="mg-boot" type="application/json">${data}</script></head>`));
  };
  const shellConfig = { access: 'public' as const, readsSession: true };
  app.get('/', { config: shellConfig, schema: { hide: true } }, (request, reply) =>
    sendIndex(request, reply, '/'),
  );
  app.get('/*', { config: shellConfig, schema: { hide: true } }, async (request, reply) => {
    // The router's decoded path, not the raw URL: `/%61pi/x` is `/api/x`.
    const pathname = `/${(request.params as { '*': string })['*']}`;
    const file = path.join(root, pathname);
    if (file.startsWith(root + path.sep) && statSync(file, { throwIfNoEntry: false })?.isFile()) {
      return reply.sendFile(path.relative(root, file));
    }
    // `//api/nowhere`, `/API/x` and `/api` are unknown API routes (a 404 problem), not pages of the app.
    if (/^\/+api(\/|$)/i.test(pathname)) return reply.callNotFound();
    // A bundle of an earlier build (a page open across a deploy): a 404 the app's loader recovers from
    // by reloading, not the shell, which the browser would refuse to run as a script.
    if (/^\/+assets\//i.test(pathname)) return reply.callNotFound();
    return sendIndex(request, reply, pathname);
  });
}
