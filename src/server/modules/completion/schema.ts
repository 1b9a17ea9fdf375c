import { index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { activities, courses } from '../courses/schema.ts';

/**
 * An activity's completion state for a person, by the activity's rule (viewed, marked done, submitted,
 * graded, or the kind's own rule). `failed`: graded below the pass mark, not complete.
 */
export const activityCompletions = pgTable(
  'activity_completions',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['complete', 'failed'] }).notNull(),
    grade: real('grade'),
    /** What made it so: the rule that fired, or `override` when a trainer set it. */
    source: text('source').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.activityId] }),
    index('activity_completions_course_user').on(t.courseId, t.userId),
  ],
);

/** When a person met the course's completion criteria. */
export const courseCompletions = pgTable(
  'course_completions',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseId] }), index('course_completions_course').on(t.courseId)],
);

/**
 * A person's presence in a course: first and last access, number of hits, and the time spent, counted
 * as the gaps between consecutive hits shorter than the idle limit (the way Moodle's time-spent reports
 * read their logs, kept as a running total instead of re-read from a log).
 */
export const coursePresence = pgTable(
  'course_presence',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull().defaultNow(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
    hits: integer('hits').notNull().default(1),
    seconds: integer('seconds').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseId] }), index('course_presence_course').on(t.courseId)],
);
