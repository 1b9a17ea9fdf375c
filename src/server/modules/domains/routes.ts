import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Domain, DomainCreateBody, DomainUpdateBody, Uuid } from '../../../shared/api.ts';
import { PLATFORM_CONTEXT_ID } from '../../platform/access/contexts.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { domainCapabilities as caps } from './policy.ts';
import { createDomain, toDomain, updateDomain, visibleDomains } from './service.ts';

const platform = async () => PLATFORM_CONTEXT_ID;

export const domainRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/domains',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['domaines'], response: { 200: z.array(Domain) } },
    },
    async (request) => (await visibleDomains(db, actorOf(request))).map(toDomain),
  );

  app.post(
    '/api/domains',
    {
      config: { access: { capability: caps['domain:manage'], context: platform } },
      schema: { tags: ['domaines'], body: DomainCreateBody, response: { 201: Domain } },
    },
    async (request, reply) => {
      const row = await createDomain(request.ctx, request.body);
      return reply.status(201).send(toDomain(row));
    },
  );

  app.patch(
    '/api/domains/:id',
    {
      config: { access: { capability: caps['domain:manage'], context: platform } },
      schema: {
        tags: ['domaines'],
        params: z.object({ id: Uuid }),
        body: DomainUpdateBody,
        response: { 200: Domain },
      },
    },
    async (request) => toDomain(await updateDomain(request.ctx, request.params.id, request.body)),
  );
};
