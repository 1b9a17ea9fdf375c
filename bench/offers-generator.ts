/**
 * A national-scale offer, written straight into PostgreSQL for benchmarks: by default 5,000 published
 * training offers (what the catalogue searches), 1,000 published course offers and 250 withdrawn trainings,
 * each on its own course (a session or a parcours), spread over the demo domains and every facet the way a
 * real catalogue is — a few publics and collections dominate, durations cluster around a day, keywords
 * follow a long tail. The content is French and varied so that full-text search has real work to do.
 * Deterministic (seeded), so two runs measure the same data.
 *
 * Run it after the server has migrated and seeded (the demo domains must exist), as `offers-search` does;
 * or alone: `node bench/offers-generator.ts postgres://…/magistere_bench_x [training] [course] [withdrawn]`.
 */
import pg from 'pg';

export type OfferSpec = { training?: number; course?: number; withdrawn?: number; seed?: number };
export type GeneratedOffers = { training: number; course: number; withdrawn: number; ms: number };

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = [
  'Enseigner',
  'Évaluer les apprentissages',
  'Différencier',
  'Résoudre des problèmes',
  'Construire une progression',
  'Travailler l’oral',
  'Développer l’esprit critique',
  'Intégrer le numérique',
  'Accompagner les élèves à besoins particuliers',
  'Conduire une démarche d’investigation',
  'Mettre en œuvre la classe inversée',
  'Favoriser la coopération entre élèves',
  'Préparer aux examens',
  'Lire et comprendre des textes',
  'Enseigner par projets',
];
const SUBJECTS = [
  'en mathématiques',
  'en français',
  'en histoire-géographie',
  'en sciences et technologie',
  'en langues vivantes',
  'en éducation physique et sportive',
  'en arts plastiques',
  'en éducation musicale',
  'en physique-chimie',
  'en sciences de la vie et de la Terre',
  'en philosophie',
  'en économie-gestion',
  'en enseignement moral et civique',
];
const CONTEXTS = [
  'au cycle 1',
  'au cycle 2',
  'au cycle 3',
  'au cycle 4',
  'au lycée général et technologique',
  'en lycée professionnel',
  'en classe multiniveau',
  'en éducation prioritaire',
  'en ULIS',
  'en SEGPA',
];
const SUMMARIES = [
  'Des apports théoriques courts, des exemples filmés en classe et des situations à transposer.',
  'La formation alterne temps en présence, travail à distance et analyse de pratiques entre pairs.',
  'Les participants conçoivent une séquence, la mettent en œuvre puis en analysent les effets.',
  'Un parcours pour outiller l’observation des élèves et l’évaluation formative au quotidien.',
  'Des ressources issues de la recherche, des outils prêts à l’emploi et un accompagnement par un formateur.',
  'Les programmes en vigueur, les attendus de fin de cycle et leurs conséquences pour la classe.',
  'Une attention particulière est portée à l’inclusion et à la différenciation des parcours.',
  'Des temps de mutualisation permettent d’échanger les productions entre établissements.',
];
const KEYWORDS = [
  'mathématiques',
  'français',
  'évaluation',
  'numérique',
  'oral',
  'différenciation',
  'inclusion',
  'lecture',
  'écriture',
  'calcul mental',
  'résolution de problèmes',
  'esprit critique',
  'climat scolaire',
  'laïcité',
  'égalité filles-garçons',
  'orientation',
  'langues vivantes',
  'sciences',
  'coopération',
  'classe inversée',
  'pédagogie de projet',
  'handicap',
  'EMC',
  'éducation au développement durable',
  'intelligence artificielle',
  'programmation',
  'géométrie',
  'grammaire',
  'vocabulaire',
  'arts',
];
/** Publics, most common first: trainings mostly address teachers. */
const PUBLICS: [string, number][] = [
  ['enseignants_1d', 30],
  ['enseignants_2d', 30],
  ['enseignants_lp', 8],
  ['tous', 8],
  ['formateurs', 6],
  ['cpe', 4],
  ['aesh', 4],
  ['encadrement', 3],
  ['psyen', 2],
  ['inspection', 2],
  ['administratifs', 2],
  ['sante_social', 1],
];
const COLLECTIONS: [string, number][] = [
  ['formation', 45],
  ['autoformation', 20],
  ['action', 12],
  ['webinaire', 10],
  ['espace_collaboratif', 8],
  ['reseau', 5],
];
const ORIGINS: [string, number][] = [
  ['academie', 65],
  ['national', 25],
  ['mutualise', 10],
];
const DOMAINS: [string, number][] = [
  ['ac-aix-marseille', 35],
  ['ac-bordeaux', 35],
  ['dgesco', 20],
  ['educagri', 10],
];

function weighted<T>(rand: () => number, items: [T, number][]): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}
const pick = <T>(rand: () => number, items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
function distinct<T>(draw: () => T, count: number): T[] {
  const set = new Set<T>();
  for (let i = 0; set.size < count && i < count * 10; i += 1) set.add(draw());
  return [...set];
}

/** Minutes on site and at distance: half-days and days on site, an hour or a few at distance. */
function durations(rand: () => number, collection: string): [number, number] {
  if (collection === 'autoformation') return [0, pick(rand, [60, 90, 120, 180, 240, 360])];
  if (collection === 'webinaire') return [0, pick(rand, [60, 90, 120])];
  const onSite = pick(rand, [0, 180, 180, 360, 360, 360, 540, 720, 1080]);
  const remote = pick(rand, [0, 0, 60, 120, 180, 180, 360]);
  return onSite + remote === 0 ? [360, 0] : [onSite, remote];
}

const modalityOf = (onSite: number, remote: number) =>
  onSite > 0 && remote > 0 ? 'hybride' : onSite > 0 ? 'presentiel' : 'distance';

type Row = Record<string, unknown>;

function makeRow(rand: () => number, n: number, kind: 'training' | 'course', withdrawn: boolean): Row {
  const subject = pick(rand, SUBJECTS);
  const title = `${pick(rand, ACTIONS)} ${subject} ${pick(rand, CONTEXTS)}${
    kind === 'training' ? ` — session ${2026 + (n % 2)}-${2027 + (n % 2)}` : ''
  }`;
  const collection = weighted(rand, COLLECTIONS);
  const [onSite, remote] = durations(rand, collection);
  const publics = distinct(() => weighted(rand, PUBLICS), 1 + Math.floor(rand() * 3));
  const keywords = distinct(() => pick(rand, KEYWORDS), 2 + Math.floor(rand() * 3));
  // The subject of the title is a keyword too, as designers index them.
  const subjectKeyword = subject.replace(/^en /, '');
  if (KEYWORDS.includes(subjectKeyword) && !keywords.includes(subjectKeyword))
    keywords.unshift(subjectKeyword);
  const summary = `${pick(rand, SUMMARIES)} ${pick(rand, SUMMARIES)}`;
  const origin = weighted(rand, ORIGINS);
  const day = 86_400_000;
  const publishedAt = new Date(Date.UTC(2026, 8, 1) + Math.floor(rand() * 80) * day + n * 1000);
  const startsAt =
    kind === 'training' ? new Date(publishedAt.getTime() + (15 + Math.floor(rand() * 120)) * day) : null;
  const metadata = {
    collection,
    publics,
    objectives: `<p>${summary}</p>`,
    origin,
    durationOnSite: onSite,
    durationRemote: remote,
    keywords,
    rhythm: pick(rand, [
      'Trois séances de trois heures',
      'Une journée puis deux classes virtuelles',
      'À son rythme',
    ]),
    authors: 'Équipe académique de formation',
    ...(kind === 'course' ? { version: `1.${n % 4}` } : {}),
  };
  return {
    kind,
    domain: weighted(rand, DOMAINS),
    status: withdrawn ? 'withdrawn' : 'published',
    title,
    summary,
    metadata,
    collection,
    publics,
    keywords,
    keywordsText: keywords.join(' '),
    origin,
    modality: modalityOf(onSite, remote),
    duration: onSite + remote,
    startsAt: startsAt?.toISOString() ?? null,
    endsAt: startsAt ? new Date(startsAt.getTime() + 60 * day).toISOString() : null,
    selfEnrolment: kind === 'training' && rand() < 0.4,
    version: kind === 'course' ? `1.${n % 4}` : null,
    publishedAt: publishedAt.toISOString(),
    withdrawnAt: withdrawn ? new Date(publishedAt.getTime() + 10 * day).toISOString() : null,
  };
}

/** One batch: its courses (a running session for a training, a parcours for a course offer), then offers. */
const INSERT_BATCH = `
WITH input AS (
  SELECT r, ord FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(r, ord)
),
made AS (
  INSERT INTO courses (domain_id, title, short_name, summary, stage, metadata)
  SELECT d.id, r->>'title', 'OFFRE-' || ($2::int + ord), '<p>' || (r->>'summary') || '</p>',
         CASE WHEN r->>'kind' = 'training' THEN 'session_running' ELSE 'construction' END, r->'metadata'
  FROM input JOIN domains d ON d.slug = r->>'domain'
  ORDER BY ord
  RETURNING id, domain_id, short_name
)
INSERT INTO offers (kind, course_id, domain_id, status, title, summary, metadata, collection, publics,
  keywords, origin, modality, duration_minutes, keywords_text, starts_at, ends_at, self_enrolment, version,
  published_at, updated_at, withdrawn_at)
SELECT r->>'kind', m.id, m.domain_id, r->>'status', r->>'title', r->>'summary', r->'metadata',
       r->>'collection', ARRAY(SELECT jsonb_array_elements_text(r->'publics')),
       ARRAY(SELECT jsonb_array_elements_text(r->'keywords')), r->>'origin', r->>'modality',
       (r->>'duration')::int, r->>'keywordsText', (r->>'startsAt')::timestamptz, (r->>'endsAt')::timestamptz,
       (r->>'selfEnrolment')::boolean, r->>'version', (r->>'publishedAt')::timestamptz,
       (r->>'publishedAt')::timestamptz, (r->>'withdrawnAt')::timestamptz
FROM input JOIN made m ON m.short_name = 'OFFRE-' || ($2::int + ord)`;

export async function generateOffers(databaseUrl: string, spec: OfferSpec = {}): Promise<GeneratedOffers> {
  const counts = {
    training: spec.training ?? 5000,
    course: spec.course ?? 1000,
    withdrawn: spec.withdrawn ?? 250,
  };
  const rand = random(spec.seed ?? 2026);
  const rows: Row[] = [];
  for (let i = 0; i < counts.training; i += 1) rows.push(makeRow(rand, i, 'training', false));
  for (let i = 0; i < counts.course; i += 1) rows.push(makeRow(rand, i, 'course', false));
  for (let i = 0; i < counts.withdrawn; i += 1) rows.push(makeRow(rand, i, 'training', true));
  const started = Date.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const base = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM courses')).rows[0]!.n);
    for (let i = 0; i < rows.length; i += 500) {
      await client.query(INSERT_BATCH, [JSON.stringify(rows.slice(i, i + 500)), base * 10 + i]);
    }
    await client.query('COMMIT');
    // As autovacuum leaves a catalogue that has lived a while: statistics, and the GIN indexes' pending lists
    // merged — a bulk insert leaves them in a list every text search scans linearly (12–28 ms instead of
    // 1.3 ms for "mathématiques" on 5,000 offers).
    await client.query('VACUUM ANALYZE offers');
    await client.query('ANALYZE courses');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return { ...counts, ms: Date.now() - started };
}

if (import.meta.main) {
  const [url, training, course, withdrawn] = process.argv.slice(2);
  if (!url) {
    console.error('usage : node bench/offers-generator.ts <DATABASE_URL> [formations] [parcours] [retirées]');
    process.exit(2);
  }
  const made = await generateOffers(url, {
    ...(training ? { training: Number(training) } : {}),
    ...(course ? { course: Number(course) } : {}),
    ...(withdrawn ? { withdrawn: Number(withdrawn) } : {}),
  });
  console.log(JSON.stringify(made));
}
