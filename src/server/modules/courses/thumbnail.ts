/**
 * A course's thumbnail (vignette): one image in the platform's file store, linked to the owner
 * `course-thumbnail` of the course — no column of its own. Replacing it drops the old link; the bytes go
 * with the garbage collection once nothing else uses them.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { record } from '../../platform/audit/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import { type BlobSource, type FileLink, fileLinks, type Owner } from '../../platform/files/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import { courses } from './schema.ts';

export const THUMBNAIL_OWNER_TYPE = 'course-thumbnail';
/** A card image needs no more; a larger one is a photo that should have been resized. */
export const THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;
/** What every browser shows, detected from the bytes (never the name or the declared type). */
export const THUMBNAIL_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp']);

export const thumbnailOwner = (courseId: string): Owner => ({ type: THUMBNAIL_OWNER_TYPE, id: courseId });

/** The address of a course's thumbnail, versioned by its content so a browser may keep it long. */
export const thumbnailUrl = (courseId: string, sha256: string) =>
  `/api/courses/${courseId}/thumbnail?v=${sha256.slice(0, 16)}`;

export const thumbnailTypeRefused = () =>
  new HttpProblem(415, 'unsupported_media_type', 'errors.thumbnailTypeRefused', {
    errors: [{ path: 'thumbnail', message: 'errors.thumbnailTypeRefused' }],
  });

/** The current thumbnail of each of these courses (the newest link, should two replacements have raced). */
export async function thumbnailsOf(db: Tx, courseIds: string[]): Promise<Map<string, FileLink>> {
  const found = new Map<string, FileLink>();
  if (courseIds.length === 0) return found;
  const rows = await db
    .select()
    .from(fileLinks)
    .where(and(eq(fileLinks.ownerType, THUMBNAIL_OWNER_TYPE), inArray(fileLinks.ownerId, courseIds)))
    .orderBy(desc(fileLinks.createdAt), desc(fileLinks.id));
  for (const row of rows) if (!found.has(row.ownerId)) found.set(row.ownerId, row);
  return found;
}

export async function thumbnailOf(db: Tx, courseId: string): Promise<FileLink | undefined> {
  return (await thumbnailsOf(db, [courseId])).get(courseId);
}

type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'files' | 'now'>;

async function courseOf(db: Tx, courseId: string) {
  const [course] = await db.select().from(courses).where(eq(courses.id, courseId));
  if (!course) throw problems.notFound();
  return course;
}

async function audit(
  tx: Tx,
  ctx: Ctx,
  course: { id: string; domainId: string },
  action: string,
  details = {},
) {
  await record(tx, ctx.origin, {
    actorId: ctx.actor.userId,
    action,
    objectType: 'course',
    objectId: course.id,
    domainId: course.domainId,
    details,
  });
}

/**
 * Stores an uploaded image as the course's thumbnail. Too large: 413; not a JPEG, PNG or WebP: 415 — in
 * both cases no link is left. The new link is made first, then the older ones dropped (a concurrent,
 * newer replacement is left alone), audited as a change of the course.
 */
export async function replaceThumbnail(
  ctx: Ctx,
  courseId: string,
  upload: { stream: BlobSource; filename: string; declaredMime?: string | undefined },
): Promise<FileLink> {
  await courseOf(ctx.db, courseId);
  const owner = thumbnailOwner(courseId);
  const link = await ctx.files.saveUpload(ctx.db, {
    ...upload,
    owner,
    createdBy: ctx.actor.userId,
    maxBytes: THUMBNAIL_MAX_BYTES,
  });
  if (!THUMBNAIL_TYPES.has(link.mime)) {
    await ctx.files.unlink(ctx.db, link.id);
    throw thumbnailTypeRefused();
  }
  await ctx.db.transaction(async (tx) => {
    const course = await courseOf(tx, courseId);
    for (const old of await ctx.files.listLinks(tx, owner))
      if (old.id !== link.id && old.createdAt <= link.createdAt) await ctx.files.unlink(tx, old.id);
    await tx.update(courses).set({ updatedAt: ctx.now }).where(eq(courses.id, courseId));
    await audit(tx, ctx, course, 'course.thumbnail_updated', {
      filename: link.filename,
      mime: link.mime,
      size: link.size,
    });
    await emit(tx, { type: 'course.changed', courseId });
  });
  return link;
}

/** Removes the course's thumbnail; true when there was one. */
export async function removeThumbnail(ctx: Ctx, courseId: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const course = await courseOf(tx, courseId);
    const removed = await ctx.files.unlinkOwner(tx, thumbnailOwner(courseId));
    if (removed > 0) {
      await tx.update(courses).set({ updatedAt: ctx.now }).where(eq(courses.id, courseId));
      await audit(tx, ctx, course, 'course.thumbnail_removed');
      await emit(tx, { type: 'course.changed', courseId });
    }
    return removed > 0;
  });
}
