/**
 * Who an activity restricted to groups concerns: members of one of its groups, or of a group in one of
 * its groupings (an activity without audience concerns everyone). The same rule as `visibleToGroups`
 * (shared/enrolment.ts), written once in SQL so that the course page, an activity's own routes and
 * completion ask PostgreSQL rather than loading every membership. Staff who see hidden content see
 * restricted activities too: that is the callers' business (`course:viewhidden`).
 */
import { and, asc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Audience } from '../../../shared/completion.ts';
import type { Tx } from '../../platform/db/index.ts';
import { activities } from '../courses/schema.ts';
import { courseGroups, groupingGroups, groupings } from './schema.ts';

/**
 * SQL true when `audience` (a jsonb `{groupIds, groupingIds}` or null) includes the person `userId`.
 * Both are SQL so that set-based statements (course completion of everyone) can pass their columns.
 */
export function inAudience(audience: SQL, userId: SQL): SQL {
  return sql`(${audience} is null or exists (
    select 1 from group_members gm
      left join grouping_groups gg on gg.group_id = gm.group_id
     where gm.user_id = ${userId}
       and (jsonb_exists(${audience} -> 'groupIds', gm.group_id::text)
            or jsonb_exists(${audience} -> 'groupingIds', gg.grouping_id::text))))`;
}

/** Whether the person is in this audience (always, when there is none). */
export async function isInAudience(db: Tx, audience: Audience | null, userId: string): Promise<boolean> {
  if (!audience) return true;
  const result = await db.execute<{ ok: boolean }>(
    sql`select ${inAudience(sql`${JSON.stringify(audience)}::jsonb`, sql`${userId}::uuid`)} as ok`,
  );
  return result.rows[0]?.ok === true;
}

/**
 * The activities of a course restricted to groups the person is not in, sorted: what their course page
 * leaves out, and what keys the cached page they share with everyone in the same groups.
 */
export async function activitiesOutOfReach(db: Tx, courseId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        eq(activities.courseId, courseId),
        isNotNull(activities.audience),
        sql`not ${inAudience(sql`${activities.audience}`, sql`${userId}::uuid`)}`,
      ),
    )
    .orderBy(asc(activities.id));
  return rows.map((row) => row.id);
}

/** Whether some activity of the course is restricted to groups (then group changes move progress). */
export async function hasRestrictedActivities(db: Tx, courseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.courseId, courseId), isNotNull(activities.audience)))
    .limit(1);
  return row !== undefined;
}

/** The groups of each grouping of a course, for `visibleToGroups` over many people at once. */
export async function groupingsMap(db: Tx, courseId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ groupingId: groupingGroups.groupingId, groupId: groupingGroups.groupId })
    .from(groupingGroups)
    .innerJoin(groupings, eq(groupings.id, groupingGroups.groupingId))
    .where(eq(groupings.courseId, courseId));
  const map = new Map<string, string[]>();
  for (const { groupingId, groupId } of rows) map.set(groupingId, [...(map.get(groupingId) ?? []), groupId]);
  return map;
}

/**
 * The names an audience stands for, groups first then groupings, each in the order of the course's
 * names (what the "Réservé à" badge reads). Ids of deleted groups are left out.
 */
export async function audienceNames(db: Tx, courseId: string) {
  const [groups, sets] = await Promise.all([
    db
      .select({ id: courseGroups.id, name: courseGroups.name })
      .from(courseGroups)
      .where(eq(courseGroups.courseId, courseId))
      .orderBy(asc(courseGroups.name)),
    db
      .select({ id: groupings.id, name: groupings.name })
      .from(groupings)
      .where(eq(groupings.courseId, courseId))
      .orderBy(asc(groupings.name)),
  ]);
  return (audience: Audience | null): string[] | undefined => {
    if (!audience) return undefined;
    const chosenGroups = new Set(audience.groupIds);
    const chosenSets = new Set(audience.groupingIds);
    return [
      ...groups.filter((g) => chosenGroups.has(g.id)).map((g) => g.name),
      ...sets.filter((g) => chosenSets.has(g.id)).map((g) => g.name),
    ];
  };
}
