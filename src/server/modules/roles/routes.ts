import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RoleAssignBody, RoleAssignment, Uuid } from '../../../shared/api.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { accountCapabilities } from '../accounts/policy.ts';
import { userContextId } from '../accounts/service.ts';
import { roleCapabilities as caps } from './policy.ts';
import { assignRole, listAssignments, removeRole } from './service.ts';

export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, authCache } = app.deps;

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

  app.post(
    '/api/role-assignments',
    {
      config: { access: { capability: caps['role:assign'] } },
      schema: { tags: ['rôles'], body: RoleAssignBody, response: { 201: RoleAssignment } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await assignRole({ db, actor: actorOf(request), origin: request.origin }, request.body)),
  );

  app.delete(
    '/api/role-assignments/:id',
    {
      config: { access: { capability: caps['role:assign'] } },
      schema: { tags: ['rôles'], params: z.object({ id: Uuid }) },
    },
    async (request, reply) => {
      const userId = await removeRole(
        { db, actor: actorOf(request), origin: request.origin },
        request.params.id,
      );
      await authCache.forget(userId);
      return reply.status(204).send();
    },
  );
};
