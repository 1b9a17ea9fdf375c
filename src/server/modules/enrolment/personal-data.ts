/**
 * A person's enrolments and groups (GDPR). On erasure the person leaves every group, and each enrolment
 * ends (`removed`, at the erasure) but its row stays, pointing at the anonymised account: a session's
 * history keeps its headcount — how many were enrolled, how, when — without anyone's name. The role each
 * active enrolment gave in its course goes with the person's other roles (the roles module's part).
 */
import { and, asc, eq } from 'drizzle-orm';
import { emit } from '../../platform/events/index.ts';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';
import { titlesOf } from '../courses/index.ts';
import { courseGroups, enrolments, groupMembers } from './schema.ts';

export const enrolmentPersonalData: PersonalDataHolder = {
  key: 'enrolments',
  async export({ tx }, userId) {
    const rows = await tx
      .select()
      .from(enrolments)
      .where(eq(enrolments.userId, userId))
      .orderBy(asc(enrolments.enrolledAt));
    const groups = await tx
      .select({ courseId: courseGroups.courseId, name: courseGroups.name, addedAt: groupMembers.addedAt })
      .from(groupMembers)
      .innerJoin(courseGroups, eq(courseGroups.id, groupMembers.groupId))
      .where(eq(groupMembers.userId, userId))
      .orderBy(asc(groupMembers.addedAt));
    const titles = await titlesOf(tx, [...new Set([...rows, ...groups].map((r) => r.courseId))], []);
    const course = (id: string) => ({ courseId: id, courseTitle: titles.courses.get(id) ?? null });
    return {
      enrolments: rows.map((e) => ({
        ...course(e.courseId),
        role: e.role,
        method: e.method,
        status: e.status,
        enrolledAt: e.enrolledAt.toISOString(),
        removedAt: e.removedAt?.toISOString() ?? null,
      })),
      groups: groups.map((g) => ({ ...course(g.courseId), group: g.name, addedAt: g.addedAt.toISOString() })),
    };
  },
  async erase({ tx, now }, userId) {
    const left = await tx
      .selectDistinct({ courseId: courseGroups.courseId })
      .from(groupMembers)
      .innerJoin(courseGroups, eq(courseGroups.id, groupMembers.groupId))
      .where(eq(groupMembers.userId, userId));
    await tx.delete(groupMembers).where(eq(groupMembers.userId, userId));
    for (const { courseId } of left) await emit(tx, { type: 'groups.changed', courseId });
    const ended = await tx
      .update(enrolments)
      .set({ status: 'removed', removedAt: now, removedBy: null })
      .where(and(eq(enrolments.userId, userId), eq(enrolments.status, 'active')))
      .returning({ courseId: enrolments.courseId });
    for (const courseId of new Set(ended.map((e) => e.courseId)))
      await emit(tx, { type: 'enrolment.changed', courseId, userIds: [userId] });
  },
};
