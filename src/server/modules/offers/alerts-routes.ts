import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DigestRun, OfferSubscription, SubscriptionBody, UnsubscribeBody } from '../../../shared/offers.ts';
import { PLATFORM_CONTEXT_ID } from '../../platform/access/contexts.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { digestCapabilities, sendDigests } from './digest.ts';
import { deleteSubscription, mySubscription, saveSubscription, unsubscribeByToken } from './subscriptions.ts';

const tags = ['offre de formation'];

/** "Prévenez-moi": one's own subscription, the mail's unsubscribe link, and the digest run on demand. */
export const offerAlertRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/me/offer-subscription',
    {
      config: { access: 'authenticated' },
      schema: { tags, response: { 200: OfferSubscription.nullable() } },
    },
    async (request) => mySubscription(db, actorOf(request)),
  );

  app.put(
    '/api/me/offer-subscription',
    {
      config: { access: 'authenticated' },
      schema: { tags, body: SubscriptionBody, response: { 200: OfferSubscription } },
    },
    async (request) => saveSubscription(request.ctx, request.body),
  );

  app.delete(
    '/api/me/offer-subscription',
    { config: { access: 'authenticated' }, schema: { tags } },
    async (request, reply) => {
      await deleteSubscription(request.ctx);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/offer-subscriptions/unsubscribe',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, body: UnsubscribeBody },
    },
    async (request, reply) => {
      await unsubscribeByToken(db, request.origin, request.body.token);
      return reply.status(204).send();
    },
  );

  // The Monday mail, now: for administrators checking the alerts, and for the end-to-end tests.
  app.post(
    '/api/admin/offers/digest',
    {
      config: {
        access: { capability: digestCapabilities['offer:digest'], context: async () => PLATFORM_CONTEXT_ID },
      },
      schema: { tags, response: { 200: DigestRun } },
    },
    async (request) => sendDigests(request.ctx, request.ctx.now),
  );
};
