/**
 * The weekly "Prévenez-moi" mail: every Monday at 07:00 (Paris time) each subscriber receives the training
 * offers published since their previous mail that match one of their publics or one of their keywords
 * (the offer's keywords, compared without case or accents). Nothing new, no mail.
 *
 * Never twice the same offer: a subscription is locked (`FOR UPDATE SKIP LOCKED`) while its mail is
 * written, and its `last_sent_at` moves to the end of the window in the same transaction as the queued
 * mail — a second run, concurrent or later, only sees offers published after that instant.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { createI18n } from '../../../shared/i18n/index.ts';
import { shortLink } from '../../../shared/offers.ts';
import { defineCapabilities } from '../../platform/access/capabilities.ts';
import { record } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/http/context.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import { findUser } from '../accounts/index.ts';
import { defineNotificationType, notify } from '../notifications/index.ts';
import { offerSubscriptions } from './schema.ts';

export const DIGEST_JOB = 'offers.digest';
/** Monday 07:00, in the subscribers' time zone. */
export const DIGEST_CRON = '0 7 * * 1';
export const DIGEST_TZ = 'Europe/Paris';

export const digestCapabilities = defineCapabilities({
  'offer:digest': {
    roles: [],
    description: 'Envoyer sans attendre le courriel hebdomadaire des nouvelles offres',
  },
});

export type DigestDeps = { db: Db; mailer: Mailer; publicUrl: string };

const fr = createI18n('fr').t;

export function defineOfferJobs(jobs: Jobs, deps: DigestDeps & { clock: Clock }) {
  jobs.define({
    name: DIGEST_JOB,
    cron: DIGEST_CRON,
    tz: DIGEST_TZ,
    handler: async () => {
      await sendDigests(deps, deps.clock.now());
    },
  });
}

/** The address of the unsubscribe page; the token rides in the fragment so it never reaches a log. */
export const unsubscribeLink = (publicUrl: string, token: string) =>
  `${publicUrl}/offres/desabonnement#jeton=${encodeURIComponent(token)}`;

export type DigestOffer = { number: number; title: string; startsAt: Date | null };

/** Training offers published in (after, until] that match these publics or keywords, oldest first. */
export async function newMatchingOffers(
  db: Tx,
  criteria: { publics: string[]; keywords: string[] },
  after: Date,
  until: Date,
): Promise<DigestOffer[]> {
  const { rows } = await db.execute<{ number: number; title: string; starts_at: string | null }>(sql`
    SELECT o.number, o.title, o.starts_at
    FROM offers o
    WHERE o.kind = 'training' AND o.status = 'published'
      AND o.published_at > ${after.toISOString()}::timestamptz
      AND o.published_at <= ${until.toISOString()}::timestamptz
      AND (
        o.publics && ${sql.param(criteria.publics)}::text[]
        OR EXISTS (
          SELECT 1 FROM unnest(o.keywords) AS k(word)
          WHERE lower(f_unaccent(k.word)) IN (
            SELECT lower(f_unaccent(w)) FROM unnest(${sql.param(criteria.keywords)}::text[]) AS w
          )
        )
      )
    ORDER BY o.published_at, o.number`);
  return rows.map((r) => ({
    number: Number(r.number),
    title: r.title,
    startsAt: r.starts_at ? new Date(r.starts_at) : null,
  }));
}

/** Past this many, the mail sends to the catalogue for the rest: a mail is not a catalogue. */
const MAX_LISTED = 30;
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: DIGEST_TZ });

/** The mail's plain text: the offers with their short links, what the alert is, how to stop it. */
export function digestText(
  publicUrl: string,
  person: { firstName: string; lastName: string },
  criteria: { publics: string[]; keywords: string[] },
  offers: DigestOffer[],
  token: string | null,
): string {
  const what = [
    ...criteria.publics.map((p) => fr(`ui.lifecycle.publics.${p}`)),
    ...criteria.keywords.map((k) => `«\u00a0${k}\u00a0»`),
  ].join(', ');
  const list = offers
    .slice(0, MAX_LISTED)
    .map((o) => {
      const start = o.startsAt
        ? ` ${fr('offers.alerts.mail.startsOn', { date: dateFormat.format(o.startsAt) })}`
        : '';
      return `- ${o.title}${start}\n  ${publicUrl}${shortLink('training', o.number)}`;
    })
    .join('\n');
  const more =
    offers.length > MAX_LISTED
      ? `\n${fr('offers.alerts.mail.more', { count: offers.length - MAX_LISTED, link: `${publicUrl}/offres` })}`
      : '';
  return fr('offers.alerts.mail.text', {
    name: `${person.firstName} ${person.lastName}`,
    count: offers.length,
    what,
    list: `${list}${more}`,
    manage: `${publicUrl}/offres/alertes`,
    // A subscription ended before its mail was written: the page of one's alerts says so.
    unsubscribe: token ? unsubscribeLink(publicUrl, token) : `${publicUrl}/offres/alertes`,
    signature: fr('mail.signature'),
  });
}

export const ALERT_NOTIFICATION = 'offers.alert';

type AlertData = {
  subscriptionId: string;
  publics: string[];
  keywords: string[];
  offers: { number: number; title: string; startsAt: string | null }[];
};

/**
 * "Prévenez-moi" as a notification: the bell says how many new offers, and the mail is the weekly mail as
 * it was, its unsubscribe link read from the subscription when the mail is written (no token is copied
 * into the notification). A subscription ended in between leaves the mail without its link.
 */
export function defineOfferNotifications() {
  defineNotificationType<AlertData>(ALERT_NOTIFICATION, {
    label: () => fr('notifications.types.offerAlert.label'),
    title: (data) => fr('notifications.types.offerAlert.title', { count: data.offers.length }),
    link: () => '/offres',
    defaults: 'email',
    mail: async (data, person, { publicUrl, tx }) => {
      const [subscription] = await tx
        .select({ token: offerSubscriptions.token })
        .from(offerSubscriptions)
        .where(eq(offerSubscriptions.id, data.subscriptionId));
      const offers = data.offers.map((o) => ({ ...o, startsAt: o.startsAt ? new Date(o.startsAt) : null }));
      return {
        subject: fr('offers.alerts.mail.subject', { count: offers.length }),
        text: digestText(publicUrl, person, data, offers, subscription?.token ?? null),
      };
    },
  });
}

/** Sends every due digest; returns how many subscriptions were looked at and how many mails left. */
export async function sendDigests(deps: DigestDeps, now: Date) {
  const due = await deps.db
    .select({ id: offerSubscriptions.id })
    .from(offerSubscriptions)
    .where(lt(offerSubscriptions.lastSentAt, now))
    .orderBy(offerSubscriptions.lastSentAt, offerSubscriptions.id);
  let subscriptions = 0;
  let mails = 0;
  for (const { id } of due) {
    const sent = await sendDigest(deps, id, now);
    if (sent === null) continue;
    subscriptions += 1;
    if (sent) mails += 1;
  }
  return { subscriptions, mails };
}

/**
 * One subscriber's digest at `now`: true when a mail was queued, false when nothing was new, null when
 * another run holds it or it was already done.
 */
export async function sendDigest(deps: DigestDeps, id: string, now: Date): Promise<boolean | null> {
  return deps.db.transaction(async (tx) => {
    const [subscription] = await tx
      .select()
      .from(offerSubscriptions)
      .where(and(eq(offerSubscriptions.id, id), lt(offerSubscriptions.lastSentAt, now)))
      .for('update', { skipLocked: true });
    if (!subscription) return null;
    // Only an active account is written to (a deleted one is not found); the window moves on either way.
    const user = await findUser(tx, subscription.userId);
    const offers =
      user?.status === 'active'
        ? await newMatchingOffers(tx, subscription, subscription.lastSentAt, now)
        : [];
    await tx.update(offerSubscriptions).set({ lastSentAt: now }).where(eq(offerSubscriptions.id, id));
    if (!user || offers.length === 0) return false;
    const told = await notify(tx, {
      userIds: [user.id],
      type: ALERT_NOTIFICATION,
      data: {
        subscriptionId: subscription.id,
        publics: subscription.publics,
        keywords: subscription.keywords,
        offers: offers.map((o) => ({ ...o, startsAt: o.startsAt?.toISOString() ?? null })),
      } satisfies AlertData,
      now,
    });
    await record(
      tx,
      { ip: null, userAgent: null },
      {
        actorId: null,
        action: 'offers.digest_sent',
        objectType: 'offer_subscription',
        objectId: subscription.id,
        details: { userId: user.id, offers: offers.map((o) => o.number) },
      },
    );
    return told > 0;
  });
}

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof digestCapabilities, true> {}
}
