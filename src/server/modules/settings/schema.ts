import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Platform-wide settings an administrator changes at run time (the video hosts allowed in embeds…), one row
 * per key. A missing row means the default written in the code that reads it.
 */
export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** Raised by each change (optimistic concurrency); a setting never set is at version 0. */
  version: integer('version').notNull().default(1),
  /** The administrator who last changed it; no foreign key, like the audit log's actor. */
  updatedBy: uuid('updated_by'),
});
