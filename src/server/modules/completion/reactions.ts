import type { Db } from '../../platform/db/index.ts';
import type { Events } from '../../platform/events/index.ts';
import type { Files } from '../../platform/files/index.ts';
import type { Clock } from '../../platform/http/context.ts';
import { hasRestrictedActivities } from '../courses/index.ts';
import { evaluateCourseCompletion, kindRuleSet, ruleChanged } from './service.ts';

/**
 * Course completions follow what changes what there is to complete, whoever changed it: an activity that
 * counts added or removed, an activity's rule changed, an audience set, or groups (so, maybe, whom a
 * restricted activity concerns).
 */
export function completionReactions(events: Events, db: Db, files: Files, clock: Clock) {
  events.on('activity.added', async ({ courseId, tracked }) => {
    // One more activity to complete: who had completed the course no longer has.
    if (tracked) await evaluateCourseCompletion(db, courseId, clock.now());
  });
  events.on('activity.removed', async ({ courseId, tracked }) => {
    // Their states went with them, and the course's criteria forgot them: one fewer to complete.
    if (tracked) await evaluateCourseCompletion(db, courseId, clock.now());
  });
  events.on('activity.rule_changed', async ({ courseId, activityId, before, after }) => {
    const now = clock.now();
    await db.transaction(async (tx) => {
      await ruleChanged(tx, { id: activityId, courseId }, before, after, now);
      if (after.mode === 'kind' && before.mode !== 'kind') await kindRuleSet(tx, files, activityId, now);
    });
  });
  events.on('audience.changed', async ({ courseId }) => {
    // Whom it concerns changed: it may count now for people who had completed the course, or no longer.
    await evaluateCourseCompletion(db, courseId, clock.now());
  });
  events.on('groups.changed', async ({ courseId }) => {
    if (await hasRestrictedActivities(db, courseId))
      await evaluateCourseCompletion(db, courseId, clock.now());
  });
}
