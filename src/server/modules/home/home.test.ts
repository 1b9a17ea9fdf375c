import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MySpace, SpaceCourse } from '../../../shared/home.ts';
import { type ApiClient, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { courses } from '../courses/schema.ts';
import { courseContext, domainId, newPeople, setStage } from '../enrolment/testing.ts';

let t: TestApp;
let designer: ApiClient;
let aix = '';
/** The demo's running session, whose trainer is formateur@ and where participant@ is enrolled. */
let demoSession = '';
/** A parcours a designer made a minute ago: a draft, nobody else's business. */
let draft = '';

const spaceOf = async (client: ApiClient) => {
  const response = await client.get('/api/me/space');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as MySpace;
};
const idsOf = (list: SpaceCourse[]) => list.map((c) => c.course.id);
const all = (space: MySpace) => [...space.courses, ...space.trainings, ...space.designs];

beforeAll(async () => {
  t = await startTestApp();
  aix = await domainId(t);
  designer = await t.as('concepteur@magistere.test');
  demoSession = (await t.db.select().from(courses).where(eq(courses.shortName, 'MEMOIRE-C34-S1')))[0]!.id;
  const made = await designer.post('/api/courses', {
    domainId: aix,
    title: 'Brouillon du jour',
    shortName: uniqueShortName('BROUILLON'),
  });
  expect(made.statusCode, made.body).toBe(201);
  draft = made.json().id;
});
afterAll(() => t.close());

describe('Mon espace', () => {
  it('puts a participant’s sessions under "Mes parcours", with where to resume, and nothing else', async () => {
    const participant = await t.as('participant@magistere.test');
    const space = await spaceOf(participant);
    expect(idsOf(space.courses)).toContain(demoSession);
    expect(space.trainings).toEqual([]);
    expect(space.designs).toEqual([]);
    expect(space.blocks).toEqual({ courses: true, trainings: false, designs: false });
    expect(space.canCreate).toBe(false);
    for (const item of space.courses) {
      expect(item.roles).toEqual(['participant']);
      expect(item.course.stage).not.toBe('template');
    }
    // Neither the designer's draft nor the demo template, though her role may let her open courses.
    expect(all(space).map((c) => c.course.id)).not.toContain(draft);
    const card = space.courses.find((c) => c.course.id === demoSession)!;
    expect(card.open).toBe(true);
    // Her role in it is assigned there: "Mes rôles" names the course rather than a number.
    expect(card.contextId).toBe(await courseContext(t, demoSession));
    expect(card.session?.startsAt).toEqual(expect.any(String));
    expect(card.progress).toMatchObject({ courseId: demoSession, percent: 0 });
    // "Reprendre" goes where the course page's "continue" goes: the first activity not done, no label.
    const progress = (await participant.get(`/api/courses/${demoSession}/progress`)).json();
    expect(card.resume.activityId).toBe(progress.resumeActivityId);
    expect(card.resume).toMatchObject({ started: false, title: expect.any(String) });
    const page = (await participant.get(`/api/courses/${demoSession}`)).json();
    const first = page.sections.flatMap((s: { activities: { id: string; kind: string }[] }) => s.activities);
    expect(first.find((a: { kind: string }) => a.kind !== 'label').id).toBe(card.resume.activityId);
  });

  it('puts a session under "Mes formations" for its trainer, never under "Mes parcours"', async () => {
    const trainer = await t.as('formateur@magistere.test');
    const space = await spaceOf(trainer);
    expect(idsOf(space.trainings)).toContain(demoSession);
    expect(space.trainings.find((c) => c.course.id === demoSession)).toMatchObject({
      roles: ['trainer'],
      open: true,
      progress: null,
    });
    // The courses her domain-wide role lets her open are not hers: none under "Mes parcours".
    expect(space.courses).toEqual([]);
    expect(space.designs).toEqual([]);
    expect(space.blocks).toEqual({ courses: false, trainings: true, designs: false });
    expect(all(space).map((c) => c.course.id)).not.toContain(draft);
  });

  it('puts a designer’s templates and parcours under "Mes conceptions", not their sessions', async () => {
    const space = await spaceOf(designer);
    expect(idsOf(space.designs)).toContain(draft);
    const template = (await t.db.select().from(courses).where(eq(courses.stage, 'template')))[0]!;
    expect(idsOf(space.designs)).toContain(template.id);
    for (const item of space.designs) expect(['template', 'construction']).toContain(item.course.stage);
    expect(idsOf(space.designs)).not.toContain(demoSession);
    expect(space.courses).toEqual([]);
    expect(space.trainings).toEqual([]);
    expect(space.blocks).toEqual({ courses: false, trainings: false, designs: true });
    expect(space.canCreate).toBe(true);
    // Another académie's designer does not get them.
    const other = await spaceOf(await t.as('conceptrice.bordeaux@magistere.test'));
    expect(all(other).map((c) => c.course.id)).not.toContain(draft);
  });

  it('follows the role held in each course: a designer enrolled as trainer finds the session under "Mes formations"', async () => {
    const [person] = await newPeople(t, 'espace-formatrice', 1);
    const enrolled = await designer.post(`/api/courses/${draft}/enrolments`, {
      role: 'trainer',
      userIds: [person!.id],
    });
    expect(enrolled.statusCode, enrolled.body).toBeLessThan(300);
    const space = await spaceOf(await t.as(person!.email));
    expect(idsOf(space.trainings)).toEqual([draft]);
    expect(space.blocks).toEqual({ courses: false, trainings: true, designs: false });
  });

  it('lists a participant’s session to come without opening it, and leaves a hidden one out', async () => {
    const [person] = await newPeople(t, 'espace-participante', 1);
    const make = async (title: string) => {
      const id = (
        await designer.post('/api/courses', {
          domainId: aix,
          title,
          shortName: uniqueShortName(title.slice(0, 10)),
        })
      ).json().id;
      const enrolled = await designer.post(`/api/courses/${id}/enrolments`, {
        role: 'participant',
        userIds: [person!.id],
      });
      expect(enrolled.statusCode, enrolled.body).toBeLessThan(300);
      return id as string;
    };
    const soon = await make('Session à venir');
    await setStage(t, soon, 'session_preparation', { selfEnrolment: false });
    const hidden = await make('Session masquée');
    await setStage(t, hidden, 'session_running', { selfEnrolment: false });
    await designer.patch(`/api/courses/${hidden}`, { visibility: 'hidden' });
    const running = await make('Session en cours');
    await setStage(t, running, 'session_running', { selfEnrolment: false });

    const space = await spaceOf(await t.as(person!.email));
    expect(idsOf(space.courses)).toEqual([running, soon]);
    expect(space.courses[1]).toMatchObject({ open: false, resume: { activityId: null } });
    expect(space.blocks).toEqual({ courses: true, trainings: false, designs: false });
  });

  it('gives someone with no course an empty space that says where to go', async () => {
    const [person] = await newPeople(t, 'espace-vide', 1);
    const space = await spaceOf(await t.as(person!.email));
    expect(space).toEqual({
      courses: [],
      trainings: [],
      designs: [],
      blocks: { courses: true, trainings: false, designs: false },
      canCreate: false,
    });
  });

  it('is for logged-in people only', async () => {
    expect((await t.anonymous().get('/api/me/space')).statusCode).toBe(401);
  });
});
