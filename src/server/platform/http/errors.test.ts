import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from '../../app.ts';
import { users } from '../../modules/accounts/schema.ts';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { describeStatement, registerErrorHandling, serializeError } from './errors.ts';

let t: TestApp;
const logs: string[] = [];
beforeAll(async () => {
  t = await startTestApp(
    { LOG_LEVEL: 'info' },
    {
      logStream: new Writable({
        write(chunk, _encoding, callback) {
          logs.push(String(chunk));
          callback();
        },
      }),
    },
  );
});
afterAll(() => t.close());

describe("Fastify's own errors", () => {
  it('leave as problem+json with a French title: bad encoding, unknown route, bad JSON, wrong type, too large', async () => {
    const me = await t.as('participant@magistere.test');
    const json = { 'content-type': 'application/json' };
    const cases: [string, ReturnType<typeof me.get>, number, string, string][] = [
      [
        'bad percent-encoding',
        me.get('/api/%E0%A4%A'),
        400,
        'bad_url',
        'L’adresse demandée contient un encodage invalide.',
      ],
      [
        'bad percent-encoding outside the API',
        t.anonymous().get('/parcours/%E0%A4%A'),
        400,
        'bad_url',
        'L’adresse demandée contient un encodage invalide.',
      ],
      [
        'unknown API route',
        me.get('/api/nowhere'),
        404,
        'not_found',
        'La ressource demandée est introuvable.',
      ],
      [
        'unknown API route, unsafe method',
        me.post('/api/nowhere', {}),
        404,
        'not_found',
        'La ressource demandée est introuvable.',
      ],
      [
        'invalid JSON',
        me.request('PATCH', '/api/me', '{"firstName": ', json),
        400,
        'invalid_json',
        'Le contenu envoyé n’est pas un JSON valide.',
      ],
      [
        'empty JSON body',
        me.request('PATCH', '/api/me', '', json),
        400,
        'invalid_json',
        'Le contenu envoyé n’est pas un JSON valide.',
      ],
      [
        'wrong content type',
        me.request('PATCH', '/api/me', 'firstName=Zo%C3%A9', {
          'content-type': 'application/x-www-form-urlencoded',
        }),
        415,
        'unsupported_media_type',
        'Le format du contenu envoyé n’est pas accepté.',
      ],
      [
        'body too large',
        me.request('PATCH', '/api/me', JSON.stringify({ firstName: 'x'.repeat(2_000_000) }), json),
        413,
        'payload_too_large',
        'Le contenu envoyé est trop volumineux.',
      ],
    ];
    for (const [label, pending, status, code, title] of cases) {
      const response = await pending;
      const problem = problemOf(response);
      expect(problem.status, label).toBe(status);
      expect(problem.contentType, label).toBe('application/problem+json; charset=utf-8');
      expect(problem.body, label).toMatchObject({
        type: `https://magistere.education.gouv.fr/problemes/${code}`,
        code,
        title,
        status,
      });
      expect(response.headers['content-security-policy'] ?? '', label).toMatch(/default-src 'self'/);
    }
  });

  it('speak the language the browser asks for, even before any hook ran', async () => {
    const response = await t.app.inject({ url: '/api/%E0%A4%A', headers: { 'accept-language': 'en' } });
    expect(problemOf(response).body.title).toBe('The requested address holds an invalid encoding.');
  });

  it('with the web app served, an unknown API route is a 404 problem however its path is spelled', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'magistere-web-'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Magistère</title>');
    const app = Fastify();
    registerErrorHandling(app);
    await registerWebApp(app, root);
    try {
      for (const url of [
        '/api/nowhere',
        '/%61pi/nowhere',
        '/ap%69/nowhere',
        '//api/nowhere',
        '/api',
        '/API/x',
      ]) {
        const response = await app.inject({ url });
        expect(response.statusCode, url).toBe(404);
        expect(response.headers['content-type'], url).toBe('application/problem+json; charset=utf-8');
      }
      const page = await app.inject({ url: '/offres/apiculture' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Magistère</title>');
    } finally {
      await app.close();
    }
  });
});

describe('the log of a failed query', () => {
  it('names the statement and PostgreSQL’s diagnosis, never the values the query was sent', async () => {
    const me = await t.as('participant@magistere.test');
    const [user] = await t.db.select().from(users).where(eq(users.email, 'participant@magistere.test'));
    // A database fault the service cannot expect: every update of a user fails.
    await t.pool.query(`
      CREATE FUNCTION refuse_user_update() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'panne simulée'; END $$;
      CREATE TRIGGER refuse_user_update BEFORE UPDATE ON users
        FOR EACH ROW EXECUTE FUNCTION refuse_user_update();`);
    try {
      logs.length = 0;
      const response = await me.patch('/api/me', {
        firstName: 'Zéphyrine-Secrète',
        discipline: 'Astronomie',
      });
      expect(response.statusCode).toBe(500);
      expect(problemOf(response).body.code).toBe('internal_error');
    } finally {
      await t.pool.query('DROP TRIGGER refuse_user_update ON users; DROP FUNCTION refuse_user_update();');
    }
    const errors = logs.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0].err).toMatchObject({
      type: 'DrizzleQueryError',
      statement: 'update users',
      message: 'Failed query: update users',
      cause: { code: 'P0001', message: 'panne simulée' },
    });
    const text = logs.join('\n');
    for (const secret of ['Zéphyrine', 'Astronomie', user!.id]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"params"|"query"|first_name/);
  });

  it('keeps a refused value out of PostgreSQL’s own message too', async () => {
    const drizzle = await t.db.execute(sql`SELECT ${'valeur-secrète'}::uuid`).catch((e: unknown) => e);
    const serialized = JSON.stringify(serializeError(drizzle));
    expect(serialized).not.toContain('valeur-secrète');
    expect(JSON.parse(serialized)).toMatchObject({
      statement: 'select',
      cause: { code: '22P02', message: 'invalid input syntax for type uuid: "…"' },
    });
    // PostgreSQL's detail quotes the duplicate key: `Key (id)=(…) already exists.`
    const [user] = await t.db.select().from(users).where(eq(users.email, 'participant@magistere.test'));
    const unique = await t.pool
      .query('INSERT INTO users SELECT * FROM users WHERE id = $1', [user!.id])
      .catch((e: unknown) => e);
    const duplicate = JSON.stringify(serializeError(unique));
    expect(duplicate).not.toContain(user!.id);
    expect(JSON.parse(duplicate)).toMatchObject({ code: '23505', table: 'users', constraint: 'users_pkey' });
  });

  it('describes statements by their verb and first table', () => {
    expect(describeStatement('update "users" set "first_name" = $1 where "users"."id" = $2')).toBe(
      'update users',
    );
    expect(describeStatement('insert into "file_links" ("sha256") values ($1)')).toBe('insert file_links');
    expect(describeStatement('\n  SELECT o.id FROM offers o JOIN domains d ON true')).toBe('select offers');
    expect(describeStatement('delete from "sessions" where "id" = $1')).toBe('delete sessions');
  });
});
