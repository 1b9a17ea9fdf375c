import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FileInfo, FolderFile } from '../../../../shared/api.ts';
import type { FileLink, Owner } from '../../../platform/files/index.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import type { ActivityRouteKit, ActivityRow } from '../contract.ts';
import { activityFilesChanged } from '../lifecycle.ts';

/**
 * Multipart uploads, for the plugin that calls this (encapsulated: only its routes parse multipart).
 * The size limit is the store's plus one byte: a file past it reaches the store one byte too long, and the
 * store refuses it (413) without keeping anything.
 */
export async function registerUploads(app: FastifyInstance, options: { files?: number } = {}) {
  const files = options.files ?? 50;
  await app.register(multipart, {
    limits: {
      fileSize: app.deps.files.maxBytes + 1,
      files,
      fields: 5,
      fieldSize: 1000,
      parts: files + 5,
      headerPairs: 20,
    },
  });
}

export const notMultipart = () =>
  new HttpProblem(415, 'unsupported_media_type', 'errors.unsupportedMediaType');

/**
 * Streams the file parts of a multipart request into the store, each linked to `owner` as it arrives (no
 * transaction is held while the bytes flow). When one fails — too large, one file too many, a type `accept`
 * refuses — the links this request made are removed and the error goes on: all the files or none.
 */
export async function saveUploads(
  request: FastifyRequest,
  input: {
    owner: Owner;
    /** At most this many files (413 past it); the registration's limit otherwise. */
    max?: number;
    /** A tighter size limit per file than the platform's (413 past it). */
    maxBytes?: number;
    /** The position of the first file; the next ones follow. */
    position?: number;
    accept?: (mime: string) => boolean;
    refused?: () => HttpProblem;
  },
): Promise<FileLink[]> {
  if (!request.isMultipart()) throw notMultipart();
  const { db, files } = request.server.deps;
  const saved: FileLink[] = [];
  try {
    const parts = request.files(input.max === undefined ? {} : { limits: { files: input.max } });
    for await (const part of parts) {
      const link = await files.saveUpload(db, {
        stream: part.file,
        filename: part.filename,
        declaredMime: part.mimetype,
        owner: input.owner,
        maxBytes: input.maxBytes,
        createdBy: request.auth?.actor.userId ?? null,
        position: (input.position ?? 0) + saved.length,
      });
      saved.push(link);
      if (input.accept && !input.accept(link.mime)) throw (input.refused ?? notMultipart)();
    }
  } catch (error) {
    for (const link of saved) await files.unlink(db, link.id);
    throw error;
  }
  if (saved.length === 0)
    throw new HttpProblem(400, 'file_required', 'errors.fileRequired', {
      errors: [{ path: 'file', message: 'errors.fileRequired' }],
    });
  return saved;
}

/**
 * The activity's one file (position 0) replaced by the uploaded one: the new file is stored first, then the
 * older ones are unlinked (a concurrent, newer replacement is left alone), audited.
 */
export async function replaceActivityFile(
  request: FastifyRequest,
  kit: ActivityRouteKit,
  activity: ActivityRow,
  options: { accept?: (mime: string) => boolean; refused?: () => HttpProblem } = {},
): Promise<FileLink> {
  const { db, files } = request.server.deps;
  const owner = { type: 'activity', id: activity.id };
  const [link] = await saveUploads(request, { owner, max: 1, ...options });
  await db.transaction(async (tx) => {
    for (const old of await files.listLinks(tx, owner))
      if (old.id !== link!.id && old.createdAt <= link!.createdAt) await files.unlink(tx, old.id);
    await kit.audit(tx, request, activity, 'activity.file_replaced', {
      filename: link!.filename,
      size: link!.size,
    });
    await activityFilesChanged(tx, activity);
  });
  return link!;
}

/** The activity's file, if it has one. */
export async function activityFile(request: FastifyRequest, activityId: string) {
  const [link] = await request.server.deps.files.listLinks(request.server.deps.db, {
    type: 'activity',
    id: activityId,
  });
  return link;
}

export const toFileInfo = (link: FileLink): FileInfo => ({
  filename: link.filename,
  mime: link.mime,
  size: link.size,
});
export const toFolderFile = (link: FileLink): FolderFile => ({ id: link.id, ...toFileInfo(link) });
