import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEvent, AuditListQuery, Page } from '../../../shared/api.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { auditCapabilities as caps } from './policy.ts';
import { listEvents } from './service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { access: { capability: caps['audit:view'] } },
      schema: { tags: ['journal'], querystring: AuditListQuery, response: { 200: Page(AuditEvent) } },
    },
    async (request) => listEvents(app.deps.db, actorOf(request), request.query),
  );
};
