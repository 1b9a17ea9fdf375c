/**
 * National-scale data for benchmarks, written straight into PostgreSQL (no HTTP, no audit): a throw-away
 * database on the machine's PostgreSQL, then courses with their sections, activities (page, label, url),
 * access contexts and enrolled participants. Run it after the server has migrated and seeded (`/readyz` 200):
 * it needs the demo domains, their contexts and a demo password hash.
 *
 * Participants get the hash of an existing demo account, so they log in with the demo password
 * (`Magistere-demo-2026`). Every generated e-mail is `bench.<tag>.<n>@magistere.test`, n from 1.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The machine's PostgreSQL (superuser, trust on loopback). */
export const ADMIN_DATABASE_URL =
  process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type FreshDatabase = { url: string; name: string; drop: () => Promise<void> };

/** Creates an empty database `magistere_bench_<random>`; `drop()` removes it (closing leftover connections). */
export async function createDatabase(adminUrl = ADMIN_DATABASE_URL): Promise<FreshDatabase> {
  const name = `magistere_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export type CourseSpec = {
  /** Domain slug of the course and home domain of its participants. */
  domain?: string;
  sections?: number;
  activitiesPerSection?: number;
  /** Total number of activities, dealt round-robin over the sections (instead of `activitiesPerSection`). */
  activities?: number;
  participants?: number;
  /**
   * Also write an active enrolment per participant (method `manual`), as enrolling through the product does:
   * "Mon espace" and the participants list read enrolments, access control reads the role assignment.
   */
  enrol?: boolean;
  /** Distinguishes the accounts of several generated courses in one database. */
  tag?: string;
};

/**
 * The course sizes of Moodle's own generator (`admin/tool/generator`, "make test course"): S has 10 sections,
 * 10 assignments, 50 pages, 3 file resources and a forum (64 activities) and 100 students; M has 100 sections,
 * 100 assignments, 200 pages, 6 file resources and a forum (307 activities) and 1,000 students. Magistère has
 * no assignment or forum kind yet: the same counts are made of pages, labels and links (`activity()` below).
 */
export const MOODLE_SHAPES = {
  S: { sections: 10, activities: 64, participants: 100 },
  M: { sections: 100, activities: 307, participants: 1000 },
} as const satisfies Record<string, CourseSpec>;

export type GeneratedCourse = {
  courseId: string;
  courseContextId: number;
  sections: number;
  activities: number;
  participants: number;
  /** E-mail of participant n (1-based), who logs in with the demo password. */
  participantEmail: (n: number) => string;
};

// — Realistic French content —

const SECTION_TITLES = [
  'Présentation du parcours',
  'Les fondamentaux de la différenciation pédagogique',
  'Évaluer par compétences',
  'Le numérique au service des apprentissages',
  'Construire une séquence en cycle 3',
  'Accompagner les élèves à besoins éducatifs particuliers',
  'La classe inversée : principes et mise en œuvre',
  'Oral et argumentation en classe',
  'Travailler en équipe pluridisciplinaire',
  'Climat scolaire et gestion de classe',
  'Analyse de pratiques professionnelles',
  'Bilan et perspectives',
];
const TOPICS = [
  'la différenciation pédagogique',
  'l’évaluation formative',
  'le travail de groupe',
  'la lecture compréhension',
  'la résolution de problèmes',
  'l’éducation aux médias et à l’information',
  'les compétences psychosociales',
  'le grand oral',
  'l’inclusion scolaire',
  'la démarche d’investigation',
  'l’enseignement explicite',
  'la mémorisation',
];
const PAGE_TITLES = [
  'Introduction : {t}',
  'Repères théoriques sur {t}',
  'Mettre en œuvre {t} en classe',
  'Exemples de pratiques : {t}',
  'Ressources institutionnelles sur {t}',
  'Synthèse : {t}',
];
const LABEL_TITLES = [
  'Objectifs de la séquence',
  'Consigne',
  'Point clé',
  'À retenir',
  'Pour aller plus loin',
  'Attention',
];
const URL_TITLES = [
  'Éduscol — {t}',
  'Canopé : dossier sur {t}',
  'Vidéo : témoignage d’enseignants sur {t}',
  'Article de recherche sur {t}',
  'Le guide pratique : {t}',
];
const URLS = [
  'https://eduscol.education.fr/',
  'https://www.reseau-canope.fr/',
  'https://www.education.gouv.fr/',
  'https://www.cnesco.fr/',
  'https://lesfondamentaux.reseau-canope.fr/',
];
const LABEL_STYLES = ['objective', 'instruction', 'key_point', 'remember', 'resource', 'warning'];
const PARAGRAPHS = [
  'Dans cette partie, nous vous proposons d’explorer les principes qui fondent {t}. Les travaux de la recherche en éducation montrent que les élèves progressent davantage lorsque les attendus sont explicites et que les situations d’apprentissage sont variées.',
  'Prenez le temps de lire les documents proposés, puis confrontez-les à votre propre pratique. Quels gestes professionnels mobilisez-vous déjà ? Lesquels souhaiteriez-vous développer au cours de l’année scolaire ?',
  'Les programmes du cycle 3 et du cycle 4 invitent à articuler les apprentissages disciplinaires avec le socle commun de connaissances, de compétences et de culture. {T} y occupe une place particulière.',
  'Vous trouverez ci-dessous une grille d’observation élaborée par l’équipe de formateurs de l’académie. Elle peut être utilisée lors d’une visite croisée entre collègues ou pour analyser une séance filmée.',
  'N’hésitez pas à partager vos questions et vos réalisations dans le forum du parcours : les formateurs y répondent chaque semaine et les échanges entre pairs sont au cœur de la démarche de formation hybride.',
];
const BULLETS = [
  'identifier les besoins des élèves à partir d’une évaluation diagnostique',
  'concevoir des tâches à plusieurs niveaux de guidage',
  'organiser le temps et l’espace de la classe',
  'formuler des critères de réussite compréhensibles par tous',
  'garder une trace écrite structurée des apprentissages',
  'réguler son enseignement à partir des productions d’élèves',
];

const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
const fill = (template: string, topic: string) =>
  template.replace('{t}', topic).replace('{T}', topic.charAt(0).toUpperCase() + topic.slice(1));

/** A page of 1–2 KB of sanitised-looking HTML. */
function pageContent(i: number) {
  const topic = pick(TOPICS, i);
  const paragraphs = Array.from(
    { length: 3 + (i % 3) },
    (_, k) => `<p>${fill(pick(PARAGRAPHS, i + k), topic)}</p>`,
  );
  const bullets = Array.from({ length: 3 + (i % 2) }, (_, k) => `<li>${pick(BULLETS, i + k)}</li>`).join('');
  return `<h3>${fill(pick(PAGE_TITLES, i), topic)}</h3>${paragraphs[0]}<p><strong>Objectifs :</strong></p><ul>${bullets}</ul>${paragraphs.slice(1).join('')}<p>Pour approfondir, consultez <a href="${pick(URLS, i)}" rel="noopener noreferrer">les ressources en ligne</a>.</p>`;
}

function activity(i: number): { kind: string; title: string; settings: Record<string, unknown> } {
  const topic = pick(TOPICS, i * 7);
  // Mix: 40 % pages, 30 % labels, 30 % links.
  const slot = i % 10;
  if (slot < 4)
    return { kind: 'page', title: fill(pick(PAGE_TITLES, i), topic), settings: { content: pageContent(i) } };
  if (slot < 7) {
    const style = pick(LABEL_STYLES, i);
    return {
      kind: 'label',
      title: pick(LABEL_TITLES, i),
      settings: {
        style,
        content: `<p><strong>${pick(LABEL_TITLES, i)}</strong> — ${fill(pick(PARAGRAPHS, i), topic)}</p>`,
      },
    };
  }
  return {
    kind: 'url',
    title: fill(pick(URL_TITLES, i), topic),
    settings: {
      url: `${pick(URLS, i)}ressources/${encodeURIComponent(topic.replace(/\W+/g, '-'))}-${i}`,
      newWindow: i % 2 === 0,
    },
  };
}

/**
 * One course in a domain: `sections × activitiesPerSection` visible activities, their contexts, and
 * `participants` users (home domain = the course's domain) holding the participant role in the course.
 * Bulk SQL in one transaction; ANALYZE afterwards so the planner sees the real sizes.
 */
export async function generateCourse(databaseUrl: string, spec: CourseSpec = {}): Promise<GeneratedCourse> {
  const domainSlug = spec.domain ?? 'ac-aix-marseille';
  const nSections = spec.sections ?? 12;
  const perSection = spec.activitiesPerSection ?? 60;
  const nActivities = spec.activities ?? nSections * perSection;
  const nParticipants = spec.participants ?? 1000;
  const tag = spec.tag ?? randomBytes(3).toString('hex');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const domain = await client.query<{ id: string; context_id: number; path: string; depth: number }>(
      `SELECT d.id, c.id AS context_id, c.path, c.depth
         FROM domains d JOIN contexts c ON c.level = 'domain' AND c.instance_id = d.id::text
        WHERE d.slug = $1`,
      [domainSlug],
    );
    if (!domain.rows[0])
      throw new Error(
        `domaine ${domainSlug} absent : le serveur a-t-il chargé les données de démonstration ?`,
      );
    const {
      id: domainId,
      context_id: domainContextId,
      path: domainPath,
      depth: domainDepth,
    } = domain.rows[0];
    const demo = await client.query<{ id: string; password_hash: string }>(
      `SELECT id, password_hash FROM users WHERE email = 'concepteur@magistere.test' OR password_hash IS NOT NULL
        ORDER BY (email = 'concepteur@magistere.test') DESC LIMIT 1`,
    );
    if (!demo.rows[0]?.password_hash) throw new Error('aucun compte de démonstration avec mot de passe');
    const { id: createdBy, password_hash: passwordHash } = demo.rows[0];

    const course = await client.query<{ id: string }>(
      `INSERT INTO courses (domain_id, title, short_name, summary, format, stage, visibility, created_by)
       VALUES ($1, $2, $3, $4, 'topics', 'session_running', 'visible', $5) RETURNING id`,
      [
        domainId,
        `Parcours académique : enseigner et évaluer par compétences (${nSections} × ${perSection})`,
        `BENCH-${tag}`,
        '<p>Un parcours hybride de trente heures pour les enseignants du second degré de l’académie : apports théoriques, analyses de pratiques, productions collaboratives.</p>',
        createdBy,
      ],
    );
    const courseId = course.rows[0]!.id;
    // A session (stage `session_*`) always has its row of session facts: opened a month ago, two to go.
    await client.query(
      `INSERT INTO course_sessions (course_id, starts_at, ends_at, opened_at)
       VALUES ($1, now() - interval '30 days', now() + interval '60 days', now() - interval '30 days')`,
      [courseId],
    );
    const courseContext = await client.query<{ id: number; path: string }>(
      `WITH n AS (SELECT nextval(pg_get_serial_sequence('contexts', 'id'))::int AS id)
       INSERT INTO contexts (id, level, instance_id, parent_id, path, depth)
       SELECT n.id, 'course', $1, $2, $3 || '/' || n.id, $4 FROM n RETURNING id, path`,
      [courseId, domainContextId, domainPath, domainDepth + 1],
    );
    const { id: courseContextId, path: coursePath } = courseContext.rows[0]!;

    const sectionRows = await client.query<{ id: string; position: number }>(
      `INSERT INTO course_sections (course_id, position, title, description, visibility)
       SELECT $1, s, t.title, t.description, 'visible'
         FROM generate_series(0, $2::int - 1) s,
              LATERAL (SELECT ($3::text[])[1 + s % array_length($3::text[], 1)] AS title,
                              '<p>Dans cette section : ' || ($4::text[])[1 + s % array_length($4::text[], 1)] ||
                              '. Durée estimée : ' || (1 + s % 3) || ' h.</p>' AS description) t
       RETURNING id, position`,
      [courseId, nSections, SECTION_TITLES, TOPICS],
    );
    const sectionIds = sectionRows.rows.sort((a, b) => a.position - b.position).map((r) => r.id);

    // Activities: generated in JS for varied content, sent as multi-row inserts of at most 500 rows.
    const rows = spec.activities
      ? Array.from({ length: nActivities }, (_, i) => ({
          sectionId: sectionIds[i % nSections]!,
          position: Math.floor(i / nSections),
          ...activity(i),
        }))
      : sectionIds.flatMap((sectionId, s) =>
          Array.from({ length: perSection }, (_, p) => ({
            sectionId,
            position: p,
            ...activity(s * perSection + p),
          })),
        );
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      const values: unknown[] = [];
      const tuples = batch.map((row, k) => {
        values.push(courseId, row.sectionId, row.position, row.kind, row.title, JSON.stringify(row.settings));
        const b = k * 6;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}::jsonb)`;
      });
      await client.query(
        `INSERT INTO activities (course_id, section_id, position, kind, title, settings) VALUES ${tuples.join(', ')}`,
        values,
      );
    }
    await client.query(
      `WITH a AS (SELECT id AS activity_id, nextval(pg_get_serial_sequence('contexts', 'id'))::int AS id
                    FROM activities WHERE course_id = $1)
       INSERT INTO contexts (id, level, instance_id, parent_id, path, depth)
       SELECT a.id, 'activity', a.activity_id::text, $2, $3 || '/' || a.id, $4 FROM a`,
      [courseId, courseContextId, coursePath, domainDepth + 2],
    );

    await client.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, first_name, last_name, home_domain_id, academie, discipline, body_grade)
         SELECT format('bench.%s.%s@magistere.test', $1::text, g), $2,
                ($5::text[])[1 + g % array_length($5::text[], 1)],
                ($6::text[])[1 + (g / array_length($5::text[], 1)) % array_length($6::text[], 1)],
                $3, 'Aix-Marseille',
                ($7::text[])[1 + g % array_length($7::text[], 1)], 'Professeur certifié'
           FROM generate_series(1, $4::int) g
         RETURNING id)
       , ra AS (INSERT INTO role_assignments (user_id, role, context_id) SELECT id, 'participant', $8 FROM u)
       INSERT INTO enrolments (course_id, user_id, role, method, enrolled_by)
       SELECT $9, id, 'participant', 'manual', $10 FROM u WHERE $11::boolean`,
      [
        tag,
        passwordHash,
        domainId,
        nParticipants,
        [
          'Camille',
          'Lucas',
          'Léa',
          'Hugo',
          'Chloé',
          'Nathan',
          'Manon',
          'Théo',
          'Inès',
          'Louis',
          'Sarah',
          'Jules',
        ],
        [
          'Martin',
          'Bernard',
          'Dubois',
          'Thomas',
          'Robert',
          'Richard',
          'Petit',
          'Durand',
          'Leroy',
          'Moreau',
          'Fournier',
          'Girard',
        ],
        [
          'Mathématiques',
          'Lettres modernes',
          'Anglais',
          'SVT',
          'Physique-chimie',
          'EPS',
          'Histoire-géographie',
        ],
        courseContextId,
        courseId,
        createdBy,
        spec.enrol ?? false,
      ],
    );
    await client.query('COMMIT');
    await client.query(
      'ANALYZE courses, course_sections, activities, contexts, users, role_assignments, enrolments',
    );
    return {
      courseId,
      courseContextId,
      sections: nSections,
      activities: nActivities,
      participants: nParticipants,
      participantEmail: (n) => `bench.${tag}.${n}@magistere.test`,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
