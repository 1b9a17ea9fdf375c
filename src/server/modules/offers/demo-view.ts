import type { OfferDemo } from '../../../shared/offers.ts';
import type { Db } from '../../platform/db/index.ts';
import { problems } from '../../platform/http/problem.ts';
import { coursePage } from '../courses/index.ts';
import { findOffer, withdrawnProblem } from './service.ts';

/**
 * The demo of a published offer: its course's sections and activities as the course page shows them to
 * people not enrolled (`showcase`: what the designer made visible, whatever the course's stage — a
 * session still in preparation may already be offered — its dates and its groups). Nothing about people:
 * the course page carries none. A withdrawn offer answers 410, like its presentation.
 */
export async function offerDemo(db: Db, number: number, now: Date): Promise<OfferDemo> {
  const found = await findOffer(db, number);
  if (!found) throw problems.notFound();
  const { offer } = found;
  if (offer.status !== 'published') throw withdrawnProblem(offer);
  const { page } = await coursePage(db, offer.courseId, { sight: 'showcase', canEdit: false }, now);
  return {
    number: offer.number,
    kind: offer.kind,
    title: offer.title,
    summary: page.course.summary,
    sections: page.sections.map((section) => ({
      id: section.id,
      title: section.title,
      description: section.description,
      activities: section.activities.map((activity) => ({
        id: activity.id,
        kind: activity.kind,
        title: activity.title,
        ...(activity.summary ? { summary: activity.summary } : {}),
      })),
    })),
  };
}
