/**
 * The built web app's files: hashed bundles cached for a year without revalidation, the HTML shell always
 * revalidated, and no spelling of an API path served as a file. Runs when the web app is built (CI builds
 * it before the end-to-end tests; `npm run build` locally).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../app.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

const built = existsSync(path.join(WEB_DIST, 'index.html'));

let t: TestApp;
beforeAll(async () => {
  if (built) t = await startTestApp();
});
afterAll(() => t?.close());

// Skipped without a build: the API tests run before `npm run build` in CI's first pass.
describe.skipIf(!built)('the web app', () => {
  it('serves hashed assets as immutable and the shell as no-cache', async () => {
    const asset = readdirSync(path.join(WEB_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const response = await t.anonymous().get(`/assets/${asset}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/mon-espace']) {
      const shell = await t.anonymous().get(url);
      expect(shell.statusCode, url).toBe(200);
      expect(shell.headers['cache-control'], url).toBe('private, no-cache');
      expect(shell.headers.etag, url).toBeUndefined();
    }
    expect((await t.anonymous().get('/index.html')).headers['cache-control']).toBe('no-cache');
  });

  it('tells the app who is signed in within its first answer, to them only', async () => {
    const boot = (html: string) =>
      JSON.parse(/<script id="mg-boot" type="application\/json">(.*?)<\/script>/.exec(html)![1]!);
    expect(boot((await t.anonymous().get('/mon-espace')).body)).toEqual({ me: null });

    const participant = await t.as('participant@magistere.test');
    // A name that would close the script element early stays inside it.
    expect((await participant.patch('/api/me', { firstName: '</script><b>Camille' })).statusCode).toBe(200);
    const shell = await participant.get('/parcours/quelque-chose');
    expect(shell.statusCode).toBe(200);
    expect(shell.headers.vary).toMatch(/cookie/i);
    expect(shell.body).not.toContain('</script><b>');
    const { me } = boot(shell.body);
    expect(me.user.email).toBe('participant@magistere.test');
    expect(me.user.firstName).toBe('</script><b>Camille');
    expect(me.csrfToken).toBe((await participant.get('/api/me')).json().csrfToken);
  });

  it('answers a bundle of an earlier build with a 404, never with the shell', async () => {
    const response = await t.anonymous().get('/assets/index-0ld0ld0l.js');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).not.toMatch(/html/);
  });

  it('never answers an API spelling with the shell', async () => {
    const response = await t.anonymous().get('/%61pi/nowhere');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });
});
