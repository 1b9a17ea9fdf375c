import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { courses } from '../courses/schema.ts';

/**
 * Who is enrolled in a course or session, in which role, how, and since when. An active enrolment goes
 * with a role assignment in the course's context (what access control reads); unenrolment keeps the row
 * (status `removed`) and the person's history (views, completions).
 */
export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['participant', 'trainer', 'tutor'] }).notNull(),
    method: text('method', { enum: ['manual', 'self', 'list', 'csv', 'cohort'] }).notNull(),
    status: text('status', { enum: ['active', 'removed'] })
      .notNull()
      .default('active'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    enrolledBy: uuid('enrolled_by'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by'),
  },
  (t) => [
    uniqueIndex('enrolments_course_user_role').on(t.courseId, t.userId, t.role),
    index('enrolments_user').on(t.userId),
  ],
);

/** Groups of a session (and of a course), to split the follow-up and restrict activities. */
export const courseGroups = pgTable(
  'course_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('course_groups_course_name').on(t.courseId, t.name)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => courseGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user').on(t.userId)],
);

/** A named set of groups (e.g. "Premier degré" = groups A and B), to restrict an activity to several. */
export const groupings = pgTable(
  'groupings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('groupings_course_name').on(t.courseId, t.name)],
);

export const groupingGroups = pgTable(
  'grouping_groups',
  {
    groupingId: uuid('grouping_id')
      .notNull()
      .references(() => groupings.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => courseGroups.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupingId, t.groupId] })],
);
