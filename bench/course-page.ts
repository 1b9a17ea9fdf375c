/**
 * GET /api/courses/:id, authenticated as an enrolled participant, 50 connections: the course page of a
 * national-scale course (12 sections × 60 activities — pages, labels, links — and 1,000 participants).
 *
 * The data is generated straight into PostgreSQL, so the server runs on the machine's PostgreSQL (not the
 * embedded one, which lives inside the child): a fresh database `magistere_bench_*` is created, the server
 * migrates and seeds it, the generator adds the course, and the database is dropped at the end.
 *
 * Run: `npm run bench -- course-page`; BENCH_DURATION (s, default 20), BENCH_SERVER_ARGS (node flags of the
 * server), BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_SECTIONS / BENCH_ACTIVITIES_PER_SECTION / BENCH_PARTICIPANTS (defaults 12 / 60 / 1000),
 * BENCH_ACCEPT_ENCODING (e.g. `gzip, br`, to measure what a browser gets; none by default).
 * BENCH_URL is not supported: the benchmark needs to own the database.
 */
import http from 'node:http';
import { createDatabase, generateCourse } from './lib/generate.ts';
import { count, durationSeconds, login, measure, report, startTarget } from './lib/harness.ts';
import { measureWithWrk, wrkAvailable } from './lib/wrk.ts';

/** The body as sent on the wire (fetch would decode it). */
function rawBody(url: string, headers: Record<string, string>): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, timeout: 30_000 }, (response) => {
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        response.resume();
        reject(new Error(`${url} : ${status}`));
        return;
      }
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'identity') }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.on('timeout', () => request.destroy(new Error('timeout')));
  });
}

type Page = { course: { id: string }; canEdit: boolean; sections: { activities: { kind: string }[] }[] };

export async function run(): Promise<number> {
  if (process.env.BENCH_URL) {
    console.error(
      'course-page démarre son propre serveur sur une base neuve : BENCH_URL n’est pas pris en charge',
    );
    return 2;
  }
  const sections = count('BENCH_SECTIONS', 12, 3);
  const perSection = count('BENCH_ACTIVITIES_PER_SECTION', 60, 10);
  const participants = count('BENCH_PARTICIPANTS', 1000, 20);
  const database = await createDatabase();
  try {
    const target = await startTarget({ env: { DATABASE_URL: database.url, JOBS: 'false' } });
    try {
      const started = Date.now();
      const course = await generateCourse(database.url, {
        sections,
        activitiesPerSection: perSection,
        participants,
      });
      console.error(
        `données : ${sections} sections × ${perSection} activités, ${participants} inscrits (${Date.now() - started} ms, base ${database.name})`,
      );
      const cookie = await login(target.url, course.participantEmail(Math.ceil(participants / 2)));
      const path = `/api/courses/${course.courseId}`;

      // The page is right once, as the participant sees it.
      const response = await fetch(`${target.url}${path}`, { headers: { cookie } });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${path} : ${response.status} ${text.slice(0, 500)}`);
      const page = JSON.parse(text) as Page;
      const activities = page.sections.reduce((n, s) => n + s.activities.length, 0);
      if (
        page.course.id !== course.courseId ||
        page.sections.length !== sections ||
        activities !== course.activities ||
        page.canEdit
      )
        throw new Error(
          `page inattendue : ${page.sections.length} sections, ${activities} activités, canEdit ${page.canEdit}`,
        );
      const kinds = page.sections.flatMap((s) => s.activities.map((a) => a.kind));
      const wire = await rawBody(`${target.url}${path}`, { cookie, 'accept-encoding': 'gzip, br' });
      console.error(
        `vérifié : ${page.sections.length} sections, ${activities} activités (${['page', 'label', 'url'].map((k) => `${kinds.filter((x) => x === k).length} ${k}`).join(', ')}), corps JSON ${Buffer.byteLength(text)} octets, ${wire.bytes} octets en ${wire.encoding} (navigateur)`,
      );

      const encoding = process.env.BENCH_ACCEPT_ENCODING;
      if (process.env.BENCH_CLIENT === 'wrk') {
        if (!wrkAvailable()) throw new Error('wrk absent : apt-get install wrk');
        const headers = { cookie, ...(encoding ? { 'accept-encoding': encoding } : {}) };
        const figures = measureWithWrk(`${target.url}${path}`, headers, 50, durationSeconds());
        console.log(JSON.stringify(figures));
        return figures.non2xx || figures.errors ? 1 : 0;
      }
      const figures = await measure(
        `GET /api/courses/:id (${sections} × ${perSection}, ${participants} inscrits)`,
        {
          url: target.url,
          path,
          headers: { cookie, ...(encoding ? { 'accept-encoding': encoding } : {}) },
          connections: 50,
        },
      );
      return report(figures);
    } finally {
      await target.stop();
    }
  } finally {
    await database.drop();
  }
}

if (import.meta.main) process.exitCode = await run();
