import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../testing/harness.ts';
import { domains } from '../domains/schema.ts';

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
  course = (await designer.post('/api/courses', { domainId: aix, title: 'Suivi', shortName: 'S' })).json().id;
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
    });
    expect((await participant.post(`/api/activities/${ids[1]}/view`)).statusCode).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await participant.post(`/api/activities/${ids[0]}/view`);
    const mine = (await participant.get(`/api/courses/${course}/progress`)).json();
    expect(mine).toEqual({ lastActivityId: ids[0], viewed: [ids[0], ids[1]] });
    expect((await designer.get(`/api/courses/${course}/progress`)).json().viewed).toEqual([]);
  });

  it('refuses to record a hidden activity for a participant, or anything for someone without access', async () => {
    expect((await participant.post(`/api/activities/${ids[2]}/view`)).statusCode).toBe(404);
    const stranger = await t.as('observateur@magistere.test');
    expect((await stranger.post(`/api/activities/${ids[0]}/view`)).statusCode).toBe(403);
    expect((await stranger.get(`/api/courses/${course}/progress`)).statusCode).toBe(403);
  });
});
