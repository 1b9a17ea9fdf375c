/**
 * Whom an activity is for: its audience, groups and groupings of its course (null: everyone). Groups are
 * the enrolment module's; it sets an activity's audience here, and takes a deleted group or grouping out
 * of every audience of the course.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Audience } from '../../../shared/completion.ts';
import type { Tx } from '../../platform/db/index.ts';
import { activities } from './schema.ts';

export async function setActivityAudience(tx: Tx, activityId: string, audience: Audience | null, now: Date) {
  await tx.update(activities).set({ audience, updatedAt: now }).where(eq(activities.id, activityId));
}

/** Removes an id from the audiences of a course's activities (a deleted group or grouping matches no one). */
export async function forgetInAudiences(
  tx: Tx,
  courseId: string,
  key: 'groupIds' | 'groupingIds',
  id: string,
) {
  await tx
    .update(activities)
    .set({
      audience: sql`jsonb_set(${activities.audience}, ${`{${key}}`}::text[],
        coalesce((select jsonb_agg(x) from jsonb_array_elements(${activities.audience} -> ${key}) x
                  where x <> to_jsonb(${id}::text)), '[]'::jsonb))`,
    })
    .where(and(eq(activities.courseId, courseId), sql`${activities.audience} -> ${key} ? ${id}`));
}
