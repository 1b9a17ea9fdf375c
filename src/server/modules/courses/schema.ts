import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Audience, CompletionRule, CourseCompletionCriteria } from '../../../shared/completion.ts';
import { type CourseMetadata, type OnSiteDay, STAGES } from '../../../shared/lifecycle.ts';
import { users } from '../accounts/schema.ts';
import { domains } from '../domains/schema.ts';

/**
 * A course (parcours). Templates, courses in construction and sessions are all courses at different
 * stages; the life cycle (stages and their transitions) belongs to the workflow module.
 */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    domainId: uuid('domain_id')
      .notNull()
      .references(() => domains.id),
    title: text('title').notNull(),
    shortName: text('short_name').notNull(),
    /** Sanitised rich text. */
    summary: text('summary').notNull().default(''),
    format: text('format', { enum: ['topics', 'modular'] })
      .notNull()
      .default('topics'),
    stage: text('stage', { enum: STAGES }).notNull().default('construction'),
    /** The stage a course had when put in the trash, to restore it there. */
    stageBeforeTrash: text('stage_before_trash', { enum: STAGES }),
    /** The indexation (public, objectives, durations…), validated by `CourseMetadata`. */
    metadata: jsonb('metadata').$type<CourseMetadata>().notNull().default({}),
    /** What completing the course means, validated by `CourseCompletionCriteria`. */
    completionCriteria: jsonb('completion_criteria')
      .$type<CourseCompletionCriteria>()
      .notNull()
      .default({ activities: 'all' }),
    visibility: text('visibility', { enum: ['visible', 'hidden'] })
      .notNull()
      .default('visible'),
    availableFrom: timestamp('available_from', { withTimezone: true }),
    /** The course this one was copied from (duplication, templates, sessions, the hub). */
    originId: uuid('origin_id'),
    createdBy: uuid('created_by').references(() => users.id),
    /**
     * Optimistic concurrency (see platform/concurrency): raised by each save of the settings form's fields
     * (title, short name, summary, format, visibility, opening date)…
     */
    version: integer('version').notNull().default(1),
    /** …and by each save of the indexation, a form of its own: saving one does not make the other stale. */
    metadataVersion: integer('metadata_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('courses_domain').on(t.domainId), index('courses_origin').on(t.originId)],
);

export const sections = pgTable(
  'course_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** Sanitised rich text. */
    description: text('description').notNull().default(''),
    visibility: text('visibility', { enum: ['visible', 'hidden'] })
      .notNull()
      .default('visible'),
    /** Raised by each change of its title, description or visibility (optimistic concurrency). */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('course_sections_course').on(t.courseId, t.position)],
);

/** One activity or resource of a course; what it holds beyond the common fields is its kind's settings. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    visibility: text('visibility', { enum: ['visible', 'hidden'] })
      .notNull()
      .default('visible'),
    availableFrom: timestamp('available_from', { withTimezone: true }),
    /** How the activity counts as done, validated by `CompletionRule`. */
    completion: jsonb('completion').$type<CompletionRule>().notNull().default({ mode: 'none' }),
    /** Restricted to these groups (and the groups of these groupings); null: everyone. */
    audience: jsonb('audience').$type<Audience>(),
    /** Raised by each save of its common fields or settings (optimistic concurrency). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activities_section').on(t.sectionId, t.position), index('activities_course').on(t.courseId)],
);

/**
 * What a session has beyond its course: its dates, whether people may enrol themselves, its GAIA
 * identifiers, its contact and on-site days. A session is a course (stage `session_*`) copied from its
 * parcours; this row exists for every session and only for them. The workflow writes it as the session
 * moves through its stages; enrolment, the offer and "Mon espace" read it (`sessionOf`, `sessionsOf`).
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
