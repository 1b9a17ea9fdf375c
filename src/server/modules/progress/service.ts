import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/can.ts';
import type { Db } from '../../platform/db/index.ts';
import { assertActivityVisible } from '../activities/support.ts';
import { activityOpened } from '../completion/service.ts';
import { activityViews } from './schema.ts';

/**
 * Records that the actor opened an activity they may see (one row per person and activity, counted), and
 * tells the completion module (presence in the course; done when the activity's rule is `view`).
 */
export async function recordView(db: Db, actor: Actor, activityId: string, now = new Date()) {
  const activity = await assertActivityVisible(db, actor, activityId);
  await db
    .insert(activityViews)
    .values({ userId: actor.userId, activityId, courseId: activity.courseId, firstAt: now, lastAt: now })
    .onConflictDoUpdate({
      target: [activityViews.userId, activityViews.activityId],
      set: { lastAt: now, count: sql`${activityViews.count} + 1` },
    });
  await activityOpened(db, actor, activity, now);
}

/** The actor's own trail in a course: what they opened, and the last one, to continue from. */
export async function courseProgress(db: Db, actor: Actor, courseId: string) {
  const rows = await db
    .select({ activityId: activityViews.activityId, lastAt: activityViews.lastAt })
    .from(activityViews)
    .where(and(eq(activityViews.courseId, courseId), eq(activityViews.userId, actor.userId)))
    .orderBy(desc(activityViews.lastAt));
  return { lastActivityId: rows[0]?.activityId ?? null, viewed: rows.map((r) => r.activityId) };
}
