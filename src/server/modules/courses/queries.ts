/**
 * Courses read for other modules' pages, by who relates to them rather than by what an actor may list
 * (that is `listCourses`): "Mon espace" sorts a person's courses by their role in each.
 */
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { contexts } from '../../platform/access/schema.ts';
import type { Tx } from '../../platform/db/index.ts';
import { courses } from './schema.ts';

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
