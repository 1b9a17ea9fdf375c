import { z } from 'zod';
import { COLLECTIONS, ORIGINS, PUBLICS } from './indexation.ts';
import { CourseMetadata, type Stage } from './lifecycle.ts';
import {
  DURATION_BUCKET_KEYS,
  type DurationBucket,
  durationBucketNamed,
  FACETS,
  MODALITIES,
  OFFER_KINDS,
  OFFER_SORTS,
  type OfferKind,
  PAGE_SIZES,
  SEARCH_DEFAULTS,
  SEARCH_LIMITS,
} from './offer-search.ts';

// The search's words and limits are in a module without zod (the catalogue's page reads its address with
// them); the server's schema below is built from the same lists.
export {
  DURATION_BUCKET_KEYS,
  DURATION_BUCKETS,
  type DurationBucket,
  durationBucketOf,
  EXPORT_MAX_OFFERS,
  FACETS,
  type Facet,
  MODALITIES,
  type Modality,
  modalityOf,
  OFFER_KINDS,
  OFFER_SORTS,
  type OfferKind,
  PAGE_SIZES,
} from './offer-search.ts';

export const OFFER_STATUSES = ['published', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The letter of a kind's short link. */
export const SHORT_LINK_PREFIX: Record<OfferKind, 'f' | 'p'> = { training: 'f', course: 'p' };
export const shortLink = (kind: OfferKind, number: number) => `/${SHORT_LINK_PREFIX[kind]}${number}`;

/** A repeated query parameter may come as one string or several. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(SEARCH_LIMITS.values),
  );

/**
 * The catalogue's query string: text, facets (several values of one facet are OR-ed), sort and page. The web
 * app reads the same query without zod (`readOfferSearchQuery`); `offer-search.test.ts` keeps them in step.
 */
export const OfferSearchQuery = z.object({
  kind: z.enum(OFFER_KINDS).default(SEARCH_DEFAULTS.kind),
  q: z.string().trim().max(SEARCH_LIMITS.q).default(SEARCH_DEFAULTS.q),
  public: many(z.enum(PUBLICS)),
  collection: many(z.enum(COLLECTIONS)),
  modality: many(z.enum(MODALITIES)),
  duration: many(
    z.preprocess(
      (v) => (typeof v === 'string' ? durationBucketNamed(v) : v),
      z.enum(DURATION_BUCKET_KEYS as [DurationBucket, ...DurationBucket[]]),
    ),
  ),
  domain: many(z.string().trim().min(1).max(SEARCH_LIMITS.domain)),
  origin: many(z.enum(ORIGINS)),
  keyword: many(z.string().trim().min(1).max(SEARCH_LIMITS.keyword)),
  sort: z.enum(OFFER_SORTS).default(SEARCH_DEFAULTS.sort),
  page: z.coerce.number().int().min(1).max(SEARCH_LIMITS.page).default(SEARCH_DEFAULTS.page),
  perPage: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .default(SEARCH_DEFAULTS.perPage),
});
export type OfferSearchQuery = z.infer<typeof OfferSearchQuery>;

export const OfferCard = z.object({
  id: z.string(),
  number: z.number(),
  kind: z.enum(OFFER_KINDS),
  title: z.string(),
  summary: z.string(),
  domain: z.object({ slug: z.string(), name: z.string() }),
  collection: z.string().nullable(),
  publics: z.array(z.string()),
  keywords: z.array(z.string()),
  modality: z.enum(MODALITIES).nullable(),
  durationMinutes: z.number(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  publishedAt: z.string(),
});
export type OfferCard = z.infer<typeof OfferCard>;

/** Each facet's values with the number of results they would give, the other facets' filters applied. */
export const FacetCounts = z.record(
  z.enum(FACETS),
  z.array(z.object({ value: z.string(), label: z.string().optional(), count: z.number() })),
);
export type FacetCounts = z.infer<typeof FacetCounts>;

export const OfferSearchResult = z.object({
  total: z.number(),
  page: z.number(),
  perPage: z.number(),
  items: z.array(OfferCard),
  facets: FacetCounts,
});
export type OfferSearchResult = z.infer<typeof OfferSearchResult>;

/** The presentation page of an offer. */
export const OfferPresentation = OfferCard.extend({
  status: z.enum(OFFER_STATUSES),
  courseId: z.string(),
  metadata: CourseMetadata,
  version: z.string().nullable(),
  updatedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  /** For a course offer: the sessions given from it; for a training offer: itself, with its state. */
  sessions: z.array(
    z.object({
      courseId: z.string(),
      /** The session's number in the training offer (its short link `/f<number>`). */
      number: z.number(),
      title: z.string(),
      startsAt: z.string().nullable(),
      endsAt: z.string().nullable(),
      selfEnrolment: z.boolean(),
      /** Null when anonymous. */
      enrolled: z.boolean().nullable(),
    }),
  ),
  versions: z.array(z.object({ version: z.string(), releaseNotes: z.string(), publishedAt: z.string() })),
});
export type OfferPresentation = z.infer<typeof OfferPresentation>;

/** The indexation fields a publication needs (the session's and, for the course offer, its version). */
export const REQUIRED_FOR_OFFER = {
  training: ['collection', 'publics', 'objectives', 'origin'],
  course: ['collection', 'publics', 'objectives', 'origin', 'version'],
} as const satisfies Record<OfferKind, readonly (keyof CourseMetadata)[]>;

/**
 * The indexation fields publishing a course needs at its stage: a parcours in construction goes to the
 * course offer (deployers track its version), a session not archived to the training offer; the other
 * stages are not published.
 */
export function requiredToPublish(stage: Stage): readonly (keyof CourseMetadata)[] {
  if (stage === 'construction') return REQUIRED_FOR_OFFER.course;
  if (stage === 'session_preparation' || stage === 'session_running') return REQUIRED_FOR_OFFER.training;
  return [];
}

/** What the course's publication section shows. */
export const Publication = z.object({
  kind: z.enum(OFFER_KINDS),
  offer: z
    .object({
      id: z.string(),
      number: z.number(),
      status: z.enum(OFFER_STATUSES),
      version: z.string().nullable(),
      publishedAt: z.string(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** Required indexation fields still empty. */
  missing: z.array(z.string()),
});
export type Publication = z.infer<typeof Publication>;

/**
 * The extension members of the 410 problem a withdrawn offer answers with (besides `type`, `title` — the
 * human message —, `status` and `code: 'offer_withdrawn'`). The offer's own title is `offerTitle`, since
 * `title` is the problem's.
 */
export const OfferWithdrawn = z.object({
  number: z.number(),
  kind: z.enum(OFFER_KINDS),
  offerTitle: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type OfferWithdrawn = z.infer<typeof OfferWithdrawn>;

/** Publishing or republishing; the notes go with a new version of a course offer. */
export const PublishBody = z.object({ releaseNotes: z.string().trim().max(5000).optional() });
export type PublishBody = z.infer<typeof PublishBody>;

export const SubscriptionBody = z
  .object({
    publics: z.array(z.enum(PUBLICS)).max(PUBLICS.length),
    keywords: z.array(z.string().trim().min(1).max(60)).max(20),
  })
  .refine((b) => b.publics.length + b.keywords.length > 0, {
    message: 'offers.alerts.errors.emptySubscription',
  });
export type SubscriptionBody = z.infer<typeof SubscriptionBody>;

/**
 * `GET /api/offers/:number/demo`: the published course as a visitor may browse it before enrolling —
 * its sections and the titles of their activities, nothing of anyone's work.
 */
export const OfferDemo = z.object({
  number: z.number(),
  kind: z.enum(OFFER_KINDS),
  title: z.string(),
  /** Sanitised rich text of the course. */
  summary: z.string(),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** Sanitised rich text. */
      description: z.string(),
      activities: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          title: z.string(),
          /** What the kind shows on the course page (a label's text, a link's address, a file's name). */
          summary: z.record(z.string(), z.unknown()).optional(),
        }),
      ),
    }),
  ),
});
export type OfferDemo = z.infer<typeof OfferDemo>;
/** What someone asked to be told about (`GET /api/me/offer-subscription`; null when nothing). */
export const OfferSubscription = z.object({
  publics: z.array(z.enum(PUBLICS)),
  keywords: z.array(z.string()),
  createdAt: z.string(),
  /** New offers are those published after this instant. */
  lastSentAt: z.string(),
});
export type OfferSubscription = z.infer<typeof OfferSubscription>;

/** The unsubscribe link's secret (`/offres/desabonnement#jeton=…`), posted without login. */
export const UnsubscribeBody = z.object({ token: z.string().trim().min(20).max(200) });
export type UnsubscribeBody = z.infer<typeof UnsubscribeBody>;

/** The digest run on demand: how many subscriptions were looked at and how many mails left. */
export const DigestRun = z.object({ subscriptions: z.number(), mails: z.number() });
export type DigestRun = z.infer<typeof DigestRun>;
