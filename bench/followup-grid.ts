/**
 * GET /api/courses/:id/followup as the course's trainer: the follow-up grid of a session with 1,000
 * enrolled participants × 60 tracked activities, with realistic completion (a spread of progress, some
 * failed attempts, course completions, presence and time spent, four groups).
 *
 * Like `course-page`, the server runs on the machine's PostgreSQL (a fresh `magistere_bench_*` database,
 * dropped at the end); `lib/generate.ts` creates the course and its participants, then this file adds
 * what the follow-up reads (enrolments, groups, completion states, course completions, presence).
 *
 * Run: `npm run bench -- followup-grid`; BENCH_DURATION (s, default 20), BENCH_CONNECTIONS (default 10:
 * trainers of one session looking at once), BENCH_PARTICIPANTS (1000), BENCH_ACTIVITIES (60),
 * BENCH_QUERY (query string added to the grid's URL, e.g. `progressBelow=50&sort=progress`),
 * BENCH_CLIENT=wrk (Debian's wrk instead of autocannon), BENCH_SERVER_ARGS (node flags of the server),
 * BENCH_CACHE=off (the server's 5 s follow-up cache disabled, `FOLLOWUP_CACHE_MS=0`: every request reads
 * PostgreSQL — the uncached read a trainer gets on opening the grid).
 */
import pg from 'pg';
import { createDatabase, generateCourse } from './lib/generate.ts';
import { count, durationSeconds, login, measure, report, startTarget } from './lib/harness.ts';
import { measureWithWrk, wrkAvailable } from './lib/wrk.ts';

/**
 * Enrolments, groups and completion for the generated course, in SQL. Participant g (1-based) reaches a
 * progress drawn from a realistic spread: a fifth have not started, a fifth finished, the rest in
 * between; completions follow the course order, a few graded activities are failed; 90 % came at least
 * once, with a time spent growing with progress.
 */
export async function addFollowupData(databaseUrl: string, courseId: string, activities: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`UPDATE courses SET stage = 'session_running' WHERE id = $1`, [courseId]);
    await client.query(`UPDATE activities SET completion = '{"mode":"view"}'::jsonb WHERE course_id = $1`, [
      courseId,
    ]);
    // The participants of the generated course are those holding the participant role in its context.
    await client.query(
      `CREATE TEMP TABLE people ON COMMIT DROP AS
         SELECT ra.user_id, row_number() OVER (ORDER BY u.email) AS g
           FROM role_assignments ra
           JOIN contexts c ON c.id = ra.context_id AND c.level = 'course' AND c.instance_id = $1::text
           JOIN users u ON u.id = ra.user_id
          WHERE ra.role = 'participant'`,
      [courseId],
    );
    await client.query(
      `INSERT INTO enrolments (course_id, user_id, role, method, enrolled_at)
       SELECT $1, user_id, 'participant', 'csv', now() - interval '30 days' FROM people`,
      [courseId],
    );
    await client.query(
      `INSERT INTO course_groups (course_id, name)
       SELECT $1, 'Groupe ' || chr(64 + n) FROM generate_series(1, 4) n`,
      [courseId],
    );
    await client.query(
      `INSERT INTO group_members (group_id, user_id)
       SELECT cg.id, p.user_id
         FROM people p
         JOIN course_groups cg ON cg.course_id = $1 AND cg.name = 'Groupe ' || chr(65 + (p.g % 4)::int)`,
      [courseId],
    );
    await client.query(
      `UPDATE users u SET departement = (ARRAY['Bouches-du-Rhône (13)','Var (83)','Vaucluse (84)',
              'Alpes-de-Haute-Provence (04)','Hautes-Alpes (05)'])[1 + (p.g % 5)::int]
         FROM people p WHERE p.user_id = u.id`,
    );
    // How many activities each participant completed, in course order.
    await client.query(
      `CREATE TEMP TABLE reached ON COMMIT DROP AS
         SELECT user_id, g,
                CASE WHEN g % 5 = 0 THEN 0
                     WHEN g % 5 = 1 THEN $1::int
                     ELSE ((g * 7919) % $1::int) END AS done
           FROM people`,
      [activities],
    );
    await client.query(
      `WITH ordered AS (
         SELECT a.id, row_number() OVER (ORDER BY s.position, a.position) AS k
           FROM activities a JOIN course_sections s ON s.id = a.section_id
          WHERE a.course_id = $1)
       INSERT INTO activity_completions (user_id, activity_id, course_id, state, source, completed_at)
       SELECT r.user_id, o.id, $1,
              CASE WHEN o.k = r.done AND o.k % 10 = 0 AND r.done < $2::int THEN 'failed' ELSE 'complete' END,
              'view',
              now() - interval '28 days' + (o.k * interval '9 hours') + ((r.g % 97) * interval '3 minutes')
         FROM reached r JOIN ordered o ON o.k <= r.done`,
      [courseId, activities],
    );
    await client.query(
      `INSERT INTO course_completions (user_id, course_id, completed_at)
       SELECT user_id, $1, now() - interval '2 days' + ((g % 48) * interval '1 hour')
         FROM reached WHERE done = $2::int`,
      [courseId, activities],
    );
    await client.query(
      `INSERT INTO course_presence (user_id, course_id, first_at, last_at, hits, seconds)
       SELECT user_id, $1, now() - interval '29 days', now() - ((g % 20) * interval '1 day'),
              3 + done * 2, 600 + done * 420 + (g % 13) * 60
         FROM reached WHERE g % 10 <> 3`,
      [courseId],
    );
    await client.query('COMMIT');
    await client.query(
      'ANALYZE enrolments, course_groups, group_members, activity_completions, course_completions, course_presence, activities',
    );
    const stats = await client.query<{ completions: string; presence: string }>(
      `SELECT (SELECT count(*) FROM activity_completions WHERE course_id = $1) AS completions,
              (SELECT count(*) FROM course_presence WHERE course_id = $1) AS presence`,
      [courseId],
    );
    return stats.rows[0]!;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

type Grid = { activities: unknown[]; enrolled: number; total: number; rows: { states: string }[] };

export async function run(): Promise<number> {
  if (process.env.BENCH_URL) {
    console.error(
      'followup-grid démarre son propre serveur sur une base neuve : BENCH_URL n’est pas pris en charge',
    );
    return 2;
  }
  const participants = count('BENCH_PARTICIPANTS', 1000, 40);
  const activities = count('BENCH_ACTIVITIES', 60, 12);
  const connections = count('BENCH_CONNECTIONS', 10);
  const extra = process.env.BENCH_QUERY ?? '';
  const cache = process.env.BENCH_CACHE ?? 'on';
  if (cache !== 'on' && cache !== 'off') {
    console.error(`BENCH_CACHE : on ou off (reçu ${cache})`);
    return 2;
  }
  const database = await createDatabase();
  try {
    const target = await startTarget({
      env: {
        DATABASE_URL: database.url,
        JOBS: 'false',
        ...(cache === 'off' ? { FOLLOWUP_CACHE_MS: '0' } : {}),
      },
    });
    try {
      const started = Date.now();
      // One section per dozen activities, as a session of five to six meetings.
      const perSection = Math.min(activities, 12);
      const sections = Math.ceil(activities / perSection);
      const course = await generateCourse(database.url, {
        sections,
        activitiesPerSection: perSection,
        participants,
      });
      if (course.activities !== activities)
        throw new Error(`BENCH_ACTIVITIES doit être un multiple de ${perSection} (reçu ${activities})`);
      const stats = await addFollowupData(database.url, course.courseId, activities);
      console.error(
        `données : ${participants} inscrits × ${activities} activités suivies, ${stats.completions} états d’achèvement, ${stats.presence} présences (${Date.now() - started} ms, base ${database.name})`,
      );
      const cookie = await login(target.url, 'formateur@magistere.test');
      const path = `/api/courses/${course.courseId}/followup${extra ? `?${extra}` : ''}`;

      // The grid is right once, as the trainer sees it.
      const response = await fetch(`${target.url}${path}`, { headers: { cookie } });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${path} : ${response.status} ${text.slice(0, 500)}`);
      const grid = JSON.parse(text) as Grid;
      if (grid.activities.length !== activities || grid.enrolled !== participants || grid.rows.length === 0)
        throw new Error(
          `grille inattendue : ${grid.activities.length} activités, ${grid.enrolled} inscrits, ${grid.rows.length} lignes`,
        );
      console.error(
        `vérifié : ${grid.activities.length} activités, ${grid.enrolled} inscrits, ${grid.total} retenus, ${grid.rows.length} lignes servies, ${Buffer.byteLength(text)} octets`,
      );

      if (process.env.BENCH_CLIENT === 'wrk') {
        if (!wrkAvailable()) throw new Error('wrk absent : apt-get install wrk');
        const figures = measureWithWrk(
          `${target.url}${path}`,
          { cookie, 'accept-encoding': 'gzip' },
          connections,
          durationSeconds(),
        );
        console.log(JSON.stringify(figures));
        return figures.non2xx || figures.errors ? 1 : 0;
      }
      const figures = await measure(
        `GET /api/courses/:id/followup (${participants} × ${activities}${extra ? `, ${extra}` : ''}${cache === 'off' ? ', sans cache' : ''})`,
        { url: target.url, path, headers: { cookie, 'accept-encoding': 'gzip' }, connections },
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
