/** The demo of an offer: public, the published course's outline only, and a withdrawn offer says so. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { domains } from '../domains/schema.ts';
import { offers } from './schema.ts';

let t: TestApp;
let courseId = '';
let published = 0;
let withdrawn = 0;

beforeAll(async () => {
  t = await startTestApp();
  const designer = await t.as('concepteur@magistere.test');
  const [aix] = await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille'));
  courseId = (
    await designer.post('/api/courses', {
      domainId: aix!.id,
      title: 'Résoudre des problèmes en mathématiques',
      shortName: uniqueShortName('MATHS-DEMO'),
      summary: '<p>Des situations de recherche pour le cycle 3.</p>',
    })
  ).json().id;
  const section = async (title: string) =>
    (await designer.post(`/api/courses/${courseId}/sections`, { title })).json().id as string;
  const shown = await section('Séance 1 — Chercher');
  const hidden = await section('Brouillon du concepteur');
  await designer.patch(`/api/sections/${hidden}`, { visibility: 'hidden' });
  const activity = async (title: string, extra: Record<string, unknown> = {}) =>
    (
      await designer.post(`/api/courses/${courseId}/activities`, {
        sectionId: shown,
        kind: 'page',
        title,
        settings: { content: '<p>Le contenu reste dans le parcours.</p>' },
        ...extra,
      })
    ).json().id as string;
  await activity('Lire la situation');
  await activity('Corrigé réservé', { visibility: 'hidden' });
  // Opens later: a demo shows the outline anyway, dates are the session's business.
  await activity('Synthèse', { availableFrom: new Date(Date.now() + 86_400_000).toISOString() });
  const [row] = await t.db
    .insert(offers)
    .values({ kind: 'course', courseId, domainId: aix!.id, title: 'Résoudre des problèmes', version: '1.0' })
    .returning();
  published = row!.number;
  const other = (
    await designer.post('/api/courses', {
      domainId: aix!.id,
      title: 'Ancienne offre',
      shortName: uniqueShortName('OLD'),
    })
  ).json().id;
  const [old] = await t.db
    .insert(offers)
    .values({
      kind: 'training',
      courseId: other,
      domainId: aix!.id,
      title: 'Ancienne offre',
      status: 'withdrawn',
      withdrawnAt: new Date('2026-10-01T10:00:00Z'),
    })
    .returning();
  withdrawn = old!.number;
});
afterAll(() => t.close());

describe('GET /api/offers/:number/demo', () => {
  it('shows anyone the visible outline of the published course, nothing else', async () => {
    const response = await t.anonymous().get(`/api/offers/${published}/demo`);
    expect(response.statusCode, response.body).toBe(200);
    const demo = response.json();
    expect(demo).toMatchObject({
      number: published,
      kind: 'course',
      title: 'Résoudre des problèmes',
      summary: '<p>Des situations de recherche pour le cycle 3.</p>',
    });
    expect(demo.sections.map((s: { title: string }) => s.title)).toEqual([
      // Every course starts with its presentation section.
      'Présentation',
      'Séance 1 — Chercher',
    ]);
    expect(
      demo.sections[1].activities.map((a: { title: string; kind: string }) => [a.kind, a.title]),
    ).toEqual([
      ['page', 'Lire la situation'],
      ['page', 'Synthèse'],
    ]);
    // The page's own content is read on its page, after enrolling: not in the demo.
    expect(response.body).not.toContain('Le contenu reste dans le parcours');
    expect(response.body).not.toMatch(/visibility|completion|audience/);
  });

  it('says a withdrawn offer was withdrawn (410), with what its page needs', async () => {
    const problem = problemOf(await t.anonymous().get(`/api/offers/${withdrawn}/demo`));
    expect(problem.status).toBe(410);
    expect(problem.contentType).toMatch(/problem\+json/);
    expect(problem.body).toMatchObject({
      code: 'offer_withdrawn',
      title: 'Cette offre a été retirée.',
      number: withdrawn,
      kind: 'training',
      offerTitle: 'Ancienne offre',
      withdrawnAt: '2026-10-01T10:00:00.000Z',
    });
  });

  it('answers 404 for an unknown number and 400 for what is not a number', async () => {
    const unknown = problemOf(await t.anonymous().get('/api/offers/99999/demo'));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not_found']);
    const bad = problemOf(await t.anonymous().get('/api/offers/abc/demo'));
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    expect(bad.contentType).toMatch(/problem\+json/);
  });
});
