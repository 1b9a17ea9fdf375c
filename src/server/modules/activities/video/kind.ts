import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VideoSettings, videoEmbedUrl } from '../../../../shared/activity-settings.ts';
import { FileInfo, Uuid } from '../../../../shared/api.ts';
import { hostAllowed } from '../../../../shared/urls.ts';
import { actorOf } from '../../../platform/http/guard.ts';
import { HttpProblem, problems } from '../../../platform/http/problem.ts';
import { courseCapabilities as caps } from '../../courses/index.ts';
import { videoHosts } from '../../settings/index.ts';
import { defineActivity } from '../contract.ts';
import { activityFile, registerUploads, replaceActivityFile, toFileInfo } from '../file/upload.ts';
import { activityOfKind, assertActivityVisible, onActivity } from '../support.ts';

const VIDEO_TYPES = new Set(['video/mp4', 'video/webm']);
const videoRefused = () => new HttpProblem(415, 'unsupported_media_type', 'errors.videoTypeRefused');
const IdParams = z.object({ id: Uuid });

const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, files } = app.deps;
  await registerUploads(app, { files: 1 });

  app.put(
    '/api/activities/:id/video',
    {
      config: onActivity(db, caps['course:update']),
      schema: {
        consumes: ['multipart/form-data'],
        tags: ['activités'],
        params: IdParams,
        response: { 200: FileInfo },
      },
    },
    async (request) => {
      const activity = await activityOfKind(db, request.params.id, 'video');
      const link = await replaceActivityFile(request, activity, {
        accept: (mime) => VIDEO_TYPES.has(mime),
        refused: videoRefused,
      });
      return toFileInfo(link);
    },
  );

  app.get(
    '/api/activities/:id/video',
    {
      config: onActivity(db, caps['course:view']),
      compress: false,
      schema: { tags: ['activités'], params: IdParams },
    },
    async (request, reply) => {
      await assertActivityVisible(db, actorOf(request), request.params.id, { kind: 'video' });
      const link = await activityFile(request, request.params.id);
      if (!link) throw problems.notFound();
      return files.send(reply, link, { inline: true });
    },
  );
};

/**
 * A video: embedded from a host the administrator allows (the ministry's PeerTube « Tubes », PodÉduc…) or
 * an MP4/WebM file uploaded to the activity and played with byte ranges.
 */
export const video = defineActivity<VideoSettings>({
  kind: 'video',
  family: 'resource',
  settings: VideoSettings,
  defaults: () => ({ source: 'upload' }),
  // The course page names where the video is played from: the host's site, or the uploaded file's size.
  coursePageSummary: ({ settings, files: [first] }) =>
    settings.source === 'embed'
      ? { source: 'embed', url: settings.url }
      : { source: 'upload', ...(first ? { file: first } : {}) },
  clean: (settings) =>
    settings.source === 'embed'
      ? { source: 'embed', url: settings.url, embedUrl: videoEmbedUrl(settings.url)! }
      : { source: 'upload' },
  check: async (settings, { db }) =>
    settings.source === 'embed' && !hostAllowed(settings.url, await videoHosts(db))
      ? [{ path: 'url', message: 'errors.videoHostNotAllowed' }]
      : [],
  routes,
});
