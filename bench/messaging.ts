/**
 * The internal mail, on the machine's PostgreSQL (a fresh database, migrated and seeded by the server):
 *
 * 1. a mailbox of 10,000 messages (participant 1 of a generated session): the inbox's first page
 *    (`GET /api/messaging/messages`, 25 messages, names, course titles, labels) and the header's counter
 *    (`GET /api/messaging/unread`), 50 connections each;
 * 2. French full-text search across 100,000 messages held by participant 2 (10 queries in turn, with and
 *    without accents), 50 connections;
 * 3. one message to every participant of a session of 5,000 (`to: the participants`): the time the request
 *    takes to be accepted (queued for a job), then the time until the job has delivered it (the sender's copy
 *    says `delivered`), with the server's jobs running.
 *
 * The messages are written straight into the tables (rows as the service writes them, counters included);
 * the measured requests go through the real server.
 *
 * Run: `npm run bench -- messaging`; BENCH_DURATION, BENCH_MAILBOX (10000), BENCH_SEARCH_MESSAGES (100000),
 * BENCH_RECIPIENTS (5000). BENCH_URL is not supported.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createDatabase, generateCourse } from './lib/generate.ts';
import { count, expect2xx, measure, report, SMOKE, signIn, startTarget } from './lib/harness.ts';

const WORDS = [
  'évaluation',
  'formative',
  'séquence',
  'mémoire',
  'travail',
  'groupe',
  'lecture',
  'compréhension',
  'oral',
  'élèves',
  'classe',
  'ressources',
  'module',
  'calendrier',
  'classe virtuelle',
  'inclusion',
  'numérique',
  'problèmes',
  'différenciation',
  'attestation',
  'devoir',
  'retour',
  'question',
  'bonjour',
  'merci',
  'document',
  'consigne',
  'activité',
  'forum',
  'présentiel',
];
const SEARCHES = [
  'evaluation',
  'évaluations formatives',
  'memoire de travail',
  'classe virtuelle',
  'inclusion',
  'attestation',
  'différenciation pédagogique',
  'calendrier présentiel',
  'consignes',
  'numerique',
];

/** Writes `n` delivered messages into `userId`'s inbox, from the other people of the course, a third unread. */
export async function fillMailbox(client: pg.Client, courseId: string, userId: string, n: number) {
  const words = `array[${WORDS.map((w) => `'${w}'`).join(',')}]`;
  const phrase = (size: number) =>
    `(select string_agg((${words})[1 + floor(random() * ${WORDS.length})::int], ' ') from generate_series(1, ${size} + (g.i % 2)))`;
  await client.query('BEGIN');
  await client.query(
    `CREATE TEMP TABLE senders ON COMMIT DROP AS
       SELECT row_number() OVER () AS k, user_id FROM enrolments WHERE course_id = $1 AND user_id <> $2 LIMIT 200`,
    [courseId, userId],
  );
  const senders = (await client.query('SELECT count(*)::int AS n FROM senders')).rows[0].n as number;
  await client.query(
    `CREATE TEMP TABLE made ON COMMIT DROP AS
       SELECT gen_random_uuid() AS conversation_id, gen_random_uuid() AS message_id, g.i,
              now() - (g.i || ' minutes')::interval AS at,
              (SELECT user_id FROM senders WHERE k = 1 + (g.i % $2)) AS sender_id,
              ${phrase(5)} AS subject, ${phrase(60)} AS body
       FROM generate_series(1, $1) AS g(i)`,
    [n, senders],
  );
  await client.query(
    `INSERT INTO messaging_conversations (id, course_id, created_at) SELECT conversation_id, $1, at FROM made`,
    [courseId],
  );
  await client.query(
    `INSERT INTO messaging_messages (id, conversation_id, course_id, sender_id, subject, body_html, body_text, status, created_at, updated_at, sent_at)
     SELECT message_id, conversation_id, $1, sender_id, subject, '<p>' || body || '</p>', body, 'delivered', at, at, at FROM made`,
    [courseId],
  );
  await client.query(
    `INSERT INTO messaging_recipients (message_id, user_id, kind) SELECT message_id, $1, 'to' FROM made`,
    [userId],
  );
  await client.query(
    `INSERT INTO messaging_deliveries (message_id, user_id, course_id, conversation_id, folder, read, at)
     SELECT message_id, $1, $2, conversation_id, 'inbox', i % 3 <> 0, at FROM made`,
    [userId, courseId],
  );
  await client.query(
    `INSERT INTO messaging_unread (user_id, course_id, count) VALUES ($1, $2, (SELECT count(*) FROM made WHERE i % 3 = 0))
     ON CONFLICT (user_id, course_id) DO UPDATE SET count = excluded.count`,
    [userId, courseId],
  );
  await client.query('COMMIT');
  await client.query('ANALYZE messaging_messages; ANALYZE messaging_deliveries;');
}

export async function run(): Promise<number> {
  if (process.env.BENCH_URL) {
    console.error(
      'messaging démarre son propre serveur sur une base neuve : BENCH_URL n’est pas pris en charge',
    );
    return 2;
  }
  const mailbox = count('BENCH_MAILBOX', 10_000, 500);
  const searchable = count('BENCH_SEARCH_MESSAGES', 100_000, 2_000);
  const recipients = count('BENCH_RECIPIENTS', 5_000, 300);
  const database = await createDatabase();
  let code = 0;
  try {
    const target = await startTarget({ env: { DATABASE_URL: database.url, JOBS: 'true' } });
    try {
      const started = performance.now();
      const course = await generateCourse(database.url, {
        sections: 1,
        activitiesPerSection: 1,
        participants: recipients,
        enrol: true,
        tag: 'mail',
      });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const idOf = async (email: string) =>
        (await client.query('SELECT id FROM users WHERE email = $1', [email])).rows[0].id as string;
      const reader = course.participantEmail(1);
      const searcher = course.participantEmail(2);
      const sender = course.participantEmail(3);
      await fillMailbox(client, course.courseId, await idOf(reader), mailbox);
      await fillMailbox(client, course.courseId, await idOf(searcher), searchable);
      await client.end();
      console.error(
        `données : session de ${recipients} participants, boîte de ${mailbox} messages, ${searchable} messages à chercher (${Math.round(performance.now() - started)} ms)`,
      );

      // 1. The inbox's first page and the counter.
      const readerSession = await signIn(target.url, reader);
      const headers = { cookie: readerSession.cookie };
      const page = (await (
        await expect2xx(
          await fetch(`${target.url}/api/messaging/messages?folder=inbox`, { headers }),
          'GET /api/messaging/messages',
        )
      ).json()) as { items: unknown[]; next: string | null };
      if (page.items.length !== 25 || !page.next)
        throw new Error(`page de la boîte : ${page.items.length} messages`);
      const unread = (await (
        await expect2xx(
          await fetch(`${target.url}/api/messaging/unread`, { headers }),
          'GET /api/messaging/unread',
        )
      ).json()) as { total: number };
      if (unread.total !== Math.floor(mailbox / 3)) throw new Error(`compteur : ${unread.total}`);
      code ||= report(
        await measure(`GET /api/messaging/messages (boîte de ${mailbox} messages, 1re page)`, {
          url: target.url,
          path: '/api/messaging/messages?folder=inbox',
          headers,
          connections: 50,
        }),
      );
      code ||= report(
        await measure('GET /api/messaging/unread (compteur de l’en-tête)', {
          url: target.url,
          path: '/api/messaging/unread',
          headers,
          connections: 50,
        }),
      );

      // 2. Search.
      const searcherSession = await signIn(target.url, searcher);
      const paths = SEARCHES.map((q) => `/api/messaging/messages?folder=inbox&q=${encodeURIComponent(q)}`);
      let found = 0;
      for (const path of paths) {
        const result = (await (
          await expect2xx(
            await fetch(`${target.url}${path}`, { headers: { cookie: searcherSession.cookie } }),
            path,
          )
        ).json()) as { items: unknown[] };
        found += result.items.length;
      }
      if (found === 0) throw new Error('la recherche ne trouve rien');
      code ||= report(
        await measure(`GET /api/messaging/messages?q=… (${searchable} messages, 10 recherches en français)`, {
          url: target.url,
          path: paths[0]!,
          paths,
          headers: { cookie: searcherSession.cookie },
          connections: 50,
        }),
      );

      // 3. One message to the whole session, delivered by the job.
      const senderSession = await signIn(target.url, sender);
      const courseId = course.courseId;
      const t0 = performance.now();
      const response = await expect2xx(
        await fetch(`${target.url}/api/messaging/messages`, {
          method: 'POST',
          headers: {
            cookie: senderSession.cookie,
            'x-csrf-token': senderSession.csrf,
            origin: target.url,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            courseId,
            subject: 'Calendrier de la session',
            body: '<p>Bonjour à toutes et à tous, voici le calendrier des classes virtuelles.</p>',
            to: [{ type: 'role', role: 'participant' }],
          }),
        }),
        'POST /api/messaging/messages',
      );
      const acceptedMs = performance.now() - t0;
      const sent = (await response.json()) as { id: string; recipients: number; status: string };
      let status = sent.status;
      while (status !== 'delivered') {
        if (performance.now() - t0 > 180_000) throw new Error('message non distribué au bout de 180 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
        const message = (await (
          await expect2xx(
            await fetch(`${target.url}/api/messaging/messages/${sent.id}`, {
              headers: { cookie: senderSession.cookie },
            }),
            'GET message',
          )
        ).json()) as { status: string };
        status = message.status;
      }
      const deliveredMs = performance.now() - t0;
      console.log(
        JSON.stringify({
          bench: 'messaging-bulk',
          recipients: sent.recipients,
          queued: sent.status === 'queued',
          acceptedMs: Math.round(acceptedMs),
          deliveredMs: Math.round(deliveredMs),
          smoke: SMOKE,
        }),
      );
      console.error(
        `envoi à ${sent.recipients} destinataires : accepté en ${Math.round(acceptedMs)} ms (${sent.status}), distribué en ${Math.round(deliveredMs)} ms`,
      );
    } finally {
      await target.stop();
    }
  } finally {
    await database.drop();
  }
  return code;
}

if (import.meta.main) process.exitCode = await run();
