/**
 * The internal mail. Every read goes through the reader's own delivery row: a message id that is not in
 * one of my deliveries answers 404, exactly like an id that names nothing, so ids cannot be probed.
 *
 * Unread counts live in `messaging_unread` (per person and course) and move in the transaction of every
 * change of a delivery's read / trash state: the header reads a few rows, never counts messages.
 */
import { and, desc, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type {
  Attachment,
  DraftBody,
  DraftUpdateBody,
  Message,
  MessageLabel,
  MessageList,
  MessagingFolder,
  Person,
  RecipientOptions,
  RecipientSpec,
  SendResult,
  UnreadCounts,
} from '../../../shared/messaging.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import { userChannel } from '../../platform/realtime/channels.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { sanitizePlainText, sanitizeRichText } from '../../platform/richtext/sanitize.ts';
import { userNames } from '../accounts/index.ts';
import { titlesOf } from '../courses/index.ts';
import { enrolledPeople, enrolmentsOf, groupsIn } from '../enrolment/index.ts';
import {
  type DraftRecipients,
  messagingConversationLabels,
  messagingConversations,
  messagingDeliveries,
  messagingLabels,
  messagingMessages,
  messagingRecipients,
  messagingUnread,
} from './schema.ts';

export type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'now' | 'files' | 'jobs'>;

/** Past this many recipients, delivery leaves the request for a job. */
export const BULK_THRESHOLD = 200;
export const DELIVER_JOB = 'messaging.deliver';
export { UNREAD_CHANGED } from '../../../shared/messaging.ts';

import { UNREAD_CHANGED } from '../../../shared/messaging.ts';

/** Fewer matches than this, platform-wide, and a search starts from the full-text index (listMessages). */
const RARE_MATCHES = 2000;
/** Names shown per recipient list in a message; the rest is a count. */
const SHOWN_RECIPIENTS = 100;

const notFound = () => new HttpProblem(404, 'not_found', 'errors.notFound');
const outside = () =>
  new HttpProblem(422, 'messaging_recipient_outside', 'errors.messaging.recipientOutside');
const notInCourse = () => new HttpProblem(403, 'messaging_not_in_course', 'errors.messaging.notInCourse');
const noRecipient = () => new HttpProblem(422, 'messaging_no_recipient', 'errors.messaging.noRecipient');
const staleDraft = () => new HttpProblem(409, 'stale_version', 'errors.staleVersion');

const fullName = (names: Map<string, { firstName: string; lastName: string }>, id: string) => {
  const n = names.get(id);
  return n ? `${n.firstName} ${n.lastName}`.trim() : '';
};

// ————— recipients —————

/**
 * Expands what the sender wrote into people of the course, each once, in the most visible list that names
 * them (to, then cc, then bcc). Anyone not actively enrolled in the course is refused; so is a sender who
 * is not enrolled there.
 */
export async function expandRecipients(
  db: Tx,
  senderId: string,
  courseId: string,
  lists: { to: RecipientSpec[]; cc: RecipientSpec[]; bcc: RecipientSpec[] },
): Promise<Map<string, 'to' | 'cc' | 'bcc'>> {
  const people = await enrolledPeople(db, courseId, ['participant', 'trainer', 'tutor']);
  if (!people.some((p) => p.userId === senderId)) throw notInCourse();
  const byUser = new Map<string, { roles: Set<string>; groups: Set<string> }>();
  for (const p of people) {
    const entry = byUser.get(p.userId) ?? { roles: new Set(), groups: new Set(p.groupIds) };
    entry.roles.add(p.role);
    byUser.set(p.userId, entry);
  }
  const needsGroups = [...lists.to, ...lists.cc, ...lists.bcc].some((s) => s.type === 'group');
  const groupIds = needsGroups ? new Set((await groupsIn(db, courseId)).map((g) => g.id)) : new Set();
  const result = new Map<string, 'to' | 'cc' | 'bcc'>();
  for (const kind of ['to', 'cc', 'bcc'] as const) {
    for (const spec of lists[kind]) {
      let ids: string[];
      if (spec.type === 'user') {
        if (!byUser.has(spec.id)) throw outside();
        ids = [spec.id];
      } else if (spec.type === 'role') {
        ids = [...byUser].filter(([, e]) => e.roles.has(spec.role)).map(([id]) => id);
      } else {
        if (!groupIds.has(spec.id)) throw outside();
        ids = [...byUser].filter(([, e]) => e.groups.has(spec.id)).map(([id]) => id);
      }
      for (const id of ids) if (id !== senderId && !result.has(id)) result.set(id, kind);
    }
  }
  return result;
}

/** My courses and, in each, the roles and groups I may write to as a whole. */
export async function recipientOptions(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<RecipientOptions> {
  const mine = await enrolmentsOf(ctx.db, ctx.actor.userId);
  const courseIds = [...new Set(mine.map((e) => e.courseId))];
  const { courses } = await titlesOf(ctx.db, courseIds, []);
  const result: RecipientOptions['courses'] = [];
  for (const [id, title] of courses) {
    const course = { id, title };
    const [people, groups] = await Promise.all([
      enrolledPeople(ctx.db, course.id, ['participant', 'trainer', 'tutor']),
      groupsIn(ctx.db, course.id),
    ]);
    const roles = (['trainer', 'tutor', 'participant'] as const)
      .map((role) => ({ role, count: people.filter((p) => p.role === role).length }))
      .filter((r) => r.count > 0);
    result.push({
      id: course.id,
      title: course.title,
      roles,
      groups: groups.map((g) => ({
        ...g,
        count: people.filter((p) => p.groupIds.includes(g.id)).length,
      })),
    });
  }
  return { courses: result.sort((a, b) => a.title.localeCompare(b.title, 'fr')) };
}

/** People of one of my courses whose name matches, for the compose form's search. */
export async function searchPeople(ctx: Pick<Ctx, 'db' | 'actor'>, courseId: string, q: string) {
  const people = await enrolledPeople(ctx.db, courseId, ['participant', 'trainer', 'tutor']);
  if (!people.some((p) => p.userId === ctx.actor.userId)) throw notInCourse();
  const names = await userNames(
    ctx.db,
    people.map((p) => p.userId),
  );
  const needle = fold(q);
  const seen = new Set<string>();
  const out: (Person & { role: string })[] = [];
  for (const p of people) {
    if (p.userId === ctx.actor.userId || seen.has(p.userId)) continue;
    const name = fullName(names, p.userId);
    if (needle && !fold(name).includes(needle)) continue;
    seen.add(p.userId);
    out.push({ id: p.userId, name, role: p.role });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'fr')).slice(0, 20);
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

// ————— drafts and sending —————

/** What is stored of a recipient: never a name a client made up. */
const bare = (list: RecipientSpec[]): RecipientSpec[] =>
  list.map((s) => (s.type === 'user' ? { type: 'user', id: s.id } : s));

function cleanBody(html: string) {
  const bodyHtml = sanitizeRichText(html);
  return { bodyHtml, bodyText: sanitizePlainText(bodyHtml, 200_000) };
}

/** The conversation a new message joins: that of the message it answers, which I must hold. */
async function conversationFor(tx: Tx, ctx: Ctx, courseId: string, inReplyTo: string | undefined) {
  if (inReplyTo) {
    const [held] = await tx
      .select({ conversationId: messagingDeliveries.conversationId, courseId: messagingDeliveries.courseId })
      .from(messagingDeliveries)
      .where(
        and(eq(messagingDeliveries.userId, ctx.actor.userId), eq(messagingDeliveries.messageId, inReplyTo)),
      );
    if (!held) throw notFound();
    if (held.courseId !== courseId) throw outside();
    return held.conversationId;
  }
  const [conversation] = await tx
    .insert(messagingConversations)
    .values({ courseId, createdAt: ctx.now })
    .returning({ id: messagingConversations.id });
  return conversation!.id;
}

async function assertHolds(tx: Tx, userId: string, messageId: string) {
  const [row] = await tx
    .select({ id: messagingDeliveries.messageId })
    .from(messagingDeliveries)
    .where(and(eq(messagingDeliveries.userId, userId), eq(messagingDeliveries.messageId, messageId)));
  if (!row) throw notFound();
}

export async function createDraft(
  ctx: Ctx,
  body: DraftBody,
  tx: Tx = ctx.db,
): Promise<{ id: string; version: number }> {
  const mine = await enrolmentsOf(tx, ctx.actor.userId);
  if (!mine.some((e) => e.courseId === body.courseId)) throw notInCourse();
  if (body.forwardOf) await assertHolds(tx, ctx.actor.userId, body.forwardOf);
  const run = async (t: Tx) => {
    const conversationId = await conversationFor(t, ctx, body.courseId, body.inReplyTo);
    const [message] = await t
      .insert(messagingMessages)
      .values({
        conversationId,
        courseId: body.courseId,
        senderId: ctx.actor.userId,
        inReplyTo: body.inReplyTo ?? null,
        subject: sanitizePlainText(body.subject, 300),
        ...cleanBody(body.body),
        individual: body.individual,
        draft: {
          to: bare(body.to),
          cc: bare(body.cc),
          bcc: bare(body.bcc),
          forwardOf: body.forwardOf ?? null,
        },
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: messagingMessages.id, version: messagingMessages.version });
    await t.insert(messagingDeliveries).values({
      messageId: message!.id,
      userId: ctx.actor.userId,
      courseId: body.courseId,
      conversationId,
      folder: 'drafts',
      read: true,
      at: ctx.now,
    });
    if (body.forwardOf) {
      const links = await ctx.files.copyLinks(
        t,
        { type: 'message', id: body.forwardOf },
        { type: 'message', id: message!.id },
        { createdBy: ctx.actor.userId },
      );
      const count = Array.isArray(links) ? links.length : Number(links ?? 0);
      if (count)
        await t
          .update(messagingMessages)
          .set({ attachments: count })
          .where(eq(messagingMessages.id, message!.id));
    }
    return message!;
  };
  return tx === ctx.db ? ctx.db.transaction(run) : run(tx);
}

/** An autosave: only from the version the author last saw (another tab's save wins, this one gets 409). */
export async function updateDraft(
  ctx: Ctx,
  id: string,
  body: DraftUpdateBody,
): Promise<{ id: string; version: number }> {
  const current = await draftOf(ctx.db, ctx.actor.userId, id);
  if (body.courseId !== current.courseId) {
    const mine = await enrolmentsOf(ctx.db, ctx.actor.userId);
    if (!mine.some((e) => e.courseId === body.courseId)) throw notInCourse();
    if (current.inReplyTo) throw outside();
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(messagingMessages)
      .set({
        courseId: body.courseId,
        subject: sanitizePlainText(body.subject, 300),
        ...cleanBody(body.body),
        individual: body.individual,
        draft: {
          to: bare(body.to),
          cc: bare(body.cc),
          bcc: bare(body.bcc),
          forwardOf: current.draft?.forwardOf ?? null,
        },
        version: sql`${messagingMessages.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(
        and(
          eq(messagingMessages.id, id),
          eq(messagingMessages.status, 'draft'),
          eq(messagingMessages.version, body.version),
        ),
      )
      .returning({ id: messagingMessages.id, version: messagingMessages.version });
    if (!row) throw staleDraft();
    if (body.courseId !== current.courseId) {
      await tx
        .update(messagingDeliveries)
        .set({ courseId: body.courseId })
        .where(and(eq(messagingDeliveries.messageId, id), eq(messagingDeliveries.userId, ctx.actor.userId)));
      await tx
        .update(messagingConversations)
        .set({ courseId: body.courseId })
        .where(eq(messagingConversations.id, current.conversationId));
    }
    return row;
  });
}

async function draftOf(db: Tx, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(messagingMessages)
    .where(and(eq(messagingMessages.id, id), eq(messagingMessages.senderId, userId)));
  if (row?.status !== 'draft') throw notFound();
  return row;
}

export async function deleteDraft(ctx: Ctx, id: string) {
  await draftOf(ctx.db, ctx.actor.userId, id);
  await ctx.db.transaction(async (tx) => {
    await ctx.files.unlinkOwner(tx, { type: 'message', id });
    await tx.delete(messagingMessages).where(eq(messagingMessages.id, id));
  });
}

/**
 * Sends a draft (at the version the author saw): expands its recipients, records them, moves the author's
 * copy to "sent", and delivers at once — or, past BULK_THRESHOLD recipients, leaves it to a job.
 */
export async function sendDraft(
  ctx: Ctx,
  id: string,
  version: number | undefined,
  deps: DeliverDeps,
): Promise<SendResult> {
  const result = await ctx.db.transaction(async (tx) => {
    const [message] = await tx
      .select()
      .from(messagingMessages)
      .where(and(eq(messagingMessages.id, id), eq(messagingMessages.senderId, ctx.actor.userId)))
      .for('update');
    if (message?.status !== 'draft') throw notFound();
    if (version !== undefined && message.version !== version) throw staleDraft();
    return send(tx, ctx, message, deps);
  });
  if (result.status === 'queued') await ctx.jobs.send(DELIVER_JOB, { id: result.id });
  else await deps.afterDelivery(result.delivered);
  return {
    id: result.id,
    conversationId: result.conversationId,
    recipients: result.recipients,
    status: result.status,
  };
}

/** Writes and sends in one go (what "Envoyer" does when no draft was saved yet). */
export async function sendNew(ctx: Ctx, body: DraftBody, deps: DeliverDeps): Promise<SendResult> {
  const result = await ctx.db.transaction(async (tx) => {
    const { id } = await createDraft(ctx, body, tx);
    const [message] = await tx.select().from(messagingMessages).where(eq(messagingMessages.id, id));
    return send(tx, ctx, message!, deps);
  });
  if (result.status === 'queued') await ctx.jobs.send(DELIVER_JOB, { id: result.id });
  else await deps.afterDelivery(result.delivered);
  return {
    id: result.id,
    conversationId: result.conversationId,
    recipients: result.recipients,
    status: result.status,
  };
}

async function send(tx: Tx, ctx: Ctx, message: typeof messagingMessages.$inferSelect, deps: DeliverDeps) {
  const lists: DraftRecipients = message.draft ?? { to: [], cc: [], bcc: [], forwardOf: null };
  const recipients = await expandRecipients(tx, ctx.actor.userId, message.courseId, lists);
  if (recipients.size === 0) throw noRecipient();
  const ids = [...recipients.keys()];
  const kinds = ids.map((id) => recipients.get(id)!);
  await tx.execute(sql`
    insert into messaging_recipients (message_id, user_id, kind)
    select ${message.id}::uuid, u, k from unnest(${sql.param(ids)}::uuid[], ${sql.param(kinds)}::text[]) as r(u, k)`);
  const queued = recipients.size > BULK_THRESHOLD;
  await tx
    .update(messagingMessages)
    .set({
      status: queued ? 'queued' : 'delivered',
      sentAt: ctx.now,
      updatedAt: ctx.now,
      version: sql`${messagingMessages.version} + 1`,
    })
    .where(eq(messagingMessages.id, message.id));
  await tx
    .update(messagingDeliveries)
    .set({ folder: 'sent', at: ctx.now })
    .where(
      and(eq(messagingDeliveries.messageId, message.id), eq(messagingDeliveries.userId, ctx.actor.userId)),
    );
  const delivered: Delivered = queued
    ? { messageId: message.id, userIds: [] }
    : await deliverIn(tx, message.id, deps);
  return {
    id: message.id,
    conversationId: message.conversationId,
    recipients: recipients.size,
    status: queued ? ('queued' as const) : ('delivered' as const),
    delivered,
  };
}

export type Delivered = { messageId: string; userIds: string[] };

/** What follows a delivery: e-mail copies and live counters, given by the composition root. */
export type DeliverDeps = {
  /** Inside the delivery's transaction (mail queued there goes or stays with it). */
  onDelivered: (tx: Tx, delivered: Delivered) => Promise<void>;
  /** After commit. */
  afterDelivery: (delivered: Delivered) => Promise<void>;
};

/**
 * Gives every recipient of a sent message their inbox copy and raises their unread counters: two
 * set-based statements whatever the number of recipients. Recipients already served are skipped, so a
 * retried job delivers each person once.
 */
async function deliverIn(tx: Tx, messageId: string, deps: DeliverDeps): Promise<Delivered> {
  const rows = await tx.execute<{ user_id: string }>(sql`
    with delivered as (
      insert into messaging_deliveries (message_id, user_id, course_id, conversation_id, folder, read, at)
      select m.id, r.user_id, m.course_id, m.conversation_id, 'inbox', false, m.sent_at
      from messaging_messages m join messaging_recipients r on r.message_id = m.id
      where m.id = ${messageId}
      order by r.user_id
      on conflict do nothing
      returning user_id, course_id
    ), counted as (
      insert into messaging_unread (user_id, course_id, count)
      select user_id, course_id, 1 from delivered order by user_id
      on conflict (user_id, course_id) do update set count = messaging_unread.count + 1
    )
    select user_id from delivered`);
  await tx.update(messagingMessages).set({ status: 'delivered' }).where(eq(messagingMessages.id, messageId));
  const delivered = { messageId, userIds: rows.rows.map((r) => r.user_id) };
  for (const userId of delivered.userIds) await unreadChanged(tx, userId);
  await deps.onDelivered(tx, delivered);
  return delivered;
}

/** The job's side: delivers a queued message (nothing if it was delivered meanwhile). */
export async function deliverQueued(db: Db, messageId: string, deps: DeliverDeps) {
  const delivered = await db.transaction(async (tx) => {
    const [message] = await tx
      .select({ status: messagingMessages.status })
      .from(messagingMessages)
      .where(eq(messagingMessages.id, messageId))
      .for('update');
    if (message?.status !== 'queued') return null;
    return deliverIn(tx, messageId, deps);
  });
  if (delivered) await deps.afterDelivery(delivered);
  return delivered;
}

/** Queued messages whose job never ran (a crash between commit and enqueue): what the sweep picks up. */
export async function stuckQueued(db: Db, before: Date): Promise<string[]> {
  const rows = await db
    .select({ id: messagingMessages.id })
    .from(messagingMessages)
    .where(and(eq(messagingMessages.status, 'queued'), lt(messagingMessages.sentAt, before)));
  return rows.map((r) => r.id);
}

// ————— reading —————

const unreadInbox = sql`${messagingDeliveries.folder} = 'inbox' and not ${messagingDeliveries.read} and ${messagingDeliveries.trashedAt} is null`;

function folderCondition(folder: MessagingFolder): SQL {
  switch (folder) {
    case 'inbox':
    case 'sent':
    case 'drafts':
      return and(eq(messagingDeliveries.folder, folder), isNull(messagingDeliveries.trashedAt))!;
    case 'starred':
      return and(eq(messagingDeliveries.starred, true), isNull(messagingDeliveries.trashedAt))!;
    case 'trash':
      return isNotNull(messagingDeliveries.trashedAt);
  }
}

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { at: date, id };
}

export async function listMessages(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  query: {
    folder: MessagingFolder;
    courseId?: string | undefined;
    labelId?: string | undefined;
    q?: string | undefined;
    before?: string | undefined;
    limit: number;
  },
): Promise<MessageList> {
  const me = ctx.actor.userId;
  const conditions: (SQL | undefined)[] = [eq(messagingDeliveries.userId, me), folderCondition(query.folder)];
  if (query.courseId) conditions.push(eq(messagingDeliveries.courseId, query.courseId));
  if (query.labelId)
    conditions.push(
      sql`${messagingDeliveries.conversationId} in (select cl.conversation_id from messaging_conversation_labels cl join messaging_labels l on l.id = cl.label_id where l.id = ${query.labelId} and l.user_id = ${me})`,
    );
  if (query.q) {
    const tsQuery = sql`websearch_to_tsquery('french', f_unaccent(${query.q}))`;
    conditions.push(sql`${messagingMessages.search} @@ ${tsQuery}`);
    // Two plans, chosen on how rare the words are (PostgreSQL's estimate is blind to words it has no
    // statistics for): common words are found quickly walking my mailbox newest first; rare ones from the
    // full-text index, then my copies of those few messages — a walk would read the whole mailbox for them.
    const probe = await ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from messaging_messages where search @@ ${tsQuery} limit ${RARE_MATCHES}) hits`,
    );
    if ((probe.rows[0]?.n ?? 0) < RARE_MATCHES)
      conditions.push(
        sql`${messagingDeliveries.messageId} = any(array(select id from messaging_messages where search @@ ${tsQuery}))`,
      );
  }
  if (query.before) {
    const cursor = decodeCursor(query.before);
    if (!cursor) throw new HttpProblem(400, 'invalid_cursor', 'errors.validation');
    conditions.push(
      or(
        lt(messagingDeliveries.at, cursor.at),
        and(eq(messagingDeliveries.at, cursor.at), lt(messagingDeliveries.messageId, cursor.id)),
      ),
    );
  }
  const rows = await ctx.db
    .select({
      id: messagingDeliveries.messageId,
      conversationId: messagingDeliveries.conversationId,
      courseId: messagingDeliveries.courseId,
      folder: messagingDeliveries.folder,
      read: messagingDeliveries.read,
      starred: messagingDeliveries.starred,
      trashedAt: messagingDeliveries.trashedAt,
      at: messagingDeliveries.at,
      subject: messagingMessages.subject,
      excerpt: sql<string>`left(${messagingMessages.bodyText}, 160)`,
      senderId: messagingMessages.senderId,
      attachments: messagingMessages.attachments,
    })
    .from(messagingDeliveries)
    .innerJoin(messagingMessages, eq(messagingMessages.id, messagingDeliveries.messageId))
    .where(and(...conditions))
    .orderBy(desc(messagingDeliveries.at), desc(messagingDeliveries.messageId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const [names, titles, labels] = await Promise.all([
    userNames(
      ctx.db,
      page.map((r) => r.senderId),
    ),
    courseTitles(
      ctx.db,
      page.map((r) => r.courseId),
    ),
    labelsOn(
      ctx.db,
      me,
      page.map((r) => r.conversationId),
    ),
  ]);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      conversationId: r.conversationId,
      courseId: r.courseId,
      courseTitle: titles.get(r.courseId) ?? '',
      subject: r.subject,
      excerpt: r.excerpt,
      from: { id: r.senderId, name: fullName(names, r.senderId) },
      folder: r.folder,
      read: r.read,
      starred: r.starred,
      trashed: r.trashedAt !== null,
      at: r.at.toISOString(),
      attachments: r.attachments,
      labels: labels.get(r.conversationId) ?? [],
    })),
    next: rows.length > query.limit && last ? encodeCursor(last.at, last.id) : null,
  };
}

async function courseTitles(db: Tx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  return (await titlesOf(db, unique, [])).courses;
}

async function labelsOn(db: Tx, userId: string, conversationIds: string[]) {
  const map = new Map<string, MessageLabel[]>();
  const unique = [...new Set(conversationIds)];
  if (unique.length === 0) return map;
  const rows = await db
    .select({
      conversationId: messagingConversationLabels.conversationId,
      id: messagingLabels.id,
      name: messagingLabels.name,
      colour: messagingLabels.colour,
    })
    .from(messagingConversationLabels)
    .innerJoin(messagingLabels, eq(messagingLabels.id, messagingConversationLabels.labelId))
    .where(
      and(eq(messagingLabels.userId, userId), inArray(messagingConversationLabels.conversationId, unique)),
    )
    .orderBy(messagingLabels.name);
  for (const r of rows) {
    const list = map.get(r.conversationId) ?? [];
    list.push({ id: r.id, name: r.name, colour: r.colour as MessageLabel['colour'] });
    map.set(r.conversationId, list);
  }
  return map;
}

/** The messages of a conversation I hold, oldest first, each as I may see it. */
export async function getConversation(ctx: Pick<Ctx, 'db' | 'actor' | 'files'>, messageId: string) {
  const me = ctx.actor.userId;
  const [opened] = await ctx.db
    .select({ conversationId: messagingDeliveries.conversationId, trashedAt: messagingDeliveries.trashedAt })
    .from(messagingDeliveries)
    .where(and(eq(messagingDeliveries.userId, me), eq(messagingDeliveries.messageId, messageId)));
  if (!opened) throw notFound();
  const held = await ctx.db
    .select({ delivery: messagingDeliveries, message: messagingMessages })
    .from(messagingDeliveries)
    .innerJoin(messagingMessages, eq(messagingMessages.id, messagingDeliveries.messageId))
    .where(
      and(
        eq(messagingDeliveries.userId, me),
        eq(messagingDeliveries.conversationId, opened.conversationId),
        // A trashed message stays out of the thread unless it is the one opened (from the trash).
        or(isNull(messagingDeliveries.trashedAt), eq(messagingDeliveries.messageId, messageId)),
        // Drafts of answers are edited in the compose form, not shown in the thread.
        or(sql`${messagingMessages.status} <> 'draft'`, eq(messagingDeliveries.messageId, messageId)),
      ),
    )
    .orderBy(messagingMessages.createdAt);
  const messages = await Promise.all(held.map((h) => presentMessage(ctx, h.delivery, h.message)));
  return { id: opened.conversationId, messages };
}

export async function getMessage(ctx: Pick<Ctx, 'db' | 'actor' | 'files'>, messageId: string) {
  const [held] = await ctx.db
    .select({ delivery: messagingDeliveries, message: messagingMessages })
    .from(messagingDeliveries)
    .innerJoin(messagingMessages, eq(messagingMessages.id, messagingDeliveries.messageId))
    .where(
      and(eq(messagingDeliveries.userId, ctx.actor.userId), eq(messagingDeliveries.messageId, messageId)),
    );
  if (!held) throw notFound();
  const message = await presentMessage(ctx, held.delivery, held.message);
  // The recipients as written (blind copies included) are the author's, and only while it is a draft.
  const draft =
    held.message.status === 'draft' && held.message.senderId === ctx.actor.userId
      ? await namedDraft(ctx.db, held.message.draft ?? { to: [], cc: [], bcc: [], forwardOf: null })
      : null;
  return { ...message, draft };
}

/** A draft's recipients with the current names of the people it names (for the compose form). */
async function namedDraft(db: Tx, draft: DraftRecipients): Promise<DraftRecipients> {
  const all = [...draft.to, ...draft.cc, ...draft.bcc];
  const names = await userNames(
    db,
    all.flatMap((s) => (s.type === 'user' ? [s.id] : [])),
  );
  const named = (list: RecipientSpec[]) =>
    list.map((s) => (s.type === 'user' ? { type: s.type, id: s.id, name: fullName(names, s.id) } : s));
  return { to: named(draft.to), cc: named(draft.cc), bcc: named(draft.bcc), forwardOf: draft.forwardOf };
}

/**
 * What a reader sees of one message. Blind copies are shown to the sender only; in individual copies a
 * recipient sees the sender and themselves, never the others.
 */
async function presentMessage(
  ctx: Pick<Ctx, 'db' | 'actor' | 'files'>,
  delivery: typeof messagingDeliveries.$inferSelect,
  message: typeof messagingMessages.$inferSelect,
): Promise<Message> {
  const me = ctx.actor.userId;
  const isSender = message.senderId === me;
  let visible: { userId: string; kind: 'to' | 'cc' | 'bcc' }[] = [];
  if (isSender) {
    visible = await ctx.db
      .select({ userId: messagingRecipients.userId, kind: messagingRecipients.kind })
      .from(messagingRecipients)
      .where(eq(messagingRecipients.messageId, message.id))
      .limit(3 * SHOWN_RECIPIENTS);
  } else if (message.individual) {
    visible = [{ userId: me, kind: 'to' }];
  } else {
    visible = await ctx.db
      .select({ userId: messagingRecipients.userId, kind: messagingRecipients.kind })
      .from(messagingRecipients)
      .where(
        and(eq(messagingRecipients.messageId, message.id), inArray(messagingRecipients.kind, ['to', 'cc'])),
      )
      .limit(2 * SHOWN_RECIPIENTS);
  }
  const [names, titles, labels, links] = await Promise.all([
    userNames(ctx.db, [message.senderId, ...visible.map((v) => v.userId)]),
    courseTitles(ctx.db, [message.courseId]),
    labelsOn(ctx.db, me, [message.conversationId]),
    message.attachments > 0 ? ctx.files.listLinks(ctx.db, { type: 'message', id: message.id }) : [],
  ]);
  const person = (id: string): Person => ({ id, name: fullName(names, id) });
  const of = (kind: string) =>
    visible
      .filter((v) => v.kind === kind)
      .slice(0, SHOWN_RECIPIENTS)
      .map((v) => person(v.userId));
  return {
    id: message.id,
    conversationId: message.conversationId,
    courseId: message.courseId,
    courseTitle: titles.get(message.courseId) ?? '',
    subject: message.subject,
    body: message.bodyHtml,
    from: person(message.senderId),
    to: of('to'),
    cc: of('cc'),
    bcc: isSender ? of('bcc') : [],
    individual: message.individual,
    folder: delivery.folder,
    read: delivery.read,
    starred: delivery.starred,
    trashed: delivery.trashedAt !== null,
    at: delivery.at.toISOString(),
    version: message.version,
    status: message.status,
    inReplyTo: message.inReplyTo,
    attachments: links.map(
      (l): Attachment => ({ id: l.id, filename: l.filename, size: Number(l.size), mime: l.mime }),
    ),
    labels: labels.get(message.conversationId) ?? [],
  };
}

// ————— flags, trash, counters —————

/**
 * Read / starred / trashed for my copy of one message, with the unread counter moved by the same
 * transaction (the row is locked, so two tabs marking it read at once count it once).
 */
export async function setFlags(
  ctx: Pick<Ctx, 'db' | 'actor' | 'now'>,
  messageId: string,
  flags: { read?: boolean | undefined; starred?: boolean | undefined; trashed?: boolean | undefined },
) {
  const me = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(messagingDeliveries)
      .where(and(eq(messagingDeliveries.userId, me), eq(messagingDeliveries.messageId, messageId)))
      .for('update');
    if (!before) throw notFound();
    const after = {
      read: flags.read ?? before.read,
      starred: flags.starred ?? before.starred,
      trashedAt:
        flags.trashed === undefined ? before.trashedAt : flags.trashed ? (before.trashedAt ?? ctx.now) : null,
    };
    await tx
      .update(messagingDeliveries)
      .set(after)
      .where(and(eq(messagingDeliveries.userId, me), eq(messagingDeliveries.messageId, messageId)));
    const counted = (d: { read: boolean; trashedAt: Date | null }) =>
      before.folder === 'inbox' && !d.read && d.trashedAt === null ? 1 : 0;
    await moveCounter(tx, me, before.courseId, counted(after) - counted(before));
  });
}

/**
 * Tells the person's open tabs that their unread count moved (the header asks for it again): only the
 * fact, on their own channel, never what the message says.
 */
export async function unreadChanged(tx: Tx, userId: string) {
  await publish(tx, userChannel(userId), { type: UNREAD_CHANGED });
}

async function moveCounter(tx: Tx, userId: string, courseId: string, delta: number) {
  if (delta === 0) return;
  await unreadChanged(tx, userId);
  await tx
    .insert(messagingUnread)
    .values({ userId, courseId, count: Math.max(delta, 0) })
    .onConflictDoUpdate({
      target: [messagingUnread.userId, messagingUnread.courseId],
      set: { count: sql`greatest(${messagingUnread.count} + ${delta}, 0)` },
    });
}

/** Marks every unread message of a conversation I hold as read (opening a thread reads it). */
export async function readConversation(ctx: Pick<Ctx, 'db' | 'actor'>, conversationId: string) {
  const me = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    const changed = await tx
      .update(messagingDeliveries)
      .set({ read: true })
      .where(
        and(
          eq(messagingDeliveries.userId, me),
          eq(messagingDeliveries.conversationId, conversationId),
          unreadInbox,
        ),
      )
      .returning({ courseId: messagingDeliveries.courseId });
    const byCourse = new Map<string, number>();
    for (const c of changed) byCourse.set(c.courseId, (byCourse.get(c.courseId) ?? 0) + 1);
    for (const [courseId, n] of byCourse) await moveCounter(tx, me, courseId, -n);
  });
}

/** Deletes my copy of a message for good (from the trash only); the message goes with its last copy. */
export async function deleteForever(ctx: Pick<Ctx, 'db' | 'actor' | 'files'>, messageId: string) {
  const me = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(messagingDeliveries)
      .where(
        and(
          eq(messagingDeliveries.userId, me),
          eq(messagingDeliveries.messageId, messageId),
          isNotNull(messagingDeliveries.trashedAt),
        ),
      )
      .returning({ messageId: messagingDeliveries.messageId });
    if (!gone) throw notFound();
    await dropOrphans(tx, ctx.files, [messageId]);
  });
}

/** Messages nobody holds any more (and not waiting for delivery) are deleted with their files. */
async function dropOrphans(tx: Tx, files: Ctx['files'], messageIds: string[]) {
  if (messageIds.length === 0) return;
  const orphans = await tx.execute<{ id: string }>(sql`
    delete from messaging_messages m
    where m.id = any(${sql.param(messageIds)}::uuid[]) and m.status <> 'queued'
      and not exists (select 1 from messaging_deliveries d where d.message_id = m.id)
    returning m.id`);
  for (const o of orphans.rows) await files.unlinkOwner(tx, { type: 'message', id: o.id });
}

/** The trash's retention: copies trashed before `before` are deleted, in batches. */
export async function purgeTrash(db: Db, files: Ctx['files'], before: Date, batch = 1000) {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const gone = await tx.execute<{ message_id: string }>(sql`
        delete from messaging_deliveries d
        using (select user_id, message_id from messaging_deliveries
               where trashed_at is not null and trashed_at < ${before.toISOString()}::timestamptz
               limit ${batch} for update skip locked) old
        where d.user_id = old.user_id and d.message_id = old.message_id
        returning d.message_id`);
      await dropOrphans(tx, files, [...new Set(gone.rows.map((r) => r.message_id))]);
      return gone.rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

export async function unreadCounts(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<UnreadCounts> {
  const rows = await ctx.db
    .select({ courseId: messagingUnread.courseId, count: messagingUnread.count })
    .from(messagingUnread)
    .where(and(eq(messagingUnread.userId, ctx.actor.userId), sql`${messagingUnread.count} > 0`));
  return { total: rows.reduce((s, r) => s + r.count, 0), courses: rows };
}

// ————— labels —————

export async function listLabels(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<MessageLabel[]> {
  const rows = await ctx.db
    .select({ id: messagingLabels.id, name: messagingLabels.name, colour: messagingLabels.colour })
    .from(messagingLabels)
    .where(eq(messagingLabels.userId, ctx.actor.userId))
    .orderBy(messagingLabels.name);
  return rows as MessageLabel[];
}

const labelTaken = () => new HttpProblem(409, 'messaging_label_taken', 'errors.messaging.labelTaken');

export async function createLabel(ctx: Pick<Ctx, 'db' | 'actor'>, body: { name: string; colour: string }) {
  const [row] = await ctx.db
    .insert(messagingLabels)
    .values({ userId: ctx.actor.userId, name: body.name, colour: body.colour })
    .onConflictDoNothing()
    .returning({ id: messagingLabels.id, name: messagingLabels.name, colour: messagingLabels.colour });
  if (!row) throw labelTaken();
  return row as MessageLabel;
}

export async function updateLabel(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  id: string,
  body: { name: string; colour: string },
) {
  try {
    const [row] = await ctx.db
      .update(messagingLabels)
      .set(body)
      .where(and(eq(messagingLabels.id, id), eq(messagingLabels.userId, ctx.actor.userId)))
      .returning({ id: messagingLabels.id, name: messagingLabels.name, colour: messagingLabels.colour });
    if (!row) throw notFound();
    return row as MessageLabel;
  } catch (error) {
    if (
      (error as { cause?: { code?: string } }).cause?.code === '23505' ||
      (error as { code?: string }).code === '23505'
    )
      throw labelTaken();
    throw error;
  }
}

export async function deleteLabel(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const gone = await ctx.db
    .delete(messagingLabels)
    .where(and(eq(messagingLabels.id, id), eq(messagingLabels.userId, ctx.actor.userId)))
    .returning({ id: messagingLabels.id });
  if (gone.length === 0) throw notFound();
}

async function ownLabelOnHeldConversation(db: Tx, userId: string, labelId: string, conversationId: string) {
  const [label] = await db
    .select({ id: messagingLabels.id })
    .from(messagingLabels)
    .where(and(eq(messagingLabels.id, labelId), eq(messagingLabels.userId, userId)));
  const [held] = await db
    .select({ id: messagingDeliveries.messageId })
    .from(messagingDeliveries)
    .where(
      and(eq(messagingDeliveries.userId, userId), eq(messagingDeliveries.conversationId, conversationId)),
    )
    .limit(1);
  if (!label || !held) throw notFound();
}

export async function labelConversation(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  labelId: string,
  conversationId: string,
) {
  await ownLabelOnHeldConversation(ctx.db, ctx.actor.userId, labelId, conversationId);
  await ctx.db.insert(messagingConversationLabels).values({ labelId, conversationId }).onConflictDoNothing();
}

export async function unlabelConversation(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  labelId: string,
  conversationId: string,
) {
  await ownLabelOnHeldConversation(ctx.db, ctx.actor.userId, labelId, conversationId);
  await ctx.db
    .delete(messagingConversationLabels)
    .where(
      and(
        eq(messagingConversationLabels.labelId, labelId),
        eq(messagingConversationLabels.conversationId, conversationId),
      ),
    );
}

// ————— attachments —————

/** The attachment link, if I hold the message it belongs to. */
export async function attachmentFor(
  ctx: Pick<Ctx, 'db' | 'actor' | 'files'>,
  messageId: string,
  linkId: string,
) {
  await assertHolds(ctx.db, ctx.actor.userId, messageId);
  const link = await ctx.files.getLink(ctx.db, linkId);
  if (link?.ownerType !== 'message' || link.ownerId !== messageId) throw notFound();
  return link;
}

export async function countAttachments(tx: Tx, files: Ctx['files'], messageId: string) {
  const links = await files.listLinks(tx, { type: 'message', id: messageId });
  await tx
    .update(messagingMessages)
    .set({ attachments: links.length })
    .where(eq(messagingMessages.id, messageId));
  return links;
}

export { draftOf };
