import { PassThrough } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { freePort } from '../../platform/db/embedded.ts';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { loginFailures, sessions, users } from './schema.ts';

const PASSWORD = 'Magistere-demo-2026';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const count = async (table: typeof loginFailures | typeof sessions | typeof auditEvents) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe('login', () => {
  it('opens a session in an HttpOnly, SameSite cookie and returns the user with roles and capabilities', async () => {
    const response = await t
      .anonymous()
      .post('/api/auth/login', { email: 'Referent@Magistere.test', password: PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = response.headers['set-cookie'] as string;
    expect(cookie).toMatch(/^mag_sid=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = response.json();
    expect(me.user.email).toBe('referent@magistere.test');
    expect(me.roles.map((r: { role: string }) => r.role)).toEqual(['domain_admin']);
    expect(me.capabilities).toEqual(
      expect.arrayContaining(['user:view', 'user:manage', 'role:assign', 'audit:view']),
    );
    expect(me.capabilities).not.toContain('domain:manage');
    expect(me.capabilities).not.toContain('mail:view');
    // The session table keeps a hash, never the token itself.
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await t.db.select().from(sessions);
    expect(stored.some((s) => s.id === token)).toBe(false);
  });

  it('refuses a wrong password with a French problem and records the failure', async () => {
    const before = await count(loginFailures);
    const response = await t
      .anonymous()
      .post('/api/auth/login', { email: 'formateur@magistere.test', password: 'mauvais' });
    const problem = problemOf(response);
    expect(problem.status).toBe(401);
    expect(problem.contentType).toMatch(/^application\/problem\+json/);
    expect(problem.body.code).toBe('bad_credentials');
    expect(problem.body.title).toBe('Adresse électronique ou mot de passe incorrect.');
    expect(await count(loginFailures)).toBe(before + 1);
  });

  it('answers malformed bodies with 400 and writes nothing', async () => {
    const failures = await count(loginFailures);
    const events = await count(auditEvents);
    for (const payload of [
      '{"email":',
      '[]',
      JSON.stringify({ email: 'pas-une-adresse', password: 'x' }),
      JSON.stringify({}),
    ]) {
      const response = await t
        .anonymous()
        .request('POST', '/api/auth/login', payload, { 'content-type': 'application/json' });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const missing = problemOf(await t.anonymous().post('/api/auth/login', {}));
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([{ path: 'email', message: 'Ce champ est obligatoire.' }]),
    );
    expect(await count(loginFailures)).toBe(failures);
    expect(await count(auditEvents)).toBe(events);
  });

  it('refuses a suspended account even with the right password', async () => {
    await t.db.update(users).set({ status: 'suspended' }).where(eq(users.email, 'tuteur@magistere.test'));
    const problem = problemOf(
      await t.anonymous().post('/api/auth/login', { email: 'tuteur@magistere.test', password: PASSWORD }),
    );
    expect(problem.status).toBe(403);
    expect(problem.body.code).toBe('account_suspended');
    // Said as a suspension, with whom to ask: the administrator of the account's own domain.
    expect(problem.body.title).toMatch(/^Votre compte est suspendu.*administrateur local de votre domaine/);
    expect((problem.body as { domain?: string }).domain).toBe('Académie de Bordeaux');
    await t.db.update(users).set({ status: 'active' }).where(eq(users.email, 'tuteur@magistere.test'));
  });

  it('throttles the 11th failure in a minute on one account with 429, even with the right password', async () => {
    await t.db.delete(loginFailures);
    const client = t.anonymous();
    for (let i = 0; i < 10; i++) {
      const response = await client.post('/api/auth/login', {
        email: 'observateur@magistere.test',
        password: `faux-${i}`,
      });
      expect(response.statusCode).toBe(401);
    }
    const blocked = problemOf(
      await client.post('/api/auth/login', { email: 'observateur@magistere.test', password: PASSWORD }),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_login_attempts');
    expect(blocked.body.title).toMatch(/Trop de tentatives/);
  });
});

describe('session security', () => {
  it('refuses a cross-origin POST and an unsafe request without the CSRF token', async () => {
    const admin = await t.as('admin@magistere.test');
    const crossSite = await admin.request('POST', '/api/auth/logout', undefined, {
      origin: 'https://evil.example',
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().code).toBe('cross_origin');
    const noToken = await admin.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'faux' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf_failed');
    expect((await admin.get('/api/me')).statusCode).toBe(200);
  });

  it('logs out: the cookie no longer opens anything', async () => {
    const user = await t.as('participant@magistere.test');
    expect((await user.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await user.get('/api/me')).statusCode).toBe(401);
  });

  it('expires idle sessions', async () => {
    const user = await t.as('participant@magistere.test');
    await t.db.update(sessions).set({ lastSeenAt: sql`now() - interval '1 day'` });
    // A day passing also empties the few-second memory of sessions.
    await t.deps.authCache.forget(null);
    const problem = problemOf(await user.get('/api/me'));
    expect(problem.status).toBe(401);
    expect(problem.body.code).toBe('unauthenticated');
  });
});

describe('password reset by mail, through a real SMTP server', () => {
  it('mails a single-use link, sets the new password, and keeps secrets out of the logs', async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => {
          raw += chunk.toString('utf8');
        });
        stream.on('end', () => {
          received.push(raw);
          callback();
        });
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    const logs = new PassThrough();
    let logText = '';
    logs.on('data', (chunk: Buffer) => {
      logText += chunk.toString();
    });
    const mailing = await startTestApp(
      { SMTP_URL: `smtp://127.0.0.1:${port}`, JOBS: 'true', LOG_LEVEL: 'trace' },
      { logStream: logs },
    );
    try {
      const anonymous = mailing.anonymous();
      expect(
        (await anonymous.post('/api/auth/password-reset/request', { email: 'inconnu@magistere.test' }))
          .statusCode,
      ).toBe(202);
      expect(
        (await anonymous.post('/api/auth/password-reset/request', { email: 'formateur@magistere.test' }))
          .statusCode,
      ).toBe(202);
      const deadline = Date.now() + 20_000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(received).toHaveLength(1);
      const mail = await simpleParser(received[0]!);
      expect(mail.subject).toBe('Réinitialisation de votre mot de passe Magistère');
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('formateur@magistere.test');
      expect(mail.text).toContain('(valable 30 minutes, une seule fois)');
      const token = /#jeton=([\w-]+)/.exec(mail.text ?? '')?.[1];
      expect(token).toBeDefined();

      expect((await anonymous.post('/api/auth/password-reset/check', { token })).statusCode).toBe(204);
      const weak = await anonymous.post('/api/auth/password-reset', { token, password: 'court' });
      expect(weak.statusCode).toBe(400);
      const reset = await anonymous.post('/api/auth/password-reset', {
        token,
        password: 'Un-nouveau-mot-de-passe',
      });
      expect(reset.statusCode).toBe(204);
      const again = problemOf(
        await anonymous.post('/api/auth/password-reset', { token, password: 'Encore-un-autre-mot' }),
      );
      expect(again.body.code).toBe('reset_token_invalid');
      const used = problemOf(await anonymous.post('/api/auth/password-reset/check', { token }));
      expect(used.body).toMatchObject({
        code: 'reset_token_invalid',
        title: 'Ce lien de réinitialisation n’est plus valide. Demandez-en un nouveau.',
      });
      expect(
        (await anonymous.post('/api/auth/login', { email: 'formateur@magistere.test', password: PASSWORD }))
          .statusCode,
      ).toBe(401);
      const login = await anonymous.post('/api/auth/login', {
        email: 'formateur@magistere.test',
        password: 'Un-nouveau-mot-de-passe',
      });
      expect(login.statusCode).toBe(200);
      const sessionToken = login.cookies.find((c) => c.name === 'mag_sid')!.value;
      await (await mailing.as('formateur@magistere.test', 'Un-nouveau-mot-de-passe')).get('/api/me');

      expect(logText.length).toBeGreaterThan(0);
      expect(logText).not.toContain(token!);
      expect(logText).not.toContain('Un-nouveau-mot-de-passe');
      expect(logText).not.toContain(sessionToken);
    } finally {
      await mailing.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
