import { and, asc, eq, or, sql } from 'drizzle-orm';
import { createI18n } from '../../../shared/i18n/index.ts';
import type { Stage } from '../../../shared/lifecycle.ts';
import { createContext } from '../../platform/access/contexts.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { Files } from '../../platform/files/index.ts';
import { problems } from '../../platform/http/problem.ts';
import { activitiesRemoved, activityCopied } from '../activities/index.ts';
import { activities, courses, sections } from './schema.ts';
import { thumbnailOwner } from './thumbnail.ts';

export type CopyTarget = {
  domainId: string;
  domainContextId: number;
  title: string;
  shortName: string;
  createdBy: string;
  /** The copy's stage (a session, a course made from a template…); a course in construction by default. */
  stage?: Stage;
  /**
   * Whether people's work in the activities (what their kinds own of it: posts, attempts…) comes along;
   * by default a copy holds the designer's content only, as duplication, templates and sessions want.
   */
  withUserData?: boolean;
  /** When the copy is made (the kinds' `onCopy` hooks are told). */
  now: Date;
};

const SHORT_NAME_MAX = 100;

/** Short names of one domain are given one at a time, to the end of the transaction. */
async function lockShortNames(tx: Tx, domainId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('course_short_name'), hashtext(${domainId}))`);
}

/**
 * A short name typed for a course (creation, settings) must be free in its domain: it names one course
 * there, as in Moodle. Refused with a 409 on the field, never renamed behind the person's back (a copy's
 * name, proposed by the platform, is numbered instead: `freeShortName`). `exceptId`: the course being renamed, which may keep its own name.
 */
export async function assertShortNameFree(tx: Tx, domainId: string, wanted: string, exceptId?: string) {
  await lockShortNames(tx, domainId);
  const [holder] = await tx
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.domainId, domainId), eq(courses.shortName, wanted)))
    .limit(1);
  if (holder && holder.id !== exceptId)
    throw problems.conflict('short_name_taken', 'errors.shortNameTaken', 'shortName');
}

/**
 * A short name no course of the domain holds: the wanted one if free, else it with the next number
 * (`MATHS` → `MATHS-2`, `MATHS-3`…). A number already in the name is kept as it is (`MATHS-2027` →
 * `MATHS-2027-2`): it may be a year, not a copy's number. Copies into one domain are made one at a time
 * (a lock held to the end of the transaction), so two at once never get the same number.
 */
export async function freeShortName(tx: Tx, domainId: string, wanted: string): Promise<string> {
  await lockShortNames(tx, domainId);
  // Room for the number (up to "-999999") in the longest names.
  const base = wanted.slice(0, SHORT_NAME_MAX - 7);
  const taken = (
    await tx
      .select({ shortName: courses.shortName })
      .from(courses)
      .where(
        and(
          eq(courses.domainId, domainId),
          or(eq(courses.shortName, wanted), sql`starts_with(${courses.shortName}, ${`${base}-`})`),
        ),
      )
  ).map((row) => row.shortName);
  if (!taken.includes(wanted)) return wanted;
  const numbers = taken.map((name) => {
    const rest = name.slice(base.length + 1);
    return /^\d{1,6}$/.test(rest) ? Number(rest) : 0;
  });
  return `${base}-${Math.max(1, ...numbers) + 1}`;
}

const t = createI18n('fr').t;

/** The title of a copy: its source's, marked as a copy as the duplication form proposes it. */
export function copyTitle(title: string) {
  const marked = t('ui.courses.duplicate.copyTitle', { title });
  const over = marked.length - 255;
  return over > 0 ? t('ui.courses.duplicate.copyTitle', { title: title.slice(0, -over) }) : marked;
}

/**
 * Deep copy of a course inside a transaction: the course (remembering its origin), its thumbnail, its
 * sections and activities with their settings, their access contexts, and their files — by reference:
 * file links are copied, never bytes — and whatever their kinds own (the contract's `onCopy`). The basis
 * of duplication, templates, sessions and the course hub.
 */
export async function copyCourse(tx: Tx, files: Files, sourceId: string, target: CopyTarget) {
  const [source] = await tx.select().from(courses).where(eq(courses.id, sourceId));
  if (!source) throw new Error(`course ${sourceId} missing`);
  const [course] = await tx
    .insert(courses)
    .values({
      domainId: target.domainId,
      title: target.title,
      // Within a domain a short name names one course: a copy that would repeat one is numbered.
      shortName: await freeShortName(tx, target.domainId, target.shortName),
      summary: source.summary,
      format: source.format,
      visibility: source.visibility,
      availableFrom: source.availableFrom,
      metadata: source.metadata,
      ...(target.stage && { stage: target.stage }),
      originId: source.id,
      createdBy: target.createdBy,
    })
    .returning();
  const courseContext = await createContext(tx, 'course', course!.id, target.domainContextId);
  await files.copyLinks(tx, { type: 'course', id: source.id }, { type: 'course', id: course!.id });
  await files.copyLinks(tx, thumbnailOwner(source.id), thumbnailOwner(course!.id));

  await copyCourseContent(
    tx,
    files,
    source,
    { id: course!.id, contextId: courseContext.id },
    { withUserData: target.withUserData ?? false, now: target.now },
  );
  return course!;
}

/**
 * Copies a course's sections and activities (settings, contexts, file links, and what their kinds own,
 * through the contract's `onCopy`) into another course, and carries its chosen completion criteria over
 * to the copies. Used by `copyCourse` and by the hub when a deployed copy takes its origin's new version.
 */
export async function copyCourseContent(
  tx: Tx,
  files: Files,
  source: Pick<typeof courses.$inferSelect, 'id' | 'completionCriteria'>,
  target: { id: string; contextId: number },
  options: { withUserData?: boolean; now: Date },
) {
  const { now } = options;
  // Old activity id → its copy, to carry the course's chosen completion criteria over.
  const copied = new Map<string, string>();
  const sourceSections = await tx
    .select()
    .from(sections)
    .where(eq(sections.courseId, source.id))
    .orderBy(asc(sections.position));
  for (const section of sourceSections) {
    const [copy] = await tx
      .insert(sections)
      .values({
        courseId: target.id,
        position: section.position,
        title: section.title,
        description: section.description,
        visibility: section.visibility,
      })
      .returning();
    const held = await tx
      .select()
      .from(activities)
      .where(and(eq(activities.courseId, source.id), eq(activities.sectionId, section.id)))
      .orderBy(asc(activities.position));
    for (const activity of held) {
      const [activityCopy] = await tx
        .insert(activities)
        .values({
          courseId: target.id,
          sectionId: copy!.id,
          position: activity.position,
          kind: activity.kind,
          title: activity.title,
          settings: activity.settings,
          visibility: activity.visibility,
          availableFrom: activity.availableFrom,
          completion: activity.completion,
        })
        .returning();
      copied.set(activity.id, activityCopy!.id);
      await createContext(tx, 'activity', activityCopy!.id, target.contextId);
      await files.copyLinks(
        tx,
        { type: 'activity', id: activity.id },
        { type: 'activity', id: activityCopy!.id },
      );
      await activityCopied(
        { tx, files, now },
        { from: activity, to: activityCopy!, withUserData: options.withUserData ?? false },
      );
    }
  }
  const chosen = source.completionCriteria.activities;
  if (chosen !== 'all') {
    const mapped = chosen.flatMap((id) => copied.get(id) ?? []);
    await tx
      .update(courses)
      .set({ completionCriteria: { activities: mapped.length ? mapped : 'all' } })
      .where(eq(courses.id, target.id));
  }
}

/**
 * Removes a course's sections and activities with their contexts, file links (blobs go with the garbage
 * collection) and what their kinds own (the contract's `onDelete`), so `copyCourseContent` can put another
 * course's content in their place.
 */
export async function clearCourseContent(tx: Tx, files: Files, courseId: string, now: Date) {
  const held = await tx.select().from(activities).where(eq(activities.courseId, courseId));
  await activitiesRemoved({ tx, files, now }, held);
  await tx.delete(sections).where(eq(sections.courseId, courseId));
  await tx
    .update(courses)
    .set({ completionCriteria: { activities: 'all' } })
    .where(eq(courses.id, courseId));
}
