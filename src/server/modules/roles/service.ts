import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { RoleAssignBody, RoleAssignment, RoleContextOption } from '../../../shared/api.ts';
import type { ContextLevel, Role } from '../../../shared/roles.ts';
import { type Actor, can, canInPath, reachIn, scopeOf } from '../../platform/access/can.ts';
import { allCapabilities } from '../../platform/access/capabilities.ts';
import { findContext } from '../../platform/access/contexts.ts';
import { contexts, roleAssignments } from '../../platform/access/schema.ts';
import { record } from '../../platform/audit/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import { findUser } from '../accounts/index.ts';
import { findActivitiesByTitle, findCoursesByTitle, titlesOf } from '../courses/index.ts';
import { domainsByIds, getDomain } from '../domains/index.ts';
import { roleCapabilities as caps } from './policy.ts';

export type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'origin'>;

/** Role assignments of a user, each with a readable label of where it applies. */
export async function listAssignments(db: Tx, userId: string): Promise<RoleAssignment[]> {
  const rows = await db
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      contextId: roleAssignments.contextId,
      contextLevel: contexts.level,
      instanceId: contexts.instanceId,
      createdAt: roleAssignments.createdAt,
    })
    .from(roleAssignments)
    .innerJoin(contexts, eq(contexts.id, roleAssignments.contextId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(contexts.path, roleAssignments.role);
  // A course or an activity is named by its title (an activity with its course's), never by a number.
  const idsAt = (level: string) =>
    rows.flatMap((r) => (r.contextLevel === level && r.instanceId ? [r.instanceId] : []));
  const [titles, domains] = await Promise.all([
    titlesOf(db, idsAt('course'), idsAt('activity')),
    domainsByIds(db, idsAt('domain')),
  ]);
  const domainNames = new Map(domains.map((d) => [d.id, d.name]));
  const labelOf = (row: (typeof rows)[number]) => {
    if (row.contextLevel === 'platform') return 'Plateforme';
    if (row.contextLevel === 'domain') return domainNames.get(row.instanceId ?? '') ?? '';
    if (row.contextLevel === 'course') return titles.courses.get(row.instanceId ?? '') ?? '';
    const activity = titles.activities.get(row.instanceId ?? '');
    return activity ? `${activity.title} (${activity.courseTitle})` : '';
  };
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    role: row.role as Role,
    contextId: row.contextId,
    contextLevel: row.contextLevel,
    contextLabel: labelOf(row),
    createdAt: row.createdAt.toISOString(),
  }));
}

const PICKER_LIMIT = 20;

/**
 * Courses or activities whose title contains `q`, where the actor may assign roles: what the role form
 * offers instead of asking for an identifier. Searched in the domains of the actor's reach, then each
 * checked in its own context (a grant may stop at a course).
 */
export async function searchRoleContexts(
  db: Tx,
  actor: Actor,
  level: 'course' | 'activity',
  q: string,
): Promise<RoleContextOption[]> {
  const scope = scopeOf(actor, caps['role:assign']);
  const domainIds = scope.all ? 'all' : scope.domainIds;
  const found =
    level === 'course'
      ? (await findCoursesByTitle(db, q, domainIds, PICKER_LIMIT)).map((c) => ({
          instanceId: c.id,
          label: c.title,
          detail: c.shortName,
          domainId: c.domainId,
        }))
      : (await findActivitiesByTitle(db, q, domainIds, PICKER_LIMIT)).map((a) => ({
          instanceId: a.id,
          label: a.title,
          detail: a.courseTitle,
          domainId: a.domainId,
        }));
  const domainNames = new Map<string, string>();
  for (const domainId of new Set(found.map((f) => f.domainId))) {
    const domain = await getDomain(db, domainId);
    if (domain) domainNames.set(domainId, domain.name);
  }
  const options: RoleContextOption[] = [];
  for (const option of found) {
    const context = await findContext(db, level, option.instanceId);
    if (!context || !canInPath(actor, caps['role:assign'], context.path)) continue;
    options.push({
      instanceId: option.instanceId,
      label: option.label,
      detail: [option.detail, domainNames.get(option.domainId)].filter(Boolean).join(' · '),
    });
  }
  return options;
}

/**
 * Assigns a role in a context. The actor needs `role:assign` there; the `admin` role exists only at
 * platform level and only an admin grants it.
 */
export async function assignRole(ctx: Ctx, input: z.infer<typeof RoleAssignBody>): Promise<RoleAssignment> {
  const refuse = () => new HttpProblem(403, 'cannot_assign_role', 'errors.cannotAssignRole');
  const { assignmentId, contextId } = await ctx.db.transaction(async (tx) => {
    const user = await findUser(tx, input.userId);
    if (!user) throw problems.invalid('unknown_user', 'errors.unknownUser', 'userId');
    const context = await findContext(
      tx,
      input.contextLevel as ContextLevel,
      input.contextLevel === 'platform' ? null : (input.instanceId ?? ''),
    );
    if (!context) throw problems.invalid('unknown_context', 'errors.unknownContext', 'instanceId');
    if ((input.role === 'admin') !== (context.level === 'platform')) throw refuse();
    if (!canInPath(ctx.actor, caps['role:assign'], context.path)) throw refuse();
    if (input.role === 'admin' && !ctx.actor.grants.some((g) => g.role === 'admin')) throw refuse();
    const [row] = await tx
      .insert(roleAssignments)
      .values({ userId: user.id, role: input.role, contextId: context.id, createdBy: ctx.actor.userId })
      .onConflictDoNothing()
      .returning({ id: roleAssignments.id });
    if (!row) throw problems.conflict('role_already_assigned', 'errors.roleAlreadyAssigned');
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'role.assigned',
      objectType: 'user',
      objectId: user.id,
      contextId: context.id,
      domainId: context.level === 'domain' ? context.instanceId : null,
      details: { role: input.role },
    });
    await emit(tx, { type: 'access.changed', userId: user.id });
    return { assignmentId: row.id, contextId: context.id };
  });
  const assignment = (await listAssignments(ctx.db, input.userId)).find((a) => a.id === assignmentId);
  if (!assignment) throw new Error(`assignment ${assignmentId} in context ${contextId} vanished`);
  return assignment;
}

/** Removes an assignment; returns the user who lost the role. */
export async function removeRole(ctx: Ctx, assignmentId: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ assignment: roleAssignments, context: contexts })
      .from(roleAssignments)
      .innerJoin(contexts, eq(contexts.id, roleAssignments.contextId))
      .where(eq(roleAssignments.id, assignmentId));
    if (!row) throw problems.notFound();
    if (!(await can(tx, ctx.actor, caps['role:assign'], row.context.id))) throw problems.forbidden();
    if (row.assignment.role === 'admin' && row.assignment.userId === ctx.actor.userId) {
      throw problems.invalid('self_action', 'errors.cannotActOnSelf');
    }
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'role.removed',
      objectType: 'user',
      objectId: row.assignment.userId,
      contextId: row.context.id,
      domainId: row.context.level === 'domain' ? row.context.instanceId : null,
      details: { role: row.assignment.role },
    });
    await emit(tx, { type: 'access.changed', userId: row.assignment.userId });
    return row.assignment.userId;
  });
}

/** What the actor may do in a course: the interface shows the pages and actions these allow. */
export async function capabilitiesInCourse(db: Tx, actor: Actor, courseId: string) {
  const context = await findContext(db, 'course', courseId);
  if (!context) throw problems.notFound();
  const where = await reachIn(db, context);
  return allCapabilities().filter((capability) => canInPath(actor, capability, where.path, where.gate));
}
