import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';

const TOKEN = 'jeton-des-metriques-0123456789';

let withToken: TestApp;
let without: TestApp;
beforeAll(async () => {
  withToken = await startTestApp({ METRICS_TOKEN: TOKEN });
  without = await startTestApp();
});
afterAll(async () => {
  await withToken.close();
  await without.close();
});

const metrics = (t: TestApp, authorization?: string) =>
  t.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });

describe('/metrics', () => {
  it('is served to whoever sends the configured bearer token', async () => {
    const response = await metrics(withToken, `Bearer ${TOKEN}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain('http_request_duration_seconds');
  });

  it('is refused with a 401 problem without the token or with another one', async () => {
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `Basic ${Buffer.from(`metrics:${TOKEN}`).toString('base64')}`,
      'Bearer',
    ]) {
      const response = await metrics(withToken, authorization);
      const problem = problemOf(response);
      expect(problem.status, authorization).toBe(401);
      expect(problem.contentType).toMatch(/^application\/problem\+json/);
      expect(problem.body.code).toBe('metrics_token');
      expect(problem.body.title).toBe('Jeton d’accès aux métriques absent ou incorrect.');
      expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(response.body).not.toContain('process_cpu');
    }
  });

  it('is not served at all when no token is configured', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}`, 'Bearer ']) {
      const problem = problemOf(await metrics(without, authorization));
      expect(problem.status).toBe(404);
      expect(problem.body.code).toBe('not_found');
    }
  });

  it('refuses a token too short to be a secret at start', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'court' })).toThrow(/METRICS_TOKEN/);
  });
});
