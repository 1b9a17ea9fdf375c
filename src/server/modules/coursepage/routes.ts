import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CourseMine, CoursePage, CoursePageQuery, Uuid } from '../../../shared/api.ts';
import { inContext, on } from '../../platform/http/access.ts';
import { courseCapabilities as caps } from '../courses/index.ts';
import { CoursePageCache } from './page-cache.ts';
import { readCourseMine, readCoursePage } from './service.ts';

export const coursePageRoutes: FastifyPluginAsyncZod = async (app) => {
  // The node's pages, forgotten on the events that change them (see page-cache.ts).
  const pages = new CoursePageCache(app.deps.events);
  app.addHook('onClose', async () => pages.close());

  app.get(
    '/api/courses/:id',
    {
      config: on(caps['course:view'], inContext('course')),
      // Served from the page cache, already serialised and compressed.
      compress: false,
      schema: {
        tags: ['parcours'],
        params: z.object({ id: Uuid }),
        querystring: CoursePageQuery,
        response: { 200: CoursePage },
      },
    },
    async (request, reply) => {
      const { db, now } = request.ctx;
      const page = await readCoursePage({ db, now, pages }, request.params.id, {
        actor: request.ctx.actor,
        asParticipant: request.query.view === 'participant',
      });
      // Bytes from the cache, not an object to validate and serialise again: the untyped reply.
      const raw = reply as unknown as FastifyReply;
      raw
        .header('etag', page.etag)
        .header('cache-control', 'private, no-cache')
        .header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === page.etag) return raw.status(304).send();
      raw.type('application/json; charset=utf-8');
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? ''))
        return raw.header('content-encoding', 'gzip').send(page.gzip);
      return raw.send(page.json);
    },
  );

  // The reader's own side of the course, beside the shared page: one request per view for all of it.
  app.get(
    '/api/courses/:id/mine',
    {
      config: on(caps['course:view'], inContext('course')),
      schema: { tags: ['parcours'], params: z.object({ id: Uuid }), response: { 200: CourseMine } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return readCourseMine(request.ctx, request.ctx.actor, request.params.id);
    },
  );
};
