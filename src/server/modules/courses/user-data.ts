/**
 * People's data in a course's activities, as their kinds hold it (the activity contract's `resetUserData`
 * and `userData`): the engine finds the activities, each kind does the work in the caller's transaction.
 * Completion states, progress and enrolments are their own modules' business, not the kinds'.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.ts';
import type { Files } from '../../platform/files/index.ts';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';
import {
  eraseActivityUserData,
  exportActivityUserData,
  kindsWithUserData,
  resetActivityUserData,
} from '../activities/index.ts';
import { activities } from './schema.ts';
import { titlesOf } from './service.ts';

/**
 * A session reused for a new group: every activity's kind removes people's work (attempts, posts,
 * submissions), keeping what the designer made.
 */
export async function resetCourseUserData(tx: Tx, files: Files, courseId: string, now: Date) {
  const held = await tx
    .select()
    .from(activities)
    .where(eq(activities.courseId, courseId))
    .orderBy(asc(activities.sectionId), asc(activities.position));
  for (const activity of held) await resetActivityUserData({ tx, files, now }, activity);
}

/** The activities whose kinds may hold people's data. */
async function activitiesWithUserData(tx: Tx) {
  const kinds = kindsWithUserData();
  if (kinds.length === 0) return [];
  return tx.select().from(activities).where(inArray(activities.kind, kinds)).orderBy(asc(activities.id));
}

/** A person's data in every activity that holds some, for the GDPR's export: one entry per activity. */
export async function exportPersonActivityData(tx: Tx, files: Files, userId: string, now: Date) {
  const found: { courseId: string; activityId: string; kind: string; title: string; data: unknown }[] = [];
  for (const activity of await activitiesWithUserData(tx)) {
    const data = await exportActivityUserData({ tx, files, now }, activity, userId);
    if (data !== undefined)
      found.push({
        courseId: activity.courseId,
        activityId: activity.id,
        kind: activity.kind,
        title: activity.title,
        data,
      });
  }
  return found;
}

/** Erases a person's data in every activity (the GDPR's right to erasure), in the caller's transaction. */
export async function erasePersonActivityData(tx: Tx, files: Files, userId: string, now: Date) {
  for (const activity of await activitiesWithUserData(tx))
    await eraseActivityUserData({ tx, files, now }, activity, userId);
}

/**
 * People's data in activities, as the GDPR holder of the course engine: each activity where a kind holds
 * some of the person's data, named with its course; erased by each kind (`userData.erase`).
 */
export const activityUserData: PersonalDataHolder = {
  key: 'activities',
  async export({ tx, files, now }, userId) {
    const found = await exportPersonActivityData(tx, files, userId, now);
    const titles = await titlesOf(tx, [...new Set(found.map((f) => f.courseId))], []);
    return found.map(({ courseId, ...rest }) => ({
      courseId,
      courseTitle: titles.courses.get(courseId) ?? null,
      ...rest,
    }));
  },
  erase: ({ tx, files, now }, userId) => erasePersonActivityData(tx, files, userId, now),
};
