import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MySpace } from '../../../shared/home.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { mySpace } from './service.ts';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  // Everyone's own page: what it lists is read from the person's own enrolments and roles.
  app.get(
    '/api/me/space',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['mon espace'], response: { 200: MySpace } },
    },
    async (request) => mySpace(db, actorOf(request), request.ctx.now),
  );
};
