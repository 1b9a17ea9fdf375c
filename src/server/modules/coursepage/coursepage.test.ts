/**
 * The course page as its reader is shown it (`readCoursePage`): read at the request's time, from the
 * application's clock, so what opens later appears when the clock reaches it — cached page or not.
 */

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { coursePresence } from '../completion/schema.ts';
import { domains } from '../domains/schema.ts';

let t: TestApp;
let designer: ApiClient;
let participant: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  designer = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
});
afterAll(() => t.close());

describe('course page', () => {
  it('shows an activity to a participant once the clock reaches its opening, the cached page ending then', async () => {
    const aix = (await t.db.select().from(domains)).find((d) => d.slug === 'ac-aix-marseille')!.id;
    const course = (
      await designer.post('/api/courses', {
        domainId: aix,
        title: 'À l’heure',
        shortName: uniqueShortName('HEURE'),
      })
    ).json().id as string;
    await t.enrol(course, 'participant@magistere.test');
    const section = (await designer.get(`/api/courses/${course}`)).json().sections[0].id;
    const opensAt = new Date(t.clock.now().getTime() + 60 * 60_000);
    const added = await designer.post(`/api/courses/${course}/activities`, {
      sectionId: section,
      kind: 'page',
      title: 'Dans une heure',
      settings: { content: '' },
      availableFrom: opensAt.toISOString(),
    });
    expect(added.statusCode, added.body).toBe(201);
    const titles = async () =>
      (await participant.get(`/api/courses/${course}`))
        .json()
        .sections[0].activities.map((a: { title: string }) => a.title);

    expect(await titles()).toEqual([]);
    t.clock.advance(59 * 60_000);
    expect(await titles()).toEqual([]);
    t.clock.advance(2 * 60_000);
    expect(await titles()).toEqual(['Dans une heure']);
  });
});

describe("the reader's side of a course", () => {
  it('answers capabilities, completion, progress and self-enrolment at once, and records the participant there', async () => {
    const aix = (await t.db.select().from(domains)).find((d) => d.slug === 'ac-aix-marseille')!.id;
    const course = (
      await designer.post('/api/courses', {
        domainId: aix,
        title: 'Le mien',
        shortName: uniqueShortName('MIEN'),
      })
    ).json().id as string;
    await t.enrol(course, 'participant@magistere.test');
    const presence = () =>
      t.db
        .select()
        .from(coursePresence)
        .where(and(eq(coursePresence.courseId, course)));

    const mine = await participant.get(`/api/courses/${course}/mine`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.headers['cache-control']).toBe('private, no-store');
    const body = mine.json();
    expect(body.capabilities).toContain('course:view');
    expect(body.capabilities).not.toContain('course:update');
    expect(body.completion.participant).toBe(true);
    expect(body.progress).toBeDefined();
    expect(body.selfEnrolment).toBeDefined();
    expect(await presence()).toHaveLength(1);

    // The designer reads the same course as its staff: no presence of theirs is recorded.
    const staff = (await designer.get(`/api/courses/${course}/mine`)).json();
    expect(staff.capabilities).toContain('course:update');
    expect(staff.completion.participant).toBe(false);
    expect(await presence()).toHaveLength(1);

    // Someone without a role in it is refused, and nothing is recorded.
    const observer = await t.as('observateur@magistere.test');
    const refused = await observer.get(`/api/courses/${course}/mine`);
    expect([403, 404]).toContain(refused.statusCode);
    expect(await presence()).toHaveLength(1);
  });
});

describe('the first HTML answer of a page read often', () => {
  const boot = (html: string) =>
    JSON.parse(/<script id="mg-boot" type="application\/json">(.*?)<\/script>/.exec(html)![1]!);

  it("carries the reader's side of the course on its address, to whoever may open it only", async () => {
    const aix = (await t.db.select().from(domains)).find((d) => d.slug === 'ac-aix-marseille')!.id;
    const course = (
      await designer.post('/api/courses', {
        domainId: aix,
        title: 'Servi avec la page',
        shortName: uniqueShortName('SERVI'),
      })
    ).json().id as string;
    await t.enrol(course, 'participant@magistere.test');

    const shell = await participant.get(`/parcours/${course}`);
    expect(shell.statusCode).toBe(200);
    const served = boot(shell.body);
    expect(served.me.user.email).toBe('participant@magistere.test');
    expect(served.course.id).toBe(course);
    expect(served.course.mine).toEqual((await participant.get(`/api/courses/${course}/mine`)).json());
    expect(served.course.mine.practical).toBeNull();
    // Only on the course page itself: one of its activities asks for what it needs.
    expect(boot((await participant.get(`/parcours/${course}/activite/x`)).body).course).toBeUndefined();

    // Someone who may not open it gets the shell, and nothing of the course.
    const observer = await t.as('observateur@magistere.test');
    const refused = boot((await observer.get(`/parcours/${course}`)).body);
    expect(refused.me.user.email).toBe('observateur@magistere.test');
    expect(refused.course).toBeUndefined();
    expect(boot((await t.anonymous().get(`/parcours/${course}`)).body)).toEqual({ me: null });
  });

  it('carries "Mon espace" on its address, and the header\'s counters on every page', async () => {
    const served = boot((await participant.get('/')).body);
    expect(served.space).toEqual((await participant.get('/api/me/space')).json());
    expect(served.header).toEqual({
      notifications: (await participant.get('/api/me/notifications/summary')).json(),
      messages: (await participant.get('/api/messaging/unread')).json(),
    });
    expect(boot((await participant.get('/profil')).body).header).toBeDefined();
    expect(boot((await t.anonymous().get('/')).body).header).toBeUndefined();
    expect(boot((await participant.get('/profil')).body).space).toBeUndefined();
  });
});
