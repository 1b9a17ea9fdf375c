import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAssignments } from '../../platform/access/schema.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { users } from '../accounts/schema.ts';
import { courseSessions, courses } from '../courses/schema.ts';
import { domains } from '../domains/schema.ts';
import { enrolments } from '../enrolment/schema.ts';

let t: TestApp;
let designer: ApiClient;
let trainer: ApiClient;
let participant: ApiClient;
let aix = '';
let templateId = '';

beforeAll(async () => {
  t = await startTestApp();
  aix = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille')))[0]!.id;
  templateId = (await t.db.select().from(courses).where(eq(courses.stage, 'template')))[0]!.id;
  designer = await t.as('concepteur@magistere.test');
  trainer = await t.as('formateur@magistere.test');
  participant = await t.as('participant@magistere.test');
});
afterAll(() => t.close());

const count = async (table: typeof courses | typeof courseSessions | typeof mailMessages) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

const INDEXATION = {
  collection: 'formation',
  publics: ['enseignants_1d'],
  objectives: '<p>Mettre en œuvre la <strong>récupération</strong> en classe.</p><script>alert(1)</script>',
  origin: 'academie',
  durationOnSite: 180,
  durationRemote: 90,
  keywords: ['mémoire', 'Mémoire', 'cycle 3'],
};

async function courseFromTemplate(title = 'Mémoriser au cycle 3') {
  const response = await designer.post(`/api/courses/${templateId}/from-template`, {
    domainId: aix,
    title,
    shortName: uniqueShortName('MEM-C3'),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; stage: string; originId: string };
}

async function indexedCourseWithSession() {
  const course = await courseFromTemplate();
  expect((await designer.put(`/api/courses/${course.id}/metadata`, INDEXATION)).statusCode).toBe(200);
  const created = await designer.post(`/api/courses/${course.id}/sessions`, {
    title: 'Mémoriser au cycle 3 — session de janvier',
  });
  expect(created.statusCode, created.body).toBe(201);
  return { course, session: created.json() as { id: string; stage: string; originId: string } };
}

const transitionsOf = async (client: ApiClient, id: string) =>
  (await client.get(`/api/courses/${id}/workflow`)).json().transitions as {
    transition: string;
    blockers: { code: string; field?: string }[];
  }[];

describe('the course life cycle', () => {
  it('creates a parcours from a template, linked to it, and refuses a course that is not a template', async () => {
    const course = await courseFromTemplate();
    expect(course).toMatchObject({ stage: 'construction', originId: templateId });
    const before = await count(courses);
    const refused = await designer.post(`/api/courses/${course.id}/from-template`, {
      domainId: aix,
      title: 'Copie',
      shortName: uniqueShortName('C'),
    });
    expect(problemOf(refused).status).toBe(400);
    expect(await count(courses)).toBe(before);
    // A participant may not even read the template.
    expect(
      (
        await participant.post(`/api/courses/${templateId}/from-template`, {
          domainId: aix,
          title: 'X',
          shortName: uniqueShortName('X'),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('indexes a course: cleans the objectives, merges duplicate keywords, refuses bad values writing nothing', async () => {
    const course = await courseFromTemplate();
    const bad = await designer.put(`/api/courses/${course.id}/metadata`, {
      ...INDEXATION,
      publics: ['astronautes'],
      durationOnSite: -3,
    });
    expect(problemOf(bad).status).toBe(400);
    const [untouched] = await t.db.select().from(courses).where(eq(courses.id, course.id));
    expect(untouched!.metadata).toEqual({});
    expect((await participant.put(`/api/courses/${course.id}/metadata`, INDEXATION)).statusCode).toBe(403);

    const saved = (await designer.put(`/api/courses/${course.id}/metadata`, INDEXATION)).json();
    expect(saved.metadata.objectives).not.toContain('script');
    expect(saved.metadata.objectives).toContain('<strong>récupération</strong>');
    expect(saved.metadata.keywords).toEqual(['Mémoire', 'cycle 3']);
  });

  it('says which indexation fields a session needs, then creates it as a copy in preparation', async () => {
    const course = await courseFromTemplate();
    const blocked = (await transitionsOf(designer, course.id)).find((x) => x.transition === 'create_session');
    expect(blocked?.blockers.map((b) => b.field)).toEqual([
      'metadata.collection',
      'metadata.publics',
      'metadata.objectives',
      'metadata.origin',
    ]);
    const before = await count(courses);
    const refused = problemOf(
      await designer.post(`/api/courses/${course.id}/sessions`, { title: 'Session' }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.errors?.map((e) => e.path)).toContain('metadata.objectives');
    expect(refused.body.errors?.[0]?.message).toBe('Renseignez le champ «\u00a0Collection\u00a0».');
    expect(await count(courses)).toBe(before);

    await designer.put(`/api/courses/${course.id}/metadata`, INDEXATION);
    expect((await participant.post(`/api/courses/${course.id}/sessions`, { title: 'S' })).statusCode).toBe(
      403,
    );
    const session = (
      await designer.post(`/api/courses/${course.id}/sessions`, {
        title: 'Session de janvier',
        settings: { startsAt: '2027-01-11T08:00:00+01:00', endsAt: '2027-02-11T18:00:00+01:00' },
      })
    ).json();
    expect(session).toMatchObject({ stage: 'session_preparation', originId: course.id });
    expect(session.metadata.collection).toBe('formation');
    const workflow = (await designer.get(`/api/courses/${course.id}/workflow`)).json();
    expect(workflow.sessions).toEqual([
      expect.objectContaining({
        id: session.id,
        stage: 'session_preparation',
        startsAt: '2027-01-11T07:00:00.000Z',
      }),
    ]);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, session.id));
    expect(events.map((e) => e.action)).toContain('course.create_session');
  });

  it('opens a session only with dates in order, then shows it to participants', async () => {
    const { session } = await indexedCourseWithSession();
    // In preparation, even a participant enrolled in it does not see it.
    await t.enrol(session.id, 'participant@magistere.test');
    expect((await participant.get(`/api/courses/${session.id}`)).statusCode).toBe(403);
    const blocked = problemOf(await trainer.post(`/api/courses/${session.id}/open`, {}));
    expect(blocked.status).toBe(409);
    expect(blocked.body.errors?.map((e) => e.path)).toEqual(['session.startsAt', 'session.endsAt']);

    const reversed = await trainer.put(`/api/courses/${session.id}/session`, {
      startsAt: '2027-03-01T09:00:00+01:00',
      endsAt: '2027-02-01T09:00:00+01:00',
    });
    expect(problemOf(reversed).status).toBe(400);
    const [row] = await t.db.select().from(courseSessions).where(eq(courseSessions.courseId, session.id));
    expect(row!.startsAt).toBeNull();
    expect(
      (await participant.put(`/api/courses/${session.id}/session`, { selfEnrolment: true })).statusCode,
    ).toBe(403);

    const settings = await trainer.put(`/api/courses/${session.id}/session`, {
      startsAt: '2027-02-01T09:00:00+01:00',
      endsAt: '2027-03-01T17:00:00+01:00',
      gaiaDispositif: '26A0130045',
      gaiaModule: '71234',
    });
    expect(settings.json()).toMatchObject({ gaiaDispositif: '26A0130045', selfEnrolment: false });
    const opened = await trainer.post(`/api/courses/${session.id}/open`, { selfEnrolment: true });
    expect(opened.json().stage).toBe('session_running');
    const [after] = await t.db.select().from(courseSessions).where(eq(courseSessions.courseId, session.id));
    expect(after!.selfEnrolment).toBe(true);
    expect(after!.openedAt).not.toBeNull();
    expect((await participant.get(`/api/courses/${session.id}`)).statusCode).toBe(200);
  });

  it('announces a session by mail to its participants, once there are some', async () => {
    const { session } = await indexedCourseWithSession();
    const message = {
      subject: 'Votre formation commence',
      message: 'Bienvenue !\nPremière étape : la vidéo.',
    };
    const before = await count(mailMessages);
    expect(
      problemOf(await trainer.post(`/api/courses/${session.id}/announce`, message)).body.errors?.[0]?.message,
    ).toBe('Inscrivez au moins un participant avant d’annoncer la session.');
    const [someone] = await t.db.select().from(users).where(eq(users.email, 'participant@magistere.test'));
    await t.db
      .insert(enrolments)
      .values({ courseId: session.id, userId: someone!.id, role: 'participant', method: 'manual' });
    expect((await participant.post(`/api/courses/${session.id}/announce`, message)).statusCode).toBe(403);
    expect(problemOf(await trainer.post(`/api/courses/${session.id}/announce`, { subject: '' })).status).toBe(
      400,
    );
    expect(await count(mailMessages)).toBe(before);

    const sent = await trainer.post(`/api/courses/${session.id}/announce`, message);
    expect(sent.json()).toEqual({ recipients: 1 });
    const [mail] = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.to, 'participant@magistere.test'))
      .orderBy(sql`${mailMessages.createdAt} desc`)
      .limit(1);
    expect(mail!.subject).toBe('Votre formation commence');
    expect(mail!.text).toContain('Première étape : la vidéo.');
    expect(mail!.text).toContain(`/parcours/${session.id}`);
  });

  it('archives a running session, refuses to trash it before, and restores it from the trash', async () => {
    const { session } = await indexedCourseWithSession();
    await trainer.put(`/api/courses/${session.id}/session`, {
      startsAt: '2027-02-01T09:00:00+01:00',
      endsAt: '2027-03-01T17:00:00+01:00',
    });
    await trainer.post(`/api/courses/${session.id}/open`, {});
    const early = problemOf(await designer.post(`/api/courses/${session.id}/trash`));
    expect(early.status).toBe(409);
    expect(early.body.errors?.[0]?.message).toBe('Archivez la session avant de la mettre à la corbeille.');
    expect((await participant.post(`/api/courses/${session.id}/archive`)).statusCode).toBe(403);
    expect((await trainer.post(`/api/courses/${session.id}/archive`)).json().stage).toBe('session_archived');
    // Trainers run sessions; putting one in the trash is for designers and managers.
    expect((await trainer.post(`/api/courses/${session.id}/trash`)).statusCode).toBe(403);
    expect((await designer.post(`/api/courses/${session.id}/trash`)).json().stage).toBe('trash');
    expect((await designer.get('/api/trash')).json().map((c: { id: string }) => c.id)).toContain(session.id);
    // In the trash, its stage no longer says it is a session: the workflow does, for the page's words.
    expect((await designer.get(`/api/courses/${session.id}/workflow`)).json()).toMatchObject({
      stage: 'trash',
      isSession: true,
    });
    expect((await designer.get('/api/courses')).json().map((c: { id: string }) => c.id)).not.toContain(
      session.id,
    );
    expect((await designer.delete(`/api/courses/${session.id}/trash`)).json().stage).toBe('session_archived');
    expect((await trainer.delete(`/api/courses/${session.id}/archive`)).json().stage).toBe('session_running');
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, session.id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'course.open',
        'course.archive',
        'course.trash',
        'course.restore',
        'course.reopen',
      ]),
    );
  });

  it('makes a template of a parcours and back, and refuses a move from the wrong stage', async () => {
    const course = await courseFromTemplate();
    expect((await trainer.post(`/api/courses/${course.id}/template`)).statusCode).toBe(403);
    expect((await designer.post(`/api/courses/${course.id}/template`)).json().stage).toBe('template');
    const templates = (await designer.get(`/api/templates?domainId=${aix}`)).json();
    expect(templates.map((c: { id: string }) => c.id)).toContain(course.id);
    const wrong = problemOf(await designer.post(`/api/courses/${course.id}/archive`));
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('wrong_stage');
    expect((await designer.delete(`/api/courses/${course.id}/template`)).json().stage).toBe('construction');
  });

  it('shows a trainer the actions of a session with their blockers, and none to a participant', async () => {
    const { session } = await indexedCourseWithSession();
    const transitions = await transitionsOf(trainer, session.id);
    expect(transitions.map((x) => x.transition)).toEqual(['open', 'announce', 'trash']);
    expect(transitions.find((x) => x.transition === 'trash')?.blockers).toEqual([{ code: 'forbidden' }]);
    expect((await participant.get(`/api/courses/${session.id}/workflow`)).statusCode).toBe(403);
    // A session's trainer, enrolled in it only, manages it without any role in the domain.
    const [observer] = await t.db.select().from(users).where(eq(users.email, 'observateur@magistere.test'));
    const { findContext } = await import('../../platform/access/contexts.ts');
    const context = await findContext(t.db, 'course', session.id);
    await t.db
      .insert(roleAssignments)
      .values({ userId: observer!.id, role: 'trainer', contextId: context!.id });
    const observerAsTrainer = await t.as('observateur@magistere.test');
    expect((await observerAsTrainer.get(`/api/courses/${session.id}/workflow`)).statusCode).toBe(200);
  });
});
