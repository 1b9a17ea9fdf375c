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
import { inContext, on } from '../../platform/http/access.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { completionCriteria, courseCapabilities } from '../courses/index.ts';
import { completionCapabilities as caps } from './policy.ts';
import { recordPresence } from './presence.ts';
import { myCourseCompletion, myProgress, overrideCompletion, setCriteria, setManual } from './service.ts';

const IdParams = z.object({ id: Uuid });

export const completionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/courses/:id/completion',
    {
      config: on(courseCapabilities['course:view'], inContext('course')),
      schema: { tags: ['achèvement'], params: IdParams, response: { 200: MyCourseCompletion } },
    },
    async (request) => myCourseCompletion(db, actorOf(request), request.params.id),
  );

  // The course page itself is a shared, cached answer: opening it is recorded by this separate call.
  app.post(
    '/api/courses/:id/visit',
    {
      config: on(courseCapabilities['course:view'], inContext('course')),
      schema: { tags: ['achèvement'], params: IdParams },
    },
    async (request, reply) => {
      await recordPresence(db, actorOf(request).userId, request.params.id, request.ctx.now);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/courses/:id/completion-criteria',
    {
      config: on(courseCapabilities['course:view'], inContext('course')),
      schema: { tags: ['achèvement'], params: IdParams, response: { 200: CourseCompletionCriteria } },
    },
    async (request) => completionCriteria(db, request.params.id),
  );

  app.put(
    '/api/courses/:id/completion-criteria',
    {
      config: on(courseCapabilities['course:update'], inContext('course')),
      schema: {
        tags: ['achèvement'],
        params: IdParams,
        body: CourseCompletionCriteria,
        response: { 200: CourseCompletionCriteria },
      },
    },
    async (request) => setCriteria(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/activities/:id/completion',
    {
      config: on(caps['completion:track'], inContext('activity')),
      schema: { tags: ['achèvement'], params: IdParams, response: { 200: MyCourseCompletion } },
    },
    async (request) => setManual(request.ctx, request.params.id, true),
  );

  app.delete(
    '/api/activities/:id/completion',
    {
      config: on(caps['completion:track'], inContext('activity')),
      schema: { tags: ['achèvement'], params: IdParams, response: { 200: MyCourseCompletion } },
    },
    async (request) => setManual(request.ctx, request.params.id, false),
  );

  app.put(
    '/api/activities/:id/completions/:userId',
    {
      config: on(caps['completion:override'], inContext('activity')),
      schema: {
        tags: ['achèvement'],
        params: z.object({ id: Uuid, userId: Uuid }),
        body: CompletionOverrideBody,
        response: { 200: CompletionOverride },
      },
    },
    async (request) =>
      overrideCompletion(request.ctx, request.params.id, request.params.userId, request.body.state),
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
