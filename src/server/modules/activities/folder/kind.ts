import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FolderSettings } from '../../../../shared/activity-settings.ts';
import { FolderFile, Uuid } from '../../../../shared/api.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { actorOf } from '../../../platform/http/guard.ts';
import { problems } from '../../../platform/http/problem.ts';
import { courseCapabilities as caps } from '../../courses/index.ts';
import { defineActivity } from '../contract.ts';
import { registerUploads, saveUploads, toFolderFile } from '../file/upload.ts';
import {
  activityFilesChanged,
  activityOfKind,
  assertActivityVisible,
  auditActivity,
  onActivity,
} from '../support.ts';

const IdParams = z.object({ id: Uuid });
const LinkParams = z.object({ id: Uuid, linkId: Uuid });
const MAX_FILES = 50;

/** A zip named after the activity, without the characters file systems refuse. */
const zipName = (title: string) => title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim() || 'dossier';

const routes: FastifyPluginAsyncZod = async (app) => {
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
      config: onActivity(db, caps['course:view']),
      schema: { tags: ['activités'], params: IdParams, response: { 200: z.array(FolderFile) } },
    },
    async (request) => {
      await assertActivityVisible(db, actorOf(request), request.params.id, { kind: 'folder' });
      return (await files.listLinks(db, ownerOf(request.params.id))).map(toFolderFile);
    },
  );

  app.post(
    '/api/activities/:id/folder',
    {
      config: onActivity(db, caps['course:update']),
      schema: {
        consumes: ['multipart/form-data'],
        tags: ['activités'],
        params: IdParams,
        response: { 201: z.array(FolderFile) },
      },
    },
    async (request, reply) => {
      const activity = await activityOfKind(db, request.params.id, 'folder');
      const owner = ownerOf(activity.id);
      const existing = await files.listLinks(db, owner);
      const position = existing.reduce((max, l) => Math.max(max, l.position + 1), 0);
      const added = await saveUploads(request, { owner, position });
      await auditActivity(db, request, activity, 'activity.files_added', {
        filenames: added.map((l) => l.filename),
      });
      await activityFilesChanged(db, activity);
      return reply.status(201).send(added.map(toFolderFile));
    },
  );

  app.delete(
    '/api/activities/:id/folder/:linkId',
    {
      config: onActivity(db, caps['course:update']),
      schema: { tags: ['activités'], params: LinkParams },
    },
    async (request, reply) => {
      const activity = await activityOfKind(db, request.params.id, 'folder');
      await db.transaction(async (tx) => {
        const link = await folderLink(tx, request.params.linkId, activity.id);
        await files.unlink(tx, link.id);
        await auditActivity(tx, request, activity, 'activity.file_removed', { filename: link.filename });
        await activityFilesChanged(tx, activity);
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/activities/:id/folder/:linkId',
    {
      config: onActivity(db, caps['course:view']),
      compress: false,
      schema: {
        tags: ['activités'],
        params: LinkParams,
        querystring: z.object({ inline: z.enum(['0', '1']).optional() }),
      },
    },
    async (request, reply) => {
      await assertActivityVisible(db, actorOf(request), request.params.id, { kind: 'folder' });
      const link = await folderLink(db, request.params.linkId, request.params.id);
      return files.send(reply, link, { inline: request.query.inline === '1' });
    },
  );

  app.get(
    '/api/activities/:id/folder.zip',
    {
      config: onActivity(db, caps['course:view']),
      compress: false,
      schema: { tags: ['activités'], params: IdParams },
    },
    async (request, reply) => {
      const activity = await assertActivityVisible(db, actorOf(request), request.params.id, {
        kind: 'folder',
      });
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
