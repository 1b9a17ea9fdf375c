import { type SQL, sql } from 'drizzle-orm';
import {
  DURATION_BUCKET_KEYS,
  DURATION_BUCKETS,
  FACETS,
  type Facet,
  type FacetCounts,
  type OfferCard,
  type OfferSearchQuery,
  type OfferSearchResult,
} from '../../../shared/offers.ts';
import type { Tx } from '../../platform/db/index.ts';
import { domainsByIds, domainsBySlugs } from '../domains/index.ts';

/** How many keyword values the keyword facet lists (the most frequent first). */
const KEYWORD_FACET_SIZE = 30;

/** The duration bucket of a row, computed from the same boundaries the web shows. */
const bucketSql = sql.raw(
  `CASE ${DURATION_BUCKET_KEYS.filter((key) => Number.isFinite(DURATION_BUCKETS[key][1]))
    .map((key) => `WHEN o.duration_minutes < ${DURATION_BUCKETS[key][1]} THEN '${key}'`)
    .join(' ')} ELSE '${DURATION_BUCKET_KEYS.at(-1)}' END`,
);

const textArray = (values: readonly string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/**
 * Each facet's filter on the row `o`, or null when the facet is not used. The domains are given by the ids
 * of the query's slugs, so counting never joins the domains of thousands of rows.
 */
function facetFilters(query: OfferSearchQuery, domainIds: readonly string[]): Record<Facet, SQL | null> {
  const oneOf = (column: SQL, values: readonly string[]) =>
    values.length ? sql`${column} = ANY(${textArray(values)})` : null;
  return {
    public: query.public.length ? sql`o.publics && ${textArray(query.public)}` : null,
    collection: oneOf(sql`o.collection`, query.collection),
    modality: oneOf(sql`o.modality`, query.modality),
    duration: oneOf(bucketSql, query.duration),
    domain: query.domain.length ? sql`o.domain_id = ANY(${sql.param([...domainIds])}::uuid[])` : null,
    origin: oneOf(sql`o.origin`, query.origin),
    keyword: query.keyword.length ? sql`o.keywords && ${textArray(query.keyword)}` : null,
  };
}

/**
 * The text query: French stemming over unaccented words, as the `search` column was built, so
 * "evaluation" finds "Évaluations". `websearch_to_tsquery` accepts anything a person types (quotes, "-mot",
 * "ou") without a syntax error.
 */
const tsQuery = (q: string) => sql`websearch_to_tsquery('french', f_unaccent(${q}))`;

function orderBy(query: OfferSearchQuery): SQL {
  // Every order ends with the number, unique, so pages never overlap nor skip an offer.
  switch (query.sort) {
    case 'recent':
      return sql`o.published_at DESC, o.number DESC`;
    case 'title':
      return sql`lower(f_unaccent(o.title)) ASC, o.number ASC`;
    case 'start':
      return sql`o.starts_at ASC NULLS LAST, o.number ASC`;
    default:
      return query.q
        ? sql`ts_rank(o.search, ${tsQuery(query.q)}) DESC, o.published_at DESC, o.number DESC`
        : sql`o.published_at DESC, o.number DESC`;
  }
}

type CardRow = {
  id: string;
  number: number;
  kind: OfferCard['kind'];
  title: string;
  summary: string;
  domain_id: string;
  collection: string | null;
  publics: string[];
  keywords: string[];
  modality: OfferCard['modality'];
  duration_minutes: number;
  starts_at: Date | null;
  ends_at: Date | null;
  published_at: Date;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toCard(row: CardRow, domain: { slug: string; name: string }): OfferCard {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    domain,
    collection: row.collection,
    publics: row.publics,
    keywords: row.keywords,
    modality: row.modality,
    durationMinutes: row.duration_minutes,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    publishedAt: iso(row.published_at)!,
  };
}

const CARD_COLUMNS = sql`o.id, o.number, o.kind, o.title, o.summary, o.domain_id,
  o.collection, o.publics, o.keywords, o.modality, o.duration_minutes, o.starts_at, o.ends_at, o.published_at`;

/** The published offers of the query's kind matching its text: the ground every count stands on. */
function baseWhere(query: OfferSearchQuery): SQL {
  const text = query.q ? sql` AND o.search @@ ${tsQuery(query.q)}` : sql``;
  return sql`o.kind = ${query.kind} AND o.status = 'published'${text}`;
}

const all = (conditions: (SQL | null)[]) => {
  const used = conditions.filter((c): c is SQL => c !== null);
  return used.length ? sql.join(used, sql` AND `) : sql`TRUE`;
};

/** What each facet counts: the values a row holds for it (several for publics and keywords). */
const FACET_VALUES: Record<Facet, SQL> = {
  public: sql`unnest(publics)`,
  collection: sql`collection`,
  modality: sql`modality`,
  duration: sql`bucket`,
  domain: sql`domain_id`,
  origin: sql`origin`,
  keyword: sql`unnest(keywords)`,
};

/**
 * Searches the offer: text, facets (values of one facet OR-ed, facets AND-ed), sort and page. Each facet's
 * counts apply every OTHER facet's filter (disjunctive faceting), so ticking a value never makes its
 * neighbours vanish; the total is the count with every filter. Two queries, the page and the counts, between
 * the domains module's answers: the ids of the domains asked for, then the names of those shown.
 */
export async function searchOffers(
  db: Tx,
  query: OfferSearchQuery,
  opts: { limit?: number; offset?: number; facets?: boolean } = {},
): Promise<OfferSearchResult> {
  const asked = query.domain.length ? await domainsBySlugs(db, query.domain) : [];
  const filters = facetFilters(
    query,
    asked.map((d) => d.id),
  );
  const limit = opts.limit ?? query.perPage;
  const offset = opts.offset ?? (query.page - 1) * query.perPage;
  const matches = (facet: Facet) => sql.raw(`m_${facet}`);

  const [page, counts] = await Promise.all([
    db.execute<CardRow>(sql`
      SELECT ${CARD_COLUMNS}
      FROM offers o
      WHERE ${baseWhere(query)} AND ${all(FACETS.map((f) => filters[f]))}
      ORDER BY ${orderBy(query)}
      LIMIT ${limit} OFFSET ${offset}`),
    opts.facets === false
      ? null
      : db.execute<{ facet: string; value: string | null; count: number }>(sql`
      WITH base AS (
        SELECT o.publics, o.collection, o.modality, ${bucketSql} AS bucket, o.domain_id, o.origin, o.keywords,
          ${sql.join(
            FACETS.map((f) => sql`${filters[f] ?? sql`TRUE`} AS ${matches(f)}`),
            sql`, `,
          )}
        FROM offers o
        WHERE ${baseWhere(query)}
      )
      SELECT '_total' AS facet, NULL AS value, count(*)::int AS count
        FROM base WHERE ${all(FACETS.map((f) => matches(f)))}
      ${sql.join(
        FACETS.map((facet) => {
          const others = all(FACETS.filter((f) => f !== facet).map((f) => matches(f)));
          return sql`UNION ALL (SELECT ${facet}::text AS facet, v::text AS value, count(*)::int AS count
            FROM (SELECT ${FACET_VALUES[facet]} AS v FROM base WHERE ${others}) x
            WHERE v IS NOT NULL GROUP BY v
            ${facet === 'keyword' ? sql`ORDER BY count(*) DESC, v LIMIT ${KEYWORD_FACET_SIZE}` : sql``})`;
        }),
        sql` `,
      )}`),
  ]);

  // The domains are counted by id, then shown by slug and named.
  const domains = new Map(
    (
      await domainsByIds(db, [
        ...page.rows.map((row) => row.domain_id),
        ...(counts?.rows ?? []).flatMap((row) => (row.facet === 'domain' && row.value ? [row.value] : [])),
      ])
    ).map((d) => [d.id, d]),
  );
  const facets = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as FacetCounts;
  let total = 0;
  for (const row of counts?.rows ?? []) {
    if (row.facet === '_total') total = row.count;
    else if (row.facet === 'domain') {
      const domain = domains.get(row.value!);
      if (domain) facets.domain.push({ value: domain.slug, label: domain.name, count: row.count });
    } else facets[row.facet as Facet].push({ value: row.value!, count: row.count });
  }
  for (const facet of FACETS)
    if (facet !== 'keyword')
      facets[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  // Buckets keep their natural order (shortest first), not their counts'.
  facets.duration.sort(
    (a, b) => DURATION_BUCKET_KEYS.indexOf(a.value as never) - DURATION_BUCKET_KEYS.indexOf(b.value as never),
  );
  if (!counts) total = page.rows.length;
  const cardOf = (row: CardRow) => {
    // The offer's foreign key keeps its domain.
    const { slug, name } = domains.get(row.domain_id)!;
    return toCard(row, { slug, name });
  };
  return { total, page: query.page, perPage: query.perPage, items: page.rows.map(cardOf), facets };
}
