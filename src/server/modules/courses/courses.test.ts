import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contexts, roleAssignments } from '../../platform/access/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { users } from '../accounts/schema.ts';
import { domains } from '../domains/schema.ts';
import { activities, courses, type sections } from './schema.ts';

let t: TestApp;
let designer: ApiClient;
let aix = '';
let bordeaux = '';
beforeAll(async () => {
  t = await startTestApp();
  const rows = await t.db.select().from(domains);
  aix = rows.find((d) => d.slug === 'ac-aix-marseille')!.id;
  bordeaux = rows.find((d) => d.slug === 'ac-bordeaux')!.id;
  designer = await t.as('concepteur@magistere.test');
});
afterAll(() => t.close());

const count = async (table: typeof courses | typeof sections | typeof activities) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

async function newCourse(title = 'Les micro-gestes en situation d’enseignement') {
  const response = await designer.post('/api/courses', {
    domainId: aix,
    title,
    shortName: uniqueShortName('MICRO'),
    summary: '<p>Un parcours <strong>court</strong>.</p>',
  });
  expect(response.statusCode, response.body).toBe(201);
  // The demo participant follows it (a participant sees only the courses she is enrolled in).
  await t.enrol(response.json().id, 'participant@magistere.test');
  return response.json().id as string;
}

describe('courses', () => {
  it('creates a course in the designer’s domain with a first section and its access context', async () => {
    const id = await newCourse();
    const page = (await designer.get(`/api/courses/${id}`)).json();
    expect(page.course).toMatchObject({
      title: 'Les micro-gestes en situation d’enseignement',
      format: 'topics',
      domainId: aix,
    });
    expect(page.canEdit).toBe(true);
    expect(page.sections.map((s: { title: string }) => s.title)).toEqual(['Présentation']);
    const [context] = await t.db.select().from(contexts).where(eq(contexts.instanceId, id));
    expect(context?.level).toBe('course');
  });

  it('refuses a course in a domain where the designer holds no role, and bad fields, writing nothing', async () => {
    const before = await count(courses);
    expect(
      (
        await designer.post('/api/courses', {
          domainId: bordeaux,
          title: 'Ailleurs',
          shortName: uniqueShortName('A'),
        })
      ).statusCode,
    ).toBe(403);
    const bad = problemOf(
      await designer.post('/api/courses', { domainId: aix, title: '', shortName: 'x'.repeat(200) }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(['shortName', 'title']);
    expect(await count(courses)).toBe(before);
  });

  it('adds activities of each kind, validating and cleaning their settings', async () => {
    const id = await newCourse();
    const sectionId = (await designer.post(`/api/courses/${id}/sections`, { title: 'Séance 1' })).json().id;
    const add = (body: object) => designer.post(`/api/courses/${id}/activities`, { sectionId, ...body });
    const pageActivity = await add({
      kind: 'page',
      title: 'Lire',
      settings: { content: '<p onclick="x()">Bonjour<script>alert(1)</script></p>' },
    });
    expect(pageActivity.statusCode).toBe(201);
    expect(pageActivity.json().settings.content).toBe('<p>Bonjour</p>');
    const labelActivity = await add({
      kind: 'label',
      title: 'Objectif',
      settings: { style: 'key_point', content: '<p>Retenir</p>' },
    });
    expect(labelActivity.json().settings).toEqual({ style: 'key_point', content: '<p>Retenir</p>' });
    const link = await add({
      kind: 'url',
      title: 'Éduscol',
      settings: { url: 'https://eduscol.education.fr/' },
    });
    expect(link.json().settings).toEqual({ url: 'https://eduscol.education.fr/', newWindow: true });

    const before = await count(activities);
    const hostile = problemOf(
      await add({ kind: 'url', title: 'Piège', settings: { url: 'javascript:alert(1)' } }),
    );
    expect(hostile.status).toBe(400);
    expect(hostile.body.errors?.[0]?.path).toBe('settings.url');
    const missing = problemOf(await add({ kind: 'url', title: 'Sans adresse' }));
    expect(missing.body.errors?.[0]?.path).toBe('settings.url');
    const badStyle = problemOf(
      await add({ kind: 'label', title: 'X', settings: { style: 'bizarre', content: '' } }),
    );
    expect(badStyle.body.errors?.[0]?.path).toBe('settings.style');
    const unknown = problemOf(await add({ kind: 'inconnu', title: 'X' }));
    expect(unknown.body.code).toBe('unknown_kind');
    expect(await count(activities)).toBe(before);
  });

  it('reorders sections and moves activities, keeping positions dense', async () => {
    const id = await newCourse();
    const s1 = (await designer.post(`/api/courses/${id}/sections`, { title: 'Un' })).json().id;
    const s2 = (await designer.post(`/api/courses/${id}/sections`, { title: 'Deux' })).json().id;
    const add = async (sectionId: string, title: string) =>
      (
        await designer.post(`/api/courses/${id}/activities`, {
          sectionId,
          kind: 'page',
          title,
          settings: { content: '' },
        })
      ).json().id;
    const a = await add(s1, 'A');
    const b = await add(s1, 'B');
    const c = await add(s1, 'C');
    const page0 = (await designer.get(`/api/courses/${id}`)).json();
    const first = page0.sections[0].id;
    expect(
      (await designer.request('PUT', `/api/courses/${id}/sections/order`, { ids: [s2, first, s1] }))
        .statusCode,
    ).toBe(204);
    const wrong = problemOf(
      await designer.request('PUT', `/api/courses/${id}/sections/order`, { ids: [s2, s1] }),
    );
    expect(wrong.body.code).toBe('order_mismatch');
    expect(
      (await designer.post(`/api/activities/${c}/move`, { sectionId: s1, position: 0 })).statusCode,
    ).toBe(204);
    expect(
      (await designer.post(`/api/activities/${a}/move`, { sectionId: s2, position: 5 })).statusCode,
    ).toBe(204);
    const page = (await designer.get(`/api/courses/${id}`)).json();
    expect(page.sections.map((s: { title: string }) => s.title)).toEqual(['Deux', 'Présentation', 'Un']);
    expect(page.sections[2].activities.map((x: { id: string }) => x.id)).toEqual([c, b]);
    expect(page.sections[0].activities.map((x: { id: string }) => x.id)).toEqual([a]);
    const positions = await t.db
      .select({ p: activities.position })
      .from(activities)
      .where(eq(activities.sectionId, s1));
    expect(positions.map((x) => x.p).sort()).toEqual([0, 1]);
  });

  it('hides hidden and not-yet-available items from participants, not from designers', async () => {
    const id = await newCourse();
    const sectionId = (await designer.post(`/api/courses/${id}/sections`, { title: 'Masquée' })).json().id;
    await designer.patch(`/api/sections/${sectionId}`, { visibility: 'hidden' });
    const first = (await designer.get(`/api/courses/${id}`)).json().sections[0].id;
    const add = async (title: string) =>
      (
        await designer.post(`/api/courses/${id}/activities`, {
          sectionId: first,
          kind: 'page',
          title,
          settings: { content: '' },
        })
      ).json().id;
    await add('Visible');
    const hidden = await add('Cachée');
    const later = await add('Plus tard');
    await designer.patch(`/api/activities/${hidden}`, { visibility: 'hidden' });
    await designer.patch(`/api/activities/${later}`, { availableFrom: '2099-01-01T08:00:00+01:00' });
    const participant = await t.as('participant@magistere.test');
    await designer.patch(`/api/courses/${id}`, { visibility: 'hidden' });
    expect((await participant.get('/api/courses')).json().map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await designer.get('/api/courses')).json().map((c: { id: string }) => c.id)).toContain(id);
    await designer.patch(`/api/courses/${id}`, { visibility: 'visible' });
    const seen = (await participant.get(`/api/courses/${id}`)).json();
    expect(seen.canEdit).toBe(false);
    expect(seen.sections.map((s: { title: string }) => s.title)).toEqual(['Présentation']);
    expect(seen.sections[0].activities.map((a: { title: string }) => a.title)).toEqual(['Visible']);
    const all = (await designer.get(`/api/courses/${id}`)).json();
    expect(all.sections[0].activities).toHaveLength(3);
  });

  it('lets a person enrolled in one course (course-level role) see it and nothing else', async () => {
    const id = await newCourse('Pédagogie efficace de la mémoire aux cycles 3 et 4');
    const other = await newCourse('Autre parcours');
    const [guest] = await t.db.select().from(users).where(eq(users.email, 'tuteur@magistere.test'));
    const [context] = await t.db.select().from(contexts).where(eq(contexts.instanceId, id));
    await t.db
      .insert(roleAssignments)
      .values({ userId: guest!.id, role: 'participant', contextId: context!.id });
    const tutor = await t.as('tuteur@magistere.test');
    expect((await tutor.get(`/api/courses/${id}`)).statusCode).toBe(200);
    expect((await tutor.get(`/api/courses/${other}`)).statusCode).toBe(403);
    const listed = (await tutor.get('/api/courses')).json().map((c: { id: string }) => c.id);
    expect(listed).toContain(id);
    expect(listed).not.toContain(other);
  });

  it('puts favourite kinds first in the chooser', async () => {
    const before = (await designer.get('/api/activity-kinds')).json();
    expect(before.map((k: { kind: string }) => k.kind)).toEqual(
      expect.arrayContaining(['page', 'label', 'url']),
    );
    await designer.request('PUT', '/api/activity-kinds/url/favourite', { favourite: true });
    const after = (await designer.get('/api/activity-kinds')).json();
    expect(after[0]).toEqual({
      kind: 'url',
      family: 'resource',
      favourite: true,
      completionModes: ['none', 'view', 'manual'],
    });
    await designer.request('PUT', '/api/activity-kinds/url/favourite', { favourite: false });
    expect(
      (await designer.get('/api/activity-kinds')).json().every((k: { favourite: boolean }) => !k.favourite),
    ).toBe(true);
    expect(
      (await designer.request('PUT', '/api/activity-kinds/inconnu/favourite', { favourite: true }))
        .statusCode,
    ).toBe(404);
  });

  it('duplicates a course deeply: sections, activities, settings, origin, contexts — and refuses other domains', async () => {
    const id = await newCourse('Enseigner dans le premier degré');
    const sectionId = (await designer.post(`/api/courses/${id}/sections`, { title: 'Prise de poste' })).json()
      .id;
    await designer.post(`/api/courses/${id}/activities`, {
      sectionId,
      kind: 'label',
      title: 'Objectif',
      settings: { style: 'objective', content: '<p>Préparer la rentrée</p>' },
    });
    await designer.post(`/api/courses/${id}/activities`, {
      sectionId,
      kind: 'url',
      title: 'Éduscol',
      settings: { url: 'https://eduscol.education.fr/' },
    });
    const copy = await designer.post(`/api/courses/${id}/duplicate`, { domainId: aix });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ title: 'Enseigner dans le premier degré (copie)', originId: id });
    const strip = (page: {
      sections: { title: string; activities: { kind: string; title: string; summary?: unknown }[] }[];
    }) =>
      page.sections.map((s) => ({
        title: s.title,
        activities: s.activities.map((a) => ({ kind: a.kind, title: a.title, summary: a.summary })),
      }));
    const original = (await designer.get(`/api/courses/${id}`)).json();
    const copied = (await designer.get(`/api/courses/${copy.json().id}`)).json();
    expect(strip(copied)).toEqual(strip(original));
    const copiedActivity = copied.sections[1].activities[0].id;
    expect(copiedActivity).not.toBe(original.sections[1].activities[0].id);
    expect((await designer.get(`/api/activities/${copiedActivity}`)).json().settings).toEqual({
      style: 'objective',
      content: '<p>Préparer la rentrée</p>',
    });
    const [context] = await t.db.select().from(contexts).where(eq(contexts.instanceId, copiedActivity));
    expect(context?.level).toBe('activity');

    const before = await count(courses);
    expect((await designer.post(`/api/courses/${id}/duplicate`, { domainId: bordeaux })).statusCode).toBe(
      403,
    );
    const participant = await t.as('participant@magistere.test');
    expect((await participant.post(`/api/courses/${id}/duplicate`, { domainId: aix })).statusCode).toBe(403);
    expect(await count(courses)).toBe(before);
  });

  it('serves the page from its cache: ETag and 304, gzip, changes seen at once, timed items opening on time', async () => {
    const id = await newCourse('Page en cache');
    const first = (await designer.get(`/api/courses/${id}`)).json().sections[0].id;
    const participant = await t.as('participant@magistere.test');
    const one = await participant.get(`/api/courses/${id}`);
    const etag = one.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect(
      (await participant.request('GET', `/api/courses/${id}`, undefined, { 'if-none-match': etag }))
        .statusCode,
    ).toBe(304);
    const zipped = await participant.request('GET', `/api/courses/${id}`, undefined, {
      'accept-encoding': 'gzip, br',
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');

    await designer.post(`/api/courses/${id}/activities`, {
      sectionId: first,
      kind: 'page',
      title: 'Nouvelle',
      settings: { content: '' },
    });
    const opensAt = new Date(t.clock.now().getTime() + 60 * 60_000).toISOString();
    const timed = (
      await designer.post(`/api/courses/${id}/activities`, {
        sectionId: first,
        kind: 'page',
        title: 'Bientôt',
        settings: { content: '' },
      })
    ).json().id;
    await designer.patch(`/api/activities/${timed}`, { availableFrom: opensAt });
    const titles = async () =>
      (await participant.get(`/api/courses/${id}`))
        .json()
        .sections[0].activities.map((a: { title: string }) => a.title);
    expect(await titles()).toEqual(['Nouvelle']);
    // The application's clock reaches the opening: the cached page ends then, without waiting an hour.
    t.clock.advance(60 * 60_000 + 1);
    expect(await titles()).toEqual(['Nouvelle', 'Bientôt']);
  });

  it('opens a course to its participants when the clock reaches its availability, not before', async () => {
    const id = await newCourse('Ouvre demain matin');
    const opensAt = new Date(t.clock.now().getTime() + 90 * 60_000);
    const saved = await designer.patch(`/api/courses/${id}`, { availableFrom: opensAt.toISOString() });
    expect(saved.statusCode, saved.body).toBe(200);
    const participant = await t.as('participant@magistere.test');
    const listed = async () =>
      (await participant.get('/api/courses')).json().map((c: { id: string }) => c.id) as string[];
    const inMySpace = async () =>
      (await participant.get('/api/me/space'))
        .json()
        .courses.find((c: { course: { id: string } }) => c.course.id === id) as { open: boolean };

    expect(await listed()).not.toContain(id);
    expect((await participant.get(`/api/courses/${id}`)).statusCode).toBe(403);
    // Listed in "Mon espace" with its date, not open yet.
    expect((await inMySpace()).open).toBe(false);

    t.clock.advance(89 * 60_000);
    expect(await listed()).not.toContain(id);

    t.clock.advance(2 * 60_000);
    expect(await listed()).toContain(id);
    expect((await participant.get(`/api/courses/${id}`)).statusCode).toBe(200);
    expect((await inMySpace()).open).toBe(true);
  });
});
