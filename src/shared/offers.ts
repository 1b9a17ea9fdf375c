import { z } from 'zod';
import { COLLECTIONS, CourseMetadata, ORIGINS, PUBLICS, type Stage } from './lifecycle.ts';

/**
 * The offer: `training` (offre de formation) lists sessions one can enrol in, reached at `/f<number>`;
 * `course` (offre de parcours) lists parcours that designers of other domains deploy, at `/p<number>`.
 */
export const OFFER_KINDS = ['training', 'course'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
export const OFFER_STATUSES = ['published', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The letter of a kind's short link. */
export const SHORT_LINK_PREFIX: Record<OfferKind, 'f' | 'p'> = { training: 'f', course: 'p' };
export const shortLink = (kind: OfferKind, number: number) => `/${SHORT_LINK_PREFIX[kind]}${number}`;

export const MODALITIES = ['presentiel', 'distance', 'hybride'] as const;
export type Modality = (typeof MODALITIES)[number];

/** Modality from the two durations: only on site, only at distance, or both. Null when neither is known. */
export function modalityOf(onSite = 0, remote = 0): Modality | null {
  if (onSite > 0 && remote > 0) return 'hybride';
  if (onSite > 0) return 'presentiel';
  if (remote > 0) return 'distance';
  return null;
}

/**
 * The duration facet's buckets, in minutes: [min, max) — a bound belongs to the bucket it starts, so
 * exactly 9 h is "9 h et plus", and the labels say "à moins de" for the upper bounds.
 */
export const DURATION_BUCKETS = {
  lt3h: [0, 180],
  '3to6h': [180, 360],
  '6to9h': [360, 540],
  from9h: [540, Number.POSITIVE_INFINITY],
} as const;
export type DurationBucket = keyof typeof DURATION_BUCKETS;
export const DURATION_BUCKET_KEYS = Object.keys(DURATION_BUCKETS) as DurationBucket[];

export function durationBucketOf(minutes: number): DurationBucket {
  return DURATION_BUCKET_KEYS.find((key) => minutes < DURATION_BUCKETS[key][1]) ?? 'from9h';
}

export const OFFER_SORTS = ['relevance', 'recent', 'title', 'start'] as const;
export const PAGE_SIZES = [10, 20, 50] as const;

/** A repeated query parameter may come as one string or several. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(30));

/** The catalogue's query string: text, facets (several values of one facet are OR-ed), sort and page. */
export const OfferSearchQuery = z.object({
  kind: z.enum(OFFER_KINDS).default('training'),
  q: z.string().trim().max(200).default(''),
  public: many(z.enum(PUBLICS)),
  collection: many(z.enum(COLLECTIONS)),
  modality: many(z.enum(MODALITIES)),
  duration: many(
    // `gt9h` was the last bucket's name in links shared before it became "9 h et plus".
    z.preprocess(
      (v) => (v === 'gt9h' ? 'from9h' : v),
      z.enum(DURATION_BUCKET_KEYS as [DurationBucket, ...DurationBucket[]]),
    ),
  ),
  domain: many(z.string().trim().min(1).max(100)),
  origin: many(z.enum(ORIGINS)),
  keyword: many(z.string().trim().min(1).max(60)),
  sort: z.enum(OFFER_SORTS).default('relevance'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .default(20),
});
export type OfferSearchQuery = z.infer<typeof OfferSearchQuery>;

export const FACETS = [
  'public',
  'collection',
  'modality',
  'duration',
  'domain',
  'origin',
  'keyword',
] as const;
export type Facet = (typeof FACETS)[number];

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

/** Most offers one download (CSV or PDF) holds; the catalogue says so beside the buttons. */
export const EXPORT_MAX_OFFERS = 2000;

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
