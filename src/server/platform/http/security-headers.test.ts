import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('sends a strict content security policy and the usual hardening headers on every response', async () => {
    for (const url of ['/api/me', '/healthz', '/api/nowhere']) {
      const response = await t.anonymous().get(url);
      expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(response.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-powered-by']).toBeUndefined();
      // The legacy header agrees with `frame-ancestors 'none'`: no framing at all, not even same-origin.
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('sends HSTS only when the platform is reached over https', async () => {
    // Over plain http, HSTS would pin a name that has no https at all (a laptop, an internal address).
    expect(t.config.publicUrl).toMatch(/^http:/);
    const plain = await t.anonymous().get('/healthz');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);

    const secure = await startTestApp({ PUBLIC_URL: 'https://magistere.example.fr' });
    try {
      const response = await secure.anonymous().get('/healthz');
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
      expect(response.headers['x-frame-options']).toBe('DENY');
    } finally {
      await secure.close();
    }
  });
});
