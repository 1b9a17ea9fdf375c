/**
 * The course offer as the hub (Réseau des concepteurs) reads it: published parcours to search and deploy,
 * and the versions each published. The hub keeps its deployments; the offer stays this module's.
 */
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.ts';
import { offers, offerVersions } from './schema.ts';

export type OfferRow = typeof offers.$inferSelect;
export type OfferVersionRow = typeof offerVersions.$inferSelect;

/**
 * Published course offers matching the text (French stemming, accents ignored), best match first, then
 * the newest; the number breaks ties so pages never share or skip an offer. One page, and the total.
 */
export async function searchCourseOffers(
  db: Tx,
  q: string | undefined,
  page: { number: number; size: number },
): Promise<{ total: number; rows: OfferRow[] }> {
  const text = q ? sql`websearch_to_tsquery('french', f_unaccent(${q}))` : null;
  const where: SQL | undefined = and(
    eq(offers.kind, 'course'),
    eq(offers.status, 'published'),
    text ? sql`${offers.search} @@ ${text}` : undefined,
  );
  const [[counted], rows] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(offers).where(where),
    db
      .select()
      .from(offers)
      .where(where)
      .orderBy(
        ...(text ? [sql`ts_rank(${offers.search}, ${text}) desc`] : []),
        desc(offers.publishedAt),
        asc(offers.number),
      )
      .limit(page.size)
      .offset((page.number - 1) * page.size),
  ]);
  return { total: counted?.n ?? 0, rows };
}

/**
 * The course offer of this number, held against a withdrawal or a republication until the transaction
 * ends: what a deployment copies.
 */
export async function courseOfferToDeploy(tx: Tx, number: number): Promise<OfferRow | undefined> {
  const [row] = await tx
    .select()
    .from(offers)
    .where(and(eq(offers.number, number), eq(offers.kind, 'course')))
    .for('share');
  return row;
}

export async function offerById(db: Tx, id: string): Promise<OfferRow | undefined> {
  const [row] = await db.select().from(offers).where(eq(offers.id, id));
  return row;
}

/** The versions an offer was published at, oldest first. */
export async function offerVersionsOf(db: Tx, offerId: string): Promise<OfferVersionRow[]> {
  return db
    .select()
    .from(offerVersions)
    .where(eq(offerVersions.offerId, offerId))
    .orderBy(asc(offerVersions.publishedAt));
}
