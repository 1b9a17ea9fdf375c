import { and, desc, eq, sql } from 'drizzle-orm';
import type { CourseProgress } from '../../../shared/api.ts';
import { type Actor, canInPath } from '../../platform/access/can.ts';
import { findContext } from '../../platform/access/contexts.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { problems } from '../../platform/http/problem.ts';
import { activityKind } from '../activities/index.ts';
import { activityOpened, completedBy, completionCapabilities } from '../completion/index.ts';
import { activitiesInReadingOrder, courseCapabilities, visibleActivity } from '../courses/index.ts';
import { inAudience } from '../enrolment/index.ts';
import { activityViews } from './schema.ts';

/**
 * Records that the actor opened an activity they may see (one row per person and activity, counted), and
 * tells the completion module (presence in the course; done when the activity's rule is `view`).
 */
export async function recordView(db: Db, actor: Actor, activityId: string, now: Date) {
  const activity = await visibleActivity({ db, actor, now }, activityId);
  await db
    .insert(activityViews)
    .values({ userId: actor.userId, activityId, courseId: activity.courseId, firstAt: now, lastAt: now })
    .onConflictDoUpdate({
      target: [activityViews.userId, activityViews.activityId],
      set: { lastAt: now, count: sql`${activityViews.count} + 1` },
    });
  await activityOpened(db, actor, activity, now);
}

/**
 * How to read one course for a person: whether they see what is hidden or not yet open (staff), and
 * whether the course tracks their completion (they take it as participant).
 */
export type ResumeScope = { courseId: string; seeHidden: boolean; tracked: boolean };

/** Where a person takes a course up again: the activity, and whether they opened anything in it yet. */
export type ResumePoint = {
  /** The first activity not done, in reading order; null when everything is done (or there is nothing). */
  activityId: string | null;
  title: string | null;
  /** Whether the person opened something in the course: "Reprendre" rather than "Commencer". */
  started: boolean;
  lastActivityId: string | null;
};

/**
 * "Continue where I stopped", for several courses in one statement: the first activity in reading order
 * (sections, then positions) that the person may open and has not done. Kinds shown in place and never
 * opened (labels) are not steps. Done means completed when the course tracks the person and the activity
 * has a completion rule — an activity opened but not marked done, or a quiz failed, is where to go back —
 * and opened otherwise (staff, and activities without a rule). What the person does not see (hidden, not
 * yet open, restricted to other groups) is left out unless they see hidden things.
 */
export async function resumePoints(
  db: Tx,
  userId: string,
  scopes: readonly ResumeScope[],
  now: Date,
): Promise<Map<string, ResumePoint>> {
  const points = new Map<string, ResumePoint>();
  if (scopes.length === 0) return points;
  const user = sql`${userId}::uuid`;
  const v = activityViews;
  const { rows } = await db.execute<{
    course_id: string;
    id: string;
    title: string;
    kind: string;
    mode: string;
    open: boolean;
    reachable: boolean;
    completed: boolean;
    viewed_at: Date | string | null;
  }>(sql`
    select r.course_id, r.id, r.title, r.kind, r.mode, r.shown as open,
      ${inAudience(sql`r.audience`, user)} as reachable,
      ${completedBy(sql`r.id`, user)} as completed,
      ${v.lastAt} as viewed_at
    from (${activitiesInReadingOrder(
      scopes.map((s) => s.courseId),
      now,
    )}) r
    left join ${v} on ${v.activityId} = r.id and ${v.userId} = ${user}
    order by r.section_position, r.position`);
  const scopeOf = new Map(scopes.map((s) => [s.courseId, s]));
  const last = new Map<string, { id: string; at: Date }>();
  for (const scope of scopes)
    points.set(scope.courseId, { activityId: null, title: null, started: false, lastActivityId: null });
  for (const row of rows) {
    const scope = scopeOf.get(row.course_id)!;
    const point = points.get(row.course_id)!;
    if (!scope.seeHidden && !(row.open && row.reachable)) continue;
    const viewedAt = row.viewed_at === null ? null : new Date(row.viewed_at);
    if (viewedAt) {
      point.started = true;
      const seen = last.get(row.course_id);
      if (!seen || viewedAt > seen.at) last.set(row.course_id, { id: row.id, at: viewedAt });
    }
    if (point.activityId !== null || isShownInPlace(row.kind)) continue;
    const done = scope.tracked && row.mode !== 'none' ? row.completed : viewedAt !== null;
    if (!done) {
      point.activityId = row.id;
      point.title = row.title;
    }
  }
  for (const [courseId, seen] of last) points.get(courseId)!.lastActivityId = seen.id;
  return points;
}

/** Labels and their like: read on the course page itself, never a step of "Précédent / Suivant". */
function isShownInPlace(kind: string) {
  return activityKind(kind)?.completion?.untracked === true;
}

/** How the actor reads a course: what they see, and whether it tracks them (see `resumePoints`). */
export async function resumeScope(db: Tx, actor: Actor, courseId: string): Promise<ResumeScope> {
  const context = await findContext(db, 'course', courseId);
  if (!context) throw problems.notFound();
  return {
    courseId,
    seeHidden: canInPath(actor, courseCapabilities['course:viewhidden'], context.path),
    tracked: canInPath(actor, completionCapabilities['completion:track'], context.path),
  };
}

/**
 * The actor's own trail in a course: what they opened, the last one, and where to take it up again
 * (`resumeActivityId`, see `resumePoints`).
 */
export async function courseProgress(
  db: Db,
  actor: Actor,
  courseId: string,
  now: Date,
): Promise<CourseProgress> {
  const [rows, scope] = await Promise.all([
    db
      .select({ activityId: activityViews.activityId, lastAt: activityViews.lastAt })
      .from(activityViews)
      .where(and(eq(activityViews.courseId, courseId), eq(activityViews.userId, actor.userId)))
      .orderBy(desc(activityViews.lastAt)),
    resumeScope(db, actor, courseId),
  ]);
  const point = (await resumePoints(db, actor.userId, [scope], now)).get(courseId);
  return {
    lastActivityId: rows[0]?.activityId ?? null,
    viewed: rows.map((r) => r.activityId),
    resumeActivityId: point?.activityId ?? null,
  };
}
