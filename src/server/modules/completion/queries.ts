import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.ts';
import { activities, sections } from '../courses/schema.ts';
import { activityCompletions, courseCompletions, coursePresence } from './schema.ts';

/** The activities of a course that track completion, in course order (section, then position). */
export async function trackedActivities(db: Tx, courseId: string) {
  return db
    .select({
      id: activities.id,
      title: activities.title,
      kind: activities.kind,
      sectionId: activities.sectionId,
      completion: activities.completion,
    })
    .from(activities)
    .innerJoin(sections, eq(sections.id, activities.sectionId))
    .where(and(eq(activities.courseId, courseId), sql`${activities.completion}->>'mode' <> 'none'`))
    .orderBy(asc(sections.position), asc(activities.position));
}

/** Every completion state recorded in a course (the grid and the filters read this once per request). */
export async function completionsIn(db: Tx, courseId: string) {
  return db
    .select({
      userId: activityCompletions.userId,
      activityId: activityCompletions.activityId,
      state: activityCompletions.state,
      completedAt: activityCompletions.completedAt,
    })
    .from(activityCompletions)
    .where(eq(activityCompletions.courseId, courseId));
}

/** Who completed the course, and when. */
export async function courseCompletionsIn(db: Tx, courseId: string) {
  return db
    .select({ userId: courseCompletions.userId, completedAt: courseCompletions.completedAt })
    .from(courseCompletions)
    .where(eq(courseCompletions.courseId, courseId));
}

/** First and last access, hits and time spent of everyone who came to the course. */
export async function presenceIn(db: Tx, courseId: string) {
  return db
    .select({
      userId: coursePresence.userId,
      firstAt: coursePresence.firstAt,
      lastAt: coursePresence.lastAt,
      hits: coursePresence.hits,
      seconds: coursePresence.seconds,
    })
    .from(coursePresence)
    .where(eq(coursePresence.courseId, courseId));
}
