import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RecipientSpec } from '../../../shared/messaging.ts';
import { users } from '../accounts/schema.ts';
import { courses } from '../courses/schema.ts';

export type DraftRecipients = {
  to: RecipientSpec[];
  cc: RecipientSpec[];
  bcc: RecipientSpec[];
  forwardOf: string | null;
};

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A reply chain: every message answering another joins its conversation. */
export const messagingConversations = pgTable('messaging_conversations', {
  id: uuid('id').primaryKey().defaultRandom(),
  courseId: uuid('course_id')
    .notNull()
    .references(() => courses.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One message, written in a course (recipients are chosen among its people). A draft has no `sentAt`;
 * `version` guards its autosave. `individual`: each recipient sees only the sender and themselves, and
 * answers reach the sender alone. `status` is `queued` while a job delivers a large mailing.
 */
export const messagingMessages = pgTable(
  'messaging_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => messagingConversations.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    inReplyTo: uuid('in_reply_to'),
    subject: text('subject').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    individual: boolean('individual').notNull().default(false),
    status: text('status', { enum: ['draft', 'queued', 'delivered'] })
      .notNull()
      .default('draft'),
    version: integer('version').notNull().default(1),
    /** A draft's recipients as written (roles and groups unexpanded), and the message it forwards. */
    draft: jsonb('draft').$type<DraftRecipients>(),
    attachments: integer('attachments').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('french', f_unaccent(coalesce("subject", ''))), 'A') || setweight(to_tsvector('french', f_unaccent(coalesce("body_text", ''))), 'B')`,
    ),
  },
  (t) => [
    index('messaging_messages_conversation').on(t.conversationId, t.createdAt),
    index('messaging_messages_search').using('gin', t.search),
  ],
);

/** The people a message is addressed to, as written (after expanding roles and groups). */
export const messagingRecipients = pgTable(
  'messaging_recipients',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messagingMessages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['to', 'cc', 'bcc'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] })],
);

/**
 * A message as one person holds it: the sender's copy (folder `sent`, or `drafts`) and each recipient's
 * (`inbox`). Trash is a state, not a folder, so a restore goes back where it came from.
 */
export const messagingDeliveries = pgTable(
  'messaging_deliveries',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messagingMessages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    folder: text('folder', { enum: ['inbox', 'sent', 'drafts'] }).notNull(),
    read: boolean('read').notNull().default(false),
    starred: boolean('starred').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    trashedAt: timestamp('trashed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.messageId] }),
    // The list's order, tie-break included: a page is the first rows of one index range, never a sort.
    index('messaging_deliveries_folder').on(t.userId, t.folder, t.at.desc(), t.messageId.desc()),
    index('messaging_deliveries_course').on(t.userId, t.courseId, t.folder, t.at.desc(), t.messageId.desc()),
    index('messaging_deliveries_trash').on(t.trashedAt).where(sql`${t.trashedAt} is not null`),
    index('messaging_deliveries_message').on(t.messageId),
  ],
);

/** Unread messages in a person's inbox, per course: kept by every write, read by the header's counter. */
export const messagingUnread = pgTable(
  'messaging_unread',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseId] })],
);

/** A person's own labels, each with a DSFR colour name. */
export const messagingLabels = pgTable(
  'messaging_labels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    colour: text('colour').notNull(),
  },
  (t) => [uniqueIndex('messaging_labels_user_name').on(t.userId, t.name)],
);

/** A label put on a conversation, by its owner, for themselves only. */
export const messagingConversationLabels = pgTable(
  'messaging_conversation_labels',
  {
    labelId: uuid('label_id')
      .notNull()
      .references(() => messagingLabels.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => messagingConversations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.labelId, t.conversationId] }),
    index('messaging_conversation_labels_conversation').on(t.conversationId),
  ],
);

/** A person's mail preference: a copy by e-mail of every message received. */
export const messagingPreferences = pgTable('messaging_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  emailCopy: boolean('email_copy').notNull().default(false),
});
