/**
 * A course's stage and its restricted activities are read once per node and kept until an event says they
 * changed: the guard and the page then cost no query, and still decide on the course as it is now.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emit } from '../../platform/events/index.ts';
import { type ApiClient, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { domains } from '../domains/schema.ts';
import { courseFacts } from './facts.ts';
import { courses } from './schema.ts';
import { setCourseStage } from './service.ts';

let t: TestApp;
let designer: ApiClient;
let admin: ApiClient;
let observer: ApiClient;
let aix = '';
let bordeaux = '';
beforeAll(async () => {
  t = await startTestApp();
  const domainId = async (slug: string) =>
    (await t.db.select().from(domains).where(eq(domains.slug, slug)))[0]!.id;
  aix = await domainId('ac-aix-marseille');
  bordeaux = await domainId('ac-bordeaux');
  admin = await t.as('admin@magistere.test');
  designer = await t.as('concepteur@magistere.test');
  observer = await t.as('observateur@magistere.test');
});
afterAll(() => t.close());

async function newCourse(by = designer, domainId = aix) {
  const response = await by.post('/api/courses', {
    domainId,
    title: 'Faits',
    shortName: uniqueShortName('FAITS'),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

const stageTo = (id: string, stage: 'session_running' | 'construction' | 'trash') =>
  t.db.transaction((tx) => setCourseStage(tx, id, stage, t.clock.now()));

describe('course facts', () => {
  it('are kept until an event: a write that says nothing is not seen, one that says so is', async () => {
    const id = await newCourse();
    expect(await courseFacts(t.db, id)).toEqual({ stage: 'construction', restricted: false });
    await t.db.update(courses).set({ stage: 'session_running' }).where(eq(courses.id, id));
    expect((await courseFacts(t.db, id))?.stage).toBe('construction');
    await emit(t.db, { type: 'course.stage_changed', courseId: id, stage: 'session_running' });
    expect((await courseFacts(t.db, id))?.stage).toBe('session_running');
  });

  it('are read afresh inside a transaction, and what a rolled-back one saw is not kept', async () => {
    const id = await newCourse();
    await courseFacts(t.db, id);
    await t.db
      .transaction(async (tx) => {
        await tx.update(courses).set({ stage: 'trash' }).where(eq(courses.id, id));
        expect((await courseFacts(tx, id))?.stage).toBe('trash');
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect((await courseFacts(t.db, id))?.stage).toBe('construction');
  });

  it('let the guard decide on the stage as it is now, as soon as it changes', async () => {
    const id = await newCourse(admin, bordeaux);
    // A domain's observer sees its sessions, not its parcours in construction.
    expect((await observer.get(`/api/courses/${id}`)).statusCode).toBe(403);
    await stageTo(id, 'session_running');
    expect((await observer.get(`/api/courses/${id}`)).statusCode).toBe(200);
    await stageTo(id, 'trash');
    expect((await observer.get(`/api/courses/${id}`)).statusCode).toBe(403);
  });

  it('know when an activity is restricted to groups, and when it no longer is', async () => {
    const id = await newCourse();
    const sectionId = (await designer.get(`/api/courses/${id}`)).json().sections[0].id;
    const activity = await designer.post(`/api/courses/${id}/activities`, {
      sectionId,
      kind: 'page',
      title: 'Pour le groupe',
      settings: { content: '' },
    });
    expect(activity.statusCode, activity.body).toBe(201);
    expect((await courseFacts(t.db, id))?.restricted).toBe(false);
    const group = await designer.post(`/api/courses/${id}/groups`, { name: 'Groupe A' });
    expect(group.statusCode, group.body).toBe(201);
    const audience = { groupIds: [group.json().id], groupingIds: [] };
    const set = await designer.put(`/api/activities/${activity.json().id}/audience`, { audience });
    expect(set.statusCode, set.body).toBe(200);
    expect((await courseFacts(t.db, id))?.restricted).toBe(true);
    const removed = await designer.delete(`/api/activities/${activity.json().id}`);
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    expect((await courseFacts(t.db, id))?.restricted).toBe(false);
  });
});
