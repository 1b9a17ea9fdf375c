/**
 * The deposit space's rows: each participant's deposit in an activity (one at most, with its files linked
 * to the owner `{ type: 'deposit-entry', id }`) and the comments on deposits. All of it is people's work:
 * copied only with user data, removed by a reset, exported and erased for the GDPR.
 *
 * No foreign key to `activities`: the course engine's table sits above the kinds (a key would make the
 * modules depend on each other both ways); the kind's `onDelete` removes these rows with the activity.
 * The keys to `users` have no cascade on purpose: a person's rows go through `userData.erase`, which also
 * unlinks their files.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/schema.ts';

export const depositEntries = pgTable(
  'deposit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Sanitised rich text. */
    description: text('description').notNull().default(''),
    hidden: boolean('hidden').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [unique('deposit_entries_activity_user').on(t.activityId, t.userId)],
);

export const depositComments = pgTable(
  'deposit_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => depositEntries.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Sanitised rich text. */
    body: text('body').notNull(),
    hidden: boolean('hidden').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('deposit_comments_entry').on(t.entryId, t.createdAt)],
);
