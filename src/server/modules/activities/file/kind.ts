import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FileSettings } from '../../../../shared/activity-settings.ts';
import { FileInfo, Uuid } from '../../../../shared/api.ts';
import { actorOf } from '../../../platform/http/guard.ts';
import { problems } from '../../../platform/http/problem.ts';
import { courseCapabilities as caps } from '../../courses/index.ts';
import { defineActivity } from '../contract.ts';
import { activityOfKind, assertActivityVisible, onActivity } from '../support.ts';
import { activityFile, registerUploads, replaceActivityFile, toFileInfo } from './upload.ts';

const IdParams = z.object({ id: Uuid });

const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, files } = app.deps;
  await registerUploads(app, { files: 1 });

  app.put(
    '/api/activities/:id/file',
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
      const activity = await activityOfKind(db, request.params.id, 'file');
      return toFileInfo(await replaceActivityFile(request, activity));
    },
  );

  app.get(
    '/api/activities/:id/file',
    {
      config: onActivity(db, caps['course:view']),
      // Compressing would make Content-Length, the ETag and byte ranges describe other bytes.
      compress: false,
      schema: {
        tags: ['activités'],
        params: IdParams,
        querystring: z.object({ inline: z.enum(['0', '1']).optional() }),
      },
    },
    async (request, reply) => {
      await assertActivityVisible(db, actorOf(request), request.params.id, { kind: 'file' });
      const link = await activityFile(request, request.params.id);
      if (!link) throw problems.notFound();
      return files.send(reply, link, { inline: request.query.inline === '1' });
    },
  );

  app.get(
    '/api/activities/:id/file/info',
    {
      config: onActivity(db, caps['course:view']),
      schema: { tags: ['activités'], params: IdParams, response: { 200: FileInfo } },
    },
    async (request) => {
      await assertActivityVisible(db, actorOf(request), request.params.id, { kind: 'file' });
      const link = await activityFile(request, request.params.id);
      if (!link) throw problems.notFound();
      return toFileInfo(link);
    },
  );
};

/** A file to download (or open in the browser when it is safe to): the one file linked to the activity. */
export const file = defineActivity({
  kind: 'file',
  family: 'resource',
  settings: FileSettings,
  defaults: () => ({}),
  // The course page gives the format and size of the file, as DSFR download links do.
  coursePageSummary: ({ files: [first] }) => (first ? { file: first } : undefined),
  routes,
});
