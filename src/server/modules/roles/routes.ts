import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RoleAssignBody,
  RoleAssignment,
  RoleContextOption,
  RoleContextQuery,
  Uuid,
} from '../../../shared/api.ts';
import { inContext, on } from '../../platform/http/access.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { accountCapabilities, userContextId } from '../accounts/index.ts';
import { courseCapabilities } from '../courses/index.ts';
import { roleCapabilities as caps } from './policy.ts';
import {
  assignRole,
  capabilitiesInCourse,
  listAssignments,
  removeRole,
  searchRoleContexts,
} from './service.ts';

export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  /** What the actor may do in a course: the interface shows the pages and actions these allow. */
  app.get(
    '/api/courses/:id/capabilities',
    {
      config: on(courseCapabilities['course:view'], inContext('course')),
      schema: { tags: ['rôles'], params: z.object({ id: Uuid }), response: { 200: z.array(z.string()) } },
    },
    async (request) => capabilitiesInCourse(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/users/:id/roles',
    {
      config: {
        access: {
          capability: accountCapabilities['user:view'],
          context: (request) => userContextId(db, (request.params as { id: string }).id),
        },
      },
      schema: { tags: ['rôles'], params: z.object({ id: Uuid }), response: { 200: z.array(RoleAssignment) } },
    },
    async (request) => listAssignments(db, request.params.id),
  );

  /** Where the actor may assign roles is narrowed by the service: `role:assign` somewhere lets one ask. */
  app.get(
    '/api/role-contexts',
    {
      config: { access: { capability: caps['role:assign'] } },
      schema: {
        tags: ['rôles'],
        querystring: RoleContextQuery,
        response: { 200: z.array(RoleContextOption) },
      },
    },
    async (request) => searchRoleContexts(db, actorOf(request), request.query.level, request.query.q),
  );

  app.post(
    '/api/role-assignments',
    {
      config: { access: { capability: caps['role:assign'] } },
      schema: { tags: ['rôles'], body: RoleAssignBody, response: { 201: RoleAssignment } },
    },
    async (request, reply) => reply.status(201).send(await assignRole(request.ctx, request.body)),
  );

  app.delete(
    '/api/role-assignments/:id',
    {
      config: { access: { capability: caps['role:assign'] } },
      schema: { tags: ['rôles'], params: z.object({ id: Uuid }) },
    },
    async (request, reply) => {
      await removeRole(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
};
