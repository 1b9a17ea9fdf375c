import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CourseMetadata } from '../../../shared/lifecycle.ts';
import { OFFER_KINDS, OFFER_STATUSES } from '../../../shared/offers.ts';
import { users } from '../accounts/schema.ts';
import { courses } from '../courses/schema.ts';
import { domains } from '../domains/schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** One numbering for both offers: `/f918` and `/p932` never share a number, and numbers are never reused. */
export const offerNumbers = pgSequence('offer_numbers', { startWith: 100 });

/**
 * A publication in the offer: a session in the training offer (`training`, what people enrol in) or a
 * parcours in the course offer (`course`, what designers of other domains deploy). The searchable fields are
 * a snapshot taken at publication, so the catalogue never reads a course being edited; republishing
 * refreshes them. A withdrawn offer keeps its row and number: its short link says it was withdrawn.
 */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull().unique().default(sql`nextval('offer_numbers')`),
    kind: text('kind', { enum: OFFER_KINDS }).notNull(),
    courseId: uuid('course_id')
      .notNull()
      .unique()
      .references(() => courses.id, { onDelete: 'cascade' }),
    domainId: uuid('domain_id')
      .notNull()
      .references(() => domains.id),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('published'),
    title: text('title').notNull(),
    /** Plain text of the course summary, for the result list and the search. */
    summary: text('summary').notNull().default(''),
    metadata: jsonb('metadata').$type<CourseMetadata>().notNull().default({}),
    /** Facets, copied out of the metadata so they can be indexed and counted. */
    collection: text('collection'),
    publics: text('publics').array().notNull().default(sql`'{}'::text[]`),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    origin: text('origin'),
    /** `presentiel`, `distance` or `hybride`, from the two durations. */
    modality: text('modality'),
    /** On site + at distance, in minutes. */
    durationMinutes: integer('duration_minutes').notNull().default(0),
    /** The keywords joined, so the generated search vector stays immutable. */
    keywordsText: text('keywords_text').notNull().default(''),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('french', f_unaccent(coalesce("title", ''))), 'A') || setweight(to_tsvector('french', f_unaccent(coalesce("keywords_text", ''))), 'B') || setweight(to_tsvector('french', f_unaccent(coalesce("summary", ''))), 'C')`,
    ),
    /** A training's session dates and whether one may enrol oneself (null for a course offer). */
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    selfEnrolment: boolean('self_enrolment').notNull().default(false),
    version: text('version'),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  // Without the pending list, a search never scans unmerged entries after a burst of publications.
  (t) => [
    index('offers_search').using('gin', t.search).with({ fastupdate: false }),
    index('offers_publics').using('gin', t.publics).with({ fastupdate: false }),
    index('offers_keywords').using('gin', t.keywords).with({ fastupdate: false }),
    index('offers_listing').on(t.kind, t.status, t.publishedAt),
  ],
);

/**
 * Each version a course offer was published at, with its notes: what deployers are shown when the origin
 * moves on. A training offer has none.
 */
export const offerVersions = pgTable(
  'offer_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    releaseNotes: text('release_notes').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('offer_versions_version').on(t.offerId, t.version)],
);

/**
 * "Prévenez-moi": someone wants a weekly mail of the new offers for these publics or keywords. The token
 * lets the link in the mail unsubscribe without logging in.
 */
export const offerSubscriptions = pgTable('offer_subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
  publics: text('publics').array().notNull().default(sql`'{}'::text[]`),
  keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
  token: text('token').notNull().unique(),
  /** Offers published after this instant are new for the next mail. */
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
