/**
 * How a course counts as done, as its designers set it: each activity's rule (`activities.completion`) and
 * the course's criteria (every tracked activity, or a chosen list). Both are course content, copied and
 * archived with it; the completion module, above this one, keeps people's states and reads the rules
 * through the functions here.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { CourseCompletionCriteria } from '../../../shared/completion.ts';
import type { Tx } from '../../platform/db/index.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import { activities, courses, sections } from './schema.ts';
import { inAudience } from './visibility.ts';

const tracked = sql`${activities.completion}->>'mode' <> 'none'`;

/** The activities of a course that track completion, in course order (section, then position). */
export async function trackedActivities(db: Tx, courseId: string) {
  return db
    .select({
      id: activities.id,
      title: activities.title,
      kind: activities.kind,
      sectionId: activities.sectionId,
      completion: activities.completion,
      audience: activities.audience,
    })
    .from(activities)
    .innerJoin(sections, eq(sections.id, activities.sectionId))
    .where(and(eq(activities.courseId, courseId), tracked))
    .orderBy(asc(sections.position), asc(activities.position));
}

/**
 * The activities that count towards completing the courses whose ids `courseIds` gives (SQL: a value, or a
 * subquery of ids): tracked, and all of them or those the criteria choose. A subquery of
 * `(course_id, id, audience)` for the set-based statements of completion, which weigh everyone's states
 * against it at once.
 */
export function countedActivities(courseIds: SQL): SQL {
  return sql`select a.course_id, a.id, a.audience from activities a join courses c on c.id = a.course_id
    where a.course_id in (${courseIds}) and a.completion->>'mode' <> 'none'
      and (c.completion_criteria->'activities' = '"all"'::jsonb
           or jsonb_exists(c.completion_criteria->'activities', a.id::text))`;
}

/**
 * What completing the course means for one person, in one query: its criteria, and its tracked
 * activities meant for them (one restricted to groups they are not in does not count). 404 when there is
 * no such course.
 */
export async function completionRulesFor(db: Tx, courseId: string, userId: string) {
  const rows = await db
    .select({ criteria: courses.completionCriteria, id: activities.id, completion: activities.completion })
    .from(courses)
    .leftJoin(
      activities,
      and(
        eq(activities.courseId, courses.id),
        tracked,
        inAudience(sql`${activities.audience}`, sql`${userId}::uuid`),
      ),
    )
    .where(eq(courses.id, courseId));
  if (rows.length === 0) throw problems.notFound();
  return {
    criteria: rows[0]!.criteria,
    tracked: rows.flatMap((r) => (r.id && r.completion ? [{ id: r.id, completion: r.completion }] : [])),
  };
}

export async function completionCriteria(db: Tx, courseId: string): Promise<CourseCompletionCriteria> {
  const [course] = await db
    .select({ criteria: courses.completionCriteria })
    .from(courses)
    .where(eq(courses.id, courseId));
  if (!course) throw problems.notFound();
  return course.criteria;
}

/**
 * Sets what completing the course means; a chosen list may only name tracked activities of the course
 * (422 with a message per wrong entry, nothing written). Returns what is stored: the list without repeats.
 */
export async function setCompletionCriteria(
  tx: Tx,
  courseId: string,
  criteria: CourseCompletionCriteria,
): Promise<CourseCompletionCriteria> {
  let stored: CourseCompletionCriteria = criteria;
  if (criteria.activities !== 'all') {
    const chosen = [...new Set(criteria.activities)];
    const found = new Set(
      (
        await tx
          .select({ id: activities.id })
          .from(activities)
          .where(and(eq(activities.courseId, courseId), inArray(activities.id, chosen), tracked))
      ).map((a) => a.id),
    );
    const errors = criteria.activities
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !found.has(id))
      .map(({ index }) => ({
        path: `activities.${index}`,
        message: 'errors.completion.criteriaNotTracked',
      }));
    if (errors.length)
      throw new HttpProblem(422, 'completion_criteria_invalid', 'errors.completion.criteriaInvalid', {
        errors,
      });
    stored = { activities: chosen };
  }
  await tx.update(courses).set({ completionCriteria: stored }).where(eq(courses.id, courseId));
  return stored;
}

/** Removes activities from a chosen list of criteria (deleted, or no longer tracked); an emptied list goes back to "all". */
export async function dropFromCriteria(tx: Tx, courseId: string, activityIds: readonly string[]) {
  const [course] = await tx
    .select({ criteria: courses.completionCriteria })
    .from(courses)
    .where(eq(courses.id, courseId));
  const chosen = course?.criteria.activities;
  if (!Array.isArray(chosen) || !chosen.some((id) => activityIds.includes(id))) return;
  const left = chosen.filter((id) => !activityIds.includes(id));
  await tx
    .update(courses)
    .set({ completionCriteria: { activities: left.length ? left : 'all' } })
    .where(eq(courses.id, courseId));
}
