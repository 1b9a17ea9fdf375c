import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FolderSettings } from '../../../../shared/activity-settings.ts';
import { FolderFile, Uuid } from '../../../../shared/api.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { problems } from '../../../platform/http/problem.ts';
import { type ActivityRouteKit, defineActivity } from '../contract.ts';
import { registerUploads, saveUploads, toFolderFile } from '../file/upload.ts';
import { activityFilesChanged } from '../lifecycle.ts';

const IdParams = z.object({ id: Uuid });
const LinkParams = z.object({ id: Uuid, linkId: Uuid });
const MAX_FILES = 50;

/** A zip named after the activity, without the characters file systems refuse. */
const zipName = (title: string) => title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim() || 'dossier';

const routes =
  (kit: ActivityRouteKit): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, files } = app.deps;
    await registerUploads(app, { files: MAX_FILES });
    const ownerOf = (id: string) => ({ type: 'activity', id });
    /** A file of this folder; one of another owner does not exist here. */
    const folderLink = async (tx: Tx, linkId: string, activityId: string) => {
      const link = await files.getLink(tx, linkId);
      if (link?.ownerType !== 'activity' || link.ownerId !== activityId) throw problems.notFound();
      return link;
    };

    app.get(
      '/api/activities/:id/folder',
      {
        config: kit.view,
        schema: { tags: ['activités'], params: IdParams, response: { 200: z.array(FolderFile) } },
      },
      async (request) => {
        await kit.visibleActivity(request.ctx, request.params.id, 'folder');
        return (await files.listLinks(db, ownerOf(request.params.id))).map(toFolderFile);
      },
    );

    app.post(
      '/api/activities/:id/folder',
      {
        config: kit.update,
        schema: {
          consumes: ['multipart/form-data'],
          tags: ['activités'],
          params: IdParams,
          response: { 201: z.array(FolderFile) },
        },
      },
      async (request, reply) => {
        const activity = await kit.activityOfKind(db, request.params.id, 'folder');
        const owner = ownerOf(activity.id);
        const existing = await files.listLinks(db, owner);
        const position = existing.reduce((max, l) => Math.max(max, l.position + 1), 0);
        const added = await saveUploads(request, { owner, position });
        await kit.audit(db, request, activity, 'activity.files_added', {
          filenames: added.map((l) => l.filename),
        });
        await activityFilesChanged(db, activity);
        return reply.status(201).send(added.map(toFolderFile));
      },
    );

    app.delete(
      '/api/activities/:id/folder/:linkId',
      {
        config: kit.update,
        schema: { tags: ['activités'], params: LinkParams },
      },
      async (request, reply) => {
        const activity = await kit.activityOfKind(db, request.params.id, 'folder');
        await db.transaction(async (tx) => {
          const link = await folderLink(tx, request.params.linkId, activity.id);
          await files.unlink(tx, link.id);
          await kit.audit(tx, request, activity, 'activity.file_removed', { filename: link.filename });
          await activityFilesChanged(tx, activity);
        });
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/activities/:id/folder/:linkId',
      {
        config: kit.view,
        compress: false,
        schema: {
          tags: ['activités'],
          params: LinkParams,
          querystring: z.object({ inline: z.enum(['0', '1']).optional() }),
        },
      },
      async (request, reply) => {
        await kit.visibleActivity(request.ctx, request.params.id, 'folder');
        const link = await folderLink(db, request.params.linkId, request.params.id);
        return files.send(reply, link, { inline: request.query.inline === '1' });
      },
    );

    app.get(
      '/api/activities/:id/folder.zip',
      {
        config: kit.view,
        compress: false,
        schema: { tags: ['activités'], params: IdParams },
      },
      async (request, reply) => {
        const activity = await kit.visibleActivity(request.ctx, request.params.id, 'folder');
        return files.zip(reply, await files.listLinks(db, ownerOf(activity.id)), zipName(activity.title));
      },
    );
  };

/** A folder of files, each downloadable alone or all together as a zip. */
export const folder = defineActivity({
  kind: 'folder',
  family: 'resource',
  settings: FolderSettings,
  defaults: () => ({}),
  // The course page says how many files the folder holds.
  coursePageSummary: ({ files }) => ({ count: files.length }),
  routes,
});
