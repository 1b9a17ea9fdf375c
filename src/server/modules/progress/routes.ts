import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CourseProgress, Uuid } from '../../../shared/api.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { onActivity, onCourse } from '../activities/index.ts';
import { courseCapabilities } from '../courses/index.ts';
import { courseProgress, recordView } from './service.ts';

const IdParams = z.object({ id: Uuid });

export const progressRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.post(
    '/api/activities/:id/view',
    {
      config: onActivity(db, courseCapabilities['course:view']),
      schema: { tags: ['progression'], params: IdParams },
    },
    async (request, reply) => {
      await recordView(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/courses/:id/progress',
    {
      config: onCourse(db, courseCapabilities['course:view']),
      schema: { tags: ['progression'], params: IdParams, response: { 200: CourseProgress } },
    },
    async (request) => courseProgress(db, actorOf(request), request.params.id),
  );
};
