import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.ts';
import { courseGroups, enrolments, groupMembers } from './schema.ts';

export type EnrolledRole = (typeof enrolments.$inferSelect)['role'];

/**
 * The people actively enrolled in a course in the given roles, each with the groups they belong to in
 * it — what the follow-up, reminders and attestations start from.
 */
export async function enrolledPeople(
  db: Tx,
  courseId: string,
  roles: EnrolledRole[] = ['participant'],
): Promise<{ userId: string; role: EnrolledRole; enrolledAt: Date; groupIds: string[] }[]> {
  const rows = await db
    .select({
      userId: enrolments.userId,
      role: enrolments.role,
      enrolledAt: enrolments.enrolledAt,
      groupIds: sql<
        string[]
      >`coalesce(array_agg(${groupMembers.groupId}) filter (where ${groupMembers.groupId} is not null), '{}')`,
    })
    .from(enrolments)
    .leftJoin(courseGroups, eq(courseGroups.courseId, enrolments.courseId))
    .leftJoin(
      groupMembers,
      and(eq(groupMembers.groupId, courseGroups.id), eq(groupMembers.userId, enrolments.userId)),
    )
    .where(
      and(
        eq(enrolments.courseId, courseId),
        eq(enrolments.status, 'active'),
        inArray(enrolments.role, roles),
      ),
    )
    .groupBy(enrolments.userId, enrolments.role, enrolments.enrolledAt);
  return rows;
}

/** The groups of a course, by name. */
export async function groupsIn(db: Tx, courseId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: courseGroups.id, name: courseGroups.name })
    .from(courseGroups)
    .where(eq(courseGroups.courseId, courseId))
    .orderBy(asc(courseGroups.name));
}

/** The groups a person belongs to in a course (to show them activities restricted to their groups). */
export async function groupsOf(db: Tx, courseId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: courseGroups.id })
    .from(groupMembers)
    .innerJoin(courseGroups, eq(courseGroups.id, groupMembers.groupId))
    .where(and(eq(courseGroups.courseId, courseId), eq(groupMembers.userId, userId)));
  return rows.map((row) => row.id);
}

/** The courses a person is actively enrolled in, in each role: what "Mon espace" sorts into its blocks. */
export async function enrolmentsOf(
  db: Tx,
  userId: string,
): Promise<{ courseId: string; role: EnrolledRole }[]> {
  return db
    .select({ courseId: enrolments.courseId, role: enrolments.role })
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), eq(enrolments.status, 'active')));
}

/** Each person's groups in a course, for many people at once (lent to the activity kinds at start-up). */
export async function groupsOfPeople(
  db: Tx,
  courseId: string,
  userIds: readonly string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .select({ userId: groupMembers.userId, groupId: groupMembers.groupId })
    .from(groupMembers)
    .innerJoin(courseGroups, eq(courseGroups.id, groupMembers.groupId))
    .where(and(eq(courseGroups.courseId, courseId), inArray(groupMembers.userId, [...new Set(userIds)])));
  for (const { userId, groupId } of rows) map.set(userId, [...(map.get(userId) ?? []), groupId]);
  return map;
}
