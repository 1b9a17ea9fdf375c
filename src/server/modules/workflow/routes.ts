import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Course, Uuid } from '../../../shared/api.ts';
import {
  AnnounceBody,
  AnnounceResult,
  CourseMetadata,
  CreateSessionBody,
  FromTemplateBody,
  OpenSessionBody,
  Session,
  SessionPractical,
  SessionSettings,
  type Transition,
  Workflow,
} from '../../../shared/lifecycle.ts';
import type { Capability } from '../../platform/access/capabilities.ts';
import { expectedVersion, IF_MATCH_DOC } from '../../platform/concurrency/index.ts';
import { inContext, on } from '../../platform/http/access.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { courseCapabilities, listCourses, toCourses, toSession, trashedCourses } from '../courses/index.ts';
import { workflowCapabilities as caps } from './policy.ts';
import {
  announceSession,
  createFromTemplate,
  createSession,
  indexCourse,
  move,
  openSession,
  sessionPractical,
  updateSession,
  workflowOf,
} from './service.ts';

const IdParams = z.object({ id: Uuid });

/** The course life cycle: stages and their transitions, indexation, sessions, templates, the trash. */
export const workflowRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const tags = ['cycle de vie'];
  const toCourse = async (row: Parameters<typeof toCourses>[1][number]) => (await toCourses(db, [row]))[0]!;

  app.get(
    '/api/courses/:id/workflow',
    {
      config: on(courseCapabilities['course:viewhidden'], inContext('course')),
      schema: { tags, params: IdParams, response: { 200: Workflow } },
    },
    async (request) => workflowOf(db, actorOf(request), request.params.id),
  );

  // The simple moves, one route each so each declares its own capability.
  const moves: [string, 'post' | 'delete', Transition, Capability][] = [
    ['/api/courses/:id/template', 'post', 'make_template', caps['course:template']],
    ['/api/courses/:id/template', 'delete', 'unmake_template', caps['course:template']],
    ['/api/courses/:id/archive', 'post', 'archive', caps['session:manage']],
    ['/api/courses/:id/archive', 'delete', 'reopen', caps['session:manage']],
    ['/api/courses/:id/trash', 'post', 'trash', caps['course:delete']],
    ['/api/courses/:id/trash', 'delete', 'restore', caps['course:delete']],
  ];
  for (const [url, method, transition, capability] of moves) {
    app[method](
      url,
      {
        config: on(capability, inContext('course')),
        schema: { tags, params: IdParams, response: { 200: Course } },
      },
      async (request) => toCourse(await move(request.ctx, request.params.id, transition)),
    );
  }

  app.put(
    '/api/courses/:id/metadata',
    {
      config: on(courseCapabilities['course:update'], inContext('course')),
      // The version is the course's `metadataVersion`: the settings form does not make this one stale.
      schema: {
        tags,
        description: IF_MATCH_DOC,
        params: IdParams,
        body: CourseMetadata,
        response: { 200: Course },
      },
    },
    async (request) =>
      toCourse(await indexCourse(request.ctx, request.params.id, request.body, expectedVersion(request))),
  );

  app.post(
    '/api/courses/:id/sessions',
    {
      config: on(caps['session:create'], inContext('course')),
      schema: { tags, params: IdParams, body: CreateSessionBody, response: { 201: Course } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await toCourse(await createSession(request.ctx, request.params.id, request.body))),
  );

  app.put(
    '/api/courses/:id/session',
    {
      config: on(caps['session:manage'], inContext('course')),
      schema: { tags, params: IdParams, body: SessionSettings.partial(), response: { 200: Session } },
    },
    async (request) => toSession(await updateSession(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/courses/:id/practical',
    {
      // Whoever may open the session: its participants first.
      config: on(courseCapabilities['course:view'], inContext('course')),
      schema: { tags, params: IdParams, response: { 200: SessionPractical } },
    },
    async (request) => sessionPractical(db, request.params.id),
  );

  app.post(
    '/api/courses/:id/open',
    {
      config: on(caps['session:manage'], inContext('course')),
      schema: { tags, params: IdParams, body: OpenSessionBody, response: { 200: Course } },
    },
    async (request) => toCourse(await openSession(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/courses/:id/announce',
    {
      config: on(caps['session:manage'], inContext('course')),
      schema: {
        tags,
        params: IdParams,
        body: AnnounceBody,
        response: { 200: AnnounceResult },
      },
    },
    async (request) => ({
      recipients: await announceSession(request.ctx, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/courses/:id/from-template',
    {
      // Reading the template is the route's right; creating in the target domain is checked by the service.
      config: on(courseCapabilities['course:viewhidden'], inContext('course')),
      schema: { tags, params: IdParams, body: FromTemplateBody, response: { 201: Course } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await toCourse(await createFromTemplate(request.ctx, request.params.id, request.body))),
  );

  app.get(
    '/api/templates',
    {
      config: { access: { capability: courseCapabilities['course:create'] } },
      schema: {
        tags,
        querystring: z.object({ domainId: Uuid.optional() }),
        response: { 200: z.array(Course) },
      },
    },
    async (request) =>
      toCourses(
        db,
        (await listCourses(db, actorOf(request), request.ctx.now, request.query.domainId)).filter(
          (c) => c.stage === 'template',
        ),
      ),
  );

  app.get(
    '/api/trash',
    {
      config: { access: { capability: caps['course:delete'] } },
      schema: { tags, response: { 200: z.array(Course) } },
    },
    async (request) => toCourses(db, await trashedCourses(db, actorOf(request), caps['course:delete'])),
  );
};
