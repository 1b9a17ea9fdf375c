import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Page, Uuid } from '../../../shared/api.ts';
import {
  ErasureListQuery,
  ErasureRefuseBody,
  ErasureRequest,
  ErasureRequestBody,
  MyErasureRequest,
} from '../../../shared/privacy.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import { on } from '../../platform/http/access.ts';
import { privacyCapabilities as caps } from './policy.ts';
import {
  approveErasure,
  cancelErasure,
  exportPersonalData,
  listErasureRequests,
  myErasureRequest,
  refuseErasure,
  requestContextId,
  requestErasure,
} from './service.ts';

const tags = ['données personnelles'];
const IdParams = z.object({ id: Uuid });

export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  // Reading everything of a person is heavy: a few exports a minute are plenty for one person (counted
  // per person, not per address: a whole school may share one).
  app.get(
    '/api/me/personal-data',
    {
      config: {
        access: 'authenticated',
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (request) => request.auth?.actor.userId ?? request.ip,
        },
      },
      schema: { tags },
    },
    async (request, reply) => {
      const { fileName, data } = await exportPersonalData(request.ctx, request.t);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', contentDisposition(fileName, 'attachment'))
        .header('cache-control', 'no-store')
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.get(
    '/api/me/erasure-request',
    {
      config: { access: 'authenticated' },
      schema: { tags, response: { 200: MyErasureRequest.nullable() } },
    },
    async (request) => myErasureRequest(request.ctx.db, request.ctx.actor),
  );

  app.post(
    '/api/me/erasure-request',
    {
      config: { access: 'authenticated' },
      schema: { tags, body: ErasureRequestBody, response: { 201: MyErasureRequest } },
    },
    async (request, reply) => reply.status(201).send(await requestErasure(request.ctx, request.body)),
  );

  app.delete(
    '/api/me/erasure-request',
    { config: { access: 'authenticated' }, schema: { tags } },
    async (request, reply) => {
      await cancelErasure(request.ctx);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/privacy/erasure-requests',
    {
      config: { access: { capability: caps['privacy:decide_erasure'] } },
      schema: { tags, querystring: ErasureListQuery, response: { 200: Page(ErasureRequest) } },
    },
    async (request) => listErasureRequests(request.ctx.db, request.ctx.actor, request.query),
  );

  app.post(
    '/api/privacy/erasure-requests/:id/approve',
    {
      config: on(caps['privacy:decide_erasure'], requestContextId),
      schema: { tags, params: IdParams, response: { 200: ErasureRequest } },
    },
    async (request) => approveErasure(request.ctx, request.params.id),
  );

  app.post(
    '/api/privacy/erasure-requests/:id/refuse',
    {
      config: on(caps['privacy:decide_erasure'], requestContextId),
      schema: { tags, params: IdParams, body: ErasureRefuseBody, response: { 200: ErasureRequest } },
    },
    async (request) => refuseErasure(request.ctx, request.params.id, request.body),
  );
};
