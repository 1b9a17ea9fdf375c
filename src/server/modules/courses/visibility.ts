/**
 * Who sees which course, and what of it — written once, for the course list and page, an activity's own
 * routes, completion, progress, "Mon espace" and an offer's demonstration.
 *
 * Which courses: a role given in a course (an enrolment, a designer of that parcours) holds there whatever
 * its stage. A role given for a whole domain makes one of the domain's staff, and reaches its courses as
 * their stage allows: templates, parcours in construction and the trash are for the designers, trainers,
 * tutors and managers of the domain; sessions for them and its observers too. Participant is a role in a
 * course, given by enrolment: a participant sees the sessions she is enrolled in, and the offer; a
 * domain-wide participant role opens no course.
 *
 * What of a course: see `Sight`.
 */
import { and, asc, eq, isNotNull, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { isSession, openToLearners, type Stage } from '../../../shared/lifecycle.ts';
import { type Actor, canInPath, narrowReach } from '../../platform/access/can.ts';
import type { Capability } from '../../platform/access/capabilities.ts';
import { contexts } from '../../platform/access/schema.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { courseFacts } from './facts.ts';
import { courseCapabilities as caps } from './policy.ts';
import { activities, courses, sections } from './schema.ts';

/** The capability a domain-wide grant must also hold to count in a course at this stage. */
export function reachOf(stage: Stage): Capability {
  return isSession(stage) ? caps['course:viewsessions'] : caps['course:viewdrafts'];
}

narrowReach('course', async (db: Tx, context) => {
  const facts = await courseFacts(db, context.instanceId!);
  return facts ? reachOf(facts.stage) : null;
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

/**
 * How a reader sees a course's content:
 * - `all`: everything, hidden or not yet open, whatever the stage — who holds `course:viewhidden` there
 *   (designers, trainers, tutors, managers);
 * - `learner`: what is open to learners now — the course at a stage open to them (`openToLearners`), and
 *   the course, the section and the activity each visible with its opening date passed — and of the
 *   activities restricted to groups, those of the reader's groups;
 * - `showcase`: what the designer made visible, whatever the stage, the dates and the groups: an offer's
 *   demonstration, for people who are not enrolled.
 */
export type Sight = 'all' | 'learner' | 'showcase';

type Timed = { visibility: 'visible' | 'hidden'; availableFrom?: Date | null };

/** Whether the reader is shown a section or an activity now (the groups aside: see `activitiesOutOfReach`). */
export function shown(sight: Sight, item: Timed, now: Date): boolean {
  if (sight === 'all') return true;
  if (item.visibility !== 'visible') return false;
  return sight === 'showcase' || !item.availableFrom || item.availableFrom <= now;
}

/** When an item kept from learners by its opening date alone opens: their page changes by itself then. */
export function opensLater(sight: Sight, item: Timed, now: Date): Date | undefined {
  if (sight !== 'learner' || item.visibility !== 'visible' || !item.availableFrom) return undefined;
  return item.availableFrom > now ? item.availableFrom : undefined;
}

/** Whether the reader may open the course itself now. */
export function courseShown(sight: Sight, course: Timed & { stage: Stage }, now: Date): boolean {
  return sight !== 'learner' || (openToLearners(course.stage) && shown(sight, course, now));
}

/** `shown` to learners in SQL, for set-based reads: the item's columns (a section has no date). */
export function shownToLearners(
  item: { visibility: SQLWrapper; availableFrom?: SQLWrapper },
  now: Date,
): SQL {
  const { visibility, availableFrom } = item;
  return availableFrom
    ? sql`(${visibility} = 'visible' and (${availableFrom} is null or ${availableFrom} <= ${now}))`
    : sql`${visibility} = 'visible'`;
}

/**
 * SQL true when the jsonb `audience` (null: everyone) includes the person `userId`. Who is in a group is
 * the enrolment module's to say: it holds the groups and sits above this one, so it lends its rule here
 * at start-up (`defineAudience`, runtime.ts).
 */
export type AudienceRule = (audience: SQL, userId: SQL) => SQL;

let audienceRule: AudienceRule | undefined;

export function defineAudience(rule: AudienceRule) {
  if (audienceRule && audienceRule !== rule) throw new Error('the audience rule is already defined');
  audienceRule = rule;
}

/** SQL true when the person is in the audience (the rule `defineAudience` was given). */
export function inAudience(audience: SQL, userId: SQL): SQL {
  if (!audienceRule) throw new Error('no audience rule: the enrolment module is not loaded');
  return audienceRule(audience, userId);
}

/**
 * The activities of a course restricted to groups the person is not in, sorted: what their course page
 * leaves out, and what keys the cached page they share with everyone in the same groups.
 */
export async function activitiesOutOfReach(db: Tx, courseId: string, userId: string): Promise<string[]> {
  if (!(await courseFacts(db, courseId))?.restricted) return [];
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        eq(activities.courseId, courseId),
        isNotNull(activities.audience),
        sql`not ${inAudience(sql`${activities.audience}`, sql`${userId}::uuid`)}`,
      ),
    )
    .orderBy(asc(activities.id));
  return rows.map((row) => row.id);
}

/** Whether some activity of the course is restricted to groups (then group changes move progress). */
export async function hasRestrictedActivities(db: Tx, courseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.courseId, courseId), isNotNull(activities.audience)))
    .limit(1);
  return row !== undefined;
}

/**
 * The activity if the actor may see it now: without `course:viewhidden` in its context, an activity a
 * learner is not shown — itself, its section or its course — or restricted to groups they are not in
 * does not exist (404), as on the course page. With `kind`, an activity of another kind does not exist
 * either.
 */
export async function visibleActivity(
  ctx: Pick<RequestCtx, 'db' | 'actor' | 'now'>,
  activityId: string,
  kind?: string,
): Promise<typeof activities.$inferSelect> {
  const { db, actor, now } = ctx;
  const [row] = await db
    .select({
      activity: activities,
      section: { visibility: sections.visibility },
      course: { visibility: courses.visibility, availableFrom: courses.availableFrom, stage: courses.stage },
      path: contexts.path,
      reachable: sql<boolean>`${inAudience(sql`${activities.audience}`, sql`${actor.userId}::uuid`)}`,
    })
    .from(activities)
    .innerJoin(sections, eq(sections.id, activities.sectionId))
    .innerJoin(courses, eq(courses.id, activities.courseId))
    .innerJoin(
      contexts,
      and(eq(contexts.level, 'activity'), eq(contexts.instanceId, sql`${activities.id}::text`)),
    )
    .where(eq(activities.id, activityId));
  if (!row || (kind !== undefined && row.activity.kind !== kind)) throw problems.notFound();
  if (canInPath(actor, caps['course:viewhidden'], row.path)) return row.activity;
  const learner = 'learner' as const;
  if (
    !courseShown(learner, row.course, now) ||
    !shown(learner, row.section, now) ||
    !shown(learner, row.activity, now) ||
    !row.reachable
  )
    throw problems.notFound();
  return row.activity;
}
