/**
 * Opening a session keeps its self-enrolment as saved: the "Ouvrir la session" dialog shows the saved
 * value and sends what it shows; a request without the field changes nothing of it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { courseSessions, courses } from '../courses/schema.ts';
import { domainId, newPeople } from '../enrolment/testing.ts';

let t: TestApp;
let designer: ApiClient;
let trainer: ApiClient;
let aix = '';
let templateId = '';

beforeAll(async () => {
  t = await startTestApp();
  aix = await domainId(t);
  templateId = (await t.db.select().from(courses).where(eq(courses.stage, 'template')))[0]!.id;
  designer = await t.as('concepteur@magistere.test');
  trainer = await t.as('formateur@magistere.test');
});
afterAll(() => t.close());

/** A session of a new parcours, with its dates and the given self-enrolment saved in its settings. */
async function sessionWith(selfEnrolment: boolean) {
  const course = (
    await designer.post(`/api/courses/${templateId}/from-template`, {
      domainId: aix,
      title: 'Ouvrir une session',
      shortName: uniqueShortName('OUVRIR'),
    })
  ).json();
  const indexed = await designer.put(`/api/courses/${course.id}/metadata`, {
    collection: 'formation',
    publics: ['enseignants_1d'],
    objectives: '<p>Ouvrir une session.</p>',
    origin: 'academie',
  });
  expect(indexed.statusCode, indexed.body).toBe(200);
  const session = await designer.post(`/api/courses/${course.id}/sessions`, { title: 'Session à ouvrir' });
  expect(session.statusCode, session.body).toBe(201);
  const id = session.json().id as string;
  const saved = await trainer.put(`/api/courses/${id}/session`, {
    startsAt: new Date(Date.now() - 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    selfEnrolment,
  });
  expect(saved.json()).toMatchObject({ selfEnrolment });
  return id;
}

const saved = async (id: string) =>
  (await t.db.select().from(courseSessions).where(eq(courseSessions.courseId, id)))[0]!;

describe('opening a session', () => {
  it('keeps self-enrolment on when the request does not name it, and people may then enrol', async () => {
    const id = await sessionWith(true);
    const opened = await trainer.post(`/api/courses/${id}/open`, {});
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().stage).toBe('session_running');
    expect((await saved(id)).selfEnrolment).toBe(true);
    const [person] = await newPeople(t, 'ouverture', 1);
    const state = (await (await t.as(person!.email)).get(`/api/courses/${id}/self-enrolment`)).json();
    expect(state).toMatchObject({ enrolled: false, canEnrol: true, reason: null });
  });

  it('saves what the dialog shows: on stays on, off stays off', async () => {
    const on = await sessionWith(true);
    await trainer.post(`/api/courses/${on}/open`, { selfEnrolment: true });
    expect((await saved(on)).selfEnrolment).toBe(true);
    const off = await sessionWith(false);
    await trainer.post(`/api/courses/${off}/open`, { selfEnrolment: false });
    expect((await saved(off)).selfEnrolment).toBe(false);
  });

  it('refuses a bad value and leaves the session as it was', async () => {
    const id = await sessionWith(true);
    const refused = await trainer.post(`/api/courses/${id}/open`, { selfEnrolment: 'oui' });
    expect(problemOf(refused).status).toBe(400);
    const row = await saved(id);
    expect(row).toMatchObject({ selfEnrolment: true, openedAt: null });
    const [course] = await t.db.select().from(courses).where(eq(courses.id, id));
    expect(course!.stage).toBe('session_preparation');
  });
});
