import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { courses } from '../courses/schema.ts';

/**
 * What a session has beyond its course: its dates, whether people may enrol themselves, and its GAIA
 * identifiers. A session is a course (stage `session_*`) copied from its parcours; this row exists for
 * every session and only for them.
 */
export const courseSessions = pgTable('course_sessions', {
  courseId: uuid('course_id')
    .primaryKey()
    .references(() => courses.id, { onDelete: 'cascade' }),
  startsAt: timestamp('starts_at', { withTimezone: true }),
  endsAt: timestamp('ends_at', { withTimezone: true }),
  selfEnrolment: boolean('self_enrolment').notNull().default(false),
  /** Self-enrolment stops when this many participants are enrolled; null: no limit. */
  maxParticipants: integer('max_participants'),
  gaiaDispositif: text('gaia_dispositif'),
  gaiaModule: text('gaia_module'),
  gaiaSession: text('gaia_session'),
  announcedAt: timestamp('announced_at', { withTimezone: true }),
  openedAt: timestamp('opened_at', { withTimezone: true }),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});
