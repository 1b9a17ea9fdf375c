/**
 * The catalogue search through `GET /api/offers`: French full text (accents, case, plurals), disjunctive
 * facet counts that match the filtered results, stable paging, withdrawn offers left out.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n/index.ts';
import type { CourseMetadata } from '../../../shared/lifecycle.ts';
import { FACETS, type OfferSearchResult } from '../../../shared/offers.ts';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { courses } from '../courses/schema.ts';
import { domains } from '../domains/schema.ts';
import { offers } from './schema.ts';

let t: TestApp;
let aix = '';
let bordeaux = '';
/** Every search of this file is about this kind, where only the fixtures below live. */
const KIND = 'course';

type Fixture = {
  title: string;
  summary?: string;
  keywords?: string[];
  metadata?: CourseMetadata;
  minutes?: number;
  domain?: 'aix' | 'bordeaux';
  status?: 'published' | 'withdrawn';
  publishedAt?: Date;
};

async function offer(f: Fixture) {
  const domainId = f.domain === 'bordeaux' ? bordeaux : aix;
  const [course] = await t.db
    .insert(courses)
    .values({ domainId, title: f.title, shortName: 'S', metadata: f.metadata ?? {} })
    .returning();
  const m = f.metadata ?? {};
  const keywords = f.keywords ?? [];
  const [row] = await t.db
    .insert(offers)
    .values({
      kind: KIND,
      courseId: course!.id,
      domainId,
      status: f.status ?? 'published',
      title: f.title,
      summary: f.summary ?? '',
      collection: m.collection ?? null,
      publics: m.publics ?? [],
      origin: m.origin ?? null,
      modality: f.minutes ? 'distance' : null,
      durationMinutes: f.minutes ?? 0,
      keywords,
      keywordsText: keywords.join(' '),
      publishedAt: f.publishedAt ?? new Date('2026-09-01T08:00:00Z'),
      ...(f.status === 'withdrawn' && { withdrawnAt: new Date() }),
    })
    .returning();
  return row!;
}

const search = async (qs: string) => {
  const response = await t.anonymous().get(`/api/offers?kind=${KIND}&${qs}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as OfferSearchResult;
};
const titles = (r: OfferSearchResult) => r.items.map((i) => i.title).sort();

beforeAll(async () => {
  t = await startTestApp();
  // The demo's course offers would blur the counts: this file works on its own fixtures only.
  await t.db.delete(offers).where(eq(offers.kind, KIND));
  aix = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille')))[0]!.id;
  bordeaux = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-bordeaux')))[0]!.id;
  await offer({
    title: 'Évaluations au cycle 3',
    summary: 'Construire des évaluations positives.',
    metadata: { collection: 'formation', publics: ['enseignants_1d'], origin: 'academie' },
    keywords: ['évaluation', 'cycle 3'],
    minutes: 240,
  });
  await offer({
    title: 'Enseigner les mathématiques au collège',
    summary: 'Résolution de problèmes et calcul mental.',
    metadata: { collection: 'autoformation', publics: ['enseignants_2d'], origin: 'national' },
    keywords: ['mathématiques', 'collège'],
    minutes: 120,
    domain: 'bordeaux',
  });
  await offer({
    title: 'Une mathématique vivante en maternelle',
    metadata: { collection: 'formation', publics: ['enseignants_1d', 'aesh'], origin: 'academie' },
    keywords: ['maternelle'],
    minutes: 600,
  });
  await offer({
    title: 'Évaluer sans noter — ancienne version',
    status: 'withdrawn',
    metadata: { collection: 'formation', publics: ['enseignants_1d'], origin: 'academie' },
    keywords: ['évaluation'],
    minutes: 240,
  });
  // A crowd with the same publication instant, so ties must be broken the same way on every page.
  for (let i = 0; i < 23; i++)
    await offer({
      title: `Atelier de pratiques ${String(i).padStart(2, '0')}`,
      metadata: {
        collection: i % 2 ? 'formation' : 'webinaire',
        publics: i % 3 ? ['cpe'] : ['cpe', 'enseignants_2d'],
        origin: i % 4 ? 'academie' : 'mutualise',
      },
      keywords: i % 5 ? ['pratiques'] : ['pratiques', 'évaluation'],
      minutes: 60 + i * 30,
      domain: i % 2 ? 'aix' : 'bordeaux',
      publishedAt: new Date('2026-10-01T08:00:00Z'),
    });
});
afterAll(() => t.close());

describe('catalogue search', () => {
  it('ignores accents and case: "evaluation" and "ÉVALUATION" find "Évaluations"', async () => {
    for (const q of ['evaluation', 'ÉVALUATION', 'Evaluations', 'évaluations']) {
      const r = await search(`q=${encodeURIComponent(q)}`);
      expect(titles(r), q).toContain('Évaluations au cycle 3');
    }
  });

  it('stems French words: the singular finds the plural and the other way round, the verb its noun', async () => {
    expect(titles(await search('q=math%C3%A9matique'))).toEqual([
      'Enseigner les mathématiques au collège',
      'Une mathématique vivante en maternelle',
    ]);
    expect(titles(await search('q=mathematiques'))).toEqual([
      'Enseigner les mathématiques au collège',
      'Une mathématique vivante en maternelle',
    ]);
    expect(titles(await search('q=collèges'))).toEqual(['Enseigner les mathématiques au collège']);
  });

  it('leaves withdrawn offers out of results and counts', async () => {
    const r = await search('q=evaluer');
    expect(titles(r)).not.toContain('Évaluer sans noter — ancienne version');
    const all = await search('perPage=50');
    expect(all.items.every((i) => i.title !== 'Évaluer sans noter — ancienne version')).toBe(true);
    expect(all.total).toBe(26);
  });

  it('accepts any text a person types without a syntax error', async () => {
    for (const q of ['"cycle 3" -maternelle', 'a & b | !c', "l'évaluation:*", '(((', '—']) {
      await search(`q=${encodeURIComponent(q)}`);
    }
    expect(titles(await search(`q=${encodeURIComponent('"cycle 3" -maternelle')}`))).toEqual([
      'Évaluations au cycle 3',
    ]);
  });

  it('gives each facet value the count of results it would give, other facets applied', async () => {
    const queries = [
      '',
      'q=pratiques',
      'collection=formation',
      'collection=formation&public=cpe',
      'duration=3to6h&duration=lt3h&domain=ac-bordeaux',
      'q=evaluation&origin=academie',
    ];
    for (const qs of queries) {
      const r = await search(`${qs}&perPage=50`);
      expect(r.items.length, qs).toBe(Math.min(r.total, 50));
      for (const facet of FACETS) {
        for (const { value, count } of r.facets[facet]) {
          // Selecting the value replaces this facet's own selection; the others stay.
          const others = new URLSearchParams(qs);
          others.delete(facet);
          others.append(facet, value);
          const narrowed = await search(`${others.toString()}&perPage=10`);
          expect(narrowed.total, `${qs} → ${facet}=${value}`).toBe(count);
        }
      }
    }
  });

  it('ORs the values of one facet and ANDs the facets', async () => {
    const one = await search('collection=formation');
    const other = await search('collection=webinaire');
    const both = await search('collection=formation&collection=webinaire');
    expect(both.total).toBe(one.total + other.total);
    const narrowed = await search('collection=formation&domain=ac-bordeaux');
    expect(narrowed.items.every((i) => i.collection === 'formation' && i.domain.slug === 'ac-bordeaux')).toBe(
      true,
    );
    // The facet keeps its other values (disjunctive), the domain name comes as label.
    expect(one.facets.collection.map((f) => f.value)).toContain('webinaire');
    expect(other.facets.domain.find((d) => d.value === 'ac-bordeaux')?.label).toBeTruthy();
    expect(one.facets.duration.map((d) => d.value)).toEqual(
      ['lt3h', '3to6h', '6to9h', 'from9h'].filter((b) => one.facets.duration.some((d) => d.value === b)),
    );
  });

  it('pages stably: the same total on every page, no offer twice, none missing, whatever the sort', async () => {
    for (const sort of ['relevance', 'recent', 'title', 'start']) {
      const seen: number[] = [];
      const totals = new Set<number>();
      for (let page = 1; page <= 3; page++) {
        const r = await search(`sort=${sort}&perPage=10&page=${page}`);
        totals.add(r.total);
        seen.push(...r.items.map((i) => i.number));
      }
      expect([...totals], sort).toEqual([26]);
      expect(new Set(seen).size, sort).toBe(26);
      expect(seen.length, sort).toBe(26);
    }
    const byTitle = await search('sort=title&perPage=10');
    expect(byTitle.items[0]!.title).toBe('Atelier de pratiques 00');
  });

  it('sorts by relevance: a title match before a summary match', async () => {
    await offer({ title: 'Le calcul mental au quotidien', keywords: ['calcul'] });
    const r = await search('q=calcul');
    expect(r.items[0]!.title).toBe('Le calcul mental au quotidien');
    expect(r.items.map((i) => i.title)).toContain('Enseigner les mathématiques au collège');
    await t.db.delete(offers).where(sql`${offers.title} = 'Le calcul mental au quotidien'`);
  });

  it('counts a duration on a bound under the bucket whose label includes it, and filters the same way', async () => {
    const fr = createI18n('fr').t;
    const label = (bucket: string) => fr(`offers.catalogue.durations.${bucket}`).replaceAll('\u00a0', ' ');
    const cases = [
      [179, 'Moins de 3 h'],
      [180, 'De 3 h à moins de 6 h'],
      [359, 'De 3 h à moins de 6 h'],
      [360, 'De 6 h à moins de 9 h'],
      [539, 'De 6 h à moins de 9 h'],
      [540, '9 h et plus'],
      [2400, '9 h et plus'],
    ] as const;
    for (const [minutes] of cases)
      await offer({ title: `Borne ${minutes}`, keywords: [`borne-${minutes}`], minutes });
    for (const [minutes, expected] of cases) {
      const r = await search(`keyword=borne-${minutes}`);
      expect(r.facets.duration, `${minutes} min`).toHaveLength(1);
      const bucket = r.facets.duration[0]!.value;
      expect(label(bucket), `${minutes} min`).toBe(expected);
      expect((await search(`keyword=borne-${minutes}&duration=${bucket}`)).total, `${minutes} min`).toBe(1);
    }
    // A link shared before the last bucket was renamed still filters on it.
    expect((await search('keyword=borne-540&duration=gt9h')).total).toBe(1);
    await t.db.delete(offers).where(sql`${offers.title} like 'Borne %'`);
  });

  it('refuses a bad query with a problem', async () => {
    for (const qs of ['kind=nope', 'public=astronautes', 'perPage=7', 'page=0', 'duration=long']) {
      const response = await t.anonymous().get(`/api/offers?${qs}`);
      const problem = problemOf(response);
      expect(problem.status, qs).toBe(400);
      expect(problem.contentType).toContain('application/problem+json');
    }
  });
});
