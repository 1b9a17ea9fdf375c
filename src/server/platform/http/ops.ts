import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { hashToken, safeEqual } from '../auth/tokens.ts';
import type { Db } from '../db/index.ts';
import { HttpProblem, problems } from './problem.ts';

/** Liveness, readiness and Prometheus metrics for operators. */
export function registerOps(app: FastifyInstance, db: Db) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  // Liveness. The embedded watchdog brings a dead database back within 30 s; one still failing after 45 s is
  // not coming back by itself, so the process is no longer healthy and a supervisor should replace it. A slow
  // answer (a busy pool) is no verdict either way.
  const databaseGraceMs = 45_000;
  let databaseDownSince: number | undefined;
  app.get(
    '/healthz',
    { config: { access: 'public' }, logLevel: 'warn', schema: { tags: ['exploitation'] } },
    async (_request, reply) => {
      const probe = await Promise.race([
        db.execute('SELECT 1').then(
          () => 'up' as const,
          () => 'down' as const,
        ),
        new Promise<'slow'>((resolve) => setTimeout(resolve, 2000, 'slow').unref()),
      ]);
      if (probe === 'up') databaseDownSince = undefined;
      if (probe === 'down') databaseDownSince ??= Date.now();
      if (databaseDownSince === undefined) return { status: 'ok' };
      if (Date.now() - databaseDownSince < databaseGraceMs) return { status: 'degraded' };
      return reply
        .status(503)
        .send({ status: 'database-unavailable', since: new Date(databaseDownSince).toISOString() });
    },
  );
  app.get(
    '/readyz',
    { config: { access: 'public' }, logLevel: 'warn', schema: { tags: ['exploitation'] } },
    async (_request, reply) => {
      try {
        await db.execute('SELECT 1');
        // Which worker answered (WORKERS > 1): how an operator, or a test, sees that every one serves.
        return { status: 'ready', ...(cluster.isWorker && { worker: cluster.worker!.id }) };
      } catch {
        return reply.status(503).send({ status: 'unavailable' });
      }
    },
  );
  // Metrics tell routes, volumes and timings: only to whoever holds the configured token, and not at
  // all without one. The route is public to the guard; the token is its own check.
  const metricsToken = app.deps.config.metricsToken;
  app.get(
    '/metrics',
    { config: { access: 'public' }, logLevel: 'warn', schema: { tags: ['exploitation'] } },
    async (request, reply) => {
      if (!metricsToken) throw problems.notFound();
      const sent = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      // Compared as hashes: equal lengths, constant time, whatever was sent.
      if (!safeEqual(hashToken(sent), hashToken(metricsToken)))
        throw new HttpProblem(401, 'metrics_token', 'errors.edge.metricsToken', {
          headers: { 'www-authenticate': 'Bearer realm="metrics"' },
        });
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
}
