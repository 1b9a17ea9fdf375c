import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per distinct content, named by its sha256 (like Moodle's filedir): the bytes live once in the
 * blob store whatever the number of uses. `created_at` is refreshed each time the content is stored again,
 * so the garbage collector's grace period always counts from the latest upload of these bytes.
 */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One use of a blob by an owner (an activity, a course thumbnail, a submission…), with the name and type
 * the owner knows it by. Copying a course copies links, never bytes.
 */
export const fileLinks = pgTable(
  'file_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    position: integer('position').notNull().default(0),
    /** The uploader; no foreign key, like the audit log's actor: the platform does not own the users table. */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('file_links_owner').on(t.ownerType, t.ownerId), index('file_links_sha256').on(t.sha256)],
);

export type BlobRow = typeof blobs.$inferSelect;
export type FileLink = typeof fileLinks.$inferSelect;
