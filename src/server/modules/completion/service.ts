/**
 * Completion: how activities count as done (their rule), the course's completion criteria, and a person's
 * presence in a course. Rows change when someone opens an activity (`view`), marks it (`manual`), when a
 * kind reports an outcome (`submit`, `grade`, `kind`) or when a trainer overrides; after each change the
 * person's course completion is evaluated again. Unenrolment removes nothing here: history stays.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import {
  type CompletionRule,
  type CourseCompletionCriteria,
  countedActivityIds,
  type MyCourseCompletion,
  type MyCourseProgress,
  progressOf,
} from '../../../shared/completion.ts';
import { type Actor, canInPath } from '../../platform/access/can.ts';
import { capabilityRoles } from '../../platform/access/capabilities.ts';
import { findContext, pathIds } from '../../platform/access/contexts.ts';
import { roleAssignments } from '../../platform/access/schema.ts';
import { record } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { Files } from '../../platform/files/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import { type ActivityOutcome, type ActivityRow, evaluateKindRule } from '../activities/index.ts';
import {
  completionRulesFor,
  countedActivities,
  findActivity,
  getActivity,
  getCourse,
  setCompletionCriteria,
  visibleActivity,
} from '../courses/index.ts';
import { inAudience } from '../enrolment/index.ts';
import { completionCapabilities as caps } from './policy.ts';
import { recordPresence } from './presence.ts';
import { activityCompletions } from './schema.ts';

export type CompletionCtx = Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'now'>;
type State = 'complete' | 'failed';

const unprocessable = (code: string, key: string, path: string) =>
  new HttpProblem(422, code, key, { errors: [{ path, message: key }] });

// — Rules and criteria, as designers set them (the course engine stores them) —

/**
 * After a designer changed an activity's rule: states earned under another mode no longer hold (they are
 * removed, as Moodle resets completion when its rules are unlocked); a new pass grade re-reads the
 * recorded grades. Then everyone's course completion is evaluated again.
 */
export async function ruleChanged(
  tx: Tx,
  activity: Pick<ActivityRow, 'id' | 'courseId'>,
  before: CompletionRule,
  after: CompletionRule,
  now: Date,
) {
  const passGrade = (rule: CompletionRule) => (rule.mode === 'grade' ? rule.passGrade : null);
  if (before.mode === after.mode && passGrade(before) === passGrade(after)) return;
  if (before.mode !== after.mode) {
    await tx.delete(activityCompletions).where(eq(activityCompletions.activityId, activity.id));
  } else if (after.mode === 'grade') {
    await tx
      .update(activityCompletions)
      .set({
        state: sql`case when ${activityCompletions.grade} >= ${after.passGrade} then 'complete' else 'failed' end`,
      })
      .where(
        and(
          eq(activityCompletions.activityId, activity.id),
          ne(activityCompletions.source, 'override'),
          sql`${activityCompletions.grade} is not null`,
        ),
      );
  }
  await evaluateCourseCompletion(tx, activity.courseId, now);
}

/**
 * A designer set an activity's rule to the kind's own (`kind`): the work people already did counts at
 * once, when the kind can tell from its rows who meets its rule (`completion.evaluate`).
 */
export async function kindRuleSet(tx: Tx, files: Files, activityId: string, now: Date) {
  const activity = await findActivity(tx, activityId);
  if (!activity) return;
  const done = await evaluateKindRule({ tx, files, now }, activity);
  for (const userId of done ?? [])
    await reportActivityOutcome(tx, { userId, activityId, complete: true, now });
}

/** Sets what completing the course means (see `setCompletionCriteria`), then evaluates everyone again. */
export async function setCriteria(ctx: CompletionCtx, courseId: string, criteria: CourseCompletionCriteria) {
  const { now } = ctx;
  return ctx.db.transaction(async (tx) => {
    const course = await getCourse(tx, courseId);
    const stored = await setCompletionCriteria(tx, courseId, criteria);
    await evaluateCourseCompletion(tx, courseId, now);
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'course.completion_criteria_set',
      objectType: 'course',
      objectId: courseId,
      domainId: course.domainId,
      details: { activities: stored.activities },
    });
    return stored;
  });
}

// — Course completion —

/**
 * Evaluates course completion — for one person, or for everyone with a state in the course — in one
 * statement: what counts (tracked activities, all or the chosen ones, less those restricted to groups the
 * person is not in), how many of them each person has complete; the `course_completions` row is inserted
 * when all are, deleted when no longer.
 */
export async function evaluateCourseCompletion(tx: Tx, courseId: string, now: Date, userId?: string) {
  const people = userId
    ? sql`select ${userId}::uuid as user_id`
    : sql`select user_id from activity_completions where course_id = ${courseId}
          union select user_id from course_completions where course_id = ${courseId}`;
  await tx.execute(sql`
    with counted as (${countedActivities(sql`${courseId}`)}),
    status as (
      select p.user_id,
        (select count(*) from counted k where ${inAudience(sql`k.audience`, sql`p.user_id`)}) as total,
        (select count(*) from activity_completions ac join counted k on k.id = ac.activity_id
          where ac.user_id = p.user_id and ac.state = 'complete'
            and ${inAudience(sql`k.audience`, sql`p.user_id`)}) as done
      from (${people}) p
    ),
    gone as (
      delete from course_completions cc using status s
      where cc.course_id = ${courseId} and cc.user_id = s.user_id and not (s.total > 0 and s.done = s.total)
    )
    insert into course_completions (user_id, course_id, completed_at)
    select user_id, ${courseId}, ${now.toISOString()}::timestamptz from status where total > 0 and done = total
    on conflict do nothing`);
}

// — Recording —

/** Whether the course tracks this person (they take it as participant, wherever that role is held). */
async function tracks(db: Tx, actor: Actor, courseId: string) {
  const context = await findContext(db, 'course', courseId);
  return context ? canInPath(actor, caps['completion:track'], context.path) : false;
}

/** Writes a person's state on an activity (null: not done), keeping the date when nothing changed. */
async function writeState(
  tx: Tx,
  activity: Pick<ActivityRow, 'id' | 'courseId'>,
  userId: string,
  state: State | null,
  source: string,
  now: Date,
  grade: number | null = null,
) {
  if (state === null) {
    await tx
      .delete(activityCompletions)
      .where(and(eq(activityCompletions.userId, userId), eq(activityCompletions.activityId, activity.id)));
    return;
  }
  await tx
    .insert(activityCompletions)
    .values({
      userId,
      activityId: activity.id,
      courseId: activity.courseId,
      state,
      grade,
      source,
      completedAt: now,
    })
    .onConflictDoUpdate({
      target: [activityCompletions.userId, activityCompletions.activityId],
      set: {
        state,
        grade,
        source,
        completedAt: sql`case when ${activityCompletions.state} = ${state} then ${activityCompletions.completedAt} else ${now.toISOString()}::timestamptz end`,
      },
    });
}

/**
 * What opening an activity means here (called by the progress module's view): a hit of presence, and for
 * a person the course tracks, the activity done when its rule is `view`.
 */
export async function activityOpened(db: Db, actor: Actor, activity: ActivityRow, now: Date) {
  await recordPresence(db, actor.userId, activity.courseId, now);
  if (activity.completion.mode !== 'view' || !(await tracks(db, actor, activity.courseId))) return;
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(activityCompletions)
      .values({
        userId: actor.userId,
        activityId: activity.id,
        courseId: activity.courseId,
        state: 'complete',
        source: 'view',
        completedAt: now,
      })
      .onConflictDoNothing()
      .returning({ userId: activityCompletions.userId });
    if (inserted.length) await evaluateCourseCompletion(tx, activity.courseId, now, actor.userId);
  });
}

/** The participant marks (or unmarks) an activity with the `manual` rule as done; returns their completion. */
export async function setManual(ctx: CompletionCtx, activityId: string, done: boolean) {
  const { now } = ctx;
  const activity = await visibleActivity(ctx, activityId);
  if (activity.completion.mode !== 'manual')
    throw problems.conflict('completion_not_manual', 'errors.completion.notManual');
  await ctx.db.transaction(async (tx) => {
    await writeState(tx, activity, ctx.actor.userId, done ? 'complete' : null, 'manual', now);
    await evaluateCourseCompletion(tx, activity.courseId, now, ctx.actor.userId);
  });
  return myCourseCompletion(ctx.db, ctx.actor, activity.courseId);
}

/**
 * What a person did in an activity, as its kind reports it (`reportActivityOutcome` of the activities
 * module, to which this is lent at start-up), in the kind's transaction. Only what matches the activity's rule is used
 * (a grade means nothing to a `submit` rule); a trainer's override stands until a trainer changes it.
 * Returns the state now recorded (null: not done).
 */
export async function reportActivityOutcome(tx: Tx, outcome: ActivityOutcome): Promise<State | null> {
  const { now } = outcome;
  const activity = await getActivity(tx, outcome.activityId);
  const [current] = await tx
    .select()
    .from(activityCompletions)
    .where(
      and(
        eq(activityCompletions.userId, outcome.userId),
        eq(activityCompletions.activityId, outcome.activityId),
      ),
    );
  const unchanged = current?.state ?? null;
  if (current?.source === 'override') return unchanged;
  const rule = activity.completion;
  let state: State | null;
  let grade: number | null = null;
  if (rule.mode === 'submit' && outcome.submitted !== undefined)
    state = outcome.submitted ? 'complete' : null;
  else if (rule.mode === 'kind' && outcome.complete !== undefined)
    state = outcome.complete ? 'complete' : null;
  else if (rule.mode === 'grade' && outcome.grade !== undefined) {
    grade = outcome.grade;
    state = grade === null ? null : grade >= rule.passGrade ? 'complete' : 'failed';
  } else return unchanged;
  if (state === unchanged && (current?.grade ?? null) === grade) return unchanged;
  await writeState(tx, activity, outcome.userId, state, rule.mode, now, grade);
  await evaluateCourseCompletion(tx, activity.courseId, now, outcome.userId);
  return state;
}

/** Whether a person is followed in the course: they hold a tracked role in its context or above. */
async function isTrackedUser(db: Tx, userId: string, courseId: string) {
  const context = await findContext(db, 'course', courseId);
  if (!context) return false;
  const [row] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, userId),
        inArray(roleAssignments.contextId, pathIds(context.path)),
        inArray(roleAssignments.role, [...capabilityRoles(caps['completion:track'])]),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** A trainer sets a participant's state on an activity, whatever its rule says; recorded in the audit. */
export async function overrideCompletion(
  ctx: CompletionCtx,
  activityId: string,
  userId: string,
  wanted: 'complete' | 'failed' | 'incomplete',
) {
  const { now } = ctx;
  const activity = await getActivity(ctx.db, activityId);
  if (activity.completion.mode === 'none')
    throw problems.conflict('completion_not_tracked', 'errors.completion.notTracked');
  if (wanted === 'failed' && activity.completion.mode !== 'grade')
    throw unprocessable('completion_failed_needs_grade', 'errors.completion.failedNeedsGrade', 'state');
  if (!(await isTrackedUser(ctx.db, userId, activity.courseId)))
    throw unprocessable('completion_not_participant', 'errors.completion.notParticipant', 'userId');
  const state = wanted === 'incomplete' ? null : wanted;
  await ctx.db.transaction(async (tx) => {
    await writeState(tx, activity, userId, state, 'override', now);
    await evaluateCourseCompletion(tx, activity.courseId, now, userId);
    const course = await getCourse(tx, activity.courseId);
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'completion.overridden',
      objectType: 'activity',
      objectId: activityId,
      domainId: course.domainId,
      details: { userId, state: wanted },
    });
  });
  return { userId, activityId, state, completedAt: state ? now.toISOString() : null };
}

// — Reading —

/**
 * The actor's completion in a course, in two indexed queries: the course's criteria with its tracked
 * activities (those meant for them: restricted to groups they are not in, an activity does not count),
 * and the actor's states with their course completion.
 */
export async function myCourseCompletion(
  db: Tx,
  actor: Actor,
  courseId: string,
): Promise<MyCourseCompletion> {
  const [rules, mine, participant] = await Promise.all([
    completionRulesFor(db, courseId, actor.userId),
    db.execute<{ activity_id: string | null; state: string; completed_at: Date }>(sql`
      select activity_id, state, completed_at from activity_completions
        where course_id = ${courseId} and user_id = ${actor.userId}
      union all
      select null, 'course', completed_at from course_completions
        where course_id = ${courseId} and user_id = ${actor.userId}`),
    tracks(db, actor, courseId),
  ]);
  const states = mine.rows.filter((r) => r.activity_id !== null);
  const counted = countedActivityIds(rules.tracked, rules.criteria);
  const progress = progressOf(
    counted,
    new Set(states.filter((s) => s.state === 'complete').map((s) => s.activity_id!)),
  );
  const course = mine.rows.find((r) => r.activity_id === null);
  return {
    participant,
    tracked: progress.tracked,
    completed: progress.completed,
    percent: progress.percent,
    courseCompletedAt: course ? new Date(course.completed_at).toISOString() : null,
    activities: states.map((s) => ({
      activityId: s.activity_id!,
      state: s.state as State,
      completedAt: new Date(s.completed_at).toISOString(),
    })),
  };
}

/**
 * A person's progress in each of their courses ("Mon espace"), in one statement: the courses they were
 * given a role in or came to, where they hold a tracked role (participant) in the course or above; only
 * the activities meant for them count.
 */
export async function myProgress(db: Tx, userId: string): Promise<MyCourseProgress[]> {
  const tracked = sql.join(
    capabilityRoles(caps['completion:track']).map((role) => sql`${role}`),
    sql`, `,
  );
  const result = await db.execute<{
    course_id: string;
    tracked: number;
    completed: number;
    completed_at: Date | null;
  }>(sql`
    with mine as (
      select cx.instance_id::uuid as course_id from contexts cx
      where cx.level = 'course'
        and cx.instance_id in (
          select course_id::text from course_presence where user_id = ${userId}
          union
          select c.instance_id from role_assignments ra join contexts c on c.id = ra.context_id
            where ra.user_id = ${userId} and c.level = 'course')
        and exists (
          select 1 from role_assignments ra
          where ra.user_id = ${userId} and ra.role in (${tracked})
            and ra.context_id = any(string_to_array(substr(cx.path, 2), '/')::int[]))
    ),
    counted as (
      select k.course_id, k.id from (${countedActivities(sql`select course_id from mine`)}) k
      where ${inAudience(sql`k.audience`, sql`${userId}::uuid`)}
    )
    select m.course_id,
      (select count(*)::int from counted k where k.course_id = m.course_id) as tracked,
      (select count(*)::int from activity_completions ac join counted k on k.id = ac.activity_id
        where ac.user_id = ${userId} and ac.course_id = m.course_id and ac.state = 'complete') as completed,
      (select completed_at from course_completions cc
        where cc.user_id = ${userId} and cc.course_id = m.course_id) as completed_at
    from mine m`);
  return result.rows.map((row) => ({
    courseId: row.course_id,
    tracked: row.tracked,
    completed: row.completed,
    percent: row.tracked === 0 ? null : Math.floor((row.completed * 100) / row.tracked),
    courseCompletedAt: row.completed_at ? new Date(row.completed_at).toISOString() : null,
  }));
}
