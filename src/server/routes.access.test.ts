/**
 * Every route, an allowed and a refused actor. The last test fails when a route is added without a row
 * here, so access is tested for every route by construction.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordTokens, users } from './modules/accounts/schema.ts';
import { multipart, samples, upload } from './modules/activities/file/testing.ts';
import { domains } from './modules/domains/schema.ts';
import { seedFollowup } from './modules/followup/testing.ts';
import { hashToken } from './platform/auth/tokens.ts';
import { mailMessages } from './platform/mail/schema.ts';
import { type ApiClient, startTestApp, type TestApp } from './testing/harness.ts';
import { multipartBody } from './testing/multipart.ts';

let t: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const byEmail = async (email: string) =>
    (await t.db.select().from(users).where(eq(users.email, email)))[0]!.id;
  ids.aixUser = await byEmail('participant@magistere.test');
  ids.bordeauxUser = await byEmail('observateur@magistere.test');
  ids.aixDesigner = await byEmail('concepteur@magistere.test');
  ids.aix = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille')))[0]!.id;
  ids.bordeaux = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-bordeaux')))[0]!.id;
  const [mail] = await t.db
    .insert(mailMessages)
    .values({ to: 'x@magistere.test', subject: 'Test', text: 'Bonjour' })
    .returning();
  ids.mail = mail!.id;
  // A course of Aix with a section and a page, made by its designer.
  const designer = await t.as('concepteur@magistere.test');
  ids.course = (
    await designer.post('/api/courses', { domainId: ids.aix, title: 'Parcours test', shortName: 'T1' })
  ).json().id;
  ids.section = (await designer.post(`/api/courses/${ids.course}/sections`, { title: 'Séance 1' })).json().id;
  const activity = (s: string) => ({
    sectionId: ids.section,
    kind: 'page',
    title: s,
    settings: { content: '<p>x</p>' },
  });
  ids.activity = (
    await designer.post(`/api/courses/${ids.course}/activities`, activity('Lecture'))
  ).json().id;
  ids.deletableActivity = (
    await designer.post(`/api/courses/${ids.course}/activities`, activity('À supprimer'))
  ).json().id;
  ids.deletableSection = (
    await designer.post(`/api/courses/${ids.course}/sections`, { title: 'À supprimer' })
  ).json().id;
  const archive = (await designer.get(`/api/courses/${ids.course}/archive`)).rawPayload;
  archiveForm = multipartBody({ domainId: ids.aix! }, [
    { field: 'archive', filename: 'parcours.zip', type: 'application/zip', content: archive },
  ]);
  // A file, a folder (two files, one to delete), an uploaded video and an image of the course.
  const kind = async (k: string) =>
    (
      await designer.post(`/api/courses/${ids.course}/activities`, {
        sectionId: ids.section,
        kind: k,
        title: k,
      })
    ).json().id as string;
  ids.fileActivity = await kind('file');
  await upload(designer, 'PUT', `/api/activities/${ids.fileActivity}/file`, [uploads.pdf]);
  ids.folderActivity = await kind('folder');
  const [kept, deletable] = (
    await upload(designer, 'POST', `/api/activities/${ids.folderActivity}/folder`, [uploads.pdf, uploads.png])
  ).json();
  ids.folderFile = kept.id;
  ids.deletableFolderFile = deletable.id;
  ids.videoActivity = await kind('video');
  await upload(designer, 'PUT', `/api/activities/${ids.videoActivity}/video`, [uploads.mp4]);
  ids.imageUrl = (
    await upload(designer, 'POST', `/api/courses/${ids.course}/images`, [uploads.png])
  ).json().url;

  // — Follow-up: a session of Aix with a group, two tracked activities and two participants, written
  // straight into the database; a saved filter and reminders of the demo trainer to change and delete.
  const followup = await seedFollowup(t.db, {
    groups: ['Groupe B'],
    tracked: ['Lire', 'Regarder'],
    people: [
      { key: 'p1', firstName: 'Paule', lastName: 'Accès', groups: ['Groupe B'], done: [0] },
      { key: 'p2', firstName: 'Pierre', lastName: 'Accès', lastAccess: new Date() },
    ],
  });
  ids.followupCourse = followup.courseId;
  const trainer = await t.as('formateur@magistere.test');
  const savedFilter = (name: string) =>
    trainer.post(`/api/courses/${followup.courseId}/saved-filters`, {
      name,
      criteria: { neverAccessed: true },
    });
  ids.savedFilter = (await savedFilter('À modifier')).json().id;
  ids.deletableSavedFilter = (await savedFilter('À supprimer')).json().id;
  const reminder = async () =>
    (
      await trainer.post(`/api/courses/${followup.courseId}/reminders`, {
        target: 'not_started',
        subject: 'Relance',
        body: 'Bonjour',
        sendAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
    ).json().id as string;
  ids.reminder = await reminder();
  ids.deletableReminder = await reminder();
});
afterAll(() => t.close());

type Actor = 'anonymous' | 'crossSite' | string;
type Case = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string | (() => string);
  body?: unknown | (() => Promise<unknown>);
  headers?: Record<string, string>;
  allowed: [Actor, number];
  refused: [Actor, number];
};

const A = {
  admin: 'admin@magistere.test',
  referent: 'referent@magistere.test',
  manager: 'gestionnaire@magistere.test',
  participant: 'participant@magistere.test',
  observer: 'observateur@magistere.test',
  trainer: 'formateur@magistere.test',
};

async function sectionIds() {
  const page = (await (await t.as('concepteur@magistere.test')).get(`/api/courses/${ids.course}`)).json();
  return page.sections.map((section: { id: string }) => section.id).reverse();
}

async function freshToken() {
  const token = `jeton-de-test-${Math.random().toString(36).slice(2)}-abcdefghij`;
  await t.db
    .insert(passwordTokens)
    .values({ id: hashToken(token), userId: ids.aixDesigner!, expiresAt: new Date(Date.now() + 60_000) });
  return { token, password: 'Nouveau-mot-de-passe-1' };
}

async function newAixUser(email: string) {
  const [row] = await t.db
    .insert(users)
    .values({ email, firstName: 'Test', lastName: 'Cible', homeDomainId: ids.aix! })
    .returning();
  return row!.id;
}

let assignmentId = '';
let archiveForm = { payload: Buffer.alloc(0), headers: {} as Record<string, string> };
const D = 'concepteur@magistere.test';
const uploads = {
  pdf: { filename: 'Programme.pdf', content: samples.pdf() },
  png: { filename: 'Schéma.png', content: samples.png() },
  mp4: { filename: 'Présentation.mp4', content: samples.mp4() },
};
/** A multipart body for a case: payload and its content type. */
const form = (...parts: (typeof uploads)[keyof typeof uploads][]) => {
  const { payload, headers } = multipart(parts);
  return { body: payload, headers };
};
const cases: Case[] = [
  { method: 'GET', url: '/api/courses', allowed: [A.participant, 200], refused: ['anonymous', 401] },
  {
    method: 'POST',
    url: '/api/courses',
    body: () => Promise.resolve({ domainId: ids.aix, title: 'Nouveau', shortName: 'N' }),
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.course}`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/courses/${ids.course}`,
    body: { title: 'Parcours renommé' },
    allowed: [D, 200],
    refused: [A.trainer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.course}/sections`,
    body: { title: 'Séance 2' },
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'PUT',
    url: () => `/api/courses/${ids.course}/sections/order`,
    body: async () => ({ ids: await sectionIds() }),
    allowed: [D, 204],
    refused: [A.participant, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/sections/${ids.section}`,
    body: { title: 'Séance un' },
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/sections/${ids.deletableSection}`,
    allowed: [D, 204],
    refused: [A.trainer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.course}/activities`,
    body: () =>
      Promise.resolve({
        sectionId: ids.section,
        kind: 'label',
        title: 'Objectif',
        settings: { style: 'objective', content: '<p>Savoir</p>' },
      }),
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.activity}`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/activities/${ids.activity}`,
    body: { title: 'Lecture préalable' },
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/activities/${ids.activity}/move`,
    body: () => Promise.resolve({ sectionId: ids.section, position: 0 }),
    allowed: [D, 204],
    refused: [A.participant, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/activities/${ids.deletableActivity}`,
    allowed: [D, 204],
    refused: [A.participant, 403],
  },
  { method: 'GET', url: '/api/activity-kinds', allowed: [D, 200], refused: [A.participant, 403] },
  {
    method: 'PUT',
    url: '/api/activity-kinds/page/favourite',
    body: { favourite: true },
    allowed: [D, 204],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.course}/duplicate`,
    body: () => Promise.resolve({ domainId: ids.aix }),
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.course}/archive`,
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/activities/${ids.activity}/view`,
    allowed: [A.participant, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.course}/progress`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: '/api/courses/import',
    // The archive of the test course, exported in beforeAll.
    get body() {
      return archiveForm.payload;
    },
    get headers() {
      return archiveForm.headers;
    },
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  // Before the password reset below: it changes the designer's password.
  {
    method: 'PUT',
    url: () => `/api/activities/${ids.fileActivity}/file`,
    ...form(uploads.pdf),
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.fileActivity}/file`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.fileActivity}/file/info`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.folderActivity}/folder`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/activities/${ids.folderActivity}/folder`,
    ...form(uploads.pdf, uploads.png),
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.folderActivity}/folder/${ids.folderFile}`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/activities/${ids.folderActivity}/folder/${ids.deletableFolderFile}`,
    allowed: [D, 204],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.folderActivity}/folder.zip`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'PUT',
    url: () => `/api/activities/${ids.videoActivity}/video`,
    ...form(uploads.mp4),
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.videoActivity}/video`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.course}/images`,
    ...form(uploads.png),
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  { method: 'GET', url: () => `${ids.imageUrl}`, allowed: [A.participant, 200], refused: [A.observer, 403] },
  { method: 'GET', url: '/api/admin/video-hosts', allowed: [A.admin, 200], refused: [A.referent, 403] },
  {
    method: 'PUT',
    url: '/api/admin/video-hosts',
    body: { hosts: ['apps.education.fr', 'video.ploud.fr'] },
    allowed: [A.admin, 200],
    refused: [A.referent, 403],
  },
  { method: 'GET', url: '/healthz', allowed: ['anonymous', 200], refused: ['crossSite', 200] },
  { method: 'GET', url: '/readyz', allowed: ['anonymous', 200], refused: ['crossSite', 200] },
  { method: 'GET', url: '/metrics', allowed: ['anonymous', 200], refused: ['crossSite', 200] },
  {
    method: 'POST',
    url: '/api/auth/login',
    body: { email: A.trainer, password: 'Magistere-demo-2026' },
    allowed: ['anonymous', 200],
    refused: ['crossSite', 403],
  },
  { method: 'POST', url: '/api/auth/logout', allowed: [A.trainer, 204], refused: ['anonymous', 401] },
  {
    method: 'POST',
    url: '/api/auth/password-reset/request',
    body: { email: A.trainer },
    allowed: ['anonymous', 202],
    refused: ['crossSite', 403],
  },
  {
    method: 'POST',
    url: '/api/auth/password-reset/check',
    body: freshToken,
    allowed: ['anonymous', 204],
    refused: ['crossSite', 403],
  },
  {
    method: 'POST',
    url: '/api/auth/password-reset',
    body: freshToken,
    allowed: ['anonymous', 204],
    refused: ['crossSite', 403],
  },
  { method: 'GET', url: '/api/me', allowed: [A.participant, 200], refused: ['anonymous', 401] },
  {
    method: 'PATCH',
    url: '/api/me',
    body: { discipline: 'Mathématiques' },
    allowed: [A.participant, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'POST',
    url: '/api/me/password',
    body: { currentPassword: 'Magistere-demo-2026', newPassword: 'Magistere-demo-2026' },
    allowed: [A.participant, 204],
    refused: ['anonymous', 401],
  },
  { method: 'GET', url: '/api/domains', allowed: [A.participant, 200], refused: ['anonymous', 401] },
  {
    method: 'POST',
    url: '/api/domains',
    body: { slug: 'ac-lyon', name: 'Académie de Lyon', kind: 'academie' },
    allowed: [A.admin, 201],
    refused: [A.referent, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/domains/${ids.bordeaux}`,
    body: { name: 'Académie de Bordeaux' },
    allowed: [A.admin, 200],
    refused: [A.referent, 403],
  },
  { method: 'GET', url: '/api/users', allowed: [A.manager, 200], refused: [A.participant, 403] },
  {
    method: 'POST',
    url: '/api/users',
    body: () =>
      Promise.resolve({
        email: 'nouveau@magistere.test',
        firstName: 'Jeanne',
        lastName: 'Nouvelle',
        homeDomainId: ids.aix,
      }),
    allowed: [A.referent, 201],
    refused: [A.manager, 403],
  },
  {
    method: 'GET',
    url: () => `/api/users/${ids.aixUser}`,
    allowed: [A.referent, 200],
    refused: [A.manager, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/users/${ids.aixUser}`,
    body: { discipline: 'Anglais' },
    allowed: [A.referent, 200],
    refused: [A.manager, 403],
  },
  {
    method: 'POST',
    url: () => `/api/users/${ids.aixUser}/suspend`,
    allowed: [A.referent, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/users/${ids.aixUser}/reactivate`,
    allowed: [A.referent, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/users/${ids.deletable}`,
    allowed: [A.referent, 204],
    refused: [A.manager, 403],
  },
  {
    method: 'GET',
    url: () => `/api/users/${ids.aixUser}/roles`,
    allowed: [A.referent, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: '/api/role-assignments',
    body: () =>
      Promise.resolve({ userId: ids.aixUser, role: 'trainer', contextLevel: 'domain', instanceId: ids.aix }),
    allowed: [A.referent, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/role-assignments/${assignmentId}`,
    allowed: [A.referent, 204],
    refused: [A.trainer, 403],
  },
  { method: 'GET', url: '/api/audit', allowed: [A.observer, 200], refused: [A.participant, 403] },
  { method: 'GET', url: '/api/admin/mail', allowed: [A.admin, 200], refused: [A.referent, 403] },
  {
    method: 'GET',
    url: () => `/api/admin/mail/${ids.mail}`,
    allowed: [A.admin, 200],
    refused: [A.referent, 403],
  },
  // — Follow-up (formateur@ is a trainer in Aix; observateur@ and gestionnaire@ hold their roles in Bordeaux) —
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/followup`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/followup/export`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.followupCourse}/followup/message`,
    body: { criteria: {}, subject: 'Bonjour', body: 'Message' },
    allowed: [A.trainer, 200],
    refused: ['crossSite', 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.followupCourse}/followup/reminder`,
    body: { criteria: {}, subject: 'Relance', body: 'Message' },
    allowed: [A.trainer, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/saved-filters`,
    allowed: [A.trainer, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.followupCourse}/saved-filters`,
    body: { name: 'Nouveau filtre', criteria: { progressBelow: 50 } },
    allowed: [A.trainer, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/saved-filters/${ids.savedFilter}`,
    body: { name: 'Filtre renommé' },
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/saved-filters/${ids.deletableSavedFilter}`,
    allowed: [A.trainer, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/reminders`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.followupCourse}/reminders`,
    body: () =>
      Promise.resolve({
        target: 'behind',
        belowProgress: 50,
        subject: 'Relance',
        body: 'Message',
        sendAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    allowed: [A.trainer, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/reminders/${ids.reminder}`,
    body: { subject: 'Relance modifiée' },
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/reminders/${ids.reminder}/send`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/reminders/${ids.deletableReminder}`,
    allowed: [A.trainer, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/attendance`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/attendance/export`,
    allowed: [A.referent, 200],
    refused: [A.manager, 403],
  },
];

async function client(actor: Actor): Promise<ApiClient> {
  if (actor === 'anonymous') return t.anonymous();
  if (actor === 'crossSite') {
    const c = t.anonymous();
    return {
      ...c,
      request: (method: never, url: string, payload?: unknown) =>
        c.request(method, url, payload, { origin: 'https://evil.example' }),
    } as unknown as ApiClient;
  }
  return t.as(actor);
}

async function call(actor: Actor, c: Case) {
  const url = typeof c.url === 'function' ? c.url() : c.url;
  const body = typeof c.body === 'function' ? await (c.body as () => Promise<unknown>)() : c.body;
  return (await client(actor)).request(c.method, url, body, c.headers);
}

describe('access to every route', () => {
  for (const c of cases) {
    const label = `${c.method} ${typeof c.url === 'string' ? c.url : c.url.toString().match(/`(.*)`/)?.[1]}`;
    it(`${label}: refused to ${c.refused[0]} (${c.refused[1]}), allowed to ${c.allowed[0]} (${c.allowed[1]})`, async () => {
      ids.deletable ??= await newAixUser('a-supprimer@magistere.test');
      if (c.url.toString().includes('role-assignments/') && !assignmentId) {
        const referent = await t.as(A.referent);
        const created = await referent.post('/api/role-assignments', {
          userId: ids.aixDesigner,
          role: 'tutor',
          contextLevel: 'domain',
          instanceId: ids.aix,
        });
        assignmentId = created.json().id;
      }
      const refused = await call(c.refused[0], c);
      expect(refused.statusCode, refused.body).toBe(c.refused[1]);
      if (refused.statusCode >= 400) expect(refused.headers['content-type']).toMatch(/problem\+json/);
      const allowed = await call(c.allowed[0], c);
      expect(allowed.statusCode, allowed.body).toBe(c.allowed[1]);
    });
  }

  it('covers every route the application serves', () => {
    const tested = cases.map((c) => `${c.method} ${typeof c.url === 'string' ? c.url : c.url()}`);
    const served = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/') || ['/healthz', '/readyz', '/metrics'].includes(r.url))
      .filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/*')
      .map((r) => `${r.method} ${r.url}`);
    expect(served.length).toBeGreaterThan(30);
    // A served route is covered when some tested request matches its pattern (":param" = one segment).
    const untested = served.filter((route) => {
      const pattern = new RegExp(`^${route.replace(/:[^/]+/g, '[^/]+')}$`);
      return !tested.some((request) => pattern.test(request));
    });
    expect(untested).toEqual([]);
  });
});
