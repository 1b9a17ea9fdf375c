import type { OfferDemo } from '../../../shared/offers.ts';
import type { Db } from '../../platform/db/index.ts';
import { problems } from '../../platform/http/problem.ts';
import { coursePage } from '../courses/index.ts';
import { findOffer, withdrawnProblem } from './service.ts';

/**
 * The demo of a published offer: its course's sections and activities as a participant would list them,
 * whatever the course's stage (a session still in preparation may already be offered). Hidden sections
 * and activities stay out; so does everything about people — the course page carries none. A withdrawn
 * offer answers 410, like its presentation.
 */
export async function offerDemo(db: Db, number: number, now = new Date()): Promise<OfferDemo> {
  const found = await findOffer(db, number);
  if (!found) throw problems.notFound();
  const { offer } = found;
  if (offer.status !== 'published') throw withdrawnProblem(offer);
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
