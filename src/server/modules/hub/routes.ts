import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.ts';
import {
  DeployBody,
  Deployment,
  DeployResult,
  HubSearchQuery,
  HubSearchResult,
} from '../../../shared/hub.ts';
import { inContext, on } from '../../platform/http/access.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { courseCapabilities } from '../courses/index.ts';
import { hubCapabilities } from './policy.ts';
import { deploymentOf, deployOffer, searchHub, updateDeployment } from './service.ts';

const IdParams = z.object({ id: Uuid });
const NumberParams = z.object({ number: z.coerce.number().int().min(1).max(2_147_483_647) });

/** The course hub (Réseau des concepteurs): search the course offer, deploy, follow the origin's versions. */
export const hubRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const tags = ['réseau des concepteurs'];

  app.get(
    '/api/hub/courses',
    {
      config: { access: { capability: hubCapabilities['hub:search'] } },
      schema: { tags, querystring: HubSearchQuery, response: { 200: HubSearchResult } },
    },
    async (request) => searchHub(db, actorOf(request), request.query),
  );

  app.post(
    '/api/offers/:number/deploy',
    {
      // Creating in the target domain is checked by the service, which knows the domain from the body.
      config: { access: { capability: courseCapabilities['course:create'] } },
      schema: { tags, params: NumberParams, body: DeployBody, response: { 201: DeployResult } },
    },
    async (request, reply) =>
      reply.status(201).send(await deployOffer(request.ctx, request.params.number, request.body)),
  );

  app.get(
    '/api/courses/:id/deployment',
    {
      config: on(courseCapabilities['course:viewhidden'], inContext('course')),
      schema: { tags, params: IdParams, response: { 200: Deployment.nullable() } },
    },
    async (request) => deploymentOf(db, request.params.id),
  );

  app.post(
    '/api/courses/:id/deployment/update',
    {
      config: on(courseCapabilities['course:update'], inContext('course')),
      schema: { tags, params: IdParams, response: { 200: Deployment } },
    },
    async (request) => updateDeployment(request.ctx, request.params.id),
  );
};
