import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { domains } from '../domains/schema.ts';
import { newPeople, setStage } from '../enrolment/testing.ts';

let t: TestApp;
let designer: ApiClient;
let participant: ApiClient;
let course = '';
const ids: string[] = [];
beforeAll(async () => {
  t = await startTestApp();
  const aix = (await t.db.select().from(domains)).find((d) => d.slug === 'ac-aix-marseille')!.id;
  designer = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
  course = (
    await designer.post('/api/courses', { domainId: aix, title: 'Suivi', shortName: uniqueShortName('S') })
  ).json().id;
  await t.enrol(course, 'participant@magistere.test');
  const sectionId = (await designer.get(`/api/courses/${course}`)).json().sections[0].id;
  for (const title of ['Un', 'Deux', 'Caché']) {
    ids.push(
      (
        await designer.post(`/api/courses/${course}/activities`, {
          sectionId,
          kind: 'page',
          title,
          settings: { content: '' },
        })
      ).json().id,
    );
  }
  await designer.patch(`/api/activities/${ids[2]}`, { visibility: 'hidden' });
});
afterAll(() => t.close());

describe('progress', () => {
  it('remembers what a person opened and the last one, for them alone', async () => {
    expect((await participant.get(`/api/courses/${course}/progress`)).json()).toEqual({
      lastActivityId: null,
      viewed: [],
      resumeActivityId: ids[0],
    });
    expect((await participant.post(`/api/activities/${ids[1]}/view`)).statusCode).toBe(204);
    // A moment later by the application's clock: the last one opened is the second.
    t.clock.advance(1_000);
    await participant.post(`/api/activities/${ids[0]}/view`);
    const mine = (await participant.get(`/api/courses/${course}/progress`)).json();
    // Both opened (no completion rule: opened is done), the third hidden from her: nothing left.
    expect(mine).toEqual({ lastActivityId: ids[0], viewed: [ids[0], ids[1]], resumeActivityId: null });
    expect((await designer.get(`/api/courses/${course}/progress`)).json().viewed).toEqual([]);
  });

  it('refuses to record a hidden activity for a participant, or anything for someone without access', async () => {
    expect((await participant.post(`/api/activities/${ids[2]}/view`)).statusCode).toBe(404);
    const stranger = await t.as('observateur@magistere.test');
    expect((await stranger.post(`/api/activities/${ids[0]}/view`)).statusCode).toBe(403);
    expect((await stranger.get(`/api/courses/${course}/progress`)).statusCode).toBe(403);
  });
});

describe('continue where I stopped', () => {
  let resume = '';
  const act: Record<string, string> = {};
  let learner: ApiClient;

  beforeAll(async () => {
    const aix = (await t.db.select().from(domains)).find((d) => d.slug === 'ac-aix-marseille')!.id;
    resume = (
      await designer.post('/api/courses', {
        domainId: aix,
        title: 'Reprendre',
        shortName: uniqueShortName('R'),
      })
    ).json().id;
    const first = (await designer.get(`/api/courses/${resume}`)).json().sections[0].id;
    const second = (await designer.post(`/api/courses/${resume}/sections`, { title: 'Séance 2' })).json().id;
    const add = async (sectionId: string, key: string, body: Record<string, unknown>) => {
      const response = await designer.post(`/api/courses/${resume}/activities`, { sectionId, ...body });
      expect(response.statusCode, response.body).toBe(201);
      act[key] = response.json().id;
    };
    const page = (title: string, mode: 'none' | 'view' | 'manual') => ({
      kind: 'page',
      title,
      settings: { content: '<p>x</p>' },
      completion: { mode },
    });
    // Reading order: a label, a page done when opened, a page marked done by hand, a label, a plain page.
    await add(first, 'objective', {
      kind: 'label',
      title: 'Objectif',
      settings: { style: 'objective', content: '<p>o</p>' },
    });
    await add(first, 'read', page('Lire', 'view'));
    await add(first, 'mark', page('Faire', 'manual'));
    await add(second, 'remember', {
      kind: 'label',
      title: 'À retenir',
      settings: { style: 'remember', content: '<p>r</p>' },
    });
    await add(second, 'more', page('Pour aller plus loin', 'none'));
    // A running session: what its enrolled participants open, whatever the rule for parcours.
    await setStage(t, resume, 'session_running', { selfEnrolment: false });
    const [person] = await newPeople(t, 'reprise', 1);
    const enrolled = await designer.post(`/api/courses/${resume}/enrolments`, {
      role: 'participant',
      userIds: [person!.id],
    });
    expect(enrolled.statusCode, enrolled.body).toBeLessThan(300);
    learner = await t.as(person!.email);
  });

  const resumeOf = async (client: ApiClient) =>
    (await client.get(`/api/courses/${resume}/progress`)).json().resumeActivityId as string | null;

  it('starts at the first activity, never at a label', async () => {
    expect(await resumeOf(learner)).toBe(act.read);
  });

  it('moves past what is done, stays on what is opened but not done, and skips labels', async () => {
    await learner.post(`/api/activities/${act.read}/view`);
    expect(await resumeOf(learner)).toBe(act.mark);
    // Opened, not marked done: still where to go back to, even though it is the last one opened.
    await learner.post(`/api/activities/${act.mark}/view`);
    expect((await learner.get(`/api/courses/${resume}/progress`)).json()).toMatchObject({
      lastActivityId: act.mark,
      resumeActivityId: act.mark,
    });
    expect((await learner.post(`/api/activities/${act.mark}/completion`)).statusCode).toBe(200);
    // The next step is the page after the label "À retenir".
    expect(await resumeOf(learner)).toBe(act.more);
    await learner.post(`/api/activities/${act.more}/view`);
    expect(await resumeOf(learner)).toBeNull();
  });

  it('reads the activities a participant cannot see out of the way', async () => {
    const fresh = (await newPeople(t, 'reprise-cachee', 1))[0]!;
    await designer.post(`/api/courses/${resume}/enrolments`, { role: 'participant', userIds: [fresh.id] });
    await designer.patch(`/api/activities/${act.read}`, { visibility: 'hidden' });
    expect(await resumeOf(await t.as(fresh.email))).toBe(act.mark);
    await designer.patch(`/api/activities/${act.read}`, { visibility: 'visible' });
  });
});
