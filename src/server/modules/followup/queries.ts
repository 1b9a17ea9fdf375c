/**
 * What the follow-up reads beside the enrolment and completion helpers: people's profile fields, the
 * course's title and its group names. Read-only, one query each, by set (never one per person).
 *
 * The group names and the course row belong to the enrolment and courses modules; neither exports a
 * read helper for them yet, so these two small reads live here until they do (then: import theirs).
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.ts';
import { users } from '../accounts/schema.ts';
import { courses } from '../courses/schema.ts';
import { courseGroups } from '../enrolment/schema.ts';

export type Profile = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  academie: string | null;
  departement: string | null;
  discipline: string | null;
};

/** Names, e-mail and the académie / département / discipline of these people (one query). */
export async function profilesOf(db: Tx, ids: string[]): Promise<Profile[]> {
  if (ids.length === 0) return [];
  return (
    db
      .select({
        id: users.id,
        firstName: users.firstName,
        lastName: users.lastName,
        email: users.email,
        academie: users.academie,
        departement: users.departement,
        discipline: users.discipline,
      })
      .from(users)
      // One array parameter rather than thousands of bound values.
      .where(sql`${users.id} = any(${sql.param(ids)}::uuid[]) and ${users.deletedAt} is null`)
  );
}

/** A person's display name (who signs a message). */
export async function nameOf(db: Tx, userId: string): Promise<string> {
  const [row] = await db
    .select({ firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(eq(users.id, userId));
  return row ? `${row.firstName} ${row.lastName}` : '';
}

export type CourseInfo = { id: string; title: string; shortName: string; domainId: string };

export async function courseInfo(db: Tx, courseId: string): Promise<CourseInfo | undefined> {
  const [row] = await db
    .select({
      id: courses.id,
      title: courses.title,
      shortName: courses.shortName,
      domainId: courses.domainId,
    })
    .from(courses)
    .where(eq(courses.id, courseId));
  return row;
}

/** The groups of a course, by name. */
export async function groupsIn(db: Tx, courseId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: courseGroups.id, name: courseGroups.name })
    .from(courseGroups)
    .where(eq(courseGroups.courseId, courseId))
    .orderBy(asc(courseGroups.name));
}
