import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OfferDemo } from '../../../shared/offers.ts';
import { offerDemo } from './demo-view.ts';

const NumberParams = z.object({ number: z.coerce.number().int().min(1).max(2_147_483_647) });

/** "Voir le parcours en démonstration": public, like the catalogue it is reached from. */
export const offerDemoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/offers/:number/demo',
    {
      config: { access: 'public' },
      schema: { tags: ['offre'], params: NumberParams, response: { 200: OfferDemo } },
    },
    async (request) => offerDemo(request.ctx.db, request.params.number, request.ctx.now),
  );
};
