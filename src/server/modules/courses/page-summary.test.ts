/**
 * The course page carries, for each activity, only what its kind says the page needs (`coursePageSummary`);
 * the whole activity comes from `GET /api/activities/:id`, under the same visibility rules as the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { courseWithActivity, samples, upload } from '../activities/file/testing.ts';

let t: TestApp;
let designer: ApiClient;
let participant: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  designer = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
});
afterAll(() => t.close());

type Listed = { id: string; kind: string; title: string; summary?: Record<string, unknown> };
type Page = { canEdit: boolean; sections: { title: string; activities: Listed[] }[] };

const PAGE_HTML = `<h2>Une classe de CM1</h2>${'<p>Observez les échanges entre les élèves.</p>'.repeat(50)}`;

async function pageOf(client: ApiClient, course: string, query = ''): Promise<Page> {
  const response = await client.get(`/api/courses/${course}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const listed = (page: Page) => page.sections.flatMap((s) => s.activities);
const byTitle = (page: Page, title: string) => listed(page).find((a) => a.title === title)!;

describe('the course page’s activity summaries', () => {
  it('sends each kind’s summary, never the settings; the activity itself has them all', async () => {
    const {
      course,
      sectionId,
      activity: page,
    } = await courseWithActivity(t, designer, 'page', {
      title: 'Lire la situation',
      settings: { content: PAGE_HTML },
    });
    const add = async (kind: string, title: string, settings?: Record<string, unknown>) => {
      const created = await designer.post(`/api/courses/${course}/activities`, {
        sectionId,
        kind,
        title,
        ...(settings ? { settings } : {}),
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json().id as string;
    };
    await add('label', 'Objectif', { style: 'key_point', content: '<p>Retenir <strong>ceci</strong></p>' });
    await add('url', 'Éduscol', { url: 'https://eduscol.education.fr/', newWindow: false });
    await add('file', 'Programme', { displayName: 'Le programme' });
    await add('folder', 'Fiches');
    await add('video', 'Séance filmée');

    const seen = await pageOf(participant, course);
    const pageItem = byTitle(seen, 'Lire la situation');
    expect(pageItem).toEqual({
      id: page,
      sectionId,
      kind: 'page',
      title: 'Lire la situation',
      visibility: 'visible',
      availableFrom: null,
      completion: { mode: 'none' },
    });
    expect(JSON.stringify(seen)).not.toContain('Observez');
    expect(JSON.stringify(seen)).not.toContain('"settings"');
    expect(byTitle(seen, 'Objectif').summary).toEqual({
      style: 'key_point',
      content: '<p>Retenir <strong>ceci</strong></p>',
    });
    expect(byTitle(seen, 'Éduscol').summary).toEqual({ url: 'https://eduscol.education.fr/' });
    expect(byTitle(seen, 'Programme').summary).toBeUndefined();
    expect(byTitle(seen, 'Fiches').summary).toEqual({ count: 0 });
    expect(byTitle(seen, 'Séance filmée').summary).toEqual({ source: 'upload' });

    // The activity's own page gets everything.
    const full = await participant.get(`/api/activities/${page}`);
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({ id: page, kind: 'page', settings: { content: PAGE_HTML } });
    const link = await participant.get(`/api/activities/${byTitle(seen, 'Éduscol').id}`);
    expect(link.json().settings).toEqual({ url: 'https://eduscol.education.fr/', newWindow: false });
  });

  it('follows the files of an activity: a new file, files added and removed show at once', async () => {
    const { course, sectionId, activity } = await courseWithActivity(t, designer, 'file', {
      title: 'Programme',
    });
    const before = await pageOf(participant, course);
    expect(byTitle(before, 'Programme').summary).toBeUndefined();
    const pdf = samples.pdf('programme');
    const put = await upload(designer, 'PUT', `/api/activities/${activity}/file`, [
      { filename: 'programme.pdf', content: pdf, type: 'application/pdf' },
    ]);
    expect(put.statusCode, put.body).toBe(200);
    // The page was cached by the first read; the upload made it forget.
    expect(byTitle(await pageOf(participant, course), 'Programme').summary).toEqual({
      file: { filename: 'programme.pdf', mime: 'application/pdf', size: pdf.length },
    });

    const folder = (
      await designer.post(`/api/courses/${course}/activities`, { sectionId, kind: 'folder', title: 'Fiches' })
    ).json().id as string;
    expect(byTitle(await pageOf(participant, course), 'Fiches').summary).toEqual({ count: 0 });
    const added = await upload(designer, 'POST', `/api/activities/${folder}/folder`, [
      { filename: 'a.pdf', content: samples.pdf('a'), type: 'application/pdf' },
      { filename: 'b.png', content: samples.png(), type: 'image/png' },
    ]);
    expect(added.statusCode, added.body).toBe(201);
    expect(byTitle(await pageOf(participant, course), 'Fiches').summary).toEqual({ count: 2 });
    const removed = await designer.request(
      'DELETE',
      `/api/activities/${folder}/folder/${added.json()[0].id}`,
    );
    expect(removed.statusCode).toBe(204);
    expect(byTitle(await pageOf(participant, course), 'Fiches').summary).toEqual({ count: 1 });

    const video = (
      await designer.post(`/api/courses/${course}/activities`, {
        sectionId,
        kind: 'video',
        title: 'Captation',
        settings: { source: 'upload' },
      })
    ).json().id as string;
    const mp4 = samples.mp4();
    await upload(designer, 'PUT', `/api/activities/${video}/video`, [
      { filename: 'captation.mp4', content: mp4 },
    ]);
    expect(byTitle(await pageOf(participant, course), 'Captation').summary).toEqual({
      source: 'upload',
      file: { filename: 'captation.mp4', mime: 'video/mp4', size: mp4.length },
    });
  });

  it('gives one activity only to those who may see it: hidden or not yet open, it does not exist', async () => {
    const { course, activity } = await courseWithActivity(t, designer, 'page', {
      settings: { content: '<p>Brouillon</p>' },
    });
    expect((await participant.get(`/api/activities/${activity}`)).statusCode).toBe(200);
    await designer.patch(`/api/activities/${activity}`, { visibility: 'hidden' });
    expect(problemOf(await participant.get(`/api/activities/${activity}`)).status).toBe(404);
    expect((await designer.get(`/api/activities/${activity}`)).json().settings.content).toBe(
      '<p>Brouillon</p>',
    );
    await designer.patch(`/api/activities/${activity}`, {
      visibility: 'visible',
      availableFrom: '2099-01-01T08:00:00+01:00',
    });
    expect(problemOf(await participant.get(`/api/activities/${activity}`)).status).toBe(404);
    await designer.patch(`/api/activities/${activity}`, { availableFrom: null });
    await designer.patch(`/api/courses/${course}`, { visibility: 'hidden' });
    expect(problemOf(await participant.get(`/api/activities/${activity}`)).status).toBe(404);
    // Someone without a role in the course's domain is refused by the route's access.
    const observer = await t.as('observateur@magistere.test');
    expect((await observer.get(`/api/activities/${activity}`)).statusCode).toBe(403);
  });

  it('shows an editor the page as a participant sees it, on request, without ever adding rights', async () => {
    const { course, sectionId } = await courseWithActivity(t, designer, 'page', { title: 'Visible' });
    const hidden = (
      await designer.post(`/api/courses/${course}/activities`, {
        sectionId,
        kind: 'page',
        title: 'Notes du concepteur',
        visibility: 'hidden',
      })
    ).json().id;
    expect(hidden).toBeDefined();
    const own = await pageOf(designer, course);
    expect(own.canEdit).toBe(true);
    expect(listed(own).map((a) => a.title)).toEqual(['Visible', 'Notes du concepteur']);
    const preview = await pageOf(designer, course, '?view=participant');
    expect(preview.canEdit).toBe(false);
    expect(listed(preview).map((a) => a.title)).toEqual(['Visible']);
    // The same as what a participant gets, byte for byte.
    expect(preview).toEqual(await pageOf(participant, course));
    expect(await pageOf(designer, course)).toEqual(own);
    expect(problemOf(await designer.get(`/api/courses/${course}?view=admin`)).status).toBe(400);
  });
});
