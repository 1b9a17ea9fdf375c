import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { users } from '../accounts/schema.ts';
import { activities, courses, sections } from '../courses/schema.ts';
import { enrolments } from '../enrolment/schema.ts';
import { offers } from '../offers/schema.ts';
import { courseDeployments } from './schema.ts';
import { addPage, domainIdOf, originCourse, publishInOffer, withdrawFromOffer } from './testing.ts';

let t: TestApp;
let admin: ApiClient;
let bordeauxDesigner: ApiClient;
let aixDesigner: ApiClient;
let participant: ApiClient;
let bordeaux = '';
let aix = '';

beforeAll(async () => {
  t = await startTestApp();
  bordeaux = await domainIdOf(t, 'ac-bordeaux');
  aix = await domainIdOf(t, 'ac-aix-marseille');
  admin = await t.as('admin@magistere.test');
  bordeauxDesigner = await t.as('conceptrice.bordeaux@magistere.test');
  aixDesigner = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
});
afterAll(() => t.close());

const countOf = async (table: typeof courses | typeof courseDeployments) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

/** The copy's content as titles, section by section, in order. */
async function contentOf(courseId: string) {
  const rows = await t.db
    .select({ section: sections.title, activity: activities.title })
    .from(sections)
    .leftJoin(activities, eq(activities.sectionId, sections.id))
    .where(eq(sections.courseId, courseId))
    .orderBy(asc(sections.position), asc(activities.position));
  return rows.map((r) => `${r.section} / ${r.activity ?? '—'}`);
}

async function publishedOrigin(title?: string) {
  const origin = await originCourse(t, admin, title);
  const number = await publishInOffer(admin, origin, '1.0', 'Première version.');
  return { origin, number };
}

async function deploy(number: number, client = bordeauxDesigner, domainId = bordeaux) {
  const response = await client.post(`/api/offers/${number}/deploy`, { domainId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { courseId: string; title: string; version: string };
}

type HubItem = { number: number; title: string; deployments: number; sessions: number; version: string };

describe('the course hub', () => {
  it('searches the published course offer with its deployments and sessions, for designers only', async () => {
    const { origin, number } = await publishedOrigin('Évaluations au collège');
    const found = await bordeauxDesigner.get(`/api/hub/courses?q=${encodeURIComponent('evaluation')}`);
    expect(found.statusCode, found.body).toBe(200);
    const body = found.json() as { total: number; items: HubItem[]; targetDomains: { slug: string }[] };
    expect(body.items.map((i) => i.number)).toContain(number);
    expect(body.items.find((i) => i.number === number)).toMatchObject({
      title: 'Évaluations au collège',
      version: '1.0',
      deployments: 0,
      sessions: 0,
      domain: { slug: 'dgesco' },
    });
    expect(body.targetDomains.map((d) => d.slug)).toEqual(['ac-bordeaux']);
    const none = (await bordeauxDesigner.get('/api/hub/courses?q=astronomie')).json();
    expect(none).toMatchObject({ total: 0, items: [] });

    // Deployed twice, a session made from one copy and one from the origin: the figures follow.
    const first = await deploy(number);
    await deploy(number, aixDesigner, aix);
    const session = await bordeauxDesigner.post(`/api/courses/${first.courseId}/sessions`, {
      title: 'Évaluations — session de printemps',
    });
    expect(session.statusCode, session.body).toBe(201);
    expect(
      (await admin.post(`/api/courses/${origin.id}/sessions`, { title: 'Session nationale' })).statusCode,
    ).toBe(201);
    const after = (await bordeauxDesigner.get('/api/hub/courses?q=évaluations')).json() as {
      items: HubItem[];
    };
    expect(after.items.find((i) => i.number === number)).toMatchObject({ deployments: 2, sessions: 2 });

    expect((await participant.get('/api/hub/courses')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/hub/courses')).statusCode).toBe(401);
    const bad = problemOf(await bordeauxDesigner.get('/api/hub/courses?page=0'));
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
  });

  it('lists only published course offers, never training offers or withdrawn ones', async () => {
    const { origin, number } = await publishedOrigin('Parcours retiré de l’offre');
    await withdrawFromOffer(admin, origin);
    const items = (await admin.get('/api/hub/courses?q=retiré')).json().items as HubItem[];
    expect(items.map((i) => i.number)).not.toContain(number);
    // The demo's training offers (sessions) are not in the hub either.
    const [published] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(offers)
      .where(and(eq(offers.kind, 'course'), eq(offers.status, 'published')));
    const all = (await admin.get('/api/hub/courses')).json() as { total: number };
    expect(all.total).toBe(published!.n);
    const [training] = await t.db.select().from(offers).where(eq(offers.kind, 'training')).limit(1);
    expect(training, 'a demo training offer').toBeDefined();
    const refused = problemOf(
      await bordeauxDesigner.post(`/api/offers/${training!.number}/deploy`, { domainId: bordeaux }),
    );
    expect(refused.status).toBe(404);
  });

  it('deploys a copy in the designer’s domain that remembers its origin and version', async () => {
    const { origin, number } = await publishedOrigin();
    const deployed = await deploy(number);
    expect(deployed.version).toBe('1.0');
    const [copy] = await t.db.select().from(courses).where(eq(courses.id, deployed.courseId));
    expect(copy).toMatchObject({
      domainId: bordeaux,
      stage: 'construction',
      originId: origin.id,
      title: 'Évaluer par compétences',
    });
    expect(copy!.metadata.version).toBe('1.0');
    expect(await contentOf(deployed.courseId)).toEqual(await contentOf(origin.id));
    // The default first section, then the two written by the admin.
    expect(await contentOf(deployed.courseId)).toHaveLength(4);
    const [row] = await t.db
      .select()
      .from(courseDeployments)
      .where(eq(courseDeployments.courseId, deployed.courseId));
    const [designer] = await t.db
      .select()
      .from(users)
      .where(eq(users.email, 'conceptrice.bordeaux@magistere.test'));
    expect(row).toMatchObject({ version: '1.0', deployedBy: designer!.id, updatedAt: null });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, deployed.courseId));
    expect(events.map((e) => e.action)).toContain('course.deployed');
    // The deployer may edit their copy, not the origin.
    expect(
      (await bordeauxDesigner.patch(`/api/courses/${deployed.courseId}`, { title: 'Ma copie' })).statusCode,
    ).toBe(200);
    expect((await bordeauxDesigner.patch(`/api/courses/${origin.id}`, { title: 'Non' })).statusCode).toBe(
      403,
    );

    const state = (await bordeauxDesigner.get(`/api/courses/${deployed.courseId}/deployment`)).json();
    expect(state).toMatchObject({
      offer: { number, title: 'Évaluer par compétences', status: 'published', domain: { slug: 'dgesco' } },
      version: '1.0',
      latest: { version: '1.0', releaseNotes: 'Première version.' },
      newer: [],
    });
  });

  it('refuses to deploy without the right, into an unknown or the same domain, or a withdrawn offer — writing nothing', async () => {
    const { origin, number } = await publishedOrigin();
    const before = { courses: await countOf(courses), deployments: await countOf(courseDeployments) };
    const attempts: [ApiClient, string, unknown, number][] = [
      [participant, `/api/offers/${number}/deploy`, { domainId: aix }, 403],
      [bordeauxDesigner, `/api/offers/${number}/deploy`, { domainId: aix }, 403],
      [
        bordeauxDesigner,
        `/api/offers/${number}/deploy`,
        { domainId: '00000000-0000-4000-8000-000000000000' },
        400,
      ],
      [bordeauxDesigner, `/api/offers/${number}/deploy`, { domainId: 'bordeaux' }, 400],
      [bordeauxDesigner, `/api/offers/${number}/deploy`, { domainId: bordeaux, title: '' }, 400],
      [bordeauxDesigner, `/api/offers/abc/deploy`, { domainId: bordeaux }, 400],
      [bordeauxDesigner, '/api/offers/99999999/deploy', { domainId: bordeaux }, 404],
      [admin, `/api/offers/${number}/deploy`, { domainId: origin.domainId }, 400],
    ];
    for (const [client, url, body, status] of attempts) {
      const refused = problemOf(await client.post(url, body));
      expect(refused.status, `${url} ${JSON.stringify(body)}`).toBe(status);
      expect(refused.contentType).toContain('application/problem+json');
    }
    const sameDomain = problemOf(
      await admin.post(`/api/offers/${number}/deploy`, { domainId: origin.domainId }),
    );
    expect(sameDomain.body.errors?.[0]?.message).toContain('déjà dans ce domaine');

    await withdrawFromOffer(admin, origin);
    const withdrawn = problemOf(
      await bordeauxDesigner.post(`/api/offers/${number}/deploy`, { domainId: bordeaux }),
    );
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.code).toBe('offer_withdrawn');
    expect({ courses: await countOf(courses), deployments: await countOf(courseDeployments) }).toEqual(
      before,
    );
  });

  it('says where the parcours is already deployed, refuses a second copy there, and leads to the update', async () => {
    const { origin, number } = await publishedOrigin('Déployé une fois');
    const item = async (client = bordeauxDesigner) =>
      (
        (await client.get(`/api/hub/courses?q=${encodeURIComponent('Déployé une fois')}`)).json() as {
          items: (HubItem & {
            deployedCopies: { courseId: string; version: string; domain: { slug: string } }[];
          })[];
        }
      ).items.find((i) => i.number === number)!;
    expect((await item()).deployedCopies).toEqual([]);

    const deployed = await deploy(number);
    expect((await item()).deployedCopies).toEqual([
      {
        courseId: deployed.courseId,
        title: 'Déployé une fois',
        version: '1.0',
        domain: { id: bordeaux, slug: 'ac-bordeaux', name: 'Académie de Bordeaux' },
      },
    ]);
    // Another académie's designer sees no copy of hers: Bordeaux's is not in a domain she deploys into.
    expect((await item(aixDesigner)).deployedCopies).toEqual([]);

    // A second copy in the same domain is refused, naming the copy; nothing is written.
    const before = { courses: await countOf(courses), deployments: await countOf(courseDeployments) };
    const again = problemOf(
      await bordeauxDesigner.post(`/api/offers/${number}/deploy`, { domainId: bordeaux }),
    );
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'already_deployed', courseId: deployed.courseId });
    expect(again.body.errors?.[0]).toMatchObject({
      path: 'domainId',
      message: expect.stringContaining('déjà déployé'),
    });
    expect({ courses: await countOf(courses), deployments: await countOf(courseDeployments) }).toEqual(
      before,
    );

    // A newer version: the copy still says the version it holds, the card the offer's.
    await publishInOffer(admin, origin, '1.1', 'Corrections.');
    expect(await item()).toMatchObject({ version: '1.1', deployedCopies: [{ version: '1.0' }] });

    // Once the copy is in the trash, the parcours may be deployed there again.
    expect((await bordeauxDesigner.post(`/api/courses/${deployed.courseId}/trash`)).statusCode).toBe(200);
    expect((await item()).deployedCopies).toEqual([]);
    await deploy(number);
  });

  it('answers null for a course that was not deployed, and refuses people outside the course', async () => {
    const { number } = await publishedOrigin();
    const deployed = await deploy(number);
    const own = (
      await aixDesigner.post('/api/courses', {
        domainId: aix,
        title: 'Le mien',
        shortName: uniqueShortName('M'),
      })
    ).json();
    const state = await aixDesigner.get(`/api/courses/${own.id}/deployment`);
    expect(state.statusCode).toBe(200);
    expect(state.json()).toBeNull();
    expect((await aixDesigner.get(`/api/courses/${deployed.courseId}/deployment`)).statusCode).toBe(403);
    expect((await bordeauxDesigner.get('/api/courses/not-a-uuid/deployment')).statusCode).toBe(404);
  });

  it('offers the newer versions with their notes, then updates the copy in one go', async () => {
    const { origin, number } = await publishedOrigin();
    const deployed = await deploy(number);
    // The deployer adapts the copy and enrols a colleague; the origin moves on to 1.1 then 1.2.
    const copySections = await t.db.select().from(sections).where(eq(sections.courseId, deployed.courseId));
    await addPage(bordeauxDesigner, deployed.courseId, copySections[0]!.id, 'Ajout local');
    const [colleague] = await t.db.select().from(users).where(eq(users.email, 'tuteur@magistere.test'));
    await t.db
      .insert(enrolments)
      .values({ courseId: deployed.courseId, userId: colleague!.id, role: 'participant', method: 'manual' });
    const originSections = await t.db
      .select()
      .from(sections)
      .where(eq(sections.courseId, origin.id))
      .orderBy(asc(sections.position));
    await addPage(admin, origin.id, originSections[2]!.id, 'Auto-évaluation des élèves');
    await publishInOffer(admin, origin, '1.1', 'Ajout d’une activité sur l’auto-évaluation.');
    await publishInOffer(admin, origin, '1.2', 'Corrections.');

    const state = (await bordeauxDesigner.get(`/api/courses/${deployed.courseId}/deployment`)).json();
    expect(state.version).toBe('1.0');
    expect(state.latest.version).toBe('1.2');
    expect(
      state.newer.map((v: { version: string; releaseNotes: string }) => [v.version, v.releaseNotes]),
    ).toEqual([
      ['1.1', 'Ajout d’une activité sur l’auto-évaluation.'],
      ['1.2', 'Corrections.'],
    ]);

    // Neither a participant nor a designer of another domain may update the copy.
    expect((await participant.post(`/api/courses/${deployed.courseId}/deployment/update`)).statusCode).toBe(
      403,
    );
    expect((await aixDesigner.post(`/api/courses/${deployed.courseId}/deployment/update`)).statusCode).toBe(
      403,
    );
    expect(
      (await bordeauxDesigner.patch(`/api/courses/${deployed.courseId}`, { title: 'Évaluer — Bordeaux' }))
        .statusCode,
    ).toBe(200);

    const updated = await bordeauxDesigner.post(`/api/courses/${deployed.courseId}/deployment/update`);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ version: '1.2', newer: [] });
    expect(await contentOf(deployed.courseId)).toEqual(await contentOf(origin.id));
    expect(await contentOf(deployed.courseId)).toContain('Pratiquer / Auto-évaluation des élèves');
    const [copy] = await t.db.select().from(courses).where(eq(courses.id, deployed.courseId));
    expect(copy).toMatchObject({ title: 'Évaluer — Bordeaux', domainId: bordeaux });
    expect(copy!.metadata).toMatchObject({ version: '1.2', collection: 'formation' });
    const kept = await t.db.select().from(enrolments).where(eq(enrolments.courseId, deployed.courseId));
    expect(kept.map((e) => e.userId)).toContain(colleague!.id);
    const [row] = await t.db
      .select()
      .from(courseDeployments)
      .where(eq(courseDeployments.courseId, deployed.courseId));
    expect(row!.version).toBe('1.2');
    expect(row!.updatedAt).not.toBeNull();
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.objectId, deployed.courseId), eq(auditEvents.action, 'course.deployment_updated')),
      );
    expect(events[0]!.details).toMatchObject({ from: '1.0', to: '1.2' });
    // The copy's page shows the new content (its cache was forgotten).
    const page = (await bordeauxDesigner.get(`/api/courses/${deployed.courseId}`)).json();
    expect(JSON.stringify(page)).toContain('Auto-évaluation des élèves');

    const again = problemOf(
      await bordeauxDesigner.post(`/api/courses/${deployed.courseId}/deployment/update`),
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('up_to_date');
  });

  it('leaves the copy untouched when the update fails half-way or the origin was withdrawn', async () => {
    const { origin, number } = await publishedOrigin();
    const deployed = await deploy(number);
    const before = await contentOf(deployed.courseId);
    const originSections = await t.db.select().from(sections).where(eq(sections.courseId, origin.id));
    // A section the database refuses to copy: the update fails after clearing the copy's content.
    await t.db.update(sections).set({ title: 'Échec simulé' }).where(eq(sections.id, originSections[1]!.id));
    await publishInOffer(admin, origin, '2.0', 'Refonte.');
    await t.db.execute(sql`
      CREATE FUNCTION hub_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await t.db.execute(sql`
      CREATE TRIGGER hub_test_refuse BEFORE INSERT ON course_sections FOR EACH ROW
      WHEN (NEW.title = 'Échec simulé') EXECUTE FUNCTION hub_test_refuse()`);
    try {
      const failed = await bordeauxDesigner.post(`/api/courses/${deployed.courseId}/deployment/update`);
      expect(failed.statusCode).toBe(500);
    } finally {
      await t.db.execute(sql`DROP TRIGGER hub_test_refuse ON course_sections`);
      await t.db.execute(sql`DROP FUNCTION hub_test_refuse()`);
    }
    expect(await contentOf(deployed.courseId)).toEqual(before);
    const [row] = await t.db
      .select()
      .from(courseDeployments)
      .where(eq(courseDeployments.courseId, deployed.courseId));
    expect(row!.version).toBe('1.0');

    await withdrawFromOffer(admin, origin);
    const withdrawn = problemOf(
      await bordeauxDesigner.post(`/api/courses/${deployed.courseId}/deployment/update`),
    );
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.code).toBe('offer_withdrawn');
    expect(await contentOf(deployed.courseId)).toEqual(before);
    const state = (await bordeauxDesigner.get(`/api/courses/${deployed.courseId}/deployment`)).json();
    expect(state.offer.status).toBe('withdrawn');

    const notDeployed = (
      await bordeauxDesigner.post('/api/courses', {
        domainId: bordeaux,
        title: 'Local',
        shortName: uniqueShortName('L'),
      })
    ).json();
    const refused = problemOf(
      await bordeauxDesigner.post(`/api/courses/${notDeployed.id}/deployment/update`),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('not_deployed');
  });
});
