/**
 * Who an activity restricted to groups concerns: members of one of its groups, or of a group in one of
 * its groupings (an activity without audience concerns everyone). The same rule as `visibleToGroups`
 * (shared/enrolment.ts), written once in SQL so that the course page, an activity's own routes and
 * completion ask PostgreSQL rather than loading every membership; the course engine, below this module,
 * is lent it at start-up (`defineAudience`, runtime.ts). Staff who see hidden content see restricted
 * activities too: that is the callers' business (`course:viewhidden`).
 */
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Audience } from '../../../shared/completion.ts';
import type { Tx } from '../../platform/db/index.ts';
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
