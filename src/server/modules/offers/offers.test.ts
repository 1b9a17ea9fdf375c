/**
 * Publication of a course in the offer (publish, republish, versions, withdraw), the presentation of an
 * offer and the short links.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferPresentation, Publication } from '../../../shared/offers.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { domains } from '../domains/schema.ts';
import { offers, offerVersions } from './schema.ts';

let t: TestApp;
let designer: ApiClient;
let participant: ApiClient;
let bordeauxManager: ApiClient;
let aix = '';

beforeAll(async () => {
  t = await startTestApp();
  aix = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille')))[0]!.id;
  designer = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
  bordeauxManager = await t.as('gestionnaire@magistere.test');
});
afterAll(() => t.close());

const INDEXATION = {
  collection: 'formation',
  publics: ['enseignants_1d', 'cpe'],
  objectives: '<p>Concevoir des <strong>évaluations</strong> au service des apprentissages.</p>',
  origin: 'academie',
  durationOnSite: 180,
  durationRemote: 60,
  keywords: ['évaluation', 'cycle 3'],
  version: '1.0',
  releaseNotes: 'Première version.',
};

const count = async (table: typeof offers | typeof offerVersions) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

async function newCourse(title = 'Évaluer pour faire apprendre') {
  const response = await designer.post('/api/courses', {
    domainId: aix,
    title,
    shortName: uniqueShortName('EVAL'),
    summary: '<p>Un parcours sur <em>l’évaluation</em> positive.</p>',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function indexed(title?: string, metadata: Record<string, unknown> = INDEXATION) {
  const id = await newCourse(title);
  expect((await designer.put(`/api/courses/${id}/metadata`, metadata)).statusCode).toBe(200);
  return id;
}

describe('publication of a course', () => {
  it('says which indexation fields are missing and refuses to publish, writing nothing', async () => {
    const id = await newCourse();
    const state = (await designer.get(`/api/courses/${id}/publication`)).json() as Publication;
    expect(state).toEqual({
      kind: 'course',
      offer: null,
      missing: ['collection', 'publics', 'objectives', 'origin', 'version'],
    });
    const before = await count(offers);
    const refused = problemOf(await designer.post(`/api/courses/${id}/publication`, {}));
    expect(refused.status).toBe(409);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.code).toBe('publication_blocked');
    expect(refused.body.errors?.map((e) => e.path)).toEqual([
      'metadata.collection',
      'metadata.publics',
      'metadata.objectives',
      'metadata.origin',
      'metadata.version',
    ]);
    expect(refused.body.errors?.[0]?.message).toBe('Renseignez le champ «\u00a0Collection\u00a0».');
    expect(await count(offers)).toBe(before);
  });

  it('publishes a parcours in the course offer with a number, a snapshot and its first version', async () => {
    const id = await indexed();
    const response = await designer.post(`/api/courses/${id}/publication`, {});
    expect(response.statusCode, response.body).toBe(200);
    const publication = response.json() as Publication;
    expect(publication).toMatchObject({
      kind: 'course',
      missing: [],
      offer: { status: 'published', version: '1.0' },
    });
    expect(publication.offer!.number).toBeGreaterThanOrEqual(100);
    const [row] = await t.db.select().from(offers).where(eq(offers.courseId, id));
    expect(row).toMatchObject({
      kind: 'course',
      title: 'Évaluer pour faire apprendre',
      summary: 'Un parcours sur l’évaluation positive.',
      modality: 'hybride',
      durationMinutes: 240,
      keywordsText: 'évaluation cycle 3',
      publics: ['enseignants_1d', 'cpe'],
    });
    const versions = await t.db.select().from(offerVersions).where(eq(offerVersions.offerId, row!.id));
    expect(versions.map((v) => [v.version, v.releaseNotes])).toEqual([['1.0', 'Première version.']]);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, id));
    expect(audit.map((a) => a.action)).toContain('offer.published');
    // Found in the catalogue, anonymously.
    const found = (await t.anonymous().get('/api/offers?kind=course&q=evaluer')).json();
    expect(found.items.map((i: { number: number }) => i.number)).toContain(row!.number);
  });

  it('republishes: the same version refreshes the snapshot, a new version is recorded with its notes', async () => {
    const id = await indexed('Évaluer au collège');
    const first = (await designer.post(`/api/courses/${id}/publication`, {})).json() as Publication;
    await designer.patch(`/api/courses/${id}`, { title: 'Évaluer au collège et au lycée' });
    const again = (await designer.post(`/api/courses/${id}/publication`, {})).json() as Publication;
    expect(again.offer!.number).toBe(first.offer!.number);
    const [row] = await t.db.select().from(offers).where(eq(offers.courseId, id));
    expect(row!.title).toBe('Évaluer au collège et au lycée');
    expect((await t.db.select().from(offerVersions).where(eq(offerVersions.offerId, row!.id))).length).toBe(
      1,
    );

    await designer.put(`/api/courses/${id}/metadata`, { ...INDEXATION, version: '1.1' });
    const bumped = await designer.post(`/api/courses/${id}/publication`, {
      releaseNotes: 'Nouvelle séquence sur l’autoévaluation.',
    });
    expect(bumped.json().offer.version).toBe('1.1');
    const versions = await t.db
      .select()
      .from(offerVersions)
      .where(eq(offerVersions.offerId, row!.id))
      .orderBy(offerVersions.publishedAt);
    expect(versions.map((v) => [v.version, v.releaseNotes])).toEqual([
      ['1.0', 'Première version.'],
      ['1.1', 'Nouvelle séquence sur l’autoévaluation.'],
    ]);
    const presentation = (await t.anonymous().get(`/api/offers/${row!.number}`)).json() as OfferPresentation;
    expect(presentation.versions.map((v) => v.version)).toEqual(['1.0', '1.1']);
  });

  it('withdraws: out of the catalogue, the presentation answers 410 saying so, the number stays', async () => {
    const id = await indexed('Évaluer en maternelle');
    const { number } = ((await designer.post(`/api/courses/${id}/publication`, {})).json() as Publication)
      .offer!;
    const withdrawn = await designer.delete(`/api/courses/${id}/publication`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().offer).toMatchObject({ number, status: 'withdrawn' });
    const search = (await t.anonymous().get('/api/offers?kind=course&q=maternelle')).json();
    expect(search.items.map((i: { number: number }) => i.number)).not.toContain(number);

    const gone = await t.anonymous().get(`/api/offers/${number}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect(gone.json()).toMatchObject({
      code: 'offer_withdrawn',
      title: 'Cette offre a été retirée.',
      number,
      kind: 'course',
      offerTitle: 'Évaluer en maternelle',
    });
    expect(gone.json().withdrawnAt).toBeTruthy();
    // Withdrawing twice is refused; publishing again brings it back under the same number.
    expect(problemOf(await designer.delete(`/api/courses/${id}/publication`)).status).toBe(409);
    const back = (await designer.post(`/api/courses/${id}/publication`, {})).json() as Publication;
    expect(back.offer).toMatchObject({ number, status: 'published' });
  });

  it('withdraws the offer of a course put in the trash, in the same move', async () => {
    const id = await indexed('Évaluer au lycée professionnel');
    const { number } = ((await designer.post(`/api/courses/${id}/publication`, {})).json() as Publication)
      .offer!;
    expect((await t.anonymous().get(`/api/offers/${number}`)).statusCode).toBe(200);
    const trashed = await designer.post(`/api/courses/${id}/trash`, {});
    expect(trashed.statusCode, trashed.body).toBe(200);
    expect((await t.anonymous().get(`/api/offers/${number}`)).statusCode).toBe(410);
    const search = (await t.anonymous().get('/api/offers?kind=course&q=professionnel')).json();
    expect(search.items.map((i: { number: number }) => i.number)).not.toContain(number);
  });

  it('refuses people without the capability and bad input, writing nothing', async () => {
    const id = await indexed('Évaluer sans noter');
    const before = await count(offers);
    expect((await participant.post(`/api/courses/${id}/publication`, {})).statusCode).toBe(403);
    expect((await bordeauxManager.post(`/api/courses/${id}/publication`, {})).statusCode).toBe(403);
    expect((await participant.get(`/api/courses/${id}/publication`)).statusCode).toBe(403);
    expect((await t.anonymous().post(`/api/courses/${id}/publication`, {})).statusCode).toBe(401);
    const bad = problemOf(
      await designer.post(`/api/courses/${id}/publication`, { releaseNotes: 'x'.repeat(6000) }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path).toBe('releaseNotes');
    expect(
      problemOf(await designer.post('/api/courses/not-a-uuid/publication', {})).status,
    ).toBeGreaterThanOrEqual(400);
    expect(await count(offers)).toBe(before);
    expect(problemOf(await designer.delete(`/api/courses/${id}/publication`)).body.code).toBe(
      'not_published',
    );
  });

  it('publishes a session in the training offer with its dates, and refuses a template', async () => {
    const id = await indexed('Évaluer au cycle 2', { ...INDEXATION, version: undefined });
    const created = await designer.post(`/api/courses/${id}/sessions`, {
      title: 'Évaluer au cycle 2 — printemps',
    });
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json().id as string;
    await designer.put(`/api/courses/${session}/session`, {
      startsAt: '2027-03-01T08:00:00.000Z',
      endsAt: '2027-04-30T16:00:00.000Z',
      selfEnrolment: true,
    });
    expect(((await designer.get(`/api/courses/${session}/publication`)).json() as Publication).kind).toBe(
      'training',
    );
    const published = (await designer.post(`/api/courses/${session}/publication`, {})).json() as Publication;
    expect(published).toMatchObject({ kind: 'training', missing: [] });
    const number = published.offer!.number;
    const presentation = (await participant.get(`/api/offers/${number}`)).json() as OfferPresentation;
    expect(presentation).toMatchObject({
      kind: 'training',
      title: 'Évaluer au cycle 2 — printemps',
      startsAt: '2027-03-01T08:00:00.000Z',
      domain: { slug: 'ac-aix-marseille' },
    });
    expect(presentation.sessions).toEqual([
      expect.objectContaining({ courseId: session, number, selfEnrolment: true, enrolled: false }),
    ]);
    expect(
      ((await t.anonymous().get(`/api/offers/${number}`)).json() as OfferPresentation).sessions[0]!.enrolled,
    ).toBe(null);

    // The parcours published too lists its published session.
    await designer.put(`/api/courses/${id}/metadata`, INDEXATION);
    const parcours = (await designer.post(`/api/courses/${id}/publication`, {})).json() as Publication;
    const course = (
      await t.anonymous().get(`/api/offers/${parcours.offer!.number}`)
    ).json() as OfferPresentation;
    expect(course.sessions.map((s) => s.number)).toEqual([number]);

    // A template cannot be published.
    await designer.post(`/api/courses/${id}/template`);
    const refused = problemOf(await designer.post(`/api/courses/${id}/publication`, {}));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('wrong_stage');
  });

  it('answers 404 for an unknown offer number and 400 for a number that is not one', async () => {
    expect(problemOf(await t.anonymous().get('/api/offers/99999999')).status).toBe(404);
    expect(problemOf(await t.anonymous().get('/api/offers/abc')).status).toBe(400);
  });
});

describe('short links', () => {
  it('redirect /f<number> and /p<number> to the offer page, withdrawn included, and nothing else', async () => {
    const id = await indexed('Évaluer au lycée');
    const { number } = ((await designer.post(`/api/courses/${id}/publication`, {})).json() as Publication)
      .offer!;
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const ok = await get(`/p${number}`);
    expect(ok.statusCode).toBe(302);
    expect(ok.headers.location).toBe(`/offres/${number}`);
    // The other letter is another offer: not this one.
    expect((await get(`/f${number}`)).statusCode).toBe(404);
    expect((await get('/f99999999')).statusCode).toBe(404);
    await designer.delete(`/api/courses/${id}/publication`);
    expect((await get(`/p${number}`)).statusCode).toBe(302);
    // Paths of the web app that begin with the same letters are not short links.
    for (const url of ['/favicon.ico', '/profil', `/parcours/${id}`, '/p', '/prefs']) {
      expect((await get(url)).statusCode, url).not.toBe(302);
    }
    // What looks like a short link but names none is not found, like an unknown number.
    for (const url of ['/f103x', '/p12a', `/p${number}x`, '/f1.5', '/f1234567890', '/p0012-3']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});

describe('the demo offer', () => {
  it('holds a 3–6 h mathematics session open to self-enrolment, another outside 3–6 h, a dgesco parcours at 1.0', async () => {
    const maths = (await t.anonymous().get('/api/offers?kind=training&q=math%C3%A9matiques')).json();
    expect(maths.total).toBe(2);
    const short = (
      await t.anonymous().get('/api/offers?kind=training&q=math%C3%A9matiques&duration=3to6h')
    ).json();
    expect(short.total).toBe(1);
    const presentation = (
      await participant.get(`/api/offers/${short.items[0].number}`)
    ).json() as OfferPresentation;
    expect(presentation.sessions[0]).toMatchObject({ selfEnrolment: true, enrolled: false });
    const state = (await participant.get(`/api/courses/${presentation.courseId}/self-enrolment`)).json();
    expect(state.canEnrol).toBe(true);

    const national = (await t.anonymous().get('/api/offers?kind=course&domain=dgesco')).json();
    expect(national.items).toHaveLength(1);
    const dgesco = (
      await t.anonymous().get(`/api/offers/${national.items[0].number}`)
    ).json() as OfferPresentation;
    expect(dgesco).toMatchObject({ version: '1.0', domain: { slug: 'dgesco' } });
    expect(dgesco.versions.map((v) => v.version)).toEqual(['1.0']);
    expect(dgesco.sessions).toHaveLength(1);
  });
});
