import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Activity,
  ActivityCreateBody,
  ActivitySummary,
  ActivityUpdateBody,
  Course,
  CourseCreateBody,
  CoursePage,
  CourseUpdateBody,
  FileInfo,
  SectionCreateBody,
  SectionUpdateBody,
} from '../../../shared/api.ts';
import type { Audience } from '../../../shared/completion.ts';
import type { CourseMetadata, Stage } from '../../../shared/lifecycle.ts';
import { type Actor, can, canInPath } from '../../platform/access/can.ts';
import type { Capability } from '../../platform/access/capabilities.ts';
import { createContext, findContext } from '../../platform/access/contexts.ts';
import { record } from '../../platform/audit/index.ts';
import { assertVersion, atVersion, nextVersion, staleVersion } from '../../platform/concurrency/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import type { Files } from '../../platform/files/index.ts';
import { fileLinks } from '../../platform/files/schema.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { sanitizePlainText, sanitizeRichText } from '../../platform/richtext/sanitize.ts';
import {
  activitiesRemoved,
  assertRuleAllowed,
  coursePageSummary,
  prepareSettings,
} from '../activities/index.ts';
import { domainContextId } from '../domains/index.ts';
import { archiveStream, describeCourse, importArchive } from './archive.ts';
import { assertShortNameFree, copyCourse } from './copy.ts';
import { dropFromCriteria } from './criteria.ts';
import { cleanMetadata } from './metadata.ts';
import { courseCapabilities as caps } from './policy.ts';
import { activities, courses, sections } from './schema.ts';
import { thumbnailOf, thumbnailsOf, thumbnailUrl } from './thumbnail.ts';
import { canInCourse, courseShown, opensLater, type Sight, shown } from './visibility.ts';

export type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'files' | 'now'>;
type CourseRow = typeof courses.$inferSelect;

/** A course for the API; `thumbnail` is its current thumbnail link, if any (see `toCourses` for a list). */
export function toCourse(row: CourseRow, thumbnail: { sha256: string } | null | undefined): Course {
  return {
    id: row.id,
    domainId: row.domainId,
    title: row.title,
    shortName: row.shortName,
    summary: row.summary,
    format: row.format,
    stage: row.stage,
    metadata: row.metadata,
    visibility: row.visibility,
    availableFrom: row.availableFrom?.toISOString() ?? null,
    originId: row.originId,
    thumbnailUrl: thumbnail ? thumbnailUrl(row.id, thumbnail.sha256) : null,
    version: row.version,
    metadataVersion: row.metadataVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Courses for the API, with their thumbnails found in one query. */
export async function toCourses(db: Tx, rows: CourseRow[]): Promise<Course[]> {
  const thumbnails = await thumbnailsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toCourse(row, thumbnails.get(row.id)));
}

/** One course for the API, with its thumbnail. */
export async function courseOut(db: Tx, row: CourseRow): Promise<Course> {
  return toCourse(row, await thumbnailOf(db, row.id));
}

export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    sectionId: row.sectionId,
    kind: row.kind,
    title: row.title,
    settings: row.settings,
    visibility: row.visibility,
    availableFrom: row.availableFrom?.toISOString() ?? null,
    completion: row.completion,
    audience: row.audience ?? null,
    version: row.version,
  };
}

type ActivityRow = typeof activities.$inferSelect;

/** An activity as the course page lists it: its kind's summary in place of its settings. */
export function toActivitySummary(
  row: ActivityRow,
  files: readonly FileInfo[] = [],
  restrictedTo?: string[],
): ActivitySummary {
  const summary = coursePageSummary(row.kind, row.settings, files);
  return {
    id: row.id,
    sectionId: row.sectionId,
    kind: row.kind,
    title: row.title,
    visibility: row.visibility,
    availableFrom: row.availableFrom?.toISOString() ?? null,
    completion: row.completion,
    ...(summary ? { summary } : {}),
    ...(restrictedTo ? { restrictedTo } : {}),
  };
}

/** The files linked to the activities of a course, by activity, in the order each activity lists them. */
async function activityFiles(db: Tx, courseId: string): Promise<Map<string, FileInfo[]>> {
  const rows = await db
    .select({
      activityId: fileLinks.ownerId,
      filename: fileLinks.filename,
      mime: fileLinks.mime,
      size: fileLinks.size,
    })
    .from(fileLinks)
    .innerJoin(
      activities,
      and(eq(fileLinks.ownerType, 'activity'), eq(fileLinks.ownerId, sql`${activities.id}::text`)),
    )
    .where(eq(activities.courseId, courseId))
    .orderBy(asc(fileLinks.position), asc(fileLinks.createdAt), asc(fileLinks.id));
  const byActivity = new Map<string, FileInfo[]>();
  for (const { activityId, ...info } of rows) {
    const list = byActivity.get(activityId);
    if (list) list.push(info);
    else byActivity.set(activityId, [info]);
  }
  return byActivity;
}

const title = (value: string) => sanitizePlainText(value, 255);

/** The access context of a course, of the course holding a section, or of an activity. */
export async function courseContextId(db: Tx, courseId: string) {
  return (await findContext(db, 'course', courseId))?.id;
}
export async function sectionContextId(db: Tx, sectionId: string) {
  const [row] = await db
    .select({ courseId: sections.courseId })
    .from(sections)
    .where(eq(sections.id, sectionId));
  return row ? courseContextId(db, row.courseId) : undefined;
}
export async function activityContextId(db: Tx, activityId: string) {
  return (await findContext(db, 'activity', activityId))?.id;
}

export async function getCourse(db: Tx, id: string) {
  const [row] = await db.select().from(courses).where(eq(courses.id, id));
  if (!row) throw problems.notFound();
  return row;
}

/** The activity, if it still exists (a reaction after commit may find it deleted since). */
export async function findActivity(db: Tx, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  return row;
}

export async function getActivity(db: Tx, id: string) {
  const row = await findActivity(db, id);
  if (!row) throw problems.notFound();
  return row;
}

async function audit(
  tx: Tx,
  ctx: Ctx,
  course: CourseRow,
  action: string,
  objectType: string,
  objectId: string,
  details = {},
) {
  await record(tx, ctx.origin, {
    actorId: ctx.actor.userId,
    action,
    objectType,
    objectId,
    domainId: course.domainId,
    details,
  });
}

/** Creates a course in a domain, with its access context and a first section. */
export async function createCourse(ctx: Ctx, input: z.infer<typeof CourseCreateBody>): Promise<CourseRow> {
  return ctx.db.transaction(async (tx) => {
    const domainContext = await domainContextId(tx, input.domainId);
    if (domainContext === undefined)
      throw problems.invalid('unknown_domain', 'errors.unknownDomain', 'domainId');
    if (!(await can(tx, ctx.actor, caps['course:create'], domainContext))) throw problems.forbidden();
    const shortName = sanitizePlainText(input.shortName, 100);
    await assertShortNameFree(tx, input.domainId, shortName);
    const [course] = await tx
      .insert(courses)
      .values({
        domainId: input.domainId,
        title: title(input.title),
        shortName,
        summary: sanitizeRichText(input.summary),
        format: input.format,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await createContext(tx, 'course', course!.id, domainContext);
    await tx.insert(sections).values({ courseId: course!.id, position: 0, title: 'Présentation' });
    await audit(tx, ctx, course!, 'course.created', 'course', course!.id, { title: course!.title });
    return course!;
  });
}

/**
 * Changes a course's settings. `expected`: the version the person edited (`If-Match`); a save made from an
 * older one is refused (409) and writes nothing. Undefined: saved whatever the version.
 */
export async function updateCourse(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof CourseUpdateBody>,
  expected?: number,
) {
  return ctx.db.transaction(async (tx) => {
    const course = await getCourse(tx, id);
    assertVersion(course.version, expected);
    const shortName = input.shortName === undefined ? undefined : sanitizePlainText(input.shortName, 100);
    if (shortName !== undefined && shortName !== course.shortName)
      await assertShortNameFree(tx, course.domainId, shortName, id);
    const [updated] = await tx
      .update(courses)
      .set({
        ...(input.title !== undefined && { title: title(input.title) }),
        ...(shortName !== undefined && { shortName }),
        ...(input.summary !== undefined && { summary: sanitizeRichText(input.summary) }),
        ...(input.format !== undefined && { format: input.format }),
        ...(input.visibility !== undefined && { visibility: input.visibility }),
        ...(input.availableFrom !== undefined && {
          availableFrom: input.availableFrom ? new Date(input.availableFrom) : null,
        }),
        version: nextVersion(courses.version),
        updatedAt: ctx.now,
      })
      .where(and(eq(courses.id, id), atVersion(courses.version, expected)))
      .returning();
    if (!updated) throw staleVersion();
    await audit(tx, ctx, course, 'course.updated', 'course', id, { fields: Object.keys(input) });
    await emit(tx, { type: 'course.changed', courseId: id });
    return updated!;
  });
}

/**
 * Courses the actor may open: those of the domains and courses where they hold `course:view` as far as
 * it reaches by the course's stage (visibility.ts), without the hidden or not-yet-open ones unless they
 * may see those (`course:viewhidden`) there.
 */
export async function listCourses(db: Db, actor: Actor, now: Date, domainId?: string) {
  const grants = actor.grants.filter(
    (g) => g.level === 'platform' || g.level === 'domain' || g.level === 'course',
  );
  if (grants.length === 0) return [];
  const everywhere = grants.some((g) => g.level === 'platform');
  const domainIds = grants.filter((g) => g.level === 'domain').map((g) => g.instanceId!);
  const courseIds = grants.filter((g) => g.level === 'course').map((g) => g.instanceId!);
  const rows = await db
    .select()
    .from(courses)
    .where(
      and(
        domainId ? eq(courses.domainId, domainId) : undefined,
        everywhere
          ? undefined
          : sql`(${domainIds.length ? inArray(courses.domainId, domainIds) : sql`false`} OR ${courseIds.length ? inArray(courses.id, courseIds) : sql`false`})`,
      ),
    )
    .orderBy(asc(courses.title));
  const listed: CourseRow[] = [];
  for (const row of rows) {
    const context = await findContext(db, 'course', row.id);
    if (!context || !canInCourse(actor, caps['course:view'], row, context.path)) continue;
    if (row.stage === 'trash') continue;
    if (courseShown('learner', row, now) || canInCourse(actor, caps['course:viewhidden'], row, context.path))
      listed.push(row);
  }
  return listed;
}

/** `text` holds every word of `q`, in any order, accents and case aside (LIKE wildcards taken literally). */
function holdsEveryWord(text: SQL, q: string) {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return and(
    ...words.map((word) => {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return sql`f_unaccent(lower(${text})) LIKE f_unaccent(${pattern}::text)`;
    }),
  );
}

/**
 * Courses (trash left out) whose title or short name contains `q`, in the given domains (`'all'`: every
 * domain), by title: what a picker offers, for another module to narrow down with its own rights.
 */
export async function findCoursesByTitle(
  db: Tx,
  q: string,
  domainIds: string[] | 'all',
  limit: number,
): Promise<{ id: string; title: string; shortName: string; domainId: string; stage: Stage }[]> {
  if (domainIds !== 'all' && domainIds.length === 0) return [];
  return db
    .select({
      id: courses.id,
      title: courses.title,
      shortName: courses.shortName,
      domainId: courses.domainId,
      stage: courses.stage,
    })
    .from(courses)
    .where(
      and(
        sql`${courses.stage} <> 'trash'`,
        domainIds === 'all' ? undefined : inArray(courses.domainId, domainIds),
        holdsEveryWord(sql`${courses.title} || ' ' || ${courses.shortName}`, q),
      ),
    )
    .orderBy(asc(courses.title), asc(courses.id))
    .limit(limit);
}

/** Activities whose title and their course's hold every word of `q`, as `findCoursesByTitle`. */
export async function findActivitiesByTitle(
  db: Tx,
  q: string,
  domainIds: string[] | 'all',
  limit: number,
): Promise<{ id: string; title: string; courseId: string; courseTitle: string; domainId: string }[]> {
  if (domainIds !== 'all' && domainIds.length === 0) return [];
  return db
    .select({
      id: activities.id,
      title: activities.title,
      courseId: courses.id,
      courseTitle: courses.title,
      domainId: courses.domainId,
    })
    .from(activities)
    .innerJoin(courses, eq(courses.id, activities.courseId))
    .where(
      and(
        sql`${courses.stage} <> 'trash'`,
        domainIds === 'all' ? undefined : inArray(courses.domainId, domainIds),
        holdsEveryWord(sql`${activities.title} || ' ' || ${courses.title}`, q),
      ),
    )
    .orderBy(asc(courses.title), asc(activities.title), asc(activities.id))
    .limit(limit);
}

/** The titles of courses and activities by id (an activity with its course's), for labels. */
export async function titlesOf(db: Tx, courseIds: string[], activityIds: string[]) {
  const [courseRows, activityRows] = await Promise.all([
    courseIds.length
      ? db
          .select({ id: courses.id, title: courses.title })
          .from(courses)
          .where(inArray(courses.id, courseIds))
      : [],
    activityIds.length
      ? db
          .select({ id: activities.id, title: activities.title, courseTitle: courses.title })
          .from(activities)
          .innerJoin(courses, eq(courses.id, activities.courseId))
          .where(inArray(activities.id, activityIds))
      : [],
  ]);
  return {
    courses: new Map(courseRows.map((r) => [r.id, r.title])),
    activities: new Map(activityRows.map((r) => [r.id, { title: r.title, courseTitle: r.courseTitle }])),
  };
}

/** What the actor may do on a course page: edit it, and see what is hidden or not yet open. */
export async function pageAccess(db: Tx, actor: Actor, courseId: string) {
  const context = await findContext(db, 'course', courseId);
  if (!context) throw problems.notFound();
  return {
    canEdit: canInPath(actor, caps['course:update'], context.path),
    seeHidden: canInPath(actor, caps['course:viewhidden'], context.path),
  };
}

/** Who reads a course page, and how (see `Sight` in visibility.ts). */
export type PageReader = {
  sight: Sight;
  canEdit: boolean;
  /** For `learner`: the activities restricted to groups the reader is not in (`activitiesOutOfReach`). */
  outOfReach?: readonly string[];
  /** For `all`: to whom a restricted activity is reserved, as the badge names them. */
  restrictedTo?: (audience: Audience) => string[] | undefined;
};

/**
 * The course page: the course, its sections in order with their activities in order (each as its kind
 * summarises it for the page, see `coursePageSummary` in the activity contract), as the reader is shown
 * them (visibility.ts); a learner who may not open the course is refused. `opensAt` is the next moment
 * something kept from a learner by its date opens, when the page changes by itself.
 */
export async function coursePage(
  db: Db,
  courseId: string,
  reader: PageReader,
  now: Date,
): Promise<{ page: CoursePage; opensAt: Date | undefined }> {
  const course = await getCourse(db, courseId);
  let opensAt: Date | undefined;
  const visible = (item: { visibility: 'visible' | 'hidden'; availableFrom?: Date | null }) => {
    const later = opensLater(reader.sight, item, now);
    if (later && (!opensAt || later < opensAt)) opensAt = later;
    return shown(reader.sight, item, now);
  };
  if (!courseShown(reader.sight, course, now)) throw problems.forbidden();
  const [sectionRows, activityRows, thumbnail, files] = await Promise.all([
    db.select().from(sections).where(eq(sections.courseId, courseId)).orderBy(asc(sections.position)),
    db.select().from(activities).where(eq(activities.courseId, courseId)).orderBy(asc(activities.position)),
    thumbnailOf(db, courseId),
    activityFiles(db, courseId),
  ]);
  const away = new Set(reader.sight === 'learner' ? (reader.outOfReach ?? []) : []);
  const namesOf = (audience: Audience | null) =>
    audience && reader.restrictedTo ? reader.restrictedTo(audience) : undefined;
  const page: CoursePage = {
    course: toCourse(course, thumbnail),
    canEdit: reader.canEdit,
    sections: sectionRows.filter(visible).map((section) => ({
      id: section.id,
      title: section.title,
      description: section.description,
      visibility: section.visibility,
      version: section.version,
      activities: activityRows
        .filter((a) => a.sectionId === section.id && visible(a) && !away.has(a.id))
        .map((a) => toActivitySummary(a, files.get(a.id), namesOf(a.audience))),
    })),
  };
  return { page, opensAt };
}

export async function addSection(ctx: Ctx, courseId: string, input: z.infer<typeof SectionCreateBody>) {
  return ctx.db.transaction(async (tx) => {
    const course = await getCourse(tx, courseId);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${sections.position}) + 1, 0)::int` })
      .from(sections)
      .where(eq(sections.courseId, courseId))) as [{ next: number }];
    const [section] = await tx
      .insert(sections)
      .values({
        courseId,
        position: next,
        title: title(input.title),
        description: sanitizeRichText(input.description),
      })
      .returning();
    await audit(tx, ctx, course, 'section.created', 'section', section!.id, { title: section!.title });
    await emit(tx, { type: 'course.changed', courseId });
    return section!;
  });
}

/** Changes a section; `expected` as for `updateCourse`. */
export async function updateSection(
  ctx: Ctx,
  sectionId: string,
  input: z.infer<typeof SectionUpdateBody>,
  expected?: number,
) {
  return ctx.db.transaction(async (tx) => {
    const [section] = await tx
      .update(sections)
      .set({
        ...(input.title !== undefined && { title: title(input.title) }),
        ...(input.description !== undefined && { description: sanitizeRichText(input.description) }),
        ...(input.visibility !== undefined && { visibility: input.visibility }),
        version: nextVersion(sections.version),
      })
      .where(and(eq(sections.id, sectionId), atVersion(sections.version, expected)))
      .returning();
    if (!section) {
      const [exists] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
      throw exists ? staleVersion() : problems.notFound();
    }
    await audit(tx, ctx, await getCourse(tx, section.courseId), 'section.updated', 'section', sectionId, {
      fields: Object.keys(input),
    });
    await emit(tx, { type: 'course.changed', courseId: section.courseId });
    return section;
  });
}

/** Deletes a section and its activities; returns the course it belonged to. */
export async function deleteSection(ctx: Ctx, sectionId: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    // Its activities go with it (cascade); what they hold beside their rows goes first.
    const held = await tx.select().from(activities).where(eq(activities.sectionId, sectionId));
    await activitiesRemoved({ tx, files: ctx.files, now: ctx.now }, held);
    const [section] = await tx.delete(sections).where(eq(sections.id, sectionId)).returning();
    if (!section) throw problems.notFound();
    // Its activities leave the course's chosen criteria with it.
    await dropFromCriteria(
      tx,
      section.courseId,
      held.map((a) => a.id),
    );
    await audit(tx, ctx, await getCourse(tx, section.courseId), 'section.deleted', 'section', sectionId, {
      title: section.title,
    });
    await emit(tx, { type: 'course.changed', courseId: section.courseId });
    return section.courseId;
  });
}

/** Puts the course's sections in the given order; the list must name each section exactly once. */
export async function orderSections(ctx: Ctx, courseId: string, ids: string[]) {
  await ctx.db.transaction(async (tx) => {
    const course = await getCourse(tx, courseId);
    const current = await tx
      .select({ id: sections.id })
      .from(sections)
      .where(eq(sections.courseId, courseId));
    if (
      current.length !== ids.length ||
      new Set(ids).size !== ids.length ||
      !current.every((s) => ids.includes(s.id))
    ) {
      throw problems.invalid('order_mismatch', 'errors.orderMismatch', 'ids');
    }
    for (const [position, id] of ids.entries())
      await tx.update(sections).set({ position }).where(eq(sections.id, id));
    await audit(tx, ctx, course, 'course.sections_ordered', 'course', courseId);
    await emit(tx, { type: 'course.changed', courseId });
  });
}

export async function addActivity(ctx: Ctx, courseId: string, input: z.infer<typeof ActivityCreateBody>) {
  const settings = await prepareSettings(ctx.db, input.kind, input.settings);
  if (input.completion) assertRuleAllowed(input.kind, input.completion);
  return ctx.db.transaction(async (tx) => {
    const course = await getCourse(tx, courseId);
    const [section] = await tx
      .select()
      .from(sections)
      .where(and(eq(sections.id, input.sectionId), eq(sections.courseId, courseId)));
    if (!section) throw problems.invalid('unknown_section', 'errors.unknownSection', 'sectionId');
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${activities.position}) + 1, 0)::int` })
      .from(activities)
      .where(eq(activities.sectionId, section.id))) as [{ next: number }];
    const [activity] = await tx
      .insert(activities)
      .values({
        courseId,
        sectionId: section.id,
        position: next,
        kind: input.kind,
        title: title(input.title),
        settings,
        visibility: input.visibility,
        availableFrom: input.availableFrom ? new Date(input.availableFrom) : null,
        ...(input.completion && { completion: input.completion }),
      })
      .returning();
    const courseContext = await courseContextId(tx, courseId);
    await createContext(tx, 'activity', activity!.id, courseContext!);
    await audit(tx, ctx, course, 'activity.created', 'activity', activity!.id, {
      kind: input.kind,
      title: activity!.title,
    });
    await emit(tx, {
      type: 'activity.added',
      courseId,
      activityId: activity!.id,
      tracked: activity!.completion.mode !== 'none',
    });
    return activity!;
  });
}

/** Changes an activity's common fields and settings; `expected` as for `updateCourse`. */
export async function updateActivity(
  ctx: Ctx,
  activityId: string,
  input: z.infer<typeof ActivityUpdateBody>,
  expected?: number,
) {
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(activities).where(eq(activities.id, activityId));
    if (!current) throw problems.notFound();
    assertVersion(current.version, expected);
    const settings =
      input.settings !== undefined ? await prepareSettings(tx, current.kind, input.settings) : undefined;
    if (input.completion) assertRuleAllowed(current.kind, input.completion);
    const [activity] = await tx
      .update(activities)
      .set({
        ...(input.title !== undefined && { title: title(input.title) }),
        ...(settings !== undefined && { settings }),
        ...(input.visibility !== undefined && { visibility: input.visibility }),
        ...(input.availableFrom !== undefined && {
          availableFrom: input.availableFrom ? new Date(input.availableFrom) : null,
        }),
        ...(input.completion && { completion: input.completion }),
        version: nextVersion(activities.version),
        updatedAt: ctx.now,
      })
      .where(and(eq(activities.id, activityId), atVersion(activities.version, expected)))
      .returning();
    if (!activity) throw staleVersion();
    if (input.completion) {
      // An activity no longer tracked leaves the course's chosen criteria at once; the states people
      // earned follow the new rule once it is committed (the completion module).
      if (input.completion.mode === 'none' && current.completion.mode !== 'none')
        await dropFromCriteria(tx, current.courseId, [current.id]);
      await emit(tx, {
        type: 'activity.rule_changed',
        courseId: current.courseId,
        activityId,
        before: current.completion,
        after: input.completion,
      });
    }
    await audit(tx, ctx, await getCourse(tx, current.courseId), 'activity.updated', 'activity', activityId, {
      fields: Object.keys(input),
    });
    await emit(tx, { type: 'activity.changed', courseId: current.courseId, activityId });
    return activity!;
  });
}

/** Deletes an activity; returns its course. */
export async function deleteActivity(ctx: Ctx, activityId: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    // Locked: a concurrent deletion waits, then finds nothing, rather than running the kind's hook twice.
    const [activity] = await tx.select().from(activities).where(eq(activities.id, activityId)).for('update');
    if (!activity) throw problems.notFound();
    // Its kind's rows, its context and its file links (the blobs go with the garbage collection once
    // nothing else links them), then the row.
    await activitiesRemoved({ tx, files: ctx.files, now: ctx.now }, [activity]);
    await tx.delete(activities).where(eq(activities.id, activityId));
    await dropFromCriteria(tx, activity.courseId, [activity.id]);
    await audit(tx, ctx, await getCourse(tx, activity.courseId), 'activity.deleted', 'activity', activityId, {
      kind: activity.kind,
      title: activity.title,
    });
    return activity.courseId;
  });
}

/** Moves an activity to a position in a section of the same course, renumbering both sections. */
export async function moveActivity(
  ctx: Ctx,
  activityId: string,
  sectionId: string,
  position: number,
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const [activity] = await tx.select().from(activities).where(eq(activities.id, activityId));
    if (!activity) throw problems.notFound();
    const [target] = await tx
      .select()
      .from(sections)
      .where(and(eq(sections.id, sectionId), eq(sections.courseId, activity.courseId)));
    if (!target) throw problems.invalid('unknown_section', 'errors.unknownSection', 'sectionId');
    const siblings = (
      await tx
        .select({ id: activities.id })
        .from(activities)
        .where(eq(activities.sectionId, sectionId))
        .orderBy(asc(activities.position))
    )
      .map((a) => a.id)
      .filter((id) => id !== activityId);
    siblings.splice(Math.min(position, siblings.length), 0, activityId);
    await tx.update(activities).set({ sectionId }).where(eq(activities.id, activityId));
    for (const [index, id] of siblings.entries())
      await tx.update(activities).set({ position: index }).where(eq(activities.id, id));
    if (activity.sectionId !== sectionId) {
      const left = await tx
        .select({ id: activities.id })
        .from(activities)
        .where(eq(activities.sectionId, activity.sectionId))
        .orderBy(asc(activities.position));
      for (const [index, row] of left.entries())
        await tx.update(activities).set({ position: index }).where(eq(activities.id, row.id));
    }
    await audit(tx, ctx, await getCourse(tx, activity.courseId), 'activity.moved', 'activity', activityId, {
      sectionId,
      position,
    });
    await emit(tx, { type: 'activity.changed', courseId: activity.courseId, activityId });
    return activity.courseId;
  });
}

/**
 * Duplicates a course into a domain the actor may create courses in. The actor must be able to edit the
 * source (a designer copies their own work; copying others' published courses is the hub's business).
 */
export async function duplicateCourse(
  ctx: Ctx,
  sourceId: string,
  input: { domainId: string; title?: string | undefined; shortName?: string | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const source = await getCourse(tx, sourceId);
    const domainContext = await domainContextId(tx, input.domainId);
    if (domainContext === undefined)
      throw problems.invalid('unknown_domain', 'errors.unknownDomain', 'domainId');
    if (!(await can(tx, ctx.actor, caps['course:create'], domainContext))) throw problems.forbidden();
    const course = await copyCourse(tx, ctx.files, sourceId, {
      domainId: input.domainId,
      domainContextId: domainContext,
      title: input.title ? title(input.title) : `${source.title} (copie)`.slice(0, 255),
      shortName: input.shortName ? sanitizePlainText(input.shortName, 100) : source.shortName,
      createdBy: ctx.actor.userId,
      now: ctx.now,
    });
    await audit(tx, ctx, course, 'course.duplicated', 'course', course.id, { from: sourceId });
    return course;
  });
}

/** The archive of a course (manifest + files); needs the right to copy it. */
export async function exportCourse(db: Db, files: Files, courseId: string, now: Date) {
  await getCourse(db, courseId);
  const manifest = await describeCourse(db, files, courseId, now);
  return { manifest, stream: archiveStream(files, manifest) };
}

/** Imports a course archive into a domain the actor may create courses in: all of it, or nothing. */
export async function importCourse(ctx: Ctx, domainId: string, upload: Readable) {
  const domainContext = await domainContextId(ctx.db, domainId);
  if (domainContext === undefined)
    throw problems.invalid('unknown_domain', 'errors.unknownDomain', 'domainId');
  if (!(await can(ctx.db, ctx.actor, caps['course:create'], domainContext))) throw problems.forbidden();
  return ctx.db.transaction(async (tx) => {
    const course = await importArchive(tx, ctx.files, upload, {
      domainId,
      domainContextId: domainContext,
      createdBy: ctx.actor.userId,
      now: ctx.now,
    });
    await audit(tx, ctx, course, 'course.imported', 'course', course.id, { title: course.title });
    return course;
  });
}

/**
 * Moves a course to a stage (the workflow decides when); remembers where it was when it goes to the trash.
 * Whoever follows a course's life (its offer, its page) hears of it through `course.stage_changed`.
 */
export async function setCourseStage(
  tx: Tx,
  id: string,
  stage: Stage,
  now: Date,
  stageBeforeTrash: Stage | null = null,
) {
  const [row] = await tx
    .update(courses)
    .set({ stage, stageBeforeTrash, updatedAt: now })
    .where(eq(courses.id, id))
    .returning();
  await emit(tx, { type: 'course.stage_changed', courseId: id, stage });
  return row!;
}

/**
 * Replaces a course's indexation (already validated; rich text is cleaned here). `expected`: the indexation
 * version the person edited; when it is no longer the current one, 409 and nothing written.
 */
export async function setCourseMetadata(
  tx: Tx,
  id: string,
  metadata: CourseMetadata,
  now: Date,
  expected?: number,
) {
  const clean = cleanMetadata(metadata);
  const [row] = await tx
    .update(courses)
    .set({ metadata: clean, metadataVersion: nextVersion(courses.metadataVersion), updatedAt: now })
    .where(and(eq(courses.id, id), atVersion(courses.metadataVersion, expected)))
    .returning();
  if (!row) throw staleVersion();
  await emit(tx, { type: 'course.changed', courseId: id });
  return row;
}

/** The courses copied from this one (its sessions, its copies), newest first. */
export async function copiesOf(db: Tx, id: string) {
  return db.select().from(courses).where(eq(courses.originId, id)).orderBy(sql`${courses.createdAt} desc`);
}

/** Courses in the trash, in the domains where the actor may restore them. */
export async function trashedCourses(db: Tx, actor: Actor, capability: Capability) {
  const rows = await db.select().from(courses).where(eq(courses.stage, 'trash')).orderBy(asc(courses.title));
  const shown: CourseRow[] = [];
  for (const row of rows) {
    const context = await findContext(db, 'course', row.id);
    if (context && canInPath(actor, capability, context.path)) shown.push(row);
  }
  return shown;
}
