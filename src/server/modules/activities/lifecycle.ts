/**
 * The course engine's side of the activity contract's lifecycle hooks: it calls these, never a kind. Each
 * does what the engine owns for every activity (its access context, its file links) and hands the rest to
 * the kind's hook, in the engine's transaction. A kind without a hook owns nothing more: nothing to do.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { contexts } from '../../platform/access/schema.ts';
import { emit } from '../../platform/events/index.ts';
import type { FileLink } from '../../platform/files/index.ts';
import type { FieldError } from '../../platform/http/types.ts';
import type {
  ActivityExport,
  ActivityHookContext,
  ActivityImportContext,
  ArchiveFileRef,
} from './contract.ts';
import { activityKind, activityKinds } from './registry.ts';
import type { ActivityRow } from './support.ts';

export type { ActivityHookContext, ActivityImportContext, ArchiveFileRef } from './contract.ts';

/** A file link as the course archive names it. */
export function archiveFileRef(
  link: Pick<FileLink, 'sha256' | 'filename' | 'mime' | 'size'>,
): ArchiveFileRef {
  return { sha256: link.sha256, filename: link.filename, mime: link.mime, size: Number(link.size) };
}

/**
 * An activity was copied (its row, settings, context and file links are the engine's, already done):
 * the kind copies what it owns.
 */
export async function activityCopied(
  ctx: ActivityHookContext,
  copy: { from: ActivityRow; to: ActivityRow; withUserData: boolean },
) {
  await activityKind(copy.from.kind)?.onCopy?.(ctx, copy);
}

/**
 * Activities are about to be deleted — alone, with their section or with their course's content: each
 * kind removes what it owns, then their access contexts and file links go (the blobs with the garbage
 * collection once nothing links them). The caller deletes the rows, in the same transaction, which
 * carries `activity.removed` to whoever follows a course's activities (completion, the course page).
 */
export async function activitiesRemoved(ctx: ActivityHookContext, removed: readonly ActivityRow[]) {
  if (removed.length === 0) return;
  for (const activity of removed) await activityKind(activity.kind)?.onDelete?.(ctx, activity);
  const ids = removed.map((a) => a.id);
  await ctx.tx.delete(contexts).where(and(eq(contexts.level, 'activity'), inArray(contexts.instanceId, ids)));
  for (const id of ids) await ctx.files.unlinkOwner(ctx.tx, { type: 'activity', id });
  for (const courseId of new Set(removed.map((a) => a.courseId))) {
    const ofCourse = removed.filter((a) => a.courseId === courseId);
    await emit(ctx.tx, {
      type: 'activity.removed',
      courseId,
      activityIds: ofCourse.map((a) => a.id),
      tracked: ofCourse.some((a) => a.completion.mode !== 'none'),
    });
  }
}

/** What the course archive carries of an activity beyond its settings and files; undefined: nothing. */
export async function exportActivityData(
  ctx: ActivityHookContext,
  activity: ActivityRow,
): Promise<ActivityExport<unknown> | undefined> {
  const exported = await activityKind(activity.kind)?.exportData?.(ctx, activity);
  if (!exported) return undefined;
  return { data: exported.data, files: (exported.files ?? []).map(archiveFileRef) };
}

/**
 * Checks what an archive carries for an activity against its kind's `dataSchema`, before anything is
 * written. Errors have paths relative to the data. Data for a kind that reads none is refused: it comes
 * from a platform that knows more of the kind than this one, and would be lost silently.
 */
export function checkActivityData(kindName: string, data: unknown): FieldError[] {
  const kind = activityKind(kindName);
  if (!kind) return [];
  if (!kind.dataSchema) return [{ path: '', message: 'errors.archive.kindData' }];
  const parsed = kind.dataSchema.safeParse(data);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue: z.core.$ZodIssue) => ({
    path: issue.path.map(String).join('.'),
    message: 'errors.archive.kindData',
  }));
}

/** Writes what an archive carried for an activity just created from it (checked by `checkActivityData`). */
export async function importActivityData(ctx: ActivityImportContext, activity: ActivityRow, data: unknown) {
  const kind = activityKind(activity.kind);
  if (!kind?.dataSchema || !kind.importData) return;
  await kind.importData(ctx, activity, kind.dataSchema.parse(data));
}

/** A session is reset for a new group: the kind removes people's work in the activity. */
export async function resetActivityUserData(ctx: ActivityHookContext, activity: ActivityRow) {
  await activityKind(activity.kind)?.resetUserData?.(ctx, activity);
}

/** The kinds that hold people's data (`userData`), for the GDPR's export and erasure. */
export function kindsWithUserData(): string[] {
  return activityKinds()
    .filter((kind) => kind.userData)
    .map((kind) => kind.kind);
}

/** One person's data in an activity, as JSON; undefined when the kind holds none of theirs. */
export async function exportActivityUserData(
  ctx: ActivityHookContext,
  activity: ActivityRow,
  userId: string,
) {
  return activityKind(activity.kind)?.userData?.export(ctx, activity, userId);
}

/** Removes (or anonymises) one person's data in an activity. */
export async function eraseActivityUserData(ctx: ActivityHookContext, activity: ActivityRow, userId: string) {
  await activityKind(activity.kind)?.userData?.erase(ctx, activity, userId);
}

/**
 * Who meets the kind's own rule (`kind`) in the activity now, when the kind can tell from its rows; null
 * when it cannot (it reports as people act).
 */
export async function evaluateKindRule(
  ctx: ActivityHookContext,
  activity: ActivityRow,
): Promise<readonly string[] | null> {
  const evaluate = activityKind(activity.kind)?.completion?.evaluate;
  return evaluate ? evaluate(ctx, activity) : null;
}
