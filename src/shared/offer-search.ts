/**
 * The catalogue's search, without zod: its words (kinds, modalities, durations, sorts, facets) and the
 * reading of its query string. The server validates the same query with the zod schema `OfferSearchQuery`
 * of `offers.ts`, built from these lists; the web app's catalogue, the first page many visitors open, reads
 * its address with `readOfferSearchQuery` and so downloads no zod. `offer-search.test.ts` checks that both
 * read every query the same way.
 */
import { COLLECTIONS, type Collection, ORIGINS, type Origin, PUBLICS, type Public } from './indexation.ts';

/**
 * The offer: `training` (offre de formation) lists sessions one can enrol in, reached at `/f<number>`;
 * `course` (offre de parcours) lists parcours that designers of other domains deploy, at `/p<number>`.
 */
export const OFFER_KINDS = ['training', 'course'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

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

/** A bucket by a name it had before: `gt9h`, in links shared before the last one became "9 h et plus". */
export const durationBucketNamed = (name: string) => (name === 'gt9h' ? 'from9h' : name);

export const OFFER_SORTS = ['relevance', 'recent', 'title', 'start'] as const;
export type OfferSort = (typeof OFFER_SORTS)[number];
export const PAGE_SIZES = [10, 20, 50] as const;

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

/** Most offers one download (CSV or PDF) holds; the catalogue says so beside the buttons. */
export const EXPORT_MAX_OFFERS = 2000;

/** The limits of the query, shared with the zod schema. */
export const SEARCH_LIMITS = {
  q: 200,
  /** Values of one facet. */
  values: 30,
  domain: 100,
  keyword: 60,
  page: 10_000,
} as const;

/** The catalogue's query: text, facets (several values of one facet are OR-ed), sort and page. */
export type OfferSearchQuery = {
  kind: OfferKind;
  q: string;
  public: Public[];
  collection: Collection[];
  modality: Modality[];
  duration: DurationBucket[];
  domain: string[];
  origin: Origin[];
  keyword: string[];
  sort: OfferSort;
  page: number;
  perPage: number;
};

export const SEARCH_DEFAULTS: Readonly<OfferSearchQuery> = {
  kind: 'training',
  q: '',
  public: [],
  collection: [],
  modality: [],
  duration: [],
  domain: [],
  origin: [],
  keyword: [],
  sort: 'relevance',
  page: 1,
  perPage: 20,
};

const isIn = <T extends string | number>(values: readonly T[], value: unknown): value is T =>
  (values as readonly unknown[]).includes(value);

/** A number written in the address, read as zod's `z.coerce.number().int()` reads it; undefined if not one. */
function integer(text: string): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) ? value : undefined;
}

/** Every value of a facet read by `read`, or none when one is refused (the schema refuses the whole list). */
function many<T>(values: string[], read: (value: string) => T | undefined): T[] {
  if (values.length > SEARCH_LIMITS.values) return [];
  const items: T[] = [];
  for (const value of values) {
    const item = read(value);
    if (item === undefined) return [];
    items.push(item);
  }
  return items;
}

/** A trimmed text of 1 to `max` characters. */
const text = (max: number) => (value: string) => {
  const trimmed = value.trim();
  return trimmed.length >= 1 && trimmed.length <= max ? trimmed : undefined;
};

/**
 * The query of a catalogue address. Empty parameters count as absent; a parameter the schema would refuse
 * (an old link, a hand-edited one) is left at its default rather than breaking the page, the others kept.
 */
export function readOfferSearchQuery(params: URLSearchParams): OfferSearchQuery {
  const one = (name: string) => {
    const value = params.get(name);
    return value === null || value === '' ? undefined : value;
  };
  const all = (name: Facet) => params.getAll(name).filter(Boolean);
  const kind = one('kind');
  const q = one('q')?.trim();
  const sort = one('sort');
  const pageText = one('page');
  const page = pageText === undefined ? undefined : integer(pageText);
  const perPageText = one('perPage');
  const perPage = perPageText === undefined ? undefined : integer(perPageText);
  return {
    kind: isIn(OFFER_KINDS, kind) ? kind : SEARCH_DEFAULTS.kind,
    q: q !== undefined && q.length <= SEARCH_LIMITS.q ? q : SEARCH_DEFAULTS.q,
    public: many(all('public'), (v) => (isIn(PUBLICS, v) ? v : undefined)),
    collection: many(all('collection'), (v) => (isIn(COLLECTIONS, v) ? v : undefined)),
    modality: many(all('modality'), (v) => (isIn(MODALITIES, v) ? v : undefined)),
    duration: many(all('duration'), (v) => {
      const bucket = durationBucketNamed(v);
      return isIn(DURATION_BUCKET_KEYS, bucket) ? bucket : undefined;
    }),
    domain: many(all('domain'), text(SEARCH_LIMITS.domain)),
    origin: many(all('origin'), (v) => (isIn(ORIGINS, v) ? v : undefined)),
    keyword: many(all('keyword'), text(SEARCH_LIMITS.keyword)),
    sort: isIn(OFFER_SORTS, sort) ? sort : SEARCH_DEFAULTS.sort,
    page: page !== undefined && page >= 1 && page <= SEARCH_LIMITS.page ? page : SEARCH_DEFAULTS.page,
    perPage: isIn(PAGE_SIZES, perPage) ? perPage : SEARCH_DEFAULTS.perPage,
  };
}
