import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoEmbedUrl } from '../../../../shared/activity-settings.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../../testing/harness.ts';
import { courseWithActivity, samples, upload } from '../file/testing.ts';

let t: TestApp;
let designer: ApiClient;
let participant: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  designer = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
});
afterAll(() => t.close());

describe('video activity', () => {
  it('turns PeerTube and Pod pages into their player address', () => {
    expect(
      videoEmbedUrl(
        'https://tube-numerique-educatif.apps.education.fr/w/9c9de5e8-0a1e-484a-b099-e80766180a6d',
      ),
    ).toBe(
      'https://tube-numerique-educatif.apps.education.fr/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d',
    );
    expect(videoEmbedUrl('https://video.ploud.fr/videos/watch/abc-123?start=1m30s')).toBe(
      'https://video.ploud.fr/videos/embed/abc-123?start=1m30s',
    );
    expect(videoEmbedUrl('https://podeduc.apps.education.fr/video/0042-les-fractions/')).toBe(
      'https://podeduc.apps.education.fr/video/0042-les-fractions/?is_iframe=true',
    );
    expect(videoEmbedUrl('https://podeduc.apps.education.fr/accueil/')).toBeNull();
  });

  it('embeds a video from an allowed host only; the admin may allow another', async () => {
    const { activity } = await courseWithActivity(t, designer, 'video');
    const embed = (url: string) =>
      designer.patch(`/api/activities/${activity}`, { settings: { source: 'embed', url } });

    const allowed = await embed('https://podeduc.apps.education.fr/video/0042-les-fractions/');
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json().settings).toEqual({
      source: 'embed',
      url: 'https://podeduc.apps.education.fr/video/0042-les-fractions/',
      embedUrl: 'https://podeduc.apps.education.fr/video/0042-les-fractions/?is_iframe=true',
    });

    const elsewhere = problemOf(await embed('https://peertube.example.org/w/kx3Yv8bWqR7'));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors).toEqual([
      { path: 'settings.url', message: expect.stringContaining('hébergeur') },
    ]);
    const plain = problemOf(await embed('http://podeduc.apps.education.fr/video/0042-les-fractions/'));
    expect(plain.body.errors?.[0]?.path).toBe('settings.url');
    const unknown = problemOf(await embed('https://podeduc.apps.education.fr/accueil/'));
    expect(unknown.body.errors?.[0]?.path).toBe('settings.url');
    const hostile = problemOf(await embed('javascript:alert(1)'));
    expect(hostile.body.errors?.[0]?.path).toBe('settings.url');

    const admin = await t.as('admin@magistere.test');
    const hosts = (await admin.get('/api/admin/video-hosts')).json().hosts;
    const put = await admin.request('PUT', '/api/admin/video-hosts', {
      hosts: [...hosts, 'peertube.example.org'],
    });
    expect(put.statusCode, put.body).toBe(200);
    const now = await embed('https://peertube.example.org/w/kx3Yv8bWqR7');
    expect(now.statusCode, now.body).toBe(200);
    expect(now.json().settings.embedUrl).toBe('https://peertube.example.org/videos/embed/kx3Yv8bWqR7');

    const created = await courseWithActivity(t, designer, 'video', {
      settings: { source: 'embed', url: 'https://video.ploud.fr/videos/watch/abc-123' },
    });
    expect(created.activity).toBeTruthy();
  });

  it('stores an uploaded MP4 and plays it inline with ranges; refuses what is not a video', async () => {
    const { activity } = await courseWithActivity(t, designer, 'video', { settings: { source: 'upload' } });
    const bytes = samples.mp4();
    const put = await upload(designer, 'PUT', `/api/activities/${activity}/video`, [
      { filename: 'Présentation.mp4', content: bytes, type: 'video/mp4' },
    ]);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().mime).toBe('video/mp4');
    const got = await participant.request('GET', `/api/activities/${activity}/video`, undefined, {
      range: 'bytes=0-99',
      'accept-encoding': 'gzip',
    });
    expect(got.statusCode).toBe(206);
    expect(got.headers['content-type']).toBe('video/mp4');
    expect(got.headers['content-disposition']).toMatch(/^inline;/);
    expect(got.headers['content-encoding']).toBeUndefined();
    expect(got.rawPayload.equals(bytes.subarray(0, 100))).toBe(true);

    const pdf = problemOf(
      await upload(designer, 'PUT', `/api/activities/${activity}/video`, [
        { filename: 'faux.mp4', content: samples.pdf(), type: 'video/mp4' },
      ]),
    );
    expect(pdf.status).toBe(415);
    const still = await participant.get(`/api/activities/${activity}/video`);
    expect(still.rawPayload.equals(bytes)).toBe(true);
  });
});
