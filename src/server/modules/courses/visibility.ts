/**
 * Who sees which course. A role given in a course (an enrolment, a designer of that parcours) holds there
 * whatever its stage. A role given for a whole domain makes one of the domain's staff, and reaches its
 * courses as their stage allows: templates, parcours in construction and the trash are for the designers,
 * trainers, tutors and managers of the domain; sessions for them and its observers too. Participant is a
 * role in a course, given by enrolment: a participant sees the sessions she is enrolled in, and the
 * offer; a domain-wide participant role opens no course.
 */

import { eq } from 'drizzle-orm';
import { isSession, type Stage } from '../../../shared/lifecycle.ts';
import { type Actor, canInPath, narrowReach } from '../../platform/access/can.ts';
import type { Capability } from '../../platform/access/capabilities.ts';
import type { Tx } from '../../platform/db/index.ts';
import { courseCapabilities as caps } from './policy.ts';
import { courses } from './schema.ts';

/** The capability a domain-wide grant must also hold to count in a course at this stage. */
export function reachOf(stage: Stage): Capability {
  return isSession(stage) ? caps['course:viewsessions'] : caps['course:viewdrafts'];
}

narrowReach('course', async (db: Tx, context) => {
  const [row] = await db
    .select({ stage: courses.stage })
    .from(courses)
    .where(eq(courses.id, context.instanceId!));
  return row ? reachOf(row.stage) : null;
});

/** Whether the actor holds `capability` in a course whose stage and context path are known (listings). */
export function canInCourse(
  actor: Actor,
  capability: Capability,
  course: { stage: Stage },
  coursePath: string,
  path = coursePath,
): boolean {
  return canInPath(actor, capability, path, { path: coursePath, required: reachOf(course.stage) });
}
