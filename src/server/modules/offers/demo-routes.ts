import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OfferDemo } from '../../../shared/offers.ts';
import { OfferWithdrawn, offerDemo } from './demo-view.ts';

const NumberParams = z.object({ number: z.coerce.number().int().min(1).max(2_147_483_647) });
const PROBLEM_BASE = 'https://magistere.education.gouv.fr/problemes/';

/** "Voir le parcours en démonstration": public, like the catalogue it is reached from. */
export const offerDemoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    '/api/offers/:number/demo',
    {
      config: { access: 'public' },
      schema: { tags: ['offre de formation'], params: NumberParams, response: { 200: OfferDemo } },
    },
    async (request, reply) => {
      try {
        return await offerDemo(db, request.params.number);
      } catch (error) {
        if (!(error instanceof OfferWithdrawn)) throw error;
        return reply
          .code(410 as never)
          .type('application/problem+json; charset=utf-8')
          .send({
            type: `${PROBLEM_BASE}offer_withdrawn`,
            title: request.t('offers.presentation.withdrawnProblem'),
            status: 410,
            code: 'offer_withdrawn',
            ...error.offer,
          } as never);
      }
    },
  );
};
