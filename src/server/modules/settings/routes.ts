import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VideoHosts } from '../../../shared/api.ts';
import { PLATFORM_CONTEXT_ID } from '../../platform/access/contexts.ts';
import { actorOf } from '../../platform/http/guard.ts';
import { settingsCapabilities as caps } from './policy.ts';
import { setSetting, VIDEO_HOSTS_KEY, videoHosts } from './service.ts';

/** Platform settings for administrators. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const access = { capability: caps['platform:configure'], context: async () => PLATFORM_CONTEXT_ID };

  app.get(
    '/api/admin/video-hosts',
    {
      config: { access },
      schema: { tags: ['administration'], response: { 200: VideoHosts } },
    },
    async () => ({ hosts: [...(await videoHosts(db))] }),
  );

  app.put(
    '/api/admin/video-hosts',
    {
      config: { access },
      schema: { tags: ['administration'], body: VideoHosts, response: { 200: VideoHosts } },
    },
    async (request) => {
      const hosts = [...new Set(request.body.hosts)];
      await setSetting({ db, actor: actorOf(request), origin: request.origin }, VIDEO_HOSTS_KEY, hosts);
      return { hosts };
    },
  );
};
