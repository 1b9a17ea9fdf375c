/**
 * The routes of the activity kinds, mounted by the course engine with what it lends them (the contract's
 * `ActivityRouteKit`): kinds sit below the engine and reach its tables and its visibility rule only
 * through this.
 */
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { record } from '../../platform/audit/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { inContext, on } from '../../platform/http/access.ts';
import { problems } from '../../platform/http/problem.ts';
import { type ActivityRouteKit, type ActivityRow, activityKindRoutes } from '../activities/index.ts';
import { courseCapabilities as caps } from './policy.ts';
import { activities, courses } from './schema.ts';
import { visibleActivity } from './visibility.ts';

/** The activity of this kind, for a designer's change (access was checked by the route). */
async function activityOfKind(db: Tx, activityId: string, kind: string): Promise<ActivityRow> {
  const [row] = await db.select().from(activities).where(eq(activities.id, activityId));
  if (!row || row.kind !== kind) throw problems.notFound();
  return row;
}

/** An audit event about an activity, in its course's domain. */
const auditActivity: ActivityRouteKit['audit'] = async (tx, request, activity, action, details = {}) => {
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
};

export const kindRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(
    activityKindRoutes({
      view: on(caps['course:view'], inContext('activity')),
      update: on(caps['course:update'], inContext('activity')),
      onActivity: (capability) => on(capability, inContext('activity')),
      visibleActivity,
      activityOfKind,
      audit: auditActivity,
    }),
  );
};
