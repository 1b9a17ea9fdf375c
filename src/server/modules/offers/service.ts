import { and, asc, eq, inArray } from 'drizzle-orm';
import { createI18n } from '../../../shared/i18n/index.ts';
import { isSession, missingIndexation, type Stage } from '../../../shared/lifecycle.ts';
import {
  modalityOf,
  type OfferKind,
  type OfferPresentation,
  type Publication,
  REQUIRED_FOR_OFFER,
} from '../../../shared/offers.ts';
import { type Actor, canInPath } from '../../platform/access/can.ts';
import { findContext } from '../../platform/access/contexts.ts';
import { type Origin, record } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import { sanitizePlainText } from '../../platform/richtext/sanitize.ts';
import { copiesOf, getCourse, sessionOf } from '../courses/index.ts';
import { getDomain } from '../domains/index.ts';
import { selfEnrolmentState } from '../enrolment/index.ts';
import { forgetSearches } from './cache.ts';
import { offerCapabilities as caps } from './policy.ts';
import { offers, offerVersions } from './schema.ts';

export { searchOffers } from './search.ts';

export type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'now'>;
type CourseRow = Awaited<ReturnType<typeof getCourse>>;
type OfferRow = typeof offers.$inferSelect;

const t = createI18n('fr').t;

/** A session goes to the training offer (people enrol in it); any other course to the course offer. */
export const offerKindOf = (stage: Stage): OfferKind => (isSession(stage) ? 'training' : 'course');

/**
 * The stages a course may be published (or its publication refreshed) from: a session not yet archived,
 * or a parcours being built. A template or a course in the trash is not offered to anyone.
 */
const PUBLISHABLE: Record<OfferKind, readonly Stage[]> = {
  training: ['session_preparation', 'session_running'],
  course: ['construction'],
};

async function offerOfCourse(db: Tx, courseId: string) {
  const [row] = await db.select().from(offers).where(eq(offers.courseId, courseId));
  return row ?? null;
}

function toPublication(course: CourseRow, offer: OfferRow | null): Publication {
  const kind = offerKindOf(course.stage);
  return {
    kind,
    offer: offer && {
      id: offer.id,
      number: offer.number,
      status: offer.status,
      version: offer.version,
      publishedAt: offer.publishedAt.toISOString(),
      updatedAt: offer.updatedAt.toISOString(),
    },
    missing: missingIndexation(course.metadata, REQUIRED_FOR_OFFER[kind]),
  };
}

/** The course's publication: its offer if it has one, and the indexation fields still missing. */
export async function publicationOf(db: Tx, courseId: string): Promise<Publication> {
  const course = await getCourse(db, courseId);
  return toPublication(course, await offerOfCourse(db, courseId));
}

async function assertMayPublish(tx: Tx, actor: Actor, courseId: string) {
  const context = await findContext(tx, 'course', courseId);
  if (!context) throw problems.notFound();
  if (!canInPath(actor, caps['offer:publish'], context.path)) throw problems.forbidden();
}

function wrongStage(stage: Stage) {
  return new HttpProblem(409, 'wrong_stage', 'offers.errors.notPublishable', {
    errors: [{ path: 'stage', message: `workflow.stages.${stage}` }],
  });
}

/** The searchable snapshot of a course: what the catalogue shows until the next publication. */
async function snapshotOf(tx: Tx, course: CourseRow, kind: OfferKind) {
  const m = course.metadata;
  const session = kind === 'training' ? await sessionOf(tx, course.id) : null;
  const keywords = [...new Set(m.keywords ?? [])];
  return {
    kind,
    domainId: course.domainId,
    title: course.title,
    summary: sanitizePlainText(course.summary, 2000),
    metadata: m,
    collection: m.collection ?? null,
    publics: m.publics ?? [],
    keywords,
    origin: m.origin ?? null,
    modality: modalityOf(m.durationOnSite, m.durationRemote),
    durationMinutes: (m.durationOnSite ?? 0) + (m.durationRemote ?? 0),
    keywordsText: keywords.join(' '),
    startsAt: session?.startsAt ?? null,
    endsAt: session?.endsAt ?? null,
    selfEnrolment: session?.selfEnrolment ?? false,
    version: m.version ?? null,
  };
}

/**
 * Publishes a course in its offer, or refreshes its publication (a withdrawn offer comes back under the
 * same number). For the course offer, a version not published before is recorded with its notes — what
 * deployers will be shown; republishing the same version only refreshes the snapshot (and the notes, if
 * given).
 */
export async function publishCourse(
  ctx: Ctx,
  courseId: string,
  body: { releaseNotes?: string | undefined },
): Promise<Publication> {
  const publication = await ctx.db.transaction(async (tx) => {
    await assertMayPublish(tx, ctx.actor, courseId);
    return writePublication(tx, courseId, {
      actorId: ctx.actor.userId,
      origin: ctx.origin,
      now: ctx.now,
      releaseNotes: body.releaseNotes,
    });
  });
  // Once committed: a search in between would memoise the old offer again.
  forgetSearches();
  return publication;
}

/**
 * The publication itself, for a caller that has checked the right to publish (the route's service above,
 * the demo data): stage and indexation checked, snapshot written, version recorded, audited.
 */
export async function writePublication(
  tx: Tx,
  courseId: string,
  by: { actorId: string; origin: Origin; now: Date; releaseNotes?: string | undefined },
): Promise<Publication> {
  const course = await getCourse(tx, courseId);
  const kind = offerKindOf(course.stage);
  if (!PUBLISHABLE[kind].includes(course.stage)) throw wrongStage(course.stage);
  const missing = missingIndexation(course.metadata, REQUIRED_FOR_OFFER[kind]);
  if (missing.length)
    throw new HttpProblem(409, 'publication_blocked', 'offers.errors.missingFields', {
      errors: missing.map((field) => ({
        path: `metadata.${field}`,
        message: 'offers.errors.missingField',
        params: { field: t(`offers.publication.fields.${field}`) },
      })),
    });

  const { now } = by;
  const values = await snapshotOf(tx, course, kind);
  const existing = await offerOfCourse(tx, courseId);
  const [offer] = existing
    ? await tx
        .update(offers)
        .set({
          ...values,
          status: 'published',
          withdrawnAt: null,
          updatedAt: now,
          publishedBy: by.actorId,
          // Back from a withdrawal it is new again, for the catalogue's "recent" and the weekly alerts.
          ...(existing.status === 'withdrawn' && { publishedAt: now }),
        })
        .where(eq(offers.id, existing.id))
        .returning()
    : await tx
        .insert(offers)
        .values({ ...values, courseId, publishedBy: by.actorId, publishedAt: now, updatedAt: now })
        .returning();

  let newVersion = false;
  const notes = sanitizePlainText(by.releaseNotes ?? '', 5000);
  if (kind === 'course' && values.version) {
    const [known] = await tx
      .select()
      .from(offerVersions)
      .where(and(eq(offerVersions.offerId, offer!.id), eq(offerVersions.version, values.version)));
    if (!known) {
      newVersion = true;
      await tx.insert(offerVersions).values({
        offerId: offer!.id,
        version: values.version,
        releaseNotes: notes || sanitizePlainText(course.metadata.releaseNotes ?? '', 5000),
        publishedAt: now,
      });
    } else if (notes) {
      await tx.update(offerVersions).set({ releaseNotes: notes }).where(eq(offerVersions.id, known.id));
    }
  }
  await record(tx, by.origin, {
    actorId: by.actorId,
    action: existing?.status === 'published' ? 'offer.updated' : 'offer.published',
    objectType: 'course',
    objectId: course.id,
    domainId: course.domainId,
    details: { number: offer!.number, kind, version: values.version, newVersion },
  });
  return toPublication(course, offer!);
}

/** Withdraws a course's publication: it leaves the catalogue, its number and short link stay and say so. */
export async function withdrawCourse(ctx: Ctx, courseId: string): Promise<Publication> {
  const publication = await ctx.db.transaction(async (tx) => {
    await assertMayPublish(tx, ctx.actor, courseId);
    const course = await getCourse(tx, courseId);
    const existing = await offerOfCourse(tx, courseId);
    if (existing?.status !== 'published')
      throw new HttpProblem(409, 'not_published', 'offers.errors.notPublished');
    const { now } = ctx;
    const [offer] = await tx
      .update(offers)
      .set({ status: 'withdrawn', withdrawnAt: now, updatedAt: now })
      .where(eq(offers.id, existing.id))
      .returning();
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'offer.withdrawn',
      objectType: 'course',
      objectId: course.id,
      domainId: course.domainId,
      details: { number: offer!.number, kind: offer!.kind },
    });
    return toPublication(course, offer!);
  });
  forgetSearches();
  return publication;
}

/**
 * A course put in the trash leaves the offer with it (once the trash move is committed, see reactions.ts):
 * its short link then says the offer was withdrawn rather than leading to a course no one may open.
 */
export async function withdrawTrashedCourse(tx: Tx, courseId: string, now: Date) {
  const withdrawn = await tx
    .update(offers)
    .set({ status: 'withdrawn', withdrawnAt: now, updatedAt: now })
    .where(and(eq(offers.courseId, courseId), eq(offers.status, 'published')))
    .returning({ id: offers.id });
  if (withdrawn.length > 0) forgetSearches();
}

/** An offer by number, withdrawn or not, with its domain; null when no offer has that number. */
export async function findOffer(db: Tx, number: number) {
  const [offer] = await db.select().from(offers).where(eq(offers.number, number));
  if (!offer) return null;
  // The offer's foreign key keeps its domain.
  const { slug, name } = (await getDomain(db, offer.domainId))!;
  return { offer, domain: { slug, name } };
}

/** The 410 a withdrawn offer answers with, so its page can say it was withdrawn and when. */
export function withdrawnProblem(offer: OfferRow) {
  return new HttpProblem(410, 'offer_withdrawn', 'offers.errors.withdrawn', {
    extensions: {
      number: offer.number,
      kind: offer.kind,
      offerTitle: offer.title,
      withdrawnAt: offer.withdrawnAt?.toISOString() ?? null,
    },
  });
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/**
 * The presentation page of a published offer. Its sessions are read live (dates and self-enrolment
 * change after publication): for a training offer, its own session; for a course offer, the sessions
 * given from the parcours that are themselves published in the training offer.
 */
export async function offerPresentation(
  db: Db,
  actor: Actor | null,
  number: number,
): Promise<OfferPresentation> {
  const found = await findOffer(db, number);
  if (!found) throw problems.notFound();
  const { offer, domain } = found;
  if (offer.status === 'withdrawn') throw withdrawnProblem(offer);

  const sessionOffers =
    offer.kind === 'training'
      ? [offer]
      : await (async () => {
          const sessionIds = (await copiesOf(db, offer.courseId))
            .filter((c) => isSession(c.stage) && c.stage !== 'session_archived')
            .map((c) => c.id);
          if (!sessionIds.length) return [];
          return db
            .select()
            .from(offers)
            .where(and(inArray(offers.courseId, sessionIds), eq(offers.status, 'published')))
            .orderBy(asc(offers.startsAt), asc(offers.number));
        })();
  const sessions = await Promise.all(
    sessionOffers.map(async (s) => {
      const live = await sessionOf(db, s.courseId);
      return {
        courseId: s.courseId,
        number: s.number,
        title: s.title,
        startsAt: iso(live?.startsAt ?? s.startsAt),
        endsAt: iso(live?.endsAt ?? s.endsAt),
        selfEnrolment: live?.selfEnrolment ?? s.selfEnrolment,
        enrolled: actor ? (await selfEnrolmentState(db, actor, s.courseId)).enrolled : null,
      };
    }),
  );
  const versions =
    offer.kind === 'course'
      ? await db
          .select()
          .from(offerVersions)
          .where(eq(offerVersions.offerId, offer.id))
          .orderBy(asc(offerVersions.publishedAt))
      : [];
  const own = sessions.find((s) => s.courseId === offer.courseId);
  return {
    id: offer.id,
    number: offer.number,
    kind: offer.kind,
    title: offer.title,
    summary: offer.summary,
    domain,
    collection: offer.collection,
    publics: offer.publics,
    keywords: offer.keywords,
    modality: offer.modality as OfferPresentation['modality'],
    durationMinutes: offer.durationMinutes,
    startsAt: own?.startsAt ?? iso(offer.startsAt),
    endsAt: own?.endsAt ?? iso(offer.endsAt),
    publishedAt: offer.publishedAt.toISOString(),
    status: offer.status,
    courseId: offer.courseId,
    metadata: offer.metadata,
    version: offer.version,
    updatedAt: offer.updatedAt.toISOString(),
    withdrawnAt: iso(offer.withdrawnAt),
    sessions,
    versions: versions.map((v) => ({
      version: v.version,
      releaseNotes: v.releaseNotes,
      publishedAt: v.publishedAt.toISOString(),
    })),
  };
}
