import { eq } from 'drizzle-orm';
import type { OfferDemo } from '../../../shared/offers.ts';
import type { Db } from '../../platform/db/index.ts';
import { problems } from '../../platform/http/problem.ts';
import { coursePage } from '../courses/service.ts';
import { offers } from './schema.ts';

/** The 410 members of a withdrawn offer (`title` is the problem's own, hence `offerTitle`). */
type Withdrawn = { number: number; kind: string; offerTitle: string; withdrawnAt: string | null };

/** A withdrawn offer answers 410 with what the page needs to say so. */
export class OfferWithdrawn extends Error {
  readonly offer: Withdrawn;
  constructor(offer: Withdrawn) {
    super('offer_withdrawn');
    this.offer = offer;
  }
}

/**
 * The demo of a published offer: its course's sections and activities as a participant would list them,
 * whatever the course's stage (a session still in preparation may already be offered). Hidden sections
 * and activities stay out; so does everything about people — the course page carries none.
 */
export async function offerDemo(db: Db, number: number, now = new Date()): Promise<OfferDemo> {
  const [offer] = await db.select().from(offers).where(eq(offers.number, number));
  if (!offer) throw problems.notFound();
  if (offer.status !== 'published') {
    throw new OfferWithdrawn({
      number: offer.number,
      kind: offer.kind,
      offerTitle: offer.title,
      withdrawnAt: offer.withdrawnAt?.toISOString() ?? null,
    });
  }
  // `seeHidden` only lifts the stage and date gates: hidden items are filtered out just below.
  const { page } = await coursePage(db, offer.courseId, { canEdit: false, seeHidden: true }, now);
  return {
    number: offer.number,
    kind: offer.kind,
    title: offer.title,
    summary: page.course.summary,
    sections: page.sections
      .filter((section) => section.visibility === 'visible')
      .map((section) => ({
        id: section.id,
        title: section.title,
        description: section.description,
        activities: section.activities
          .filter((activity) => activity.visibility === 'visible')
          .map((activity) => ({
            id: activity.id,
            kind: activity.kind,
            title: activity.title,
            ...(activity.summary ? { summary: activity.summary } : {}),
          })),
      })),
  };
}
