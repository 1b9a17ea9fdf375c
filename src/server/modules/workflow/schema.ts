import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OnSiteDay } from '../../../shared/lifecycle.ts';
import { courses } from '../courses/schema.ts';

/**
 * What a session has beyond its course: its dates, whether people may enrol themselves, its GAIA
 * identifiers, its contact and on-site days. A session is a course (stage `session_*`) copied from its parcours; this row exists for
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
  /** Whom participants write to about the session; null: the indexation's contact, if any. */
  contactEmail: text('contact_email'),
  /** The days the session meets on site, in date order (participants see them on the course page). */
  onSiteDays: jsonb('on_site_days').$type<OnSiteDay[]>().notNull().default([]),
  announcedAt: timestamp('announced_at', { withTimezone: true }),
  openedAt: timestamp('opened_at', { withTimezone: true }),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});
