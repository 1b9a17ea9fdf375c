import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

/**
 * What a person was told, one row per person and notification. `mail` and `digest` say what remains to be
 * sent by e-mail: each moves from `pending` to `sent` in the transaction that queues the mail, so a retry
 * or a second worker finds nothing left to send.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** The facts the type's texts are written from (ids, titles): rendered when read, in French. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    mail: text('mail', { enum: ['none', 'pending', 'sent'] })
      .notNull()
      .default('none'),
    digest: text('digest', { enum: ['none', 'pending', 'sent'] })
      .notNull()
      .default('none'),
  },
  (t) => [
    index('notifications_user_created').on(t.userId, t.createdAt.desc(), t.id.desc()),
    // The bell's count reads this index alone, and only the unread rows are in it.
    index('notifications_unread').on(t.userId).where(sql`${t.readAt} IS NULL`),
    index('notifications_mail_pending').on(t.createdAt).where(sql`${t.mail} = 'pending'`),
    index('notifications_digest_pending').on(t.userId).where(sql`${t.digest} = 'pending'`),
    index('notifications_created').on(t.createdAt),
  ],
);

/** A person's choice for one type; without a row, the type's default applies. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    channel: text('channel', { enum: ['app', 'email', 'digest', 'off'] }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

/**
 * One row per person and day a digest went out: its key is what makes a second run of the day (a retry,
 * another worker) find the digest already taken and send nothing.
 */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
