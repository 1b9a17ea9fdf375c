/**
 * The follow-up's part of a person's data (GDPR): the filters they saved as a trainer and the reminders
 * they received as a participant. On erasure their saved filters and the trace of the reminders they got
 * go, and they leave the lists of people a reminder was chosen for. The reminders trainers wrote stay:
 * they are the session's, and their author reads "Utilisateur supprimé" once erased.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';
import { titlesOf } from '../courses/index.ts';
import { reminderDeliveries, reminders, savedFilters } from './schema.ts';

export const followupPersonalData: PersonalDataHolder = {
  key: 'followup',
  async export({ tx }, userId) {
    const filters = await tx
      .select()
      .from(savedFilters)
      .where(eq(savedFilters.ownerId, userId))
      .orderBy(asc(savedFilters.createdAt));
    const received = await tx
      .select({ courseId: reminders.courseId, subject: reminders.subject, sentAt: reminderDeliveries.sentAt })
      .from(reminderDeliveries)
      .innerJoin(reminders, eq(reminders.id, reminderDeliveries.reminderId))
      .where(eq(reminderDeliveries.userId, userId))
      .orderBy(asc(reminderDeliveries.sentAt));
    const titles = await titlesOf(tx, [...new Set([...filters, ...received].map((r) => r.courseId))], []);
    const course = (id: string) => ({ courseId: id, courseTitle: titles.courses.get(id) ?? null });
    return {
      savedFilters: filters.map((f) => ({
        ...course(f.courseId),
        name: f.name,
        criteria: f.criteria,
        createdAt: f.createdAt.toISOString(),
      })),
      remindersReceived: received.map((r) => ({
        ...course(r.courseId),
        subject: r.subject,
        sentAt: r.sentAt.toISOString(),
      })),
    };
  },
  async erase({ tx }, userId) {
    await tx.delete(savedFilters).where(eq(savedFilters.ownerId, userId));
    await tx.delete(reminderDeliveries).where(eq(reminderDeliveries.userId, userId));
    await tx
      .update(reminders)
      .set({ userIds: sql`${reminders.userIds} - ${userId}::text` })
      .where(sql`${reminders.userIds} ? ${userId}::text`);
  },
};
