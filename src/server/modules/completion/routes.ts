import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.ts';
import {
  CompletionOverride,
  CompletionOverrideBody,
  CourseCompletionCriteria,
  MyCourseCompletion,
  MyCourseProgress,
} from '../../../shared/completion.ts';
import type { Capability } from '../../platform/access/capabilities.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { onActivity } from '../activities/index.ts';
import { courseCapabilities, courseContextId } from '../courses/index.ts';
import { completionCapabilities as caps } from './policy.ts';
import {
  getCriteria,
  myCourseCompletion,
  myProgress,
  overrideCompletion,
  recordPresence,
  setCriteria,
  setManual,
} from './service.ts';

const IdParams = z.object({ id: Uuid });

export const completionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const onCourse = (capability: Capability) => ({
    access: {
      capability,
      context: async (request: FastifyRequest) => {
        const id = (request.params as { id?: string }).id ?? '';
        return Uuid.safeParse(id).success ? courseContextId(db, id) : undefined;
      },
    },
  });
  const ctxOf = (request: FastifyRequest) => ({ db, actor: actorOf(request), origin: request.origin });

  app.get(
    '/api/courses/:id/completion',
    {
      config: onCourse(courseCapabilities['course:view']),
      schema: { tags: ['achèvement'], params: IdParams, response: { 200: MyCourseCompletion } },
    },
    async (request) => myCourseCompletion(db, actorOf(request), request.params.id),
  );

  // The course page itself is a shared, cached answer: opening it is recorded by this separate call.
  app.post(
    '/api/courses/:id/visit',
    {
      config: onCourse(courseCapabilities['course:view']),
      schema: { tags: ['achèvement'], params: IdParams },
    },
    async (request, reply) => {
      await recordPresence(db, actorOf(request).userId, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/courses/:id/completion-criteria',
    {
      config: onCourse(courseCapabilities['course:view']),
      schema: { tags: ['achèvement'], params: IdParams, response: { 200: CourseCompletionCriteria } },
    },
    async (request) => getCriteria(db, request.params.id),
  );

  app.put(
    '/api/courses/:id/completion-criteria',
    {
      config: onCourse(courseCapabilities['course:update']),
      schema: {
        tags: ['achèvement'],
        params: IdParams,
        body: CourseCompletionCriteria,
        response: { 200: CourseCompletionCriteria },
      },
    },
    async (request) => setCriteria(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/activities/:id/completion',
    {
      config: onActivity(db, caps['completion:track']),
      schema: { tags: ['achèvement'], params: IdParams, response: { 200: MyCourseCompletion } },
    },
    async (request) => setManual(ctxOf(request), request.params.id, true),
  );

  app.delete(
    '/api/activities/:id/completion',
    {
      config: onActivity(db, caps['completion:track']),
      schema: { tags: ['achèvement'], params: IdParams, response: { 200: MyCourseCompletion } },
    },
    async (request) => setManual(ctxOf(request), request.params.id, false),
  );

  app.put(
    '/api/activities/:id/completions/:userId',
    {
      config: onActivity(db, caps['completion:override']),
      schema: {
        tags: ['achèvement'],
        params: z.object({ id: Uuid, userId: Uuid }),
        body: CompletionOverrideBody,
        response: { 200: CompletionOverride },
      },
    },
    async (request) =>
      overrideCompletion(ctxOf(request), request.params.id, request.params.userId, request.body.state),
  );

  app.get(
    '/api/me/progress',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['achèvement'], response: { 200: z.array(MyCourseProgress) } },
    },
    async (request) => myProgress(db, actorOf(request).userId),
  );
};
