/**
 * A person's completion states, course completions and presence (GDPR): given in their export with the
 * names of the courses and activities, and removed when their account is erased — a completion is a
 * statement about someone. (The official record of who followed a training is GAIA's, not the platform's.)
 */
import { asc, eq } from 'drizzle-orm';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';
import { titlesOf } from '../courses/index.ts';
import { activityCompletions, courseCompletions, coursePresence } from './schema.ts';

export const completionPersonalData: PersonalDataHolder = {
  key: 'completion',
  async export({ tx }, userId) {
    // One after the other: the caller's transaction is one connection.
    const states = await tx
      .select()
      .from(activityCompletions)
      .where(eq(activityCompletions.userId, userId))
      .orderBy(asc(activityCompletions.completedAt));
    const completed = await tx
      .select()
      .from(courseCompletions)
      .where(eq(courseCompletions.userId, userId))
      .orderBy(asc(courseCompletions.completedAt));
    const presence = await tx
      .select()
      .from(coursePresence)
      .where(eq(coursePresence.userId, userId))
      .orderBy(asc(coursePresence.firstAt));
    const courseIds = [...new Set([...completed, ...presence, ...states].map((row) => row.courseId))];
    const titles = await titlesOf(
      tx,
      courseIds,
      states.map((s) => s.activityId),
    );
    const course = (id: string) => ({ courseId: id, courseTitle: titles.courses.get(id) ?? null });
    return {
      activities: states.map((s) => ({
        ...course(s.courseId),
        activityId: s.activityId,
        activityTitle: titles.activities.get(s.activityId)?.title ?? null,
        state: s.state,
        grade: s.grade,
        source: s.source,
        completedAt: s.completedAt.toISOString(),
      })),
      courses: completed.map((c) => ({ ...course(c.courseId), completedAt: c.completedAt.toISOString() })),
      presence: presence.map((p) => ({
        ...course(p.courseId),
        firstAt: p.firstAt.toISOString(),
        lastAt: p.lastAt.toISOString(),
        hits: p.hits,
        seconds: p.seconds,
      })),
    };
  },
  async erase({ tx }, userId) {
    await tx.delete(activityCompletions).where(eq(activityCompletions.userId, userId));
    await tx.delete(courseCompletions).where(eq(courseCompletions.userId, userId));
    await tx.delete(coursePresence).where(eq(coursePresence.userId, userId));
  },
};
