/**
 * Notifications: other modules say "tell these people that…" with `notify(tx, …)` inside the transaction
 * that made it true; each person's preference for the type decides whether it reaches the bell, a mail at
 * once, the daily digest, or nobody. The mails are written after commit by a reaction (and a sweep for
 * what a crash left), each row moving from `pending` to `sent` in the transaction that queues its mail:
 * never twice, never for a rolled-back change.
 */
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { createI18n } from '../../../shared/i18n/index.ts';
import {
  type Channel,
  NOTIFICATION_PAGE_SIZE,
  type NotificationItem,
  type NotificationPage,
  type NotificationPreference,
  type PreferencesBody,
  UNREAD_CAP,
} from '../../../shared/notifications.ts';
import type { Actor } from '../../platform/access/can.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';
import { userChannel } from '../../platform/realtime/channels.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { findUsersByIds } from '../accounts/index.ts';
import { notificationDigests, notificationPreferences, notifications } from './schema.ts';

const fr = createI18n('fr').t;

export type Person = { firstName: string; lastName: string; email: string };
export type NotificationMail = { subject: string; text: string };
/** What a type's mail may use: the platform's address, and its module's own tables (in the mail's transaction). */
export type MailContext = { publicUrl: string; tx: Tx };

// biome-ignore lint/suspicious/noExplicitAny: each type reads its own data; the registry holds them all.
type AnyData = any;

/** What a module declares about one kind of notification. */
export type NotificationTypeDefinition<D = AnyData> = {
  /** What the preferences page calls it, in French. */
  label: () => string;
  /** The line in the bell and the list, in French. */
  title: (data: D) => string;
  /** Where it leads in the app (a path), or null. */
  link: (data: D) => string | null;
  /** The channel of whoever has not chosen. */
  defaults: Channel;
  /**
   * The mail sent at once to whoever chose `email`; without it, the digest's line is the mail. The existing
   * mails of the platform (enrolment, announcements, reminders) are these, so nobody gets one twice.
   */
  mail?: (data: D, person: Person, context: MailContext) => NotificationMail | Promise<NotificationMail>;
};

const registry = new Map<string, NotificationTypeDefinition>();

/**
 * Declares a type of notification; modules call it at start-up (runtime.ts). Declaring the same type again
 * replaces it: every runtime of a test process declares the same definitions.
 */
export function defineNotificationType<D>(type: string, definition: NotificationTypeDefinition<D>) {
  registry.set(type, definition as NotificationTypeDefinition);
}

export function notificationTypes(): [string, NotificationTypeDefinition][] {
  return [...registry.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function definitionOf(type: string): NotificationTypeDefinition {
  const definition = registry.get(type);
  if (!definition) throw new Error(`notification type ${type} was never defined`);
  return definition;
}

/** What a person's channel carries when their bell changed (something came, something was read). */
const BELL_CHANGED = { type: 'notifications' } as const;

export type NotifyInput = {
  userIds: readonly string[];
  type: string;
  data: Record<string, unknown>;
  now?: Date;
};

/**
 * Tells `userIds` of something, in the caller's transaction: one row per person who has not turned the
 * type off, with the mail or digest it owes. Returns how many were told.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<number> {
  const definition = definitionOf(input.type);
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return 0;
  const chosen = new Map(
    (
      await tx
        .select({ userId: notificationPreferences.userId, channel: notificationPreferences.channel })
        .from(notificationPreferences)
        .where(
          and(
            eq(notificationPreferences.type, input.type),
            sql`${notificationPreferences.userId} = any(${sql.param(userIds)}::uuid[])`,
          ),
        )
    ).map((row) => [row.userId, row.channel]),
  );
  const now = input.now ?? new Date();
  const rows = userIds
    .map((userId) => ({ userId, channel: chosen.get(userId) ?? definition.defaults }))
    .filter((row) => row.channel !== 'off')
    .map(({ userId, channel }) => ({
      userId,
      type: input.type,
      data: input.data,
      createdAt: now,
      mail: channel === 'email' ? ('pending' as const) : ('none' as const),
      digest: channel === 'digest' ? ('pending' as const) : ('none' as const),
    }));
  if (rows.length === 0) return 0;
  // Thousands of people in one announcement: a few statements, never one per person.
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(notifications).values(rows.slice(i, i + 2000));
  await emit(tx, {
    type: 'notifications.created',
    userIds: rows.map((row) => row.userId),
    mail: rows.some((row) => row.mail === 'pending'),
  });
  // Each person's open tabs hear it after commit and read their bell again (through the API and its
  // checks: the message says only that something came). Last, as the realtime layer asks: each channel's
  // counter stays locked until the transaction ends.
  for (const row of rows) await publish(tx, userChannel(row.userId), BELL_CHANGED);
  return rows.length;
}

export type DeliveryDeps = { db: Db; mailer: Mailer; publicUrl: string };

/**
 * Writes the mails owed at once, for these people (after the commit that created them) or for everyone
 * (the sweep). Rows are locked and skipped when another run holds them, then marked sent with their mail.
 */
export async function deliverPendingMails(deps: DeliveryDeps, userIds?: readonly string[]): Promise<number> {
  const queued: string[] = [];
  await deps.db.transaction(async (tx) => {
    const pending = await tx
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.mail, 'pending'),
          userIds ? sql`${notifications.userId} = any(${sql.param([...userIds])}::uuid[])` : undefined,
        ),
      )
      .orderBy(notifications.createdAt)
      .limit(5000)
      .for('update', { skipLocked: true });
    if (pending.length === 0) return;
    const people = new Map(
      (await findUsersByIds(tx, [...new Set(pending.map((row) => row.userId))])).map((p) => [p.id, p]),
    );
    for (const row of pending) {
      const person = people.get(row.userId);
      const definition = registry.get(row.type);
      if (person?.status !== 'active' || !definition) continue;
      const mail = definition.mail
        ? await definition.mail(row.data, person, { publicUrl: deps.publicUrl, tx })
        : singleMail(definition, row.data, person, deps.publicUrl);
      queued.push(await deps.mailer.queue(tx, { to: person.email, ...mail }));
    }
    await tx
      .update(notifications)
      .set({ mail: 'sent' })
      .where(
        inArray(
          notifications.id,
          pending.map((row) => row.id),
        ),
      );
  });
  await deps.mailer.flush(queued);
  return queued.length;
}

function singleMail(
  definition: NotificationTypeDefinition,
  data: unknown,
  person: Person,
  publicUrl: string,
): NotificationMail {
  const title = definition.title(data);
  const link = definition.link(data);
  return {
    subject: title,
    text: fr('notifications.mail.single', {
      name: `${person.firstName} ${person.lastName}`.trim(),
      title,
      link: link ? `${publicUrl}${link}` : `${publicUrl}/notifications`,
      signature: fr('mail.signature'),
    }),
  };
}

/** The day a digest belongs to, in the people's time zone. */
const DIGEST_TZ = 'Europe/Paris';
const dayOf = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: DIGEST_TZ }).format(now);

/** Sends every person's digest of the day; returns how many mails left. */
export async function sendDigests(deps: DeliveryDeps, now: Date): Promise<number> {
  const due = await deps.db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.digest, 'pending'));
  let mails = 0;
  for (const { userId } of due) if (await sendDigest(deps, userId, now)) mails += 1;
  return mails;
}

/**
 * One person's digest of the day. The (person, day) key is taken first: a second run of the day, a retry
 * after this one committed or another worker at the same moment (it waits on the key, then finds it taken)
 * sends nothing; a run that failed before its commit took nothing, and its retry sends.
 */
export async function sendDigest(deps: DeliveryDeps, userId: string, now: Date): Promise<boolean> {
  const queued: string[] = [];
  await deps.db.transaction(async (tx) => {
    const taken = await tx
      .insert(notificationDigests)
      .values({ userId, day: dayOf(now), sentAt: now })
      .onConflictDoNothing()
      .returning({ userId: notificationDigests.userId });
    if (taken.length === 0) return;
    const pending = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.digest, 'pending')))
      .orderBy(notifications.createdAt)
      .for('update');
    if (pending.length === 0) return;
    await tx
      .update(notifications)
      .set({ digest: 'sent' })
      .where(
        inArray(
          notifications.id,
          pending.map((row) => row.id),
        ),
      );
    const [person] = await findUsersByIds(tx, [userId]);
    if (person?.status !== 'active') return;
    const lines = pending.map((row) => {
      const definition = registry.get(row.type);
      if (!definition) return null;
      const link = definition.link(row.data);
      return `- ${definition.title(row.data)}${link ? `\n  ${deps.publicUrl}${link}` : ''}`;
    });
    const list = lines.filter((line) => line !== null);
    if (list.length === 0) return;
    queued.push(
      await deps.mailer.queue(tx, {
        to: person.email,
        subject: fr('notifications.mail.digestSubject', { count: list.length }),
        text: fr('notifications.mail.digest', {
          name: `${person.firstName} ${person.lastName}`.trim(),
          count: list.length,
          list: list.join('\n'),
          preferences: `${deps.publicUrl}/profil/notifications`,
          signature: fr('mail.signature'),
        }),
      }),
    );
  });
  await deps.mailer.flush(queued);
  return queued.length > 0;
}

/** How long a notification is kept; the digests' record, as long. */
export const RETENTION_DAYS = 180;

/** Forgets notifications (and digest records) older than the retention period, in batches. */
export async function purgeOld(db: Db, now: Date): Promise<number> {
  const limit = new Date(now.getTime() - RETENTION_DAYS * 86_400_000);
  let removed = 0;
  for (;;) {
    const { rowCount } = await db.execute(sql`
      DELETE FROM notifications WHERE id IN (
        SELECT id FROM notifications WHERE created_at < ${limit.toISOString()}::timestamptz LIMIT 5000)`);
    removed += rowCount ?? 0;
    if (!rowCount || rowCount < 5000) break;
  }
  await db.delete(notificationDigests).where(lt(notificationDigests.sentAt, limit));
  return removed;
}

// — What a person reads —

type Row = typeof notifications.$inferSelect;

function itemOf(row: Row): NotificationItem | null {
  const definition = registry.get(row.type);
  if (!definition) return null;
  return {
    id: row.id,
    type: row.type,
    title: definition.title(row.data),
    link: definition.link(row.data),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

const present = (items: (NotificationItem | null)[]) => items.filter((item) => item !== null);

/** Unread, up to UNREAD_CAP + 1: the partial index of unread rows answers without touching the others. */
export async function unreadCount(db: Tx, userId: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM notifications WHERE user_id = ${userId} AND read_at IS NULL LIMIT ${UNREAD_CAP + 1}
    ) unread`);
  return rows[0]?.n ?? 0;
}

export async function summary(db: Db, actor: Actor) {
  const [unread, latest] = await Promise.all([
    unreadCount(db, actor.userId),
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, actor.userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(5),
  ]);
  return { unread, latest: present(latest.map(itemOf)) };
}

const badCursor = () => problems.invalid('bad_cursor', 'notifications.errors.badCursor', 'before');

function parseCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw badCursor();
  return { at: date, id };
}

const cursorOf = (row: Row) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');

/** One's notifications, newest first, a page at a time (keyset: the index serves every page alike). */
export async function listNotifications(
  db: Db,
  actor: Actor,
  query: { before?: string; unread?: 'true' | 'false' },
): Promise<NotificationPage> {
  const cursor = query.before ? parseCursor(query.before) : null;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, actor.userId),
        query.unread === 'true' ? isNull(notifications.readAt) : undefined,
        cursor
          ? or(
              lt(notifications.createdAt, cursor.at),
              and(eq(notifications.createdAt, cursor.at), lt(notifications.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_PAGE_SIZE + 1);
  const page = rows.slice(0, NOTIFICATION_PAGE_SIZE);
  return {
    items: present(page.map(itemOf)),
    next: rows.length > NOTIFICATION_PAGE_SIZE ? cursorOf(page[page.length - 1]!) : null,
  };
}

/** Marks one of one's notifications read; another person's is not found, as a guessed id is. */
export async function markRead(db: Db, actor: Actor, id: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
      .returning({ id: notifications.id });
    if (!row) throw problems.notFound();
    // The person's other tabs update their bell too.
    await publish(tx, userChannel(actor.userId), BELL_CHANGED);
  });
}

export async function markAllRead(db: Db, actor: Actor, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length > 0) await publish(tx, userChannel(actor.userId), BELL_CHANGED);
    return rows.length;
  });
}

// — Preferences —

export async function preferences(db: Db, actor: Actor): Promise<NotificationPreference[]> {
  const chosen = new Map(
    (
      await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor.userId))
    ).map((row) => [row.type, row.channel]),
  );
  return notificationTypes().map(([type, definition]) => ({
    type,
    label: definition.label(),
    channel: chosen.get(type) ?? definition.defaults,
    defaultChannel: definition.defaults,
  }));
}

/** Saves several choices at once, all or nothing; an unknown type refuses the whole body. */
export async function savePreferences(db: Db, actor: Actor, body: PreferencesBody, now: Date) {
  const errors = body.preferences.flatMap((p, index) =>
    registry.has(p.type)
      ? []
      : [{ path: `preferences.${index}.type`, message: 'notifications.errors.unknownType' }],
  );
  if (errors.length > 0)
    throw new HttpProblem(400, 'unknown_type', 'notifications.errors.unknownType', { errors });
  // The same type twice in one body: the last choice counts (one row cannot be upserted twice in a statement).
  const chosen = new Map(body.preferences.map((p) => [p.type, p.channel]));
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values([...chosen].map(([type, channel]) => ({ userId: actor.userId, type, channel, updatedAt: now })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.type],
        set: { channel: sql`excluded.channel`, updatedAt: now },
      });
  });
  return preferences(db, actor);
}

/**
 * A person's notifications (as read: type, text, link, dates) and preferences, for the GDPR export; all of
 * it goes with an approved erasure (the digests' record too).
 */
export const notificationPersonalData: PersonalDataHolder = {
  key: 'notifications',
  async export({ tx }, userId) {
    const [rows, chosen] = await Promise.all([
      tx
        .select()
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.createdAt)),
      tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
    ]);
    return {
      notifications: present(rows.map(itemOf)),
      preferences: chosen.map((row) => ({ type: row.type, channel: row.channel })),
    };
  },
  async erase({ tx }, userId) {
    await tx.delete(notifications).where(eq(notifications.userId, userId));
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    await tx.delete(notificationDigests).where(eq(notificationDigests.userId, userId));
  },
};
