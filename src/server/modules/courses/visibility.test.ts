/**
 * Who sees which course, stage by stage and role by role: the course list, the course page, an activity
 * and its file. Templates and parcours in construction are for the domain's designers and staff; a
 * session for its enrolled people and the domain's staff; a participant's domain-wide role opens nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../../../shared/lifecycle.ts';
import type { ApiClient, TestApp } from '../../testing/harness.ts';
import { startTestApp } from '../../testing/harness.ts';
import { courseWithActivity, samples, upload } from '../activities/file/testing.ts';
import { domainId, newPeople, setStage } from '../enrolment/testing.ts';

let t: TestApp;
const actors: Record<string, ApiClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.as('admin@magistere.test');
  const aix = await domainId(t);
  const [observer, stranger, domainParticipant] = await newPeople(t, 'visibilite', 3);
  // An observer and a participant given their role for the whole académie.
  for (const [person, role] of [
    [observer!, 'observer'],
    [domainParticipant!, 'participant'],
  ] as const) {
    const response = await admin.post('/api/role-assignments', {
      userId: person.id,
      role,
      contextLevel: 'domain',
      instanceId: aix,
    });
    expect(response.statusCode, response.body).toBe(201);
  }
  actors.designer = await t.as('concepteur@magistere.test');
  actors.trainer = await t.as('formateur@magistere.test');
  actors.observer = await t.as(observer!.email);
  actors.domainParticipant = await t.as(domainParticipant!.email);
  actors.stranger = await t.as(stranger!.email);
  actors.enrolled = await t.as('participant@magistere.test');
  actors.anonymous = t.anonymous();
});
afterAll(() => t.close());

type Expect = Record<string, boolean>;
/** Who may open the course at each stage (`enrolled` is the demo participant, enrolled in it). */
const MATRIX: Record<Exclude<Stage, 'trash'>, Expect> = {
  template: { designer: true, trainer: true, observer: false, domainParticipant: false, enrolled: false },
  construction: { designer: true, trainer: true, observer: false, domainParticipant: false, enrolled: true },
  session_preparation: {
    designer: true,
    trainer: true,
    observer: false,
    domainParticipant: false,
    enrolled: false,
  },
  session_running: {
    designer: true,
    trainer: true,
    observer: true,
    domainParticipant: false,
    enrolled: true,
  },
  session_archived: {
    designer: true,
    trainer: true,
    observer: true,
    domainParticipant: false,
    enrolled: true,
  },
};

describe('who sees which course', () => {
  it('lists for the demo participant the sessions she follows, and no draft (before any test enrols her)', async () => {
    const courses = (await actors.enrolled!.get('/api/courses')).json() as { stage: string; title: string }[];
    expect(courses.map((c) => c.title)).toContain('Mémoire et apprentissages — session 2026-2027');
    expect(courses.filter((c) => c.stage === 'template' || c.stage === 'construction')).toEqual([]);
  });

  for (const [stage, expected] of Object.entries(MATRIX)) {
    it(`${stage}: list, page, activity and file follow the rule`, async () => {
      const { course, activity } = await courseWithActivity(t, actors.designer!, 'file');
      await upload(actors.designer!, 'PUT', `/api/activities/${activity}/file`, [
        { filename: 'Programme.pdf', content: samples.pdf() },
      ]);
      await setStage(
        t,
        course,
        stage as Stage,
        stage.startsWith('session_') ? { selfEnrolment: false } : undefined,
      );
      for (const [who, sees] of Object.entries({ ...expected, stranger: false })) {
        const client = actors[who]!;
        const listed = ((await client.get('/api/courses')).json() as { id: string }[]).some(
          (c) => c.id === course,
        );
        expect(listed, `${who} lists it`).toBe(sees);
        const statuses = [
          (await client.get(`/api/courses/${course}`)).statusCode,
          (await client.get(`/api/activities/${activity}`)).statusCode,
          (await client.get(`/api/activities/${activity}/file`)).statusCode,
        ];
        if (sees) expect(statuses, who).toEqual([200, 200, 200]);
        else for (const status of statuses) expect([403, 404], `${who}: ${statuses}`).toContain(status);
      }
      for (const url of [`/api/courses/${course}`, `/api/activities/${activity}`]) {
        expect((await actors.anonymous!.get(url)).statusCode).toBe(401);
      }
    });
  }

  it('shows a session open to self-enrolment as a presentation until one enrols, then its content', async () => {
    const { course } = await courseWithActivity(t, actors.designer!, 'page');
    await setStage(t, course, 'session_running', { selfEnrolment: true });
    const [newcomer] = await newPeople(t, 'autoinscrite', 1);
    const person = await t.as(newcomer!.email);
    expect((await person.get(`/api/courses/${course}`)).statusCode).toBe(403);
    const state = await person.get(`/api/courses/${course}/self-enrolment`);
    expect(state.statusCode).toBe(200);
    expect(state.json()).toMatchObject({ enrolled: false });
    expect((await person.post(`/api/courses/${course}/self-enrolment`)).statusCode).toBe(200);
    expect((await person.get(`/api/courses/${course}`)).statusCode).toBe(200);
  });
});
