/**
 * "Prévenez-moi": a person asks to be told, once a week, about the new training offers for some publics
 * or keywords. One subscription per person; the weekly digest (digest.ts) reads them.
 *
 * The unsubscribe token is stored as is, not hashed like a password-reset token: every weekly mail must
 * carry the same working link, and all it can do is end the subscription.
 */
import { eq } from 'drizzle-orm';
import type { OfferSubscription, SubscriptionBody } from '../../../shared/offers.ts';
import type { Actor } from '../../platform/access/can.ts';
import { type Origin, record } from '../../platform/audit/index.ts';
import { newToken } from '../../platform/auth/tokens.ts';
import type { Db } from '../../platform/db/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';
import { offerSubscriptions } from './schema.ts';

export type SubscriptionCtx = Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'now'>;
type Row = typeof offerSubscriptions.$inferSelect;

const toSubscription = (row: Row): OfferSubscription => ({
  publics: row.publics as OfferSubscription['publics'],
  keywords: row.keywords,
  createdAt: row.createdAt.toISOString(),
  lastSentAt: row.lastSentAt.toISOString(),
});

/** Keywords as typed, without blanks and without a second spelling of one already there. */
export function tidyKeywords(keywords: string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of keywords) {
    const keyword = raw.trim().replace(/\s+/g, ' ');
    const key = keyword.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
    if (keyword && !seen.has(key)) {
      seen.add(key);
      kept.push(keyword);
    }
  }
  return kept;
}

export async function mySubscription(db: Db, actor: Actor): Promise<OfferSubscription | null> {
  const [row] = await db.select().from(offerSubscriptions).where(eq(offerSubscriptions.userId, actor.userId));
  return row ? toSubscription(row) : null;
}

/**
 * Creates or replaces the person's subscription. A new one starts now (earlier offers are not "new");
 * a changed one keeps its token, so the links of mails already received still work, and its last mail.
 */
export async function saveSubscription(ctx: SubscriptionCtx, body: SubscriptionBody) {
  const values = { publics: [...new Set(body.publics)], keywords: tidyKeywords(body.keywords) };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(offerSubscriptions)
      // Its window opens at the request's instant, the one the digest compares with.
      .values({ userId: ctx.actor.userId, token: newToken(), lastSentAt: ctx.now, ...values })
      .onConflictDoUpdate({ target: offerSubscriptions.userId, set: values })
      .returning();
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'offers.subscription_saved',
      objectType: 'offer_subscription',
      objectId: row!.id,
      details: values,
    });
    return toSubscription(row!);
  });
}

/** Ends the person's subscription; saying it twice is not an error. */
export async function deleteSubscription(ctx: SubscriptionCtx): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(offerSubscriptions)
      .where(eq(offerSubscriptions.userId, ctx.actor.userId))
      .returning({ id: offerSubscriptions.id });
    if (row) {
      await record(tx, ctx.origin, {
        actorId: ctx.actor.userId,
        action: 'offers.unsubscribed',
        objectType: 'offer_subscription',
        objectId: row.id,
        details: { via: 'account' },
      });
    }
  });
}

/**
 * The mail's link: ends the subscription the token belongs to, without login. An unknown token (already
 * used, or mistyped) says so: the person may already be unsubscribed.
 */
export async function unsubscribeByToken(db: Db, origin: Origin, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(offerSubscriptions)
      .where(eq(offerSubscriptions.token, token))
      .returning({ id: offerSubscriptions.id, userId: offerSubscriptions.userId });
    if (!row) {
      throw new HttpProblem(404, 'unsubscribe_token_unknown', 'offers.alerts.errors.unknownToken');
    }
    await record(tx, origin, {
      actorId: row.userId,
      action: 'offers.unsubscribed',
      objectType: 'offer_subscription',
      objectId: row.id,
      details: { via: 'mail_link' },
    });
  });
}

/**
 * The person's "Prévenez-moi" subscription (GDPR): in their export without its unsubscribe token (a
 * secret of the link, not data about them), removed on erasure.
 */
export const subscriptionPersonalData: PersonalDataHolder = {
  key: 'offerAlerts',
  async export({ tx }, userId) {
    const [row] = await tx.select().from(offerSubscriptions).where(eq(offerSubscriptions.userId, userId));
    return row ? toSubscription(row) : null;
  },
  async erase({ tx }, userId) {
    await tx.delete(offerSubscriptions).where(eq(offerSubscriptions.userId, userId));
  },
};
