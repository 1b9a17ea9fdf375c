/**
 * Bulk enrolment by CSV at national scale: a file of 10,000 lines (e-mail, role, group — 20 groups, a
 * trainer every 50 lines) validated, then applied, through HTTP as the participants page sends it
 * (multipart), by a trainer, into a fresh course. Target: validate + apply < 10 s.
 *
 * The server runs on the machine's PostgreSQL (a fresh database `magistere_bench_*`, dropped at the end),
 * so that the 10,000 accounts can be written straight into it after the server has migrated and seeded.
 * Each run enrols into a new course; the figures are the wall-clock times of the two requests.
 *
 * Run: `npm run bench -- enrolment-csv`; BENCH_ROWS (default 10000), BENCH_RUNS (default 3),
 * BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres). BENCH_URL is not supported.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase } from './lib/generate.ts';
import { count, expect2xx, type Session, signIn, startTarget } from './lib/harness.ts';

/** `n` accounts `enrol.<tag>.<i>@magistere.test` of Aix, in one statement. */
async function createPeople(databaseUrl: string, n: number, tag: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (email, first_name, last_name, home_domain_id, academie)
       SELECT format('enrol.%s.%s@magistere.test', $1::text, g), 'Prénom ' || g, 'Nom ' || g,
              (SELECT id FROM domains WHERE slug = 'ac-aix-marseille'), 'Aix-Marseille'
         FROM generate_series(1, $2::int) g`,
      [tag, n],
    );
    await client.query('ANALYZE users');
  } finally {
    await client.end();
  }
  return Array.from({ length: n }, (_, i) => `enrol.${tag}.${i + 1}@magistere.test`);
}

async function call(url: string, session: Session, path: string, body: FormData | object) {
  const headers: Record<string, string> = {
    cookie: session.cookie,
    'x-csrf-token': session.csrf,
    origin: url,
  };
  if (!(body instanceof FormData)) headers['content-type'] = 'application/json';
  const started = performance.now();
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers,
    body: body instanceof FormData ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status < 200 || response.status > 299)
    throw new Error(`${path} : ${response.status} ${text.slice(0, 500)}`);
  return { ms, json: JSON.parse(text) as Record<string, unknown> };
}

export async function run(): Promise<number> {
  if (process.env.BENCH_URL) {
    console.error(
      'enrolment-csv démarre son propre serveur sur une base neuve : BENCH_URL n’est pas pris en charge',
    );
    return 2;
  }
  const rows = count('BENCH_ROWS', 10_000, 200, 10_000);
  const runs = count('BENCH_RUNS', 3, 1, 20);
  const database = await createDatabase();
  try {
    const target = await startTarget({ env: { DATABASE_URL: database.url, JOBS: 'false' } });
    try {
      const tag = randomBytes(3).toString('hex');
      const started = Date.now();
      const emails = await createPeople(database.url, rows, tag);
      console.error(`données : ${rows} comptes (${Date.now() - started} ms, base ${database.name})`);
      const csv = `\uFEFFcourriel;rôle;groupe\r\n${emails
        .map((email, i) => `${email};${i % 50 === 0 ? 'formateur' : 'participant'};Groupe ${1 + (i % 20)}`)
        .join('\r\n')}\r\n`;
      const designer = await signIn(target.url, 'concepteur@magistere.test');
      const trainer = await signIn(target.url, 'formateur@magistere.test');
      const domains = (await (
        await expect2xx(
          await fetch(`${target.url}/api/domains`, { headers: { cookie: designer.cookie } }),
          'GET /api/domains',
        )
      ).json()) as { id: string; slug: string }[];
      const aix = domains.find((d) => d.slug === 'ac-aix-marseille')!.id;
      const form = () => {
        const data = new FormData();
        data.append('file', new Blob([csv], { type: 'text/csv' }), 'inscriptions.csv');
        return data;
      };
      const results: { validateMs: number; applyMs: number }[] = [];
      for (let r = 1; r <= runs; r += 1) {
        const course = await call(target.url, designer, '/api/courses', {
          domainId: aix,
          title: `Session de masse ${r}`,
          shortName: `MASSE-${r}`,
        });
        const base = `/api/courses/${course.json.id}/enrolments/csv`;
        const validate = await call(target.url, trainer, `${base}/validate`, form());
        const report = validate.json as { ok: boolean; totals: { toEnrol: number } };
        if (!report.ok || report.totals.toEnrol !== rows)
          throw new Error(`rapport inattendu : ${JSON.stringify(report).slice(0, 500)}`);
        const apply = await call(target.url, trainer, `${base}/apply`, form());
        if (apply.json.enrolled !== rows)
          throw new Error(`inscrits : ${apply.json.enrolled}, attendu ${rows}`);
        // Checked once: the course lists them, with their groups.
        const list = (await (
          await expect2xx(
            await fetch(`${target.url}/api/courses/${course.json.id}/enrolments?pageSize=1`, {
              headers: { cookie: trainer.cookie },
            }),
            'GET /api/courses/:id/enrolments',
          )
        ).json()) as { total: number; items: { groups: unknown[] }[] };
        if (list.total !== rows || list.items[0]?.groups.length !== 1)
          throw new Error(`liste inattendue : ${JSON.stringify(list).slice(0, 300)}`);
        results.push({ validateMs: Math.round(validate.ms), applyMs: Math.round(apply.ms) });
        console.error(
          `essai ${r} : validation ${Math.round(validate.ms)} ms, application ${Math.round(apply.ms)} ms`,
        );
      }
      console.log('| run | lines | CSV bytes | validate ms | apply ms | total ms |');
      console.log('|---|---|---|---|---|---|');
      for (const [i, r] of results.entries())
        console.log(
          `| ${i + 1} | ${rows} | ${Buffer.byteLength(csv)} | ${r.validateMs} | ${r.applyMs} | ${r.validateMs + r.applyMs} |`,
        );
      const worst = Math.max(...results.map((r) => r.validateMs + r.applyMs));
      console.log(JSON.stringify({ bench: 'enrolment-csv', rows, runs: results, worstTotalMs: worst }));
      console.error(worst < 10_000 ? 'cible < 10 s : atteinte' : 'cible < 10 s : MANQUÉE');
      return 0;
    } finally {
      await target.stop();
    }
  } finally {
    await database.drop();
  }
}

if (import.meta.main) process.exitCode = await run();
