/**
 * Groups of a course (its enrolled people split for the follow-up and for activities restricted to
 * them), groupings (named sets of groups), and the audience of an activity.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Audience } from '../../../shared/completion.ts';
import type {
  CourseGroups,
  GroupCreateBody,
  GroupingCreateBody,
  GroupingUpdateBody,
  GroupUpdateBody,
} from '../../../shared/enrolment.ts';
import { type Actor, canInPath } from '../../platform/access/can.ts';
import { record } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import { people } from '../accounts/index.ts';
import { forgetInAudiences, getActivity, setActivityAudience } from '../courses/index.ts';
import { assertOpen, type EnrolmentCourse, enrolmentCourse } from './course.ts';
import { enrolmentCapabilities as caps } from './policy.ts';
import { courseGroups, enrolments, groupingGroups, groupings, groupMembers } from './schema.ts';
import type { Ctx } from './service.ts';

export async function listGroups(db: Db, actor: Actor, courseId: string): Promise<CourseGroups> {
  const course = await enrolmentCourse(db, courseId);
  const [groups, members, sets, links] = await Promise.all([
    db.select().from(courseGroups).where(eq(courseGroups.courseId, courseId)).orderBy(asc(courseGroups.name)),
    db
      .select({
        groupId: groupMembers.groupId,
        userId: people.id,
        firstName: people.firstName,
        lastName: people.lastName,
        email: people.email,
      })
      .from(groupMembers)
      .innerJoin(courseGroups, eq(courseGroups.id, groupMembers.groupId))
      .innerJoin(people, eq(people.id, groupMembers.userId))
      .where(eq(courseGroups.courseId, courseId))
      .orderBy(asc(people.lastName), asc(people.firstName)),
    db.select().from(groupings).where(eq(groupings.courseId, courseId)).orderBy(asc(groupings.name)),
    db
      .select({ groupingId: groupingGroups.groupingId, groupId: groupingGroups.groupId })
      .from(groupingGroups)
      .innerJoin(groupings, eq(groupings.id, groupingGroups.groupingId))
      .where(eq(groupings.courseId, courseId)),
  ]);
  return {
    groups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      description: group.description,
      members: members.filter((m) => m.groupId === group.id).map(({ groupId: _, ...member }) => member),
    })),
    groupings: sets.map((grouping) => ({
      id: grouping.id,
      name: grouping.name,
      groupIds: links.filter((l) => l.groupingId === grouping.id).map((l) => l.groupId),
    })),
    canManage: canInPath(actor, caps['group:manage'], course.contextPath),
  };
}

/** The access context of the course holding a group or a grouping. */
export async function groupCourseId(db: Tx, groupId: string) {
  const [row] = await db
    .select({ courseId: courseGroups.courseId })
    .from(courseGroups)
    .where(eq(courseGroups.id, groupId));
  return row?.courseId;
}
export async function groupingCourseId(db: Tx, groupingId: string) {
  const [row] = await db
    .select({ courseId: groupings.courseId })
    .from(groupings)
    .where(eq(groupings.id, groupingId));
  return row?.courseId;
}

const nameTaken = () => problems.conflict('group_name_taken', 'errors.enrolment.groupNameTaken', 'name');

async function audit(
  tx: Tx,
  ctx: Ctx,
  course: EnrolmentCourse,
  action: string,
  objectType: string,
  objectId: string,
  details: Record<string, unknown> = {},
) {
  await record(tx, ctx.origin, {
    actorId: ctx.actor.userId,
    action,
    objectType,
    objectId,
    contextId: course.contextId,
    domainId: course.domainId,
    details: { courseId: course.id, ...details },
  });
}

/** Whether another group (or grouping) of the course has this name, whatever the case. */
async function groupNameUsed(tx: Tx, courseId: string, name: string, except?: string) {
  const [row] = await tx
    .select({ id: courseGroups.id })
    .from(courseGroups)
    .where(
      and(
        eq(courseGroups.courseId, courseId),
        sql`lower(${courseGroups.name}) = lower(${name})`,
        except ? sql`${courseGroups.id} <> ${except}` : undefined,
      ),
    );
  return Boolean(row);
}

async function openCourse(tx: Tx, courseId: string) {
  const course = await enrolmentCourse(tx, courseId);
  assertOpen(course);
  return course;
}

export async function createGroup(ctx: Ctx, courseId: string, input: z.infer<typeof GroupCreateBody>) {
  return ctx.db.transaction(async (tx) => {
    const course = await openCourse(tx, courseId);
    if (await groupNameUsed(tx, courseId, input.name)) throw nameTaken();
    const [row] = await tx
      .insert(courseGroups)
      .values({ courseId, name: input.name, description: input.description })
      .returning();
    await audit(tx, ctx, course, 'group.created', 'group', row!.id, { name: row!.name });
    return { id: row!.id, name: row!.name, description: row!.description, members: [] };
  });
}

async function groupRow(tx: Tx, groupId: string) {
  const [row] = await tx.select().from(courseGroups).where(eq(courseGroups.id, groupId));
  if (!row) throw problems.notFound();
  return row;
}

export async function updateGroup(ctx: Ctx, groupId: string, input: z.infer<typeof GroupUpdateBody>) {
  return ctx.db.transaction(async (tx) => {
    const group = await groupRow(tx, groupId);
    const course = await openCourse(tx, group.courseId);
    if (input.name !== undefined && (await groupNameUsed(tx, course.id, input.name, groupId)))
      throw nameTaken();
    const [row] = await tx
      .update(courseGroups)
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
      })
      .where(eq(courseGroups.id, groupId))
      .returning();
    await audit(tx, ctx, course, 'group.updated', 'group', groupId, { name: row!.name, before: group.name });
    // A renamed group renames the "Réservé à" badges of the course page.
    await groupsChanged(tx, course.id);
    return { courseId: course.id, group: { id: row!.id, name: row!.name, description: row!.description } };
  });
}

/**
 * The course's groups, groupings or memberships changed, in `tx`: who is in which group decides which
 * restricted activities count for whom (completion) and how the course page names their audiences.
 */
export function groupsChanged(tx: Tx, courseId: string) {
  return emit(tx, { type: 'groups.changed', courseId });
}

export async function deleteGroup(ctx: Ctx, groupId: string) {
  return ctx.db.transaction(async (tx) => {
    const group = await groupRow(tx, groupId);
    const course = await openCourse(tx, group.courseId);
    await tx.delete(courseGroups).where(eq(courseGroups.id, groupId));
    await forgetInAudiences(tx, course.id, 'groupIds', groupId);
    await groupsChanged(tx, course.id);
    await audit(tx, ctx, course, 'group.deleted', 'group', groupId, { name: group.name });
    return course.id;
  });
}

/** Adds people to a group; each must be enrolled (actively, in any role) in the group's course. */
export async function addGroupMembers(ctx: Ctx, groupId: string, userIds: string[]) {
  return ctx.db.transaction(async (tx) => {
    const group = await groupRow(tx, groupId);
    const course = await openCourse(tx, group.courseId);
    const unique = [...new Set(userIds)];
    const enrolled = new Set(
      (
        await tx
          .selectDistinct({ userId: enrolments.userId })
          .from(enrolments)
          .where(
            and(
              eq(enrolments.courseId, course.id),
              eq(enrolments.status, 'active'),
              inArray(enrolments.userId, unique),
            ),
          )
      ).map((row) => row.userId),
    );
    const strangers = userIds.map((id, index) => ({ id, index })).filter(({ id }) => !enrolled.has(id));
    if (strangers.length > 0)
      throw new HttpProblem(400, 'not_enrolled', 'errors.enrolment.memberNotEnrolled', {
        errors: strangers
          .slice(0, 50)
          .map(({ index }) => ({ path: `userIds.${index}`, message: 'errors.enrolment.memberNotEnrolled' })),
      });
    const added = await tx
      .insert(groupMembers)
      .values(unique.map((userId) => ({ groupId, userId })))
      .onConflictDoNothing()
      .returning({ userId: groupMembers.userId });
    await groupsChanged(tx, course.id);
    await audit(tx, ctx, course, 'group.members_added', 'group', groupId, {
      name: group.name,
      userIds: added.map((row) => row.userId),
    });
    return { courseId: course.id, added: added.length };
  });
}

export async function removeGroupMember(ctx: Ctx, groupId: string, userId: string) {
  return ctx.db.transaction(async (tx) => {
    const group = await groupRow(tx, groupId);
    const course = await openCourse(tx, group.courseId);
    const removed = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
      .returning({ userId: groupMembers.userId });
    if (removed.length === 0) throw problems.notFound();
    await groupsChanged(tx, course.id);
    await audit(tx, ctx, course, 'group.member_removed', 'group', groupId, { name: group.name, userId });
    return course.id;
  });
}

// — Groupings —

/** Refuses group ids that are not groups of this course. */
async function assertGroupsOf(tx: Tx, courseId: string, groupIds: string[], path: string) {
  if (groupIds.length === 0) return;
  const found = new Set(
    (
      await tx
        .select({ id: courseGroups.id })
        .from(courseGroups)
        .where(and(eq(courseGroups.courseId, courseId), inArray(courseGroups.id, groupIds)))
    ).map((row) => row.id),
  );
  const foreign = groupIds.map((id, index) => ({ id, index })).filter(({ id }) => !found.has(id));
  if (foreign.length > 0)
    throw new HttpProblem(400, 'unknown_group', 'errors.enrolment.unknownGroup', {
      errors: foreign.map(({ index }) => ({
        path: `${path}.${index}`,
        message: 'errors.enrolment.unknownGroup',
      })),
    });
}

const groupingNameTaken = () =>
  problems.conflict('grouping_name_taken', 'errors.enrolment.groupingNameTaken', 'name');

async function groupingNameUsed(tx: Tx, courseId: string, name: string, except?: string) {
  const [row] = await tx
    .select({ id: groupings.id })
    .from(groupings)
    .where(
      and(
        eq(groupings.courseId, courseId),
        sql`lower(${groupings.name}) = lower(${name})`,
        except ? sql`${groupings.id} <> ${except}` : undefined,
      ),
    );
  return Boolean(row);
}

async function setGroupingGroups(tx: Tx, groupingId: string, groupIds: string[]) {
  await tx.delete(groupingGroups).where(eq(groupingGroups.groupingId, groupingId));
  const unique = [...new Set(groupIds)];
  if (unique.length > 0)
    await tx.insert(groupingGroups).values(unique.map((groupId) => ({ groupingId, groupId })));
  return unique;
}

export async function createGrouping(ctx: Ctx, courseId: string, input: z.infer<typeof GroupingCreateBody>) {
  return ctx.db.transaction(async (tx) => {
    const course = await openCourse(tx, courseId);
    if (await groupingNameUsed(tx, courseId, input.name)) throw groupingNameTaken();
    await assertGroupsOf(tx, courseId, input.groupIds, 'groupIds');
    const [row] = await tx.insert(groupings).values({ courseId, name: input.name }).returning();
    const groupIds = await setGroupingGroups(tx, row!.id, input.groupIds);
    await audit(tx, ctx, course, 'grouping.created', 'grouping', row!.id, { name: row!.name });
    return { id: row!.id, name: row!.name, groupIds };
  });
}

async function groupingRow(tx: Tx, id: string) {
  const [row] = await tx.select().from(groupings).where(eq(groupings.id, id));
  if (!row) throw problems.notFound();
  return row;
}

export async function updateGrouping(ctx: Ctx, id: string, input: z.infer<typeof GroupingUpdateBody>) {
  return ctx.db.transaction(async (tx) => {
    const grouping = await groupingRow(tx, id);
    const course = await openCourse(tx, grouping.courseId);
    if (input.name !== undefined && (await groupingNameUsed(tx, course.id, input.name, id)))
      throw groupingNameTaken();
    if (input.groupIds) await assertGroupsOf(tx, course.id, input.groupIds, 'groupIds');
    const [row] =
      input.name === undefined
        ? [grouping]
        : await tx.update(groupings).set({ name: input.name }).where(eq(groupings.id, id)).returning();
    const groupIds = input.groupIds
      ? await setGroupingGroups(tx, id, input.groupIds)
      : (
          await tx
            .select({ groupId: groupingGroups.groupId })
            .from(groupingGroups)
            .where(eq(groupingGroups.groupingId, id))
        ).map((r) => r.groupId);
    await groupsChanged(tx, course.id);
    await audit(tx, ctx, course, 'grouping.updated', 'grouping', id, { name: row!.name });
    return { courseId: course.id, grouping: { id, name: row!.name, groupIds } };
  });
}

export async function deleteGrouping(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const grouping = await groupingRow(tx, id);
    const course = await openCourse(tx, grouping.courseId);
    await tx.delete(groupings).where(eq(groupings.id, id));
    await forgetInAudiences(tx, course.id, 'groupingIds', id);
    await groupsChanged(tx, course.id);
    await audit(tx, ctx, course, 'grouping.deleted', 'grouping', id, { name: grouping.name });
    return course.id;
  });
}

// — Audience of an activity —

/**
 * Restricts an activity to groups and groupings of its course (null: everyone). Who then sees it and
 * for whom it counts is `inAudience` (./audience.ts), the SQL twin of `visibleToGroups`.
 */
export async function setAudience(ctx: Ctx, activityId: string, audience: Audience | null) {
  return ctx.db.transaction(async (tx) => {
    const activity = await getActivity(tx, activityId);
    const course = await enrolmentCourse(tx, activity.courseId);
    let value: Audience | null = null;
    if (audience) {
      value = { groupIds: [...new Set(audience.groupIds)], groupingIds: [...new Set(audience.groupingIds)] };
      await assertGroupsOf(tx, course.id, value.groupIds, 'audience.groupIds');
      if (value.groupingIds.length > 0) {
        const found = new Set(
          (
            await tx
              .select({ id: groupings.id })
              .from(groupings)
              .where(and(eq(groupings.courseId, course.id), inArray(groupings.id, value.groupingIds)))
          ).map((row) => row.id),
        );
        const foreign = value.groupingIds
          .map((id, index) => ({ id, index }))
          .filter(({ id }) => !found.has(id));
        if (foreign.length > 0)
          throw new HttpProblem(400, 'unknown_grouping', 'errors.enrolment.unknownGrouping', {
            errors: foreign.map(({ index }) => ({
              path: `audience.groupingIds.${index}`,
              message: 'errors.enrolment.unknownGrouping',
            })),
          });
      }
      if (value.groupIds.length + value.groupingIds.length === 0)
        throw new HttpProblem(400, 'empty_audience', 'errors.enrolment.emptyAudience', {
          errors: [{ path: 'audience', message: 'errors.enrolment.emptyAudience' }],
        });
    }
    await setActivityAudience(tx, activityId, value, ctx.now);
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'activity.audience_set',
      objectType: 'activity',
      objectId: activityId,
      contextId: course.contextId,
      domainId: course.domainId,
      details: { audience: value },
    });
    await emit(tx, { type: 'audience.changed', courseId: course.id, activityId });
    return { courseId: course.id, audience: value };
  });
}
