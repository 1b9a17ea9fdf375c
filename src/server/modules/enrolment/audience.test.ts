import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CELL } from '../../../shared/followup.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { activities } from '../courses/schema.ts';
import { newCourse, newPeople, postCsv, setStage } from './testing.ts';

/**
 * An activity restricted to groups, as people live it: who sees it on the course page and may open it,
 * for whom it counts in progress and course completion, and how the follow-up shows it.
 */
let t: TestApp;
let designer: ApiClient;
let trainer: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  designer = await t.as('concepteur@magistere.test');
  trainer = await t.as('formateur@magistere.test');
});
afterAll(() => t.close());

type PageActivity = { id: string; title: string; restrictedTo?: string[] };
const titlesOn = async (client: ApiClient, course: string, query = '') => {
  const response = await client.get(`/api/courses/${course}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().sections as { activities: PageActivity[] }[]).flatMap((s) => s.activities);
};

/**
 * A running session with two activities marked by hand — "Pour tous" and "Atelier B" — three
 * participants (one in group A, one in group B, one in no group), and groups A and B.
 */
async function session(name: string) {
  const course = await newCourse(t, name);
  const people = await newPeople(t, name.toLowerCase().replace(/\W+/g, '-'), 3);
  const enrolled = await trainer.post(`/api/courses/${course}/enrolments/lists/apply`, {
    lists: { participant: people.map((p) => p.email).join('\n') },
  });
  expect(enrolled.statusCode, enrolled.body).toBe(200);
  const sectionId = (await designer.get(`/api/courses/${course}`)).json().sections[0].id;
  const activity = async (title: string) => {
    const response = await designer.post(`/api/courses/${course}/activities`, {
      sectionId,
      kind: 'page',
      title,
      settings: { content: '<p>Lire</p>' },
      completion: { mode: 'manual' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const open = await activity('Pour tous');
  const restricted = await activity('Atelier B');
  const group = async (groupName: string, userId: string) => {
    const id = (await designer.post(`/api/courses/${course}/groups`, { name: groupName })).json()
      .id as string;
    expect((await designer.post(`/api/groups/${id}/members`, { userIds: [userId] })).statusCode).toBe(200);
    return id;
  };
  const a = await group('Groupe A', people[0]!.id);
  const b = await group('Groupe B', people[1]!.id);
  await setStage(t, course, 'session_running');
  const [inA, inB, inNone] = await Promise.all(people.map((p) => t.as(p.email)));
  return { course, people, open, restricted, a, b, inA: inA!, inB: inB!, inNone: inNone! };
}

const restrict = (activity: string, audience: { groupIds: string[]; groupingIds: string[] } | null) =>
  designer.request('PUT', `/api/activities/${activity}/audience`, { audience });

describe('an activity restricted to a group', () => {
  it('is on the page, and opens, for its members only; trainers and designers see it with a badge', async () => {
    const s = await session('Réservée');
    // Everyone reads the page once before the restriction: the cached pages must not survive it.
    for (const client of [s.inA, s.inB, s.inNone, trainer])
      expect((await titlesOn(client, s.course)).map((a) => a.title)).toEqual(['Pour tous', 'Atelier B']);
    expect((await restrict(s.restricted, { groupIds: [s.b], groupingIds: [] })).statusCode).toBe(200);

    for (const outsider of [s.inA, s.inNone]) {
      expect((await titlesOn(outsider, s.course)).map((a) => a.title)).toEqual(['Pour tous']);
      expect((await outsider.get(`/api/activities/${s.restricted}`)).statusCode).toBe(404);
      expect((await outsider.post(`/api/activities/${s.restricted}/completion`)).statusCode).toBe(404);
      expect((await outsider.post(`/api/activities/${s.restricted}/view`)).statusCode).toBe(404);
    }
    const member = await titlesOn(s.inB, s.course);
    expect(member.map((a) => a.title)).toEqual(['Pour tous', 'Atelier B']);
    // Participants learn nothing of the groups: no badge, no ids.
    expect(member[1]).not.toHaveProperty('restrictedTo');
    expect(member[1]).not.toHaveProperty('audience');
    expect((await s.inB.get(`/api/activities/${s.restricted}`)).statusCode).toBe(200);

    for (const staff of [trainer, designer]) {
      const seen = await titlesOn(staff, s.course);
      expect(seen.map((a) => [a.title, a.restrictedTo])).toEqual([
        ['Pour tous', undefined],
        ['Atelier B', ['Groupe B']],
      ]);
      expect((await staff.get(`/api/activities/${s.restricted}`)).json().audience).toEqual({
        groupIds: [s.b],
        groupingIds: [],
      });
    }
    // The designer's preview as a participant is a participant's page: a designer is in no group.
    expect((await titlesOn(designer, s.course, '?view=participant')).map((a) => a.title)).toEqual([
      'Pour tous',
    ]);

    // A renamed group renames the badge; joining the group shows the activity (the page is not shared).
    await designer.patch(`/api/groups/${s.b}`, { name: 'Groupe B — école' });
    expect((await titlesOn(trainer, s.course))[1]!.restrictedTo).toEqual(['Groupe B — école']);
    await designer.post(`/api/groups/${s.b}/members`, { userIds: [s.people[2]!.id] });
    expect((await titlesOn(s.inNone, s.course)).map((a) => a.title)).toEqual(['Pour tous', 'Atelier B']);
    expect((await titlesOn(s.inA, s.course)).map((a) => a.title)).toEqual(['Pour tous']);
  });

  it('reaches members of a group of one of its groupings', async () => {
    const s = await session('Groupement');
    const set = (
      await designer.post(`/api/courses/${s.course}/groupings`, { name: 'Premier degré', groupIds: [s.a] })
    ).json().id as string;
    expect((await restrict(s.restricted, { groupIds: [], groupingIds: [set] })).statusCode).toBe(200);
    expect((await titlesOn(s.inA, s.course)).map((a) => a.title)).toEqual(['Pour tous', 'Atelier B']);
    expect((await titlesOn(s.inB, s.course)).map((a) => a.title)).toEqual(['Pour tous']);
    expect((await s.inA.get(`/api/activities/${s.restricted}`)).statusCode).toBe(200);
    expect((await s.inB.get(`/api/activities/${s.restricted}`)).statusCode).toBe(404);
    expect((await titlesOn(trainer, s.course))[1]!.restrictedTo).toEqual(['Premier degré']);
    // The grouping now holds group B instead: the people who see it change with it.
    await designer.patch(`/api/groupings/${set}`, { groupIds: [s.b] });
    expect((await titlesOn(s.inA, s.course)).map((a) => a.title)).toEqual(['Pour tous']);
    expect((await titlesOn(s.inB, s.course)).map((a) => a.title)).toEqual(['Pour tous', 'Atelier B']);
  });

  it('counts in the progress and the course completion of its members only', async () => {
    const s = await session('Progression');
    await restrict(s.restricted, { groupIds: [s.b], groupingIds: [] });
    const progress = async (client: ApiClient) =>
      (await client.get(`/api/courses/${s.course}/completion`)).json();

    for (const client of [s.inA, s.inB])
      expect((await client.post(`/api/activities/${s.open}/completion`)).statusCode).toBe(200);
    expect(await progress(s.inA)).toMatchObject({ tracked: 1, completed: 1, percent: 100 });
    expect((await progress(s.inA)).courseCompletedAt).not.toBeNull();
    expect(await progress(s.inB)).toMatchObject({
      tracked: 2,
      completed: 1,
      percent: 50,
      courseCompletedAt: null,
    });
    expect(await progress(s.inNone)).toMatchObject({ tracked: 1, completed: 0, percent: 0 });
    const mine = async (client: ApiClient) =>
      ((await client.get('/api/me/progress')).json() as { courseId: string; percent: number }[]).find(
        (row) => row.courseId === s.course,
      );
    expect(await mine(s.inA)).toMatchObject({ tracked: 1, completed: 1, percent: 100 });
    expect(await mine(s.inB)).toMatchObject({ tracked: 2, completed: 1, percent: 50 });

    // Opened to everyone, it is one more to do for A: the course is no longer complete.
    await restrict(s.restricted, null);
    expect(await progress(s.inA)).toMatchObject({ tracked: 2, completed: 1, courseCompletedAt: null });
    // Restricted again and A joins group B: the same.
    await restrict(s.restricted, { groupIds: [s.b], groupingIds: [] });
    expect((await progress(s.inA)).courseCompletedAt).not.toBeNull();
    await designer.post(`/api/groups/${s.b}/members`, { userIds: [s.people[0]!.id] });
    expect(await progress(s.inA)).toMatchObject({ tracked: 2, completed: 1, courseCompletedAt: null });
    // Leaving it, A has done everything meant for them again.
    expect((await designer.delete(`/api/groups/${s.b}/members/${s.people[0]!.id}`)).statusCode).toBe(204);
    expect((await progress(s.inA)).courseCompletedAt).not.toBeNull();
    // Put in group B by a CSV file (the group named in a column): the same as by hand.
    const csv = `email,role,group\n${s.people[0]!.email},participant,Groupe B\n`;
    const applied = await postCsv(trainer, `/api/courses/${s.course}/enrolments/csv/apply`, csv);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(await progress(s.inA)).toMatchObject({ tracked: 2, completed: 1, courseCompletedAt: null });
  });

  it('is "non concerné" in the follow-up for people outside it, counted for no one but its members', async () => {
    const s = await session('Suivi réservé');
    await restrict(s.restricted, { groupIds: [s.b], groupingIds: [] });
    await s.inA.post(`/api/activities/${s.open}/completion`);
    await s.inB.post(`/api/activities/${s.open}/completion`);
    const grid = (await trainer.get(`/api/courses/${s.course}/followup`)).json();
    const ids = grid.activities.map((a: { id: string }) => a.id);
    expect(ids).toEqual([s.open, s.restricted]);
    const row = (userId: string) => grid.rows.find((r: { userId: string }) => r.userId === userId);
    expect(row(s.people[0]!.id)).toMatchObject({
      states: `${CELL.complete}${CELL.notConcerned}`,
      progress: 100,
    });
    expect(row(s.people[1]!.id)).toMatchObject({ states: `${CELL.complete}${CELL.none}`, progress: 50 });
    expect(row(s.people[2]!.id)).toMatchObject({ states: `${CELL.none}${CELL.notConcerned}`, progress: 0 });
    expect(row(s.people[0]!.id).dates).toEqual([expect.any(Number), null]);
    // Done by one of the one person it concerns; the open activity by two of three.
    expect(grid.totals).toEqual({ complete: [2, 0], failed: [0, 0], concerned: [3, 1] });

    // "Not done" on the restricted activity finds its members who have not done it, not the others.
    const notDone = (await trainer.get(`/api/courses/${s.course}/followup?notDone=${s.restricted}`)).json()
      .rows;
    expect(notDone.map((r: { userId: string }) => r.userId)).toEqual([s.people[1]!.id]);

    const csv = (await trainer.get(`/api/courses/${s.course}/followup/export`)).body;
    const line = csv.split('\r\n').find((l) => l.includes(s.people[0]!.email));
    expect(line?.endsWith(';non concerné')).toBe(true);
  });

  it('is refused with unknown ids or by those who may not edit the course, and nothing is written', async () => {
    const s = await session('Refus');
    const stored = async () =>
      (await t.db.select().from(activities).where(eq(activities.id, s.restricted)))[0]!.audience;
    const other = await newCourse(t, 'Ailleurs');
    const foreign = (await designer.post(`/api/courses/${other}/groups`, { name: 'X' })).json().id;
    const wrong = problemOf(await restrict(s.restricted, { groupIds: [s.a], groupingIds: [foreign] }));
    expect([wrong.status, wrong.body.code, wrong.body.errors?.[0]?.path]).toEqual([
      400,
      'unknown_grouping',
      'audience.groupingIds.0',
    ]);
    expect(wrong.body.errors?.[0]?.message).toMatch(/groupement/i);
    expect(problemOf(await restrict(s.restricted, { groupIds: ['pas-un-id'], groupingIds: [] })).status).toBe(
      400,
    );
    for (const client of [s.inB, trainer])
      expect(
        (
          await client.request('PUT', `/api/activities/${s.restricted}/audience`, {
            audience: { groupIds: [s.b], groupingIds: [] },
          })
        ).statusCode,
      ).toBe(403);
    expect(await stored()).toBeNull();
    expect((await titlesOn(s.inA, s.course)).map((a) => a.title)).toEqual(['Pour tous', 'Atelier B']);
  });
});
