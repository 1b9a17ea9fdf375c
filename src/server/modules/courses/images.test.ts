import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { courseWithActivity, samples, upload } from '../activities/file/testing.ts';

let t: TestApp;
let designer: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  designer = await t.as('concepteur@magistere.test');
});
afterAll(() => t.close());

describe('course images', () => {
  it('stores an image for a course and serves it, by content, to its readers only', async () => {
    const { course } = await courseWithActivity(t, designer, 'page', { settings: { content: '' } });
    const png = samples.png();
    const added = await upload(designer, 'POST', `/api/courses/${course}/images`, [
      { filename: 'schéma.png', content: png, type: 'image/png' },
    ]);
    expect(added.statusCode, added.body).toBe(201);
    const { url } = added.json();
    expect(url).toMatch(/^\/api\/files\/[0-9a-f]{64}\/sch%C3%A9ma\.png$/);

    // The rich text keeps the address as written.
    const saved = await designer.patch(`/api/courses/${course}`, {
      summary: `<p><img src="${url}" alt="Schéma"></p>`,
    });
    expect(saved.json().summary).toContain(`src="${url}"`);

    const participant = await t.as('participant@magistere.test');
    const got = await participant.get(url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toMatch(/^inline;/);
    expect(got.rawPayload.equals(png)).toBe(true);

    const observer = await t.as('observateur@magistere.test');
    expect(problemOf(await observer.get(url)).status).toBe(403);
    expect((await t.anonymous().get(url)).statusCode).toBe(401);
  });

  it('refuses what is not an image, and participants', async () => {
    const { course } = await courseWithActivity(t, designer, 'page', { settings: { content: '' } });
    const pdf = problemOf(
      await upload(designer, 'POST', `/api/courses/${course}/images`, [
        { filename: 'image.png', content: samples.pdf(), type: 'image/png' },
      ]),
    );
    expect(pdf.status).toBe(415);
    expect(pdf.body.code).toBe('unsupported_media_type');
    const participant = await t.as('participant@magistere.test');
    const refused = await upload(participant, 'POST', `/api/courses/${course}/images`, [
      { filename: 'a.png', content: samples.png() },
    ]);
    expect(refused.statusCode).toBe(403);
  });

  it('serves an image linked to an activity of a course the reader may open', async () => {
    const { activity } = await courseWithActivity(t, designer, 'folder');
    const png = Buffer.concat([samples.png(), Buffer.from('activité')]);
    const [file] = (
      await upload(designer, 'POST', `/api/activities/${activity}/folder`, [
        { filename: 'photo.png', content: png },
      ])
    ).json();
    expect(file.mime).toBe('image/png');
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(png).digest('hex');
    const participant = await t.as('participant@magistere.test');
    expect((await participant.get(`/api/files/${sha}/photo.png`)).statusCode).toBe(200);
    expect((await participant.get(`/api/files/${'0'.repeat(64)}/photo.png`)).statusCode).toBe(403);
  });

  it('keeps an uploaded image in a page and a section description, with its alternative text or an empty one', async () => {
    const { course, sectionId, activity } = await courseWithActivity(t, designer, 'page', {
      settings: { content: '' },
    });
    const { url } = (
      await upload(designer, 'POST', `/api/courses/${course}/images`, [
        { filename: 'cycle de l’eau.png', content: samples.png(), type: 'image/png' },
      ])
    ).json();
    // What the editor's image extension writes: a described image, a decorative one.
    const content = `<p>Avant</p><img src="${url}" alt="Schéma du cycle de l’eau"><img src="${url}" alt=""><p>Après</p>`;
    const saved = await designer.patch(`/api/activities/${activity}`, { settings: { content } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().settings.content).toBe(
      `<p>Avant</p><img src="${url}" alt="Schéma du cycle de l’eau" /><img src="${url}" alt="" /><p>Après</p>`,
    );
    // An image without alt gets an empty one; one pointing elsewhere on the site is dropped.
    const section = await designer.patch(`/api/sections/${sectionId}`, {
      description: `<img src="${url}"><img src="/api/courses/${course}" alt="x">`,
    });
    expect(section.json().description).toBe(`<img src="${url}" alt="" />`);
  });
});
