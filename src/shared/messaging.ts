/** The internal mail's HTTP contract, shared by the server and the web app. */
import { z } from 'zod';

const Uuid = z.uuid();

export const MESSAGING_FOLDERS = ['inbox', 'sent', 'drafts', 'starred', 'trash'] as const;
export const MessagingFolder = z.enum(MESSAGING_FOLDERS);
export type MessagingFolder = z.infer<typeof MessagingFolder>;

/** DSFR illustrative colour names a label may take (`fr-tag--<colour>` tints, readable contrasts). */
export const LABEL_COLOURS = [
  'green-tilleul-verveine',
  'green-emeraude',
  'blue-ecume',
  'purple-glycine',
  'pink-tuile',
  'orange-terre-battue',
  'brown-caramel',
  'beige-gris-galet',
] as const;
export const LabelColour = z.enum(LABEL_COLOURS);

/** Whom to write to: one person, everyone of a course in a role, or the members of a group. */
export const RecipientSpec = z.discriminatedUnion('type', [
  /** `name` is given back when a draft is read again; what a client sends there is ignored. */
  z.object({ type: z.literal('user'), id: Uuid, name: z.string().max(200).optional() }),
  z.object({ type: z.literal('role'), role: z.enum(['participant', 'trainer', 'tutor']) }),
  z.object({ type: z.literal('group'), id: Uuid }),
]);
export type RecipientSpec = z.infer<typeof RecipientSpec>;

const Recipients = z.array(RecipientSpec).max(500);

export const DraftBody = z.object({
  courseId: Uuid,
  subject: z.string().max(300).default(''),
  /** Rich text from the editor: sanitised on the server before it is stored. */
  body: z.string().max(200_000).default(''),
  to: Recipients.default([]),
  cc: Recipients.default([]),
  bcc: Recipients.default([]),
  individual: z.boolean().default(false),
  /** The message this answers (reply, reply to all): the new one joins its conversation. */
  inReplyTo: Uuid.optional(),
  /** The message forwarded: its attachments come along. */
  forwardOf: Uuid.optional(),
});
export type DraftBody = z.infer<typeof DraftBody>;

export const DraftUpdateBody = DraftBody.omit({ courseId: true, inReplyTo: true, forwardOf: true }).extend({
  courseId: Uuid,
  version: z.number().int().min(1),
});
export type DraftUpdateBody = z.infer<typeof DraftUpdateBody>;

export const Person = z.object({ id: Uuid, name: z.string() });
export type Person = z.infer<typeof Person>;

export const MessageLabel = z.object({ id: Uuid, name: z.string(), colour: LabelColour });
export type MessageLabel = z.infer<typeof MessageLabel>;

export const MessageSummary = z.object({
  id: Uuid,
  conversationId: Uuid,
  courseId: Uuid,
  courseTitle: z.string(),
  subject: z.string(),
  excerpt: z.string(),
  from: Person,
  folder: z.enum(['inbox', 'sent', 'drafts']),
  read: z.boolean(),
  starred: z.boolean(),
  trashed: z.boolean(),
  at: z.string(),
  attachments: z.number().int(),
  labels: z.array(MessageLabel),
});
export type MessageSummary = z.infer<typeof MessageSummary>;

export const MessageListQuery = z.object({
  folder: MessagingFolder.default('inbox'),
  courseId: Uuid.optional(),
  labelId: Uuid.optional(),
  q: z.string().trim().max(200).optional(),
  /** Keyset pagination: the `next` cursor of the previous page. */
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const MessageList = z.object({ items: z.array(MessageSummary), next: z.string().nullable() });
export type MessageList = z.infer<typeof MessageList>;

export const Attachment = z.object({ id: Uuid, filename: z.string(), size: z.number(), mime: z.string() });
export type Attachment = z.infer<typeof Attachment>;

/** One message as its reader may see it: `bcc` only for its sender, others hidden in individual copies. */
export const Message = z.object({
  id: Uuid,
  conversationId: Uuid,
  courseId: Uuid,
  courseTitle: z.string(),
  subject: z.string(),
  body: z.string(),
  from: Person,
  to: z.array(Person),
  cc: z.array(Person),
  bcc: z.array(Person),
  individual: z.boolean(),
  folder: z.enum(['inbox', 'sent', 'drafts']),
  read: z.boolean(),
  starred: z.boolean(),
  trashed: z.boolean(),
  at: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'queued', 'delivered']),
  inReplyTo: Uuid.nullable(),
  attachments: z.array(Attachment),
  labels: z.array(MessageLabel),
});
export type Message = z.infer<typeof Message>;

/** A draft as its author edits it again: the recipients as written. */
export const Draft = Message.extend({
  draft: z.object({ to: Recipients, cc: Recipients, bcc: Recipients, forwardOf: Uuid.nullable() }).nullable(),
});
export type Draft = z.infer<typeof Draft>;

export const Conversation = z.object({ id: Uuid, messages: z.array(Message) });
export type Conversation = z.infer<typeof Conversation>;

export const MessageFlagsBody = z
  .object({ read: z.boolean(), starred: z.boolean(), trashed: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0);

export const UnreadCounts = z.object({
  total: z.number().int(),
  courses: z.array(z.object({ courseId: Uuid, count: z.number().int() })),
});
export type UnreadCounts = z.infer<typeof UnreadCounts>;

export const LabelBody = z.object({ name: z.string().trim().min(1).max(40), colour: LabelColour });
export const LabelAssignBody = z.object({ conversationId: Uuid });

/** What the compose form offers: my courses, and in each the people, roles and groups I may write to. */
export const RecipientOptions = z.object({
  courses: z.array(
    z.object({
      id: Uuid,
      title: z.string(),
      roles: z.array(z.object({ role: z.enum(['participant', 'trainer', 'tutor']), count: z.number() })),
      groups: z.array(z.object({ id: Uuid, name: z.string(), count: z.number() })),
    }),
  ),
});
export type RecipientOptions = z.infer<typeof RecipientOptions>;

export const PeopleQuery = z.object({
  courseId: Uuid,
  q: z.string().trim().max(100).default(''),
});
export const PeopleList = z.array(Person.extend({ role: z.string() }));

export const SendResult = z.object({
  id: Uuid,
  conversationId: Uuid,
  recipients: z.number().int(),
  status: z.enum(['queued', 'delivered']),
});
export type SendResult = z.infer<typeof SendResult>;

export const MessagingPreferences = z.object({ emailCopy: z.boolean() });

export const MessagingLimits = z.object({
  attachmentMaxBytes: z.number().int().min(1024),
  trashRetentionDays: z.number().int().min(1).max(3650),
  version: z.number().int(),
});

export { UNREAD_CHANGED } from './messaging-events.ts';
