/**
 * Reminders: steps a trainer schedules for a session (those who have not started, those behind a
 * progress, or people chosen in the follow-up). A pg-boss job, every five minutes and on demand, sends
 * each due step to the participants it targets at that moment, and logs every delivery.
 *
 * Never twice to the same person for the same step, even when two runs overlap: the step is locked
 * (`FOR UPDATE SKIP LOCKED`) while it is sent, and `reminder_deliveries` is unique on (step, person) —
 * a mail is queued only for a delivery row this run inserted, in the same transaction.
 */
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { createI18n } from '../../../shared/i18n/index.ts';
import { record } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/http/context.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import { getCourse } from '../courses/index.ts';
import { defineNotificationType, notify } from '../notifications/index.ts';
import { loadCourseData, type Person } from './grid.ts';
import { reminderDeliveries, reminders } from './schema.ts';

export const REMINDER_JOB = 'followup.reminders';

export type ReminderDeps = { db: Db; mailer: Mailer; publicUrl: string };
type ReminderRow = typeof reminders.$inferSelect;

const fr = createI18n('fr').t;

export const REMINDER_NOTIFICATION = 'followup.reminder';

type ReminderData = { courseId: string; title: string; subject: string; message: string };

/** A reminder step reaching its people: in the bell, and the reminder's mail as it always was. */
export function defineReminderNotifications() {
  defineNotificationType<ReminderData>(REMINDER_NOTIFICATION, {
    label: () => fr('notifications.types.reminder.label'),
    title: (data) => fr('notifications.types.reminder.title', { title: data.title, subject: data.subject }),
    link: (data) => `/parcours/${data.courseId}`,
    defaults: 'email',
    mail: (data, person, { publicUrl }) => ({
      subject: data.subject,
      text: fr('mail.followup.reminder', {
        name: `${person.firstName} ${person.lastName}`,
        message: data.message,
        course: data.title,
        link: courseLink(publicUrl, data.courseId),
        signature: fr('mail.signature'),
      }),
    }),
  });
}

export function defineFollowupJobs(jobs: Jobs, deps: ReminderDeps & { clock: Clock }) {
  jobs.define({
    name: REMINDER_JOB,
    cron: '*/5 * * * *',
    handler: async () => {
      await sendDueReminders(deps, deps.clock.now());
    },
  });
}

/** The link to a course in a mail. */
export const courseLink = (publicUrl: string, courseId: string) => `${publicUrl}/parcours/${courseId}`;

/** Who a step targets now, among the course's active participants. */
export function reminderTargets(step: ReminderRow, people: Person[]): Person[] {
  switch (step.target) {
    case 'not_started':
      return people.filter((p) => !p.started && !p.courseCompletedAt);
    case 'behind':
      return people.filter(
        (p) => !p.courseCompletedAt && p.progress !== null && p.progress < (step.belowProgress ?? 0),
      );
    case 'chosen': {
      const chosen = new Set(step.userIds ?? []);
      return people.filter((p) => chosen.has(p.userId));
    }
  }
}

/** Sends every step due at `now`; returns how many steps were sent and how many mails left. */
export async function sendDueReminders(deps: ReminderDeps, now: Date) {
  const due = await deps.db
    .select({ id: reminders.id })
    .from(reminders)
    .where(and(isNull(reminders.sentAt), lte(reminders.sendAt, now)))
    .orderBy(asc(reminders.sendAt))
    .limit(200);
  let steps = 0;
  let mails = 0;
  for (const { id } of due) {
    const sent = await sendReminder(deps, id, now);
    if (sent !== null) {
      steps += 1;
      mails += sent;
    }
  }
  return { steps, mails };
}

/** Sends one step if it is still unsent and nobody else is sending it; null when skipped. */
export async function sendReminder(deps: ReminderDeps, id: string, now: Date): Promise<number | null> {
  return deps.db.transaction(async (tx) => {
    const [step] = await tx
      .select()
      .from(reminders)
      .where(and(eq(reminders.id, id), isNull(reminders.sentAt)))
      .for('update', { skipLocked: true });
    if (!step) return null;
    // Deleting the course would delete the step, which this transaction holds: the course is there.
    const course = await getCourse(tx, step.courseId);
    // Read on the pool (in parallel) while this transaction holds the step.
    const { people } = await loadCourseData(deps.db, step.courseId);
    const targets = reminderTargets(step, people);
    const inserted = targets.length
      ? await tx
          .insert(reminderDeliveries)
          .values(targets.map((p) => ({ reminderId: step.id, userId: p.userId, sentAt: now })))
          .onConflictDoNothing()
          .returning({ userId: reminderDeliveries.userId })
      : [];
    const fresh = new Set(inserted.map((row) => row.userId));
    await notify(tx, {
      userIds: [...fresh],
      type: REMINDER_NOTIFICATION,
      data: {
        courseId: course.id,
        title: course.title,
        subject: step.subject,
        message: step.body,
      } satisfies ReminderData,
      now,
    });
    await tx.update(reminders).set({ sentAt: now }).where(eq(reminders.id, step.id));
    await record(
      tx,
      { ip: null, userAgent: null },
      {
        actorId: null,
        action: 'followup.reminder_sent',
        objectType: 'reminder',
        objectId: step.id,
        domainId: course.domainId,
        details: { courseId: course.id, target: step.target, recipients: fresh.size },
      },
    );
    return fresh.size;
  });
}
