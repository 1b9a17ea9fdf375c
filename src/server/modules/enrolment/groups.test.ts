import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleToGroups } from '../../../shared/enrolment.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { activities } from '../courses/schema.ts';
import { groupsOf } from './queries.ts';
import { holdings, newCourse, newPeople, setStage } from './testing.ts';

let t: TestApp;
let designer: ApiClient;
let trainer: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  designer = await t.as('concepteur@magistere.test');
  trainer = await t.as('formateur@magistere.test');
});
afterAll(() => t.close());

async function enrolled(course: string, prefix: string, n: number) {
  const people = await newPeople(t, prefix, n);
  const response = await trainer.post(`/api/courses/${course}/enrolments/lists/apply`, {
    lists: { participant: people.map((p) => p.email).join('\n') },
  });
  expect(response.statusCode).toBe(200);
  return people;
}

async function newActivity(course: string) {
  const sectionId = (await designer.get(`/api/courses/${course}`)).json().sections[0].id;
  return (
    await designer.post(`/api/courses/${course}/activities`, {
      sectionId,
      kind: 'page',
      title: 'Atelier réservé',
      settings: { content: '<p>x</p>' },
    })
  ).json().id as string;
}

describe('groups', () => {
  it('are created, renamed and deleted, with names unique in the course whatever the case', async () => {
    const course = await newCourse(t, 'Groupes');
    const created = await trainer.post(`/api/courses/${course}/groups`, { name: ' Groupe A ' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Groupe A', description: '', members: [] });
    const id = created.json().id;
    const clash = problemOf(await trainer.post(`/api/courses/${course}/groups`, { name: 'groupe a' }));
    expect([clash.status, clash.body.code]).toEqual([409, 'group_name_taken']);
    expect(problemOf(await trainer.post(`/api/courses/${course}/groups`, { name: '' })).status).toBe(400);
    const b = (await trainer.post(`/api/courses/${course}/groups`, { name: 'Groupe B' })).json().id;
    expect(problemOf(await trainer.patch(`/api/groups/${b}`, { name: 'GROUPE A' })).status).toBe(409);
    const renamed = await trainer.patch(`/api/groups/${id}`, { name: 'Groupe Alpha', description: 'Matin' });
    expect(renamed.json()).toMatchObject({ id, name: 'Groupe Alpha', description: 'Matin' });
    const nothing = problemOf(await trainer.patch(`/api/groups/${id}`, {}));
    expect([nothing.status, nothing.body.errors?.[0]?.message]).toEqual([
      400,
      'Aucune modification n’a été envoyée.',
    ]);
    expect((await trainer.delete(`/api/groups/${b}`)).statusCode).toBe(204);
    const listed = (await trainer.get(`/api/courses/${course}/groups`)).json();
    expect(listed).toMatchObject({ canManage: true, groups: [{ id, name: 'Groupe Alpha' }], groupings: [] });
    expect((await trainer.delete(`/api/groups/${b}`)).statusCode).toBe(404);
  });

  it('take only people enrolled in the course, and lose them when they are unenrolled', async () => {
    const course = await newCourse(t, 'Membres');
    const people = await enrolled(course, 'membre', 3);
    const [stranger] = await newPeople(t, 'etranger', 1);
    const group = (await trainer.post(`/api/courses/${course}/groups`, { name: 'Atelier' })).json().id;
    const refused = problemOf(
      await trainer.post(`/api/groups/${group}/members`, { userIds: [people[0]!.id, stranger!.id] }),
    );
    expect([refused.status, refused.body.code]).toEqual([400, 'not_enrolled']);
    expect(refused.body.errors?.[0]?.path).toBe('userIds.1');
    expect((await holdings(t, course)).members).toBe(0);

    const added = await trainer.post(`/api/groups/${group}/members`, {
      userIds: [people[0]!.id, people[1]!.id, people[0]!.id],
    });
    expect(added.json()).toEqual({ added: 2 });
    expect(await groupsOf(t.db, course, people[0]!.id)).toEqual([group]);
    const members = (await trainer.get(`/api/courses/${course}/groups`)).json().groups[0].members;
    expect(members.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [people[0]!.id, people[1]!.id].sort(),
    );

    expect((await trainer.delete(`/api/groups/${group}/members/${people[1]!.id}`)).statusCode).toBe(204);
    expect((await trainer.delete(`/api/groups/${group}/members/${people[1]!.id}`)).statusCode).toBe(404);

    const enrolment = (await trainer.get(`/api/courses/${course}/enrolments?q=${people[0]!.email}`)).json()
      .items[0].id;
    await trainer.delete(`/api/enrolments/${enrolment}`);
    expect(await groupsOf(t.db, course, people[0]!.id)).toEqual([]);
  });

  it('are refused to those who may not manage them, and frozen in an archived session', async () => {
    const course = await newCourse(t, 'Groupes refusés');
    const group = (await trainer.post(`/api/courses/${course}/groups`, { name: 'G' })).json().id;
    for (const email of ['participant@magistere.test', 'tuteur@magistere.test']) {
      const client = await t.as(email);
      expect((await client.post(`/api/courses/${course}/groups`, { name: 'X' })).statusCode).toBe(403);
      expect((await client.patch(`/api/groups/${group}`, { name: 'X' })).statusCode).toBe(403);
      expect((await client.delete(`/api/groups/${group}`)).statusCode).toBe(403);
    }
    await setStage(t, course, 'session_archived');
    const closed = problemOf(await trainer.post(`/api/courses/${course}/groups`, { name: 'Trop tard' }));
    expect([closed.status, closed.body.code]).toEqual([409, 'enrolment_closed']);
    expect((await holdings(t, course)).groups).toBe(1);
  });
});

describe('groupings and the audience of an activity', () => {
  it('groupings hold groups of their course only', async () => {
    const course = await newCourse(t, 'Groupements');
    const other = await newCourse(t, 'Autre parcours');
    const a = (await trainer.post(`/api/courses/${course}/groups`, { name: 'A' })).json().id;
    const b = (await trainer.post(`/api/courses/${course}/groups`, { name: 'B' })).json().id;
    const foreign = (await trainer.post(`/api/courses/${other}/groups`, { name: 'A' })).json().id;
    const bad = problemOf(
      await trainer.post(`/api/courses/${course}/groupings`, {
        name: 'Premier degré',
        groupIds: [a, foreign],
      }),
    );
    expect([bad.status, bad.body.code, bad.body.errors?.[0]?.path]).toEqual([
      400,
      'unknown_group',
      'groupIds.1',
    ]);
    const created = await trainer.post(`/api/courses/${course}/groupings`, {
      name: 'Premier degré',
      groupIds: [a],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(
      problemOf(await trainer.post(`/api/courses/${course}/groupings`, { name: 'premier degré' })).status,
    ).toBe(409);
    const updated = await trainer.patch(`/api/groupings/${id}`, { groupIds: [a, b] });
    expect(updated.json()).toMatchObject({
      id,
      name: 'Premier degré',
      groupIds: expect.arrayContaining([a, b]),
    });
    expect((await trainer.get(`/api/courses/${course}/groups`)).json().groupings).toEqual([
      { id, name: 'Premier degré', groupIds: expect.arrayContaining([a, b]) },
    ]);
    expect((await trainer.delete(`/api/groupings/${id}`)).statusCode).toBe(204);
    expect((await trainer.get(`/api/courses/${course}/groups`)).json().groupings).toEqual([]);
  });

  it('restricts an activity to groups and groupings of its course, and null opens it again', async () => {
    const course = await newCourse(t, 'Audience');
    const other = await newCourse(t, 'Audience ailleurs');
    const people = await enrolled(course, 'audience', 2);
    const activity = await newActivity(course);
    const a = (await designer.post(`/api/courses/${course}/groups`, { name: 'A' })).json().id;
    const b = (await designer.post(`/api/courses/${course}/groups`, { name: 'B' })).json().id;
    await designer.post(`/api/groups/${a}/members`, { userIds: [people[0]!.id] });
    await designer.post(`/api/groups/${b}/members`, { userIds: [people[1]!.id] });
    const set = (
      await designer.post(`/api/courses/${course}/groupings`, { name: 'AB', groupIds: [a] })
    ).json().id;
    const foreign = (await designer.post(`/api/courses/${other}/groups`, { name: 'X' })).json().id;
    const url = `/api/activities/${activity}/audience`;
    const stored = async () =>
      (await t.db.select().from(activities).where(eq(activities.id, activity)))[0]!.audience;

    // Validation: ids of this course only, not an empty restriction.
    const wrong = problemOf(
      await designer.request('PUT', url, { audience: { groupIds: [foreign], groupingIds: [] } }),
    );
    expect([wrong.status, wrong.body.code]).toEqual([400, 'unknown_group']);
    const empty = problemOf(
      await designer.request('PUT', url, { audience: { groupIds: [], groupingIds: [] } }),
    );
    expect(empty.body.code).toBe('empty_audience');
    expect((await designer.request('PUT', url, { audience: { groupIds: ['x'] } })).statusCode).toBe(400);
    expect(await stored()).toBeNull();

    // A trainer may manage groups but not restrict the content: that is editing the course.
    expect((await trainer.request('PUT', url, { audience: null })).statusCode).toBe(403);

    const ok = await designer.request('PUT', url, { audience: { groupIds: [b], groupingIds: [set] } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await stored()).toEqual({ groupIds: [b], groupingIds: [set] });
    // Who sees it, as the course page will decide.
    const map = new Map([[set, [a]]]);
    for (const person of people)
      expect(visibleToGroups(await stored(), await groupsOf(t.db, course, person.id), map)).toBe(true);
    expect(visibleToGroups(await stored(), [], map)).toBe(false);

    // Deleting a group or grouping takes it out of the audience: it matches no one any more.
    await designer.delete(`/api/groupings/${set}`);
    expect(await stored()).toEqual({ groupIds: [b], groupingIds: [] });
    await designer.delete(`/api/groups/${b}`);
    expect(await stored()).toEqual({ groupIds: [], groupingIds: [] });

    const cleared = await designer.request('PUT', url, { audience: null });
    expect(cleared.json()).toEqual({ audience: null });
    expect(await stored()).toBeNull();
  });
});
