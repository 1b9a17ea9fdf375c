/** What a person opened, when and how often (GDPR): given in their export, removed on erasure. */
import { asc, eq } from 'drizzle-orm';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';
import { titlesOf } from '../courses/index.ts';
import { activityViews } from './schema.ts';

export const progressPersonalData: PersonalDataHolder = {
  key: 'visits',
  async export({ tx }, userId) {
    const views = await tx
      .select()
      .from(activityViews)
      .where(eq(activityViews.userId, userId))
      .orderBy(asc(activityViews.firstAt));
    const titles = await titlesOf(
      tx,
      [...new Set(views.map((v) => v.courseId))],
      views.map((v) => v.activityId),
    );
    return views.map((v) => ({
      courseId: v.courseId,
      courseTitle: titles.courses.get(v.courseId) ?? null,
      activityId: v.activityId,
      activityTitle: titles.activities.get(v.activityId)?.title ?? null,
      firstAt: v.firstAt.toISOString(),
      lastAt: v.lastAt.toISOString(),
      count: v.count,
    }));
  },
  async erase({ tx }, userId) {
    await tx.delete(activityViews).where(eq(activityViews.userId, userId));
  },
};
