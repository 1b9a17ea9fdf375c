import type { Db } from '../../platform/db/index.ts';
import type { Events } from '../../platform/events/index.ts';
import type { Files } from '../../platform/files/index.ts';
import { hasRestrictedActivities } from '../enrolment/index.ts';
import { activitiesDeleted, evaluateCourseCompletion, kindRuleSet, ruleChanged } from './service.ts';

/**
 * Course completions follow what changes what there is to complete, whoever changed it: an activity that
 * counts added or removed, an activity's rule changed, an audience set, or groups (so, maybe, whom a
 * restricted activity concerns).
 */
export function completionReactions(events: Events, db: Db, files: Files) {
  events.on('activity.added', async ({ courseId, tracked }) => {
    // One more activity to complete: who had completed the course no longer has.
    if (tracked) await evaluateCourseCompletion(db, courseId, new Date());
  });
  events.on('activity.removed', async ({ courseId, activityIds, tracked }) => {
    if (tracked) await activitiesDeleted(db, courseId, activityIds);
  });
  events.on('activity.rule_changed', async ({ courseId, activityId, before, after }) => {
    await db.transaction(async (tx) => {
      await ruleChanged(tx, { id: activityId, courseId }, before, after);
      if (after.mode === 'kind' && before.mode !== 'kind') await kindRuleSet(tx, files, activityId);
    });
  });
  events.on('audience.changed', async ({ courseId }) => {
    // Whom it concerns changed: it may count now for people who had completed the course, or no longer.
    await evaluateCourseCompletion(db, courseId, new Date());
  });
  events.on('groups.changed', async ({ courseId }) => {
    if (await hasRestrictedActivities(db, courseId)) await evaluateCourseCompletion(db, courseId, new Date());
  });
}
