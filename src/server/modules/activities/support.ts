import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { Uuid } from '../../../shared/api.ts';
import { openToLearners } from '../../../shared/lifecycle.ts';
import { type Actor, canInPath } from '../../platform/access/can.ts';
import type { Capability } from '../../platform/access/capabilities.ts';
import { findContext } from '../../platform/access/contexts.ts';
import { contexts } from '../../platform/access/schema.ts';
import { record } from '../../platform/audit/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import type { Access } from '../../platform/http/guard.ts';
import { problems } from '../../platform/http/problem.ts';
import { courseCapabilities } from '../courses/index.ts';
import { activities, courses, sections } from '../courses/schema.ts';
import { isInAudience } from '../enrolment/index.ts';

/**
 * What the routes of activity kinds share: their access (a capability in the activity's context), the
 * activity they act on (of their kind, visible to the actor) and their audit events.
 */

export type ActivityRow = typeof activities.$inferSelect;

/** Route access: `capability` in the context of the activity named by `:id`. */
export function onActivity(db: Tx, capability: Capability): { access: Access } {
  return {
    access: {
      capability,
      context: async (request: FastifyRequest) => {
        const id = (request.params as { id?: string }).id ?? '';
        return Uuid.safeParse(id).success ? (await findContext(db, 'activity', id))?.id : undefined;
      },
    },
  };
}

/** Route access: `capability` in the context of the course named by `:id`. */
export function onCourse(db: Tx, capability: Capability): { access: Access } {
  return {
    access: {
      capability,
      context: async (request: FastifyRequest) => {
        const id = (request.params as { id?: string }).id ?? '';
        return Uuid.safeParse(id).success ? (await findContext(db, 'course', id))?.id : undefined;
      },
    },
  };
}

/**
 * The activity if the actor may see it: without `course:viewhidden` in its context, an activity that is
 * hidden or not yet available — itself, its section or its course — or restricted to groups they are not
 * in does not exist (404), as on the course page. With `kind`, an activity of another kind does not exist
 * either.
 */
export async function assertActivityVisible(
  db: Tx,
  actor: Actor,
  activityId: string,
  options: { kind?: string; now?: Date } = {},
): Promise<ActivityRow> {
  const [row] = await db
    .select({
      activity: activities,
      section: { visibility: sections.visibility },
      course: { visibility: courses.visibility, availableFrom: courses.availableFrom, stage: courses.stage },
      path: contexts.path,
    })
    .from(activities)
    .innerJoin(sections, eq(sections.id, activities.sectionId))
    .innerJoin(courses, eq(courses.id, activities.courseId))
    .innerJoin(
      contexts,
      and(eq(contexts.level, 'activity'), eq(contexts.instanceId, sql`${activities.id}::text`)),
    )
    .where(eq(activities.id, activityId));
  if (!row || (options.kind !== undefined && row.activity.kind !== options.kind)) throw problems.notFound();
  if (canInPath(actor, courseCapabilities['course:viewhidden'], row.path)) return row.activity;
  const now = options.now ?? new Date();
  const open = (item: { visibility: string; availableFrom?: Date | null }) =>
    item.visibility === 'visible' && (!item.availableFrom || item.availableFrom <= now);
  if (!openToLearners(row.course.stage) || !open(row.course) || !open(row.section) || !open(row.activity))
    throw problems.notFound();
  if (!(await isInAudience(db, row.activity.audience, actor.userId))) throw problems.notFound();
  return row.activity;
}

/** The activity of this kind, for a designer's change (access was checked by the route). */
export async function activityOfKind(db: Tx, activityId: string, kind: string): Promise<ActivityRow> {
  const [row] = await db.select().from(activities).where(eq(activities.id, activityId));
  if (!row || row.kind !== kind) throw problems.notFound();
  return row;
}

/** An audit event about an activity, in its course's domain. */
export async function auditActivity(
  tx: Tx,
  request: FastifyRequest,
  activity: ActivityRow,
  action: string,
  details: Record<string, unknown> = {},
) {
  const [course] = await tx
    .select({ domainId: courses.domainId })
    .from(courses)
    .where(eq(courses.id, activity.courseId));
  await record(tx, request.origin, {
    actorId: request.auth?.actor.userId ?? null,
    action,
    objectType: 'activity',
    objectId: activity.id,
    domainId: course?.domainId ?? null,
    details,
  });
}

/**
 * The activity's files changed (replaced, added, removed), in `tx`: the course page, which shows their
 * format, size or number, is recomputed once it is committed — on every node.
 */
export function activityFilesChanged(tx: Tx, activity: ActivityRow): Promise<void> {
  return emit(tx, { type: 'activity.changed', courseId: activity.courseId, activityId: activity.id });
}
