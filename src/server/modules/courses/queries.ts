/**
 * Courses read for other modules' pages, by who relates to them rather than by what an actor may list
 * (that is `listCourses`): "Mon espace" sorts a person's courses by their role in each.
 */
import { and, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { contexts } from '../../platform/access/schema.ts';
import type { Tx } from '../../platform/db/index.ts';
import { activities, courses, sections } from './schema.ts';
import { shownToLearners } from './visibility.ts';

export type CourseWithPath = { course: typeof courses.$inferSelect; path: string };

/**
 * The courses among `ids`, and those `createdBy` made, each with its context path (for `can` checks in
 * it); the trash is left out.
 */
export async function coursesOfPerson(
  db: Tx,
  ids: readonly string[],
  createdBy: string,
): Promise<CourseWithPath[]> {
  const rows = await db
    .select({ course: courses, path: contexts.path })
    .from(courses)
    .innerJoin(contexts, and(eq(contexts.level, 'course'), eq(contexts.instanceId, sql`${courses.id}::text`)))
    .where(
      and(
        ne(courses.stage, 'trash'),
        ids.length
          ? or(inArray(courses.id, [...ids]), eq(courses.createdBy, createdBy))
          : eq(courses.createdBy, createdBy),
      ),
    );
  return rows;
}

/** The courses of these ids, in no particular order (unknown ids are left out). */
export async function coursesByIds(db: Tx, ids: readonly string[]): Promise<(typeof courses.$inferSelect)[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(courses)
    .where(inArray(courses.id, [...new Set(ids)]));
}

/**
 * Every activity of these courses in reading order (sort by `section_position`, then `position`), with
 * whether a learner is shown it now (itself and its section, visibility.ts) and its audience: a subquery
 * of `(course_id, id, title, kind, mode, audience, shown, section_position, position)` for the set-based
 * reads of other modules — "continue where I stopped" over every course of Mon espace at once.
 */
export function activitiesInReadingOrder(courseIds: readonly string[], now: Date): SQL {
  const shown = sql`${shownToLearners(activities, now)} and ${shownToLearners(sections, now)}`;
  return sql`select ${activities.courseId} as course_id, ${activities.id} as id,
      ${activities.title} as title, ${activities.kind} as kind, ${activities.completion}->>'mode' as mode,
      ${activities.audience} as audience, (${shown}) as shown,
      ${sections.position} as section_position, ${activities.position} as position
    from ${activities} join ${sections} on ${sections.id} = ${activities.sectionId}
    where ${inArray(activities.courseId, [...courseIds])}`;
}
