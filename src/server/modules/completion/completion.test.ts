import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countedActivityIds, progressOf } from '../../../shared/completion.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { users } from '../accounts/schema.ts';
import { activities, courses } from '../courses/schema.ts';
import { domains } from '../domains/schema.ts';
import { bufferPresence, IDLE_LIMIT_SECONDS, recordPresence } from './presence.ts';
import { activityCompletions, courseCompletions, coursePresence } from './schema.ts';
import { reportActivityOutcome, ruleChanged } from './service.ts';

let t: TestApp;
let designer: ApiClient;
let participant: ApiClient;
let trainer: ApiClient;
let aix = '';
let participantId = '';
let designerId = '';

beforeAll(async () => {
  t = await startTestApp();
  aix = (await t.db.select().from(domains)).find((d) => d.slug === 'ac-aix-marseille')!.id;
  designer = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
  trainer = await t.as('formateur@magistere.test');
  const id = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0]!.id;
  participantId = await id('participant@magistere.test');
  designerId = await id('concepteur@magistere.test');
});
afterAll(() => t.close());

/** A course of Aix with a first section, made by the designer; returns its id and the section's. */
async function newCourse(title: string) {
  const course = (
    await designer.post('/api/courses', {
      domainId: aix,
      title,
      shortName: uniqueShortName(title.slice(0, 10)),
    })
  ).json().id as string;
  await t.enrol(course, 'participant@magistere.test');
  const sectionId = (await designer.get(`/api/courses/${course}`)).json().sections[0].id as string;
  const add = async (body: Record<string, unknown>) => {
    const response = await designer.post(`/api/courses/${course}/activities`, { sectionId, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  return { course, sectionId, add };
}
const page = (title: string, completion?: object) => ({
  kind: 'page',
  title,
  settings: { content: '<p>Texte</p>' },
  ...(completion ? { completion } : {}),
});
const put = (client: ApiClient, url: string, body: unknown) => client.request('PUT', url, body);
const completionOf = async (client: ApiClient, course: string) =>
  (await client.get(`/api/courses/${course}/completion`)).json();
const rowsOf = (activityId: string) =>
  t.db.select().from(activityCompletions).where(eq(activityCompletions.activityId, activityId));
const courseDone = async (course: string, userId = participantId) =>
  (
    await t.db
      .select()
      .from(courseCompletions)
      .where(and(eq(courseCompletions.courseId, course), eq(courseCompletions.userId, userId)))
  ).length === 1;

describe('progress arithmetic', () => {
  it('counts the tracked activities, all or the chosen ones, and rounds down', () => {
    const tracked = [
      { id: 'a', completion: { mode: 'view' as const } },
      { id: 'b', completion: { mode: 'manual' as const } },
      { id: 'c', completion: { mode: 'none' as const } },
    ];
    expect(countedActivityIds(tracked, { activities: 'all' })).toEqual(['a', 'b']);
    expect(countedActivityIds(tracked, { activities: ['b', 'c'] as never })).toEqual(['b']);
    expect(progressOf(['a', 'b', 'x'], new Set(['a']))).toEqual({
      tracked: 3,
      completed: 1,
      percent: 33,
      met: false,
    });
    expect(progressOf(['a'], new Set(['a']))).toMatchObject({ percent: 100, met: true });
    expect(progressOf([], new Set())).toMatchObject({ percent: null, met: false });
  });
});

describe('completion rules', () => {
  it('are set on create and update, within what the kind supports (422 in French otherwise, nothing written)', async () => {
    const { course, sectionId, add } = await newCourse('Règles');
    const viewed = await add(page('Lire', { mode: 'view' }));
    expect((await designer.get(`/api/activities/${viewed}`)).json().completion).toEqual({ mode: 'view' });
    const updated = await designer.patch(`/api/activities/${viewed}`, { completion: { mode: 'manual' } });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().completion).toEqual({ mode: 'manual' });
    // The cached course page shows the new rule.
    expect(
      (await designer.get(`/api/courses/${course}`)).json().sections[0].activities[0].completion,
    ).toEqual({
      mode: 'manual',
    });

    // A page cannot be graded; a label is never opened, so it cannot be tracked at all.
    const graded = problemOf(
      await designer.patch(`/api/activities/${viewed}`, { completion: { mode: 'grade', passGrade: 50 } }),
    );
    expect(graded.status).toBe(422);
    expect(graded.contentType).toMatch(/problem\+json/);
    expect(graded.body.errors).toEqual([
      {
        path: 'completion.mode',
        message: 'Ce type d’activité ne permet pas cette condition d’achèvement.',
      },
    ]);
    expect((await designer.get(`/api/activities/${viewed}`)).json().completion).toEqual({ mode: 'manual' });
    const before = (await t.db.select().from(activities).where(eq(activities.courseId, course))).length;
    const label = await designer.post(`/api/courses/${course}/activities`, {
      sectionId,
      kind: 'label',
      title: 'Objectif',
      settings: { style: 'objective', content: '' },
      completion: { mode: 'view' },
    });
    expect(label.statusCode).toBe(422);
    expect((await t.db.select().from(activities).where(eq(activities.courseId, course))).length).toBe(before);

    // Malformed rules are 400; a participant may not set rules at all.
    for (const completion of [{ mode: 'grade', passGrade: 150 }, { mode: 'grade' }, { mode: 'soon' }]) {
      expect((await designer.patch(`/api/activities/${viewed}`, { completion })).statusCode).toBe(400);
    }
    expect(
      (await participant.patch(`/api/activities/${viewed}`, { completion: { mode: 'none' } })).statusCode,
    ).toBe(403);
    expect((await designer.get(`/api/activities/${viewed}`)).json().completion).toEqual({ mode: 'manual' });

    // The chooser tells which rules each kind supports.
    const kinds = (await designer.get('/api/activity-kinds')).json() as {
      kind: string;
      completionModes: string[];
    }[];
    expect(kinds.find((k) => k.kind === 'label')!.completionModes).toEqual(['none']);
    expect(kinds.find((k) => k.kind === 'page')!.completionModes).toEqual(['none', 'view', 'manual']);
  });
});

describe('recording and course completion', () => {
  let course = '';
  let read = '';
  let mark = '';
  let untracked = '';
  beforeAll(async () => {
    const made = await newCourse('Achèvement');
    course = made.course;
    read = await made.add(page('Lire le texte', { mode: 'view' }));
    mark = await made.add(page('Faire l’exercice', { mode: 'manual' }));
    untracked = await made.add(page('Pour aller plus loin'));
  });

  it('starts at 0 % for a participant; others are not followed', async () => {
    expect(await completionOf(participant, course)).toEqual({
      participant: true,
      tracked: 2,
      completed: 0,
      percent: 0,
      courseCompletedAt: null,
      activities: [],
    });
    expect((await completionOf(designer, course)).participant).toBe(false);
    const stranger = await t.as('observateur@magistere.test');
    expect((await stranger.get(`/api/courses/${course}/completion`)).statusCode).toBe(403);
  });

  it('records `view` when a participant opens the activity, not for a designer nor for an untracked one', async () => {
    expect((await designer.post(`/api/activities/${read}/view`)).statusCode).toBe(204);
    expect(await rowsOf(read)).toEqual([]);
    expect((await participant.post(`/api/activities/${untracked}/view`)).statusCode).toBe(204);
    expect(await rowsOf(untracked)).toEqual([]);
    expect((await participant.post(`/api/activities/${read}/view`)).statusCode).toBe(204);
    const [row] = await rowsOf(read);
    expect(row).toMatchObject({ userId: participantId, state: 'complete', source: 'view', courseId: course });
    // Opening it again keeps the first date.
    await participant.post(`/api/activities/${read}/view`);
    expect((await rowsOf(read))[0]!.completedAt).toEqual(row!.completedAt);
    const mine = await completionOf(participant, course);
    expect(mine).toMatchObject({ tracked: 2, completed: 1, percent: 50, courseCompletedAt: null });
    expect(mine.activities).toEqual([
      { activityId: read, state: 'complete', completedAt: row!.completedAt.toISOString() },
    ]);
  });

  it('lets the participant mark and unmark a `manual` activity; the course completes and un-completes', async () => {
    const marked = await participant.post(`/api/activities/${mark}/completion`);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ completed: 2, percent: 100, participant: true });
    expect(marked.json().courseCompletedAt).not.toBeNull();
    expect(await courseDone(course)).toBe(true);

    const unmarked = await participant.delete(`/api/activities/${mark}/completion`);
    expect(unmarked.statusCode).toBe(200);
    expect(unmarked.json()).toMatchObject({ completed: 1, percent: 50, courseCompletedAt: null });
    expect(await courseDone(course)).toBe(false);
    expect(await rowsOf(mark)).toEqual([]);
  });

  it('refuses manual marking on another rule (409), to people not followed (403), on hidden activities (404)', async () => {
    const other = problemOf(await participant.post(`/api/activities/${read}/completion`));
    expect(other.status).toBe(409);
    expect(other.body.title).toBe('Cette activité ne se marque pas comme terminée à la main.');
    expect((await participant.post(`/api/activities/${untracked}/completion`)).statusCode).toBe(409);
    expect((await trainer.post(`/api/activities/${mark}/completion`)).statusCode).toBe(403);
    expect((await participant.post('/api/activities/not-an-id/completion')).statusCode).toBe(404);
    const hidden = await (await newCourse('Masqué')).add({
      ...page('Caché', { mode: 'manual' }),
      visibility: 'hidden',
    });
    expect((await participant.post(`/api/activities/${hidden}/completion`)).statusCode).toBe(404);
    expect(await rowsOf(hidden)).toEqual([]);
    expect(await rowsOf(untracked)).toEqual([]);
  });

  it('sets the course criteria to chosen tracked activities only', async () => {
    expect((await participant.get(`/api/courses/${course}/completion-criteria`)).json()).toEqual({
      activities: 'all',
    });
    for (const bad of [[untracked], [crypto.randomUUID()]]) {
      const refused = problemOf(
        await put(designer, `/api/courses/${course}/completion-criteria`, { activities: bad }),
      );
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        { path: 'activities.0', message: expect.stringContaining('achever le parcours') },
      ]);
    }
    expect(
      (await put(designer, `/api/courses/${course}/completion-criteria`, { activities: [] })).statusCode,
    ).toBe(400);
    expect(
      (await put(designer, `/api/courses/${course}/completion-criteria`, { activities: 'some' })).statusCode,
    ).toBe(400);
    expect(
      (await put(participant, `/api/courses/${course}/completion-criteria`, { activities: [read] }))
        .statusCode,
    ).toBe(403);
    expect((await designer.get(`/api/courses/${course}/completion-criteria`)).json()).toEqual({
      activities: 'all',
    });

    // Only the text counts: the participant, who read it, has completed the course.
    const set = await put(designer, `/api/courses/${course}/completion-criteria`, {
      activities: [read, read],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ activities: [read] });
    expect(await completionOf(participant, course)).toMatchObject({ tracked: 1, completed: 1, percent: 100 });
    expect(await courseDone(course)).toBe(true);
    // Back to all: one of two again, and the course completion goes.
    await put(designer, `/api/courses/${course}/completion-criteria`, { activities: 'all' });
    expect(await courseDone(course)).toBe(false);
  });

  it('lets a trainer override a participant’s state, audited; refuses what makes no sense', async () => {
    const url = (activity: string, user = participantId) => `/api/activities/${activity}/completions/${user}`;
    expect((await put(participant, url(mark), { state: 'complete' })).statusCode).toBe(403);
    expect((await put(trainer, url(mark), { state: 'done' })).statusCode).toBe(400);
    expect((await put(trainer, url(untracked), { state: 'complete' })).statusCode).toBe(409);
    expect((await put(trainer, url(mark), { state: 'failed' })).statusCode).toBe(422);
    const notFollowed = problemOf(await put(trainer, url(mark, designerId), { state: 'complete' }));
    expect(notFollowed.status).toBe(422);
    expect(notFollowed.body.errors).toEqual([
      { path: 'userId', message: 'Cette personne ne suit pas ce parcours en tant que participant.' },
    ]);
    expect((await put(trainer, url(mark, crypto.randomUUID()), { state: 'complete' })).statusCode).toBe(422);
    expect(await rowsOf(mark)).toEqual([]);

    const done = await put(trainer, url(mark), { state: 'complete' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ userId: participantId, activityId: mark, state: 'complete' });
    expect((await rowsOf(mark))[0]).toMatchObject({ source: 'override', state: 'complete' });
    expect(await courseDone(course)).toBe(true);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'completion.overridden'));
    expect(events.at(-1)).toMatchObject({
      objectId: mark,
      details: { userId: participantId, state: 'complete' },
    });

    expect((await put(trainer, url(read), { state: 'incomplete' })).json().state).toBeNull();
    expect(await courseDone(course)).toBe(false);
    expect(await completionOf(participant, course)).toMatchObject({ completed: 1, percent: 50 });
  });

  it('forgets states earned under a rule the designer changes, and re-evaluates the course', async () => {
    await participant.post(`/api/activities/${read}/view`);
    expect(await courseDone(course)).toBe(true);
    // `read` becomes manual: having opened it no longer counts.
    await designer.patch(`/api/activities/${read}`, { completion: { mode: 'manual' } });
    expect(await rowsOf(read)).toEqual([]);
    expect(await courseDone(course)).toBe(false);
    // Chosen criteria lose an activity no longer tracked; emptied, they go back to all.
    await put(designer, `/api/courses/${course}/completion-criteria`, { activities: [mark] });
    await designer.patch(`/api/activities/${mark}`, { completion: { mode: 'none' } });
    expect((await designer.get(`/api/courses/${course}/completion-criteria`)).json()).toEqual({
      activities: 'all',
    });
    expect(await completionOf(participant, course)).toMatchObject({ tracked: 1, completed: 0 });
    // A new tracked activity is one more to do.
    await participant.post(`/api/activities/${read}/completion`);
    expect(await courseDone(course)).toBe(true);
    const more = await designer.post(`/api/courses/${course}/activities`, {
      sectionId: (await designer.get(`/api/courses/${course}`)).json().sections[0].id,
      ...page('Synthèse', { mode: 'manual' }),
    });
    expect(await courseDone(course)).toBe(false);
    // Deleting it makes the course complete again.
    await designer.delete(`/api/activities/${more.json().id}`);
    expect(await courseDone(course)).toBe(true);
  });
});

describe('outcomes reported by kinds', () => {
  it('applies submit, grade and kind rules; ignores what does not match; an override stands', async () => {
    const { course, add } = await newCourse('Résultats');
    const [submitted, graded, own] = [
      await add(page('Dépôt')),
      await add(page('Quiz')),
      await add(page('Nuage')),
    ];
    // No kind of this test supports these rules yet: set them as a future kind's designer would.
    const rule = (id: string, completion: object) =>
      t.db
        .update(activities)
        .set({ completion: completion as never })
        .where(eq(activities.id, id));
    await rule(submitted, { mode: 'submit' });
    await rule(graded, { mode: 'grade', passGrade: 60 });
    await rule(own, { mode: 'kind' });
    const report = (outcome: Omit<Parameters<typeof reportActivityOutcome>[1], 'userId' | 'now'>) =>
      t.db.transaction((tx) =>
        reportActivityOutcome(tx, { userId: participantId, now: t.clock.now(), ...outcome }),
      );

    expect(await report({ activityId: submitted, grade: 90 })).toBeNull();
    expect(await report({ activityId: submitted, submitted: true })).toBe('complete');
    expect(await report({ activityId: graded, grade: 40 })).toBe('failed');
    expect((await rowsOf(graded))[0]).toMatchObject({ state: 'failed', grade: 40, source: 'grade' });
    expect(await report({ activityId: graded, grade: 75 })).toBe('complete');
    expect(await report({ activityId: own, complete: true })).toBe('complete');
    expect(await courseDone(course)).toBe(true);
    expect((await completionOf(participant, course)).activities).toHaveLength(3);

    // The designer raises the pass grade: 75 is no longer enough.
    await rule(graded, { mode: 'grade', passGrade: 80 });
    await t.db.transaction((tx) =>
      ruleChanged(
        tx,
        { id: graded, courseId: course },
        { mode: 'grade', passGrade: 60 },
        { mode: 'grade', passGrade: 80 },
        t.clock.now(),
      ),
    );
    expect((await rowsOf(graded))[0]).toMatchObject({ state: 'failed', grade: 75 });
    expect(await courseDone(course)).toBe(false);

    expect(await report({ activityId: submitted, submitted: false })).toBeNull();
    expect(await rowsOf(submitted)).toEqual([]);
    expect(await report({ activityId: graded, grade: null })).toBeNull();

    // A trainer's word stands against what the kind reports later.
    await put(trainer, `/api/activities/${own}/completions/${participantId}`, { state: 'incomplete' });
    await put(trainer, `/api/activities/${submitted}/completions/${participantId}`, { state: 'complete' });
    expect(await report({ activityId: submitted, submitted: false })).toBe('complete');
    await expect(report({ activityId: crypto.randomUUID(), complete: true })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('presence', () => {
  const presenceOf = async (course: string, userId = participantId) =>
    (
      await t.db
        .select()
        .from(coursePresence)
        .where(and(eq(coursePresence.courseId, course), eq(coursePresence.userId, userId)))
    )[0];

  it('adds the gaps between hits shorter than the idle limit, in one statement per hit', async () => {
    const { course } = await newCourse('Présence');
    const t0 = new Date('2026-11-23T09:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const hit = (minutes: number) => recordPresence(t.db, participantId, course, at(minutes));
    await hit(0);
    expect(await presenceOf(course)).toMatchObject({ hits: 1, seconds: 0, firstAt: t0, lastAt: t0 });
    await hit(10);
    expect(await presenceOf(course)).toMatchObject({ hits: 2, seconds: 600 });
    await hit(10 + IDLE_LIMIT_SECONDS / 60 + 10); // back after a long pause: a new visit, nothing added
    expect(await presenceOf(course)).toMatchObject({ hits: 3, seconds: 600, lastAt: at(50) });
    await hit(55);
    expect(await presenceOf(course)).toMatchObject({ hits: 4, seconds: 900 });
    await hit(20); // a late hit from another node: counted, adds no time, moves nothing back
    expect(await presenceOf(course)).toMatchObject({ hits: 5, seconds: 900, firstAt: t0, lastAt: at(55) });
    await hit(-60);
    expect(await presenceOf(course)).toMatchObject({ hits: 6, seconds: 900, firstAt: at(-60) });
    // Exactly the idle limit is a pause too.
    await hit(55 + IDLE_LIMIT_SECONDS / 60);
    expect((await presenceOf(course))!.seconds).toBe(900);
  });

  it('held by the node, gives the same presence once written, in one statement', async () => {
    const { course } = await newCourse('Présence en mémoire');
    const t0 = new Date('2026-11-23T09:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const held = bufferPresence(t.db, 60_000);
    try {
      await recordPresence(t.db, participantId, course, at(0));
      await held.flush();
      for (const minutes of [10, 10 + IDLE_LIMIT_SECONDS / 60 + 10, 55, 20])
        await recordPresence(t.db, participantId, course, at(minutes));
      expect(await presenceOf(course)).toMatchObject({ hits: 1, seconds: 0 });
      await held.flush();
      // As the hits one by one above: 600 s, then a pause, then 300 s; the late hit adds nothing.
      expect(await presenceOf(course)).toMatchObject({ hits: 5, seconds: 900, firstAt: t0, lastAt: at(55) });
      await recordPresence(t.db, participantId, course, at(56));
    } finally {
      await held.stop();
    }
    // A stop writes what was held.
    expect(await presenceOf(course)).toMatchObject({ hits: 6, seconds: 960 });
  });

  it('is recorded by the visit call and by opening an activity, never by the cached course page', async () => {
    const { course, add } = await newCourse('Visites');
    const activity = await add(page('Lire'));
    for (let i = 0; i < 3; i++)
      expect((await participant.get(`/api/courses/${course}`)).statusCode).toBe(200);
    expect(await presenceOf(course)).toBeUndefined();
    expect((await participant.post(`/api/courses/${course}/visit`)).statusCode).toBe(204);
    expect((await presenceOf(course))!.hits).toBe(1);
    await participant.post(`/api/activities/${activity}/view`);
    expect((await presenceOf(course))!.hits).toBe(2);
    const stranger = await t.as('observateur@magistere.test');
    expect((await stranger.post(`/api/courses/${course}/visit`)).statusCode).toBe(403);
    expect((await participant.post(`/api/courses/${crypto.randomUUID()}/visit`)).statusCode).toBe(404);
  });
});

describe('Mon espace and the life of a course', () => {
  it('lists the progress of each course the person came to or takes as participant', async () => {
    const { course, add } = await newCourse('Mon espace');
    const a = await add(page('Un', { mode: 'manual' }));
    await add(page('Deux', { mode: 'manual' }));
    await add(page('Trois', { mode: 'view' }));
    const mine = async () =>
      ((await participant.get('/api/me/progress')).json() as { courseId: string }[]).find(
        (p) => p.courseId === course,
      );
    // Enrolled, she sees it before coming.
    expect(await mine()).toMatchObject({ tracked: 3, completed: 0, percent: 0 });
    await participant.post(`/api/courses/${course}/visit`);
    expect(await mine()).toEqual({
      courseId: course,
      tracked: 3,
      completed: 0,
      percent: 0,
      courseCompletedAt: null,
    });
    await participant.post(`/api/activities/${a}/completion`);
    expect(await mine()).toMatchObject({ tracked: 3, completed: 1, percent: 33 });
    expect((await t.anonymous().get('/api/me/progress')).statusCode).toBe(401);
    // The designer came too, but the course does not follow them.
    await designer.post(`/api/courses/${course}/visit`);
    expect(
      ((await designer.get('/api/me/progress')).json() as { courseId: string }[]).map((p) => p.courseId),
    ).not.toContain(course);

    // A person given the participant role in the course sees it before coming; leaving keeps the history.
    const tutor = (await t.db.select().from(users).where(eq(users.email, 'tuteur@magistere.test')))[0]!.id;
    const referent = await t.as('referent@magistere.test');
    const assignment = await referent.post('/api/role-assignments', {
      userId: tutor,
      role: 'participant',
      contextLevel: 'course',
      instanceId: course,
    });
    expect(assignment.statusCode, assignment.body).toBe(201);
    const newcomer = await t.as('tuteur@magistere.test');
    expect((await newcomer.get('/api/me/progress')).json()).toContainEqual(
      expect.objectContaining({ courseId: course, percent: 0 }),
    );
    expect((await newcomer.post(`/api/activities/${a}/completion`)).statusCode).toBe(200);
    expect((await referent.delete(`/api/role-assignments/${assignment.json().id}`)).statusCode).toBe(204);
    const kept = await t.db.select().from(activityCompletions).where(eq(activityCompletions.userId, tutor));
    expect(kept).toHaveLength(1);
  });

  it('copies rules and chosen criteria on duplication, with the new ids', async () => {
    const { course, add } = await newCourse('Original');
    await add(page('Un', { mode: 'view' }));
    const two = await add(page('Deux', { mode: 'manual' }));
    await put(designer, `/api/courses/${course}/completion-criteria`, { activities: [two] });
    const copy = (await designer.post(`/api/courses/${course}/duplicate`, { domainId: aix })).json().id;
    const copied = (await designer.get(`/api/courses/${copy}`)).json().sections[0].activities;
    expect(copied.map((a: { completion: unknown }) => a.completion)).toEqual([
      { mode: 'view' },
      { mode: 'manual' },
    ]);
    expect((await designer.get(`/api/courses/${copy}/completion-criteria`)).json()).toEqual({
      activities: [copied[1].id],
    });
    const [row] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(courses)
      .where(eq(courses.originId, course));
    expect(row!.n).toBe(1);
  });
});
