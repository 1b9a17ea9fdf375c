import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NotificationListQuery,
  NotificationPage,
  NotificationPreference,
  NotificationSummary,
  PreferencesBody,
} from '../../../shared/notifications.ts';
import { actorOf } from '../../platform/http/guard.ts';
import {
  listNotifications,
  markAllRead,
  markRead,
  preferences,
  savePreferences,
  summary,
} from './service.ts';

const tags = ['notifications'];
const own = { access: 'authenticated' } as const;

/** One's own notifications and preferences: every route reads and writes only the actor's rows. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/api/me/notifications/summary',
    { config: own, schema: { tags, response: { 200: NotificationSummary } } },
    async (request) => summary(db, actorOf(request)),
  );

  app.get(
    '/api/me/notifications',
    {
      config: own,
      schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationPage } },
    },
    async (request) => listNotifications(db, actorOf(request), request.query),
  );

  app.post(
    '/api/me/notifications/:id/read',
    { config: own, schema: { tags, params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      await markRead(db, actorOf(request), request.params.id, request.ctx.now);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/notifications/read-all',
    { config: own, schema: { tags, response: { 200: z.object({ marked: z.number().int() }) } } },
    async (request) => ({ marked: await markAllRead(db, actorOf(request), request.ctx.now) }),
  );

  app.get(
    '/api/me/notification-preferences',
    { config: own, schema: { tags, response: { 200: z.array(NotificationPreference) } } },
    async (request) => preferences(db, actorOf(request)),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      config: own,
      schema: { tags, body: PreferencesBody, response: { 200: z.array(NotificationPreference) } },
    },
    async (request) => savePreferences(db, actorOf(request), request.body, request.ctx.now),
  );
};
