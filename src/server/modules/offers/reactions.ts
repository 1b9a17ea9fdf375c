import type { Db } from '../../platform/db/index.ts';
import type { Events } from '../../platform/events/index.ts';
import type { Clock } from '../../platform/http/context.ts';
import { withdrawTrashedCourse } from './service.ts';

/** The offer follows its course: a course put in the trash leaves the offer with it. */
export function offerReactions(events: Events, db: Db, clock: Clock) {
  events.on('course.stage_changed', async ({ courseId, stage }) => {
    if (stage === 'trash') await withdrawTrashedCourse(db, courseId, clock.now());
  });
}
