import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VideoHosts, VideoHostsSetting } from '../../../shared/api.ts';
import { PLATFORM_CONTEXT_ID } from '../../platform/access/contexts.ts';
import { expectedVersion, IF_MATCH_DOC } from '../../platform/concurrency/index.ts';
import { settingsCapabilities as caps } from './policy.ts';
import { DEFAULT_VIDEO_HOSTS, getVersionedSetting, setSetting, VIDEO_HOSTS_KEY } from './service.ts';

/** Platform settings for administrators. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const access = { capability: caps['platform:configure'], context: async () => PLATFORM_CONTEXT_ID };

  app.get(
    '/api/admin/video-hosts',
    {
      config: { access },
      schema: { tags: ['administration'], response: { 200: VideoHostsSetting } },
    },
    async () => {
      const { value, version } = await getVersionedSetting(db, VIDEO_HOSTS_KEY, DEFAULT_VIDEO_HOSTS);
      return { hosts: [...value], version };
    },
  );

  app.put(
    '/api/admin/video-hosts',
    {
      config: { access },
      schema: {
        tags: ['administration'],
        description: IF_MATCH_DOC,
        body: VideoHosts,
        response: { 200: VideoHostsSetting },
      },
    },
    async (request) => {
      const hosts = [...new Set(request.body.hosts)];
      const version = await setSetting(request.ctx, VIDEO_HOSTS_KEY, hosts, expectedVersion(request));
      return { hosts, version };
    },
  );
};
