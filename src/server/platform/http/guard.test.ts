/**
 * The guard decides on the route that matched, whatever the spelling of the URL. The routes access test
 * tries every route under many spellings; these are the attacks the review chained, end to end.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { registerGuard } from './guard.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the guard, whatever the spelling', () => {
  it('refuses the anonymous takeover chain: reset request, then the mail log through an encoded path', async () => {
    const anonymous = t.anonymous();
    const requested = await anonymous.post('/api/auth/password-reset/request', {
      email: 'admin@magistere.test',
    });
    expect(requested.statusCode).toBe(202);
    for (const url of [
      '/%61pi/admin/mail',
      '/ap%69/admin/mail',
      '/api/%61dmin/mail',
      '/%61%70%69/admin/mail',
    ]) {
      const list = await anonymous.get(url);
      expect(list.statusCode, url).toBe(401);
      expect(list.headers['content-type']).toMatch(/problem\+json/);
      expect(list.body).not.toMatch(/password-reset|mot de passe/i);
    }
    const admin = await t.as('admin@magistere.test');
    const [message] = (await admin.get('/api/admin/mail')).json().items as { id: string }[];
    const detail = await anonymous.get(`/%61pi/admin/mail/${message!.id}`);
    expect(detail.statusCode).toBe(401);
  });

  it('refuses anonymous reads of people, grids and roles under encoded prefixes', async () => {
    for (const url of ['/%61pi/users', '/%61pi/me', '/%61pi/cohorts', '/%61pi/audit', '/%61pi/trash']) {
      const response = await t.anonymous().get(url);
      expect(response.statusCode, url).toBe(401);
    }
  });

  it('refuses a foreign origin on encoded write paths before any handler runs', async () => {
    const anonymous = t.anonymous();
    const response = await anonymous.request(
      'POST',
      '/%61pi/admin/offers/digest',
      {},
      {
        origin: 'https://evil.example',
      },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('cross_origin');
    // A signed-in user's session does not help a write that lacks the CSRF token, however spelled.
    const admin = await t.as('admin@magistere.test');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/%61pi/admin/offers/digest',
      headers: { cookie: admin.cookie!, origin: t.config.publicUrl },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('csrf_failed');
  });

  it('answers other spellings with a refusal or a not-found, never with data', async () => {
    for (const url of ['/api/nowhere', '/%61pi/nowhere', '/api/users/', '//api/users', '/API/users']) {
      const response = await t.anonymous().get(url);
      expect([401, 404], url).toContain(response.statusCode);
      expect(response.headers['content-type'], url).toMatch(/problem\+json|text\/html/);
    }
  });
});

describe('routes that declare nothing', () => {
  it('are refused when the application starts', async () => {
    const app = Fastify();
    registerGuard(app, {
      db: t.db,
      session: t.config.session,
      publicUrl: t.config.publicUrl,
      cache: t.deps.authCache,
    });
    expect(() => app.get('/anything', async () => 'x')).toThrow(/declares no access/);
    expect(() => app.get('/api/thing', async () => 'x')).toThrow(/declares no access/);
    await app.close();
  });
});
