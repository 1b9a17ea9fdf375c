/**
 * The follow-up's rules: the filtered grid, saved filters, messages to the people a filter finds,
 * reminders (scheduled steps, or one sent at once to a filter's result) and the participation list.
 */
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  type Attendance,
  type FollowupCriteria,
  type FollowupGrid,
  type FollowupMessageBody,
  type FollowupQuery,
  formatDuration,
  type Reminder,
  type ReminderBody,
  type ReminderUpdateBody,
  type SavedFilter,
  type SavedFilterBody,
  type SavedFilterUpdateBody,
} from '../../../shared/followup.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import { record } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import { userNames } from '../accounts/index.ts';
import { courseContextId, getCourse, trackedActivities } from '../courses/index.ts';
import { groupsIn } from '../enrolment/index.ts';
import { attendanceTable, gridTable, type Table } from './exports.ts';
import {
  buildGrid,
  loadCourseData,
  type Person,
  recentCourseData,
  selectPeople,
  sortPeople,
} from './grid.ts';
import { courseLink, REMINDER_JOB } from './reminders.ts';
import { reminderDeliveries, reminders, savedFilters } from './schema.ts';
export type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'mailer' | 'jobs' | 'publicUrl' | 'now'>;

const fr = createI18n('fr').t;

/**
 * The people a filter finds (in the course's order). The grid and its exports may read the course as it
 * was a few seconds ago (`recent`); what sends mail reads it afresh.
 */
async function filtered(
  db: Db,
  courseId: string,
  criteria: FollowupCriteria,
  options: { path?: string; recent?: boolean } = {},
) {
  const roles = criteria.roles ?? ['participant'];
  const data = await (options.recent
    ? recentCourseData(db, courseId, roles)
    : loadCourseData(db, courseId, roles));
  return { data, people: selectPeople(data, criteria, options.path ?? 'criteria.') };
}

export async function followupGrid(db: Db, courseId: string, query: FollowupQuery): Promise<FollowupGrid> {
  const { data, people } = await filtered(db, courseId, query.criteria, { path: '', recent: true });
  sortPeople(people, query.sort, query.order);
  return buildGrid(data, people, query.page, query.pageSize);
}

/** The filtered grid as a table, for the CSV and XLSX exports; the export is recorded. */
export async function followupExport(
  ctx: Ctx,
  t: TFunction,
  courseId: string,
  query: FollowupQuery,
  format: string,
): Promise<{ table: Table; shortName: string }> {
  const info = await getCourse(ctx.db, courseId);
  const { data, people } = await filtered(ctx.db, courseId, query.criteria, { path: '', recent: true });
  sortPeople(people, query.sort, query.order);
  await record(ctx.db, ctx.origin, {
    actorId: ctx.actor.userId,
    action: 'followup.exported',
    objectType: 'course',
    objectId: courseId,
    domainId: info.domainId,
    details: { format, rows: people.length, criteria: query.criteria },
  });
  const groupNames = new Map(data.groups.map((g) => [g.id, g.name]));
  return { table: gridTable(t, data.activities, groupNames, people), shortName: info.shortName };
}

// — Saved filters —

type SavedFilterRow = typeof savedFilters.$inferSelect;
const toSavedFilter = (row: SavedFilterRow): SavedFilter => ({
  id: row.id,
  courseId: row.courseId,
  name: row.name,
  criteria: row.criteria as FollowupCriteria,
  createdAt: row.createdAt.toISOString(),
});

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === '23505' ||
  (error as { cause?: { code?: string } })?.cause?.code === '23505';
const nameTaken = () => problems.conflict('filter_name_taken', 'errors.followup.filterNameTaken', 'name');

export async function listSavedFilters(ctx: Ctx, courseId: string): Promise<SavedFilter[]> {
  const rows = await ctx.db
    .select()
    .from(savedFilters)
    .where(and(eq(savedFilters.courseId, courseId), eq(savedFilters.ownerId, ctx.actor.userId)))
    .orderBy(asc(savedFilters.name));
  return rows.map(toSavedFilter);
}

export async function createSavedFilter(
  ctx: Ctx,
  courseId: string,
  body: z.infer<typeof SavedFilterBody>,
): Promise<SavedFilter> {
  // Criteria naming another course's groups or activities would never match: refuse them now.
  await checkCriteria(ctx.db, courseId, body.criteria);
  try {
    const [row] = await ctx.db
      .insert(savedFilters)
      .values({ courseId, ownerId: ctx.actor.userId, name: body.name, criteria: body.criteria })
      .returning();
    return toSavedFilter(row!);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** The course of a saved filter (to resolve the access context of its routes). */
export async function savedFilterCourse(db: Tx, id: string) {
  const [row] = await db
    .select({ courseId: savedFilters.courseId })
    .from(savedFilters)
    .where(eq(savedFilters.id, id));
  return row?.courseId;
}

/** Someone else's filter is not found: filters are personal. */
async function ownFilter(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(savedFilters).where(eq(savedFilters.id, id));
  if (!row || row.ownerId !== ctx.actor.userId) throw problems.notFound();
  return row;
}

export async function updateSavedFilter(
  ctx: Ctx,
  id: string,
  body: z.infer<typeof SavedFilterUpdateBody>,
): Promise<SavedFilter> {
  const row = await ownFilter(ctx, id);
  if (body.criteria) await checkCriteria(ctx.db, row.courseId, body.criteria);
  try {
    const [updated] = await ctx.db
      .update(savedFilters)
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.criteria !== undefined ? { criteria: body.criteria } : {}),
      })
      .where(eq(savedFilters.id, id))
      .returning();
    return toSavedFilter(updated!);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function deleteSavedFilter(ctx: Ctx, id: string): Promise<void> {
  await ownFilter(ctx, id);
  await ctx.db.delete(savedFilters).where(eq(savedFilters.id, id));
}

/** Refuses criteria naming groups or activities that are not the course's (400, with the field). */
async function checkCriteria(db: Db, courseId: string, criteria: FollowupCriteria) {
  const [tracked, groups] = await Promise.all([trackedActivities(db, courseId), groupsIn(db, courseId)]);
  selectPeople({ activities: tracked, groups, people: [] }, criteria, 'criteria.');
}

// — Messages —

const noRecipients = () =>
  new HttpProblem(400, 'no_recipients', 'errors.followup.noRecipients', {
    errors: [{ path: 'criteria', message: 'errors.followup.noRecipients' }],
  });

/** Mails the people the filter finds now; the mails are queued with the audit entry, sent after. */
export async function messageFiltered(ctx: Ctx, courseId: string, body: FollowupMessageBody) {
  const info = await getCourse(ctx.db, courseId);
  const { people } = await filtered(ctx.db, courseId, body.criteria);
  if (people.length === 0) throw noRecipients();
  const name = (await userNames(ctx.db, [ctx.actor.userId])).get(ctx.actor.userId);
  const sender = name ? `${name.firstName} ${name.lastName}` : '';
  const link = courseLink(ctx.publicUrl, courseId);
  const queued: string[] = [];
  await ctx.db.transaction(async (tx) => {
    for (const person of people) {
      queued.push(
        await ctx.mailer.queue(tx, {
          to: person.email,
          subject: body.subject,
          text: fr('mail.followup.message', {
            name: `${person.firstName} ${person.lastName}`,
            message: body.body,
            sender,
            course: info.title,
            link,
          }),
        }),
      );
    }
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'followup.message_sent',
      objectType: 'course',
      objectId: courseId,
      domainId: info.domainId,
      details: { recipients: people.length, subject: body.subject, criteria: body.criteria },
    });
  });
  await ctx.mailer.flush(queued);
  return { recipients: people.length };
}

// — Reminders —

type ReminderRow = typeof reminders.$inferSelect;
const toReminder = (row: ReminderRow, deliveries: number): Reminder => ({
  id: row.id,
  courseId: row.courseId,
  target: row.target,
  belowProgress: row.belowProgress,
  chosenCount: row.target === 'chosen' ? (row.userIds?.length ?? 0) : null,
  subject: row.subject,
  body: row.body,
  sendAt: row.sendAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
  deliveries,
  createdAt: row.createdAt.toISOString(),
});

async function deliveriesOf(db: Tx, id: string) {
  const [row] = await db
    .select({ n: count() })
    .from(reminderDeliveries)
    .where(eq(reminderDeliveries.reminderId, id));
  return row?.n ?? 0;
}

export async function listReminders(db: Db, courseId: string): Promise<Reminder[]> {
  const delivered = db
    .select({ reminderId: reminderDeliveries.reminderId, n: count().as('n') })
    .from(reminderDeliveries)
    .groupBy(reminderDeliveries.reminderId)
    .as('delivered');
  const rows = await db
    .select({ reminder: reminders, n: sql<number>`coalesce(${delivered.n}, 0)::int` })
    .from(reminders)
    .leftJoin(delivered, eq(delivered.reminderId, reminders.id))
    .where(eq(reminders.courseId, courseId))
    .orderBy(asc(reminders.sendAt), asc(reminders.createdAt));
  return rows.map((row) => toReminder(row.reminder, row.n));
}

export async function reminderCourse(db: Tx, id: string) {
  const [row] = await db.select({ courseId: reminders.courseId }).from(reminders).where(eq(reminders.id, id));
  return row?.courseId;
}

/** The reminder job runs at once (it also runs every five minutes). */
async function triggerReminders(ctx: Ctx) {
  await ctx.jobs.send(REMINDER_JOB, {});
}

export async function createReminder(ctx: Ctx, courseId: string, body: ReminderBody): Promise<Reminder> {
  const info = await getCourse(ctx.db, courseId);
  let userIds: string[] | null = null;
  if (body.target === 'chosen') {
    const { people } = await filtered(ctx.db, courseId, {});
    const enrolled = new Set(people.map((p) => p.userId));
    const unknown = (body.userIds ?? []).findIndex((id) => !enrolled.has(id));
    if (unknown >= 0)
      throw new HttpProblem(400, 'unknown_participant', 'errors.followup.unknownParticipant', {
        errors: [{ path: `userIds.${unknown}`, message: 'errors.followup.unknownParticipant' }],
      });
    userIds = [...new Set(body.userIds)];
  }
  const row = await insertReminder(ctx, info, {
    target: body.target,
    belowProgress: body.target === 'behind' ? (body.belowProgress ?? null) : null,
    userIds,
    subject: body.subject,
    body: body.body,
    sendAt: new Date(body.sendAt),
  });
  if (row.sendAt <= ctx.now) await triggerReminders(ctx);
  return toReminder(row, 0);
}

async function insertReminder(
  ctx: Ctx,
  info: { id: string; domainId: string },
  values: Omit<typeof reminders.$inferInsert, 'courseId' | 'createdBy'>,
) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reminders)
      .values({ ...values, courseId: info.id, createdBy: ctx.actor.userId })
      .returning();
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'followup.reminder_created',
      objectType: 'reminder',
      objectId: row!.id,
      domainId: info.domainId,
      details: {
        courseId: info.id,
        target: values.target,
        belowProgress: values.belowProgress ?? null,
        chosen: values.userIds?.length ?? null,
        sendAt: values.sendAt.toISOString(),
      },
    });
    return row!;
  });
}

/** "Envoyer une relance" from the follow-up: a step for the people the filter finds, due now. */
export async function remindFiltered(ctx: Ctx, courseId: string, body: FollowupMessageBody) {
  const info = await getCourse(ctx.db, courseId);
  const { people } = await filtered(ctx.db, courseId, body.criteria);
  if (people.length === 0) throw noRecipients();
  const row = await insertReminder(ctx, info, {
    target: 'chosen',
    belowProgress: null,
    userIds: people.map((p) => p.userId),
    subject: body.subject,
    body: body.body,
    sendAt: ctx.now,
  });
  await triggerReminders(ctx);
  return toReminder(row, 0);
}

/** An unsent step of a course, or a 409 once it has gone (its log stays as it is). */
async function unsentReminder(db: Tx, id: string) {
  const [row] = await db.select().from(reminders).where(eq(reminders.id, id));
  if (!row) throw problems.notFound();
  if (row.sentAt) throw problems.conflict('reminder_sent', 'errors.followup.reminderSent');
  return row;
}

export async function updateReminder(
  ctx: Ctx,
  id: string,
  body: z.infer<typeof ReminderUpdateBody>,
): Promise<Reminder> {
  const row = await unsentReminder(ctx.db, id);
  if (body.belowProgress !== undefined && row.target !== 'behind')
    throw problems.invalid('not_behind_target', 'errors.followup.belowProgressOnlyBehind', 'belowProgress');
  const info = await getCourse(ctx.db, row.courseId);
  const updated = await ctx.db.transaction(async (tx) => {
    const [next] = await tx
      .update(reminders)
      .set({
        ...(body.belowProgress !== undefined ? { belowProgress: body.belowProgress } : {}),
        ...(body.subject !== undefined ? { subject: body.subject } : {}),
        ...(body.body !== undefined ? { body: body.body } : {}),
        ...(body.sendAt !== undefined ? { sendAt: new Date(body.sendAt) } : {}),
      })
      .where(and(eq(reminders.id, id), isNull(reminders.sentAt)))
      .returning();
    if (!next) throw problems.conflict('reminder_sent', 'errors.followup.reminderSent');
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'followup.reminder_updated',
      objectType: 'reminder',
      objectId: id,
      domainId: info.domainId,
      details: { courseId: info.id, fields: Object.keys(body) },
    });
    return next;
  });
  if (updated.sendAt <= ctx.now) await triggerReminders(ctx);
  return toReminder(updated, 0);
}

export async function deleteReminder(ctx: Ctx, id: string): Promise<void> {
  const row = await unsentReminder(ctx.db, id);
  const info = await getCourse(ctx.db, row.courseId);
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(reminders)
      .where(and(eq(reminders.id, id), isNull(reminders.sentAt)))
      .returning({ id: reminders.id });
    if (deleted.length === 0) throw problems.conflict('reminder_sent', 'errors.followup.reminderSent');
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'followup.reminder_deleted',
      objectType: 'reminder',
      objectId: id,
      domainId: info.domainId,
      details: { courseId: info.id, subject: row.subject },
    });
  });
}

/** Moves an unsent step to now and runs the job. */
export async function sendReminderNow(ctx: Ctx, id: string): Promise<Reminder> {
  await unsentReminder(ctx.db, id);
  const reminder = await updateReminder(ctx, id, { sendAt: ctx.now.toISOString() });
  return { ...reminder, deliveries: await deliveriesOf(ctx.db, id) };
}

// — Participation —

function byName(people: Person[]) {
  return sortPeople(people, 'name', 'asc');
}

export async function attendance(db: Db, courseId: string): Promise<Attendance> {
  const info = await getCourse(db, courseId);
  const data = await loadCourseData(db, courseId);
  const groupNames = new Map(data.groups.map((g) => [g.id, g.name]));
  return {
    course: { id: info.id, title: info.title },
    tracked: data.activities.length,
    rows: byName(data.people).map((p) => ({
      userId: p.userId,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      groups: p.groupIds.map((id) => groupNames.get(id) ?? '').filter(Boolean),
      progress: p.progress,
      completed: p.completed,
      courseCompletedAt: p.courseCompletedAt?.toISOString() ?? null,
      firstAccessAt: p.firstAccessAt?.toISOString() ?? null,
      lastAccessAt: p.lastAccessAt?.toISOString() ?? null,
      seconds: p.seconds,
      timeSpent: formatDuration(p.seconds),
    })),
  };
}

export async function attendanceExport(ctx: Ctx, t: TFunction, courseId: string, format: string) {
  const info = await getCourse(ctx.db, courseId);
  const data = await loadCourseData(ctx.db, courseId);
  await record(ctx.db, ctx.origin, {
    actorId: ctx.actor.userId,
    action: 'followup.attendance_exported',
    objectType: 'course',
    objectId: courseId,
    domainId: info.domainId,
    details: { format, rows: data.people.length },
  });
  const groupNames = new Map(data.groups.map((g) => [g.id, g.name]));
  return { table: attendanceTable(t, groupNames, byName(data.people)), shortName: info.shortName };
}

export { courseContextId };
