/**
 * Lost updates: two people open the same course settings, section, activity, indexation or platform
 * setting; the first saves, then the second saves from what they opened. The second gets 409
 * `stale_version` (problem+json, French message) and the database keeps the first one's save.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, courses, sections } from './modules/courses/schema.ts';
import { domainId } from './modules/enrolment/testing.ts';
import { getVersionedSetting, VIDEO_HOSTS_KEY } from './modules/settings/service.ts';
import { auditEvents } from './platform/audit/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from './testing/harness.ts';
import { uniqueShortName } from './testing/names.ts';

let t: TestApp;
/** Two designers of the same course (the second, the local administrator, may edit every course of Aix). */
let first: ApiClient;
let second: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  first = await t.as('concepteur@magistere.test');
  second = await t.as('referent@magistere.test');
});
afterAll(() => t.close());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

async function newCourse(title: string) {
  const response = await first.post('/api/courses', {
    domainId: await domainId(t),
    title,
    shortName: uniqueShortName(title.slice(0, 20)),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; metadataVersion: number };
}

function expectStale(response: Awaited<ReturnType<ApiClient['request']>>) {
  const problem = problemOf(response);
  expect(problem.status, response.body).toBe(409);
  expect(problem.contentType).toMatch(/application\/problem\+json/);
  expect(problem.body.code).toBe('stale_version');
  expect(problem.body.title).toBe(
    'Ce contenu a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.',
  );
}

const auditCount = async (action: string, objectId: string) =>
  (await t.db.select().from(auditEvents).where(eq(auditEvents.action, action))).filter(
    (e) => e.objectId === objectId,
  ).length;

describe('optimistic concurrency', () => {
  it('course settings: the stale save gets 409 and the first save stays', async () => {
    const course = await newCourse('Parcours partagé');
    // Both open the settings form at the version the page gives.
    const page = (await second.get(`/api/courses/${course.id}`)).json();
    expect(page.course.version).toBe(course.version);
    const url = `/api/courses/${course.id}`;
    const saved = await first.request('PATCH', url, { summary: '<p>Le résumé de A</p>' }, ifMatch(1));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    const stale = await second.request(
      'PATCH',
      url,
      { title: 'Titre de B', summary: '<p>Ancien résumé</p>' },
      ifMatch(page.course.version),
    );
    expectStale(stale);
    const [row] = await t.db.select().from(courses).where(eq(courses.id, course.id));
    expect(row).toMatchObject({ title: 'Parcours partagé', summary: '<p>Le résumé de A</p>', version: 2 });
    expect(await auditCount('course.updated', course.id)).toBe(1);
    // Reloaded, B saves over the current version.
    const again = await second.request('PATCH', url, { title: 'Titre de B' }, ifMatch(2));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ title: 'Titre de B', summary: '<p>Le résumé de A</p>', version: 3 });
    // The course page (served from its cache) gives the new version.
    expect((await first.get(url)).json().course.version).toBe(3);
  });

  it('a section: the stale save gets 409; a visibility change also makes the form stale', async () => {
    const course = await newCourse('Parcours sections');
    const created = await first.post(`/api/courses/${course.id}/sections`, { title: 'Séance' });
    expect(created.json().version).toBe(1);
    const id = created.json().id as string;
    const url = `/api/sections/${id}`;
    const saved = await first.request('PATCH', url, { title: 'Séance de A' }, ifMatch(1));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    expectStale(
      await second.request('PATCH', url, { title: 'Séance de B', description: '<p>B</p>' }, ifMatch(1)),
    );
    expect((await t.db.select().from(sections).where(eq(sections.id, id)))[0]).toMatchObject({
      title: 'Séance de A',
      description: '',
      version: 2,
    });
    // The eye button on the course page sends no version; it still moves the section on.
    expect((await second.patch(url, { visibility: 'hidden' })).json().version).toBe(3);
    expectStale(await first.request('PATCH', url, { title: 'Séance', visibility: 'visible' }, ifMatch(2)));
    const sectionOnPage = (await first.get(`/api/courses/${course.id}`))
      .json()
      .sections.find((s: { id: string }) => s.id === id);
    expect(sectionOnPage).toMatchObject({ visibility: 'hidden', version: 3 });
  });

  it('an activity: the stale save gets 409 and the first save stays', async () => {
    const course = await newCourse('Parcours activités');
    const section = (await first.post(`/api/courses/${course.id}/sections`, { title: 'Séance' })).json().id;
    const created = await first.post(`/api/courses/${course.id}/activities`, {
      sectionId: section,
      kind: 'page',
      title: 'Lecture',
      settings: { content: '<p>Texte initial</p>' },
    });
    const id = created.json().id as string;
    const opened = (await second.get(`/api/activities/${id}`)).json();
    expect(opened.version).toBe(1);
    const url = `/api/activities/${id}`;
    const saved = await first.request(
      'PATCH',
      url,
      { settings: { content: '<p>Texte de A</p>' } },
      ifMatch(1),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    expectStale(
      await second.request(
        'PATCH',
        url,
        { title: 'Lecture de B', settings: { content: '<p>Texte de B</p>' }, completion: { mode: 'view' } },
        ifMatch(opened.version),
      ),
    );
    const [row] = await t.db.select().from(activities).where(eq(activities.id, id));
    expect(row).toMatchObject({
      title: 'Lecture',
      settings: { content: '<p>Texte de A</p>' },
      completion: { mode: 'none' },
      version: 2,
    });
    expect(await auditCount('activity.updated', id)).toBe(1);
  });

  it('the indexation: the stale save gets 409; the settings form and the indexation do not stale each other', async () => {
    const course = await newCourse('Parcours indexé');
    const url = `/api/courses/${course.id}/metadata`;
    const saved = await first.request(
      'PUT',
      url,
      { collection: 'formation', objectives: '<p>Objectifs de A</p>', version: '1.0' },
      ifMatch(course.metadataVersion),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ metadataVersion: 2, version: 1 });
    expectStale(
      await second.request('PUT', url, { collection: 'autoformation' }, ifMatch(course.metadataVersion)),
    );
    const [row] = await t.db.select().from(courses).where(eq(courses.id, course.id));
    expect(row!.metadata).toMatchObject({ collection: 'formation', objectives: '<p>Objectifs de A</p>' });
    expect(row!.metadataVersion).toBe(2);
    // The settings form opened before the indexation was saved still saves.
    const settings = await second.request(
      'PATCH',
      `/api/courses/${course.id}`,
      { title: 'Renommé' },
      ifMatch(1),
    );
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({ version: 2, metadataVersion: 2 });
  });

  it('a platform setting: the stale save gets 409 and the first list stays', async () => {
    const admin = await t.as('admin@magistere.test');
    const other = await t.as('admin@magistere.test');
    const opened = (await admin.get('/api/admin/video-hosts')).json();
    expect(opened.version).toBe(0);
    const saved = await admin.request(
      'PUT',
      '/api/admin/video-hosts',
      { hosts: [...opened.hosts, 'tube-a.example.org'] },
      ifMatch(0),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    expectStale(
      await other.request(
        'PUT',
        '/api/admin/video-hosts',
        { hosts: [...opened.hosts, 'tube-b.example.org'] },
        ifMatch(0),
      ),
    );
    expect(await getVersionedSetting(t.db, VIDEO_HOSTS_KEY, [])).toEqual({
      value: [...opened.hosts, 'tube-a.example.org'],
      version: 1,
    });
    const next = await other.request(
      'PUT',
      '/api/admin/video-hosts',
      { hosts: ['tube-b.example.org'] },
      ifMatch(1),
    );
    expect(next.json()).toEqual({ hosts: ['tube-b.example.org'], version: 2 });
    expectStale(await admin.request('PUT', '/api/admin/video-hosts', { hosts: [] }, ifMatch(1)));
  });

  it('two saves at the same moment from the same version: one wins, the other gets 409', async () => {
    const course = await newCourse('Parcours disputé');
    const url = `/api/courses/${course.id}`;
    const results = await Promise.all(
      ['A', 'B', 'C', 'D'].map((who, i) =>
        (i % 2 ? second : first).request('PATCH', url, { title: `Titre de ${who}` }, ifMatch(1)),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json().title;
    const [row] = await t.db.select().from(courses).where(eq(courses.id, course.id));
    expect(row).toMatchObject({ title: winner, version: 2 });
  });

  it('without If-Match (or with *), a save applies as before; a malformed one is refused', async () => {
    const course = await newCourse('Parcours libre');
    const url = `/api/courses/${course.id}`;
    expect((await first.patch(url, { title: 'Un' })).json().version).toBe(2);
    expect((await first.request('PATCH', url, { title: 'Deux' }, { 'if-match': '*' })).json().version).toBe(
      3,
    );
    // The weak form and the bare number name a version too.
    expect((await first.request('PATCH', url, { title: 'Trois' }, { 'if-match': 'W/"3"' })).statusCode).toBe(
      200,
    );
    expect((await first.request('PATCH', url, { title: 'Quatre' }, { 'if-match': '4' })).statusCode).toBe(
      200,
    );
    const bad = problemOf(await first.request('PATCH', url, { title: 'Cinq' }, { 'if-match': '"abc"' }));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_if_match');
    const [row] = await t.db.select().from(courses).where(eq(courses.id, course.id));
    expect(row).toMatchObject({ title: 'Quatre', version: 5 });
  });
});
