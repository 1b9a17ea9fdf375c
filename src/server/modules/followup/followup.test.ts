import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowupGrid } from '../../../shared/followup.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import {
  completionSummaryIn,
  completionsIn,
  courseCompletionsIn,
  presenceIn,
} from '../completion/queries.ts';
import { COURSE_DATA_TTL_MS, loadCourseData, recentCourseData } from './grid.ts';
import { AT, seedScenario } from './scenario.ts';
import { type FollowupFixture, seedFollowup } from './testing.ts';

let t: TestApp;
let trainer: ApiClient;
let f: FollowupFixture;

beforeAll(async () => {
  t = await startTestApp();
  f = await seedScenario(t.db);
  trainer = await t.as('formateur@magistere.test');
});
afterAll(() => t.close());

const url = (query = '') => `/api/courses/${f.courseId}/followup${query ? `?${query}` : ''}`;
async function grid(query = ''): Promise<FollowupGrid> {
  const response = await trainer.get(url(query));
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
/** First names of the rows, in the order served. */
async function names(query = '') {
  return (await grid(query)).rows.map((row) => row.firstName);
}

describe('the follow-up grid', () => {
  it('lists the active participants × the tracked activities, states aligned with the activities', async () => {
    const g = await grid();
    expect(g.activities.map((a) => a.title)).toEqual([
      'Lire le cadrage',
      'Regarder la vidéo',
      'Quiz de positionnement',
      'Déposer sa séquence',
    ]);
    // Sorted by last name; the tutor and the unenrolled person are not participants.
    expect(g.rows.map((r) => `${r.lastName} ${r.firstName}`)).toEqual([
      'Benali Farid',
      'Dubois Chloé',
      'Garcia Émilie',
      'Martin Alice',
      'Petit Bruno',
      'Roux Damien',
    ]);
    expect(g).toMatchObject({ enrolled: 6, total: 6, page: 1, pageSize: 100 });
    const chloe = g.rows.find((r) => r.firstName === 'Chloé')!;
    expect(chloe.states).toBe('ccf-');
    expect(chloe.dates).toEqual([AT.getTime(), AT.getTime(), AT.getTime(), null]);
    expect(chloe).toMatchObject({ completed: 2, progress: 50, seconds: 5400, courseCompletedAt: null });
    expect(chloe.groupIds).toEqual([f.groupIds['Groupe B']]);
    const alice = g.rows.find((r) => r.firstName === 'Alice')!;
    expect(alice).toMatchObject({
      states: 'cccc',
      progress: 100,
      courseCompletedAt: '2026-11-14T09:30:00.000Z',
      firstAccessAt: '2026-11-02T08:00:00.000Z',
      lastAccessAt: '2026-11-14T09:00:00.000Z',
      academie: 'Aix-Marseille',
      departement: 'Bouches-du-Rhône (13)',
      discipline: 'Mathématiques',
      roles: ['participant'],
    });
    const damien = g.rows.find((r) => r.firstName === 'Damien')!;
    expect(damien).toMatchObject({ states: '----', progress: 0, lastAccessAt: null, seconds: 0 });
    expect(damien.dates).toEqual([null, null, null, null]);
    const emilie = g.rows.find((r) => r.firstName === 'Émilie')!;
    expect([...emilie.groupIds].sort()).toEqual([f.groupIds['Groupe A'], f.groupIds['Groupe B']].sort());
  });

  it('totals each activity over the people matching, with their mean progress', async () => {
    const g = await grid();
    expect(g.totals).toEqual({ complete: [4, 4, 2, 1], failed: [0, 0, 1, 0], concerned: [6, 6, 6, 6] });
    expect(g.averageProgress).toBe(Math.floor((100 + 25 + 50 + 0 + 75 + 25) / 6));
    const b = await grid(`groupIds=${f.groupIds['Groupe B']}`);
    expect(b.totals).toEqual({ complete: [3, 2, 1, 0], failed: [0, 0, 1, 0], concerned: [4, 4, 4, 4] });
    expect(b.enrolled).toBe(6);
    expect(b.total).toBe(4);
  });

  it('names the groups and the values present, for the filter’s lists', async () => {
    const g = await grid();
    expect(g.groups.map((group) => group.name)).toEqual(['Groupe A', 'Groupe B']);
    expect(g.facets.academies).toEqual(['Aix-Marseille', 'Bordeaux']);
    expect(g.facets.departements).toEqual([
      'Bouches-du-Rhône (13)',
      'Gironde (33)',
      'Var (83)',
      'Vaucluse (84)',
    ]);
    expect(g.facets.disciplines).toEqual(['Anglais', 'EPS', 'Lettres modernes', 'Mathématiques']);
  });

  it('sorts by any column, people without a value last, and pages', async () => {
    expect(await names('sort=progress&order=desc')).toEqual([
      'Alice',
      'Émilie',
      'Chloé',
      'Farid',
      'Bruno',
      'Damien',
    ]);
    expect(await names('sort=lastAccess')).toEqual(['Chloé', 'Farid', 'Alice', 'Bruno', 'Émilie', 'Damien']);
    expect(await names('sort=lastAccess&order=desc')).toEqual([
      'Émilie',
      'Bruno',
      'Alice',
      'Farid',
      'Chloé',
      'Damien',
    ]);
    expect(await names('sort=timeSpent&order=desc')).toEqual([
      'Alice',
      'Émilie',
      'Chloé',
      'Bruno',
      'Farid',
      'Damien',
    ]);
    expect(await names('sort=name&order=desc')).toEqual([
      'Damien',
      'Bruno',
      'Alice',
      'Émilie',
      'Chloé',
      'Farid',
    ]);
    const second = await grid('pageSize=2&page=2');
    expect(second.rows.map((r) => r.firstName)).toEqual(['Émilie', 'Alice']);
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect((await grid('pageSize=2&page=4')).rows).toEqual([]);
  });
});

describe('the course as the grid reads it', () => {
  it('is read once for a few seconds, then afresh', async () => {
    const fresh = await seedScenario(t.db);
    const start = Date.now();
    const first = await recentCourseData(t.db, fresh.courseId, ['participant'], start);
    expect(first.people).toHaveLength(6);
    await seedFollowup(t.db, {
      courseId: fresh.courseId,
      tracked: [],
      people: [{ key: 'new', firstName: 'Nouvelle', lastName: 'Venue' }],
    });
    expect((await recentCourseData(t.db, fresh.courseId, ['participant'], start + 1000)).people).toHaveLength(
      6,
    );
    const later = await recentCourseData(
      t.db,
      fresh.courseId,
      ['participant'],
      start + COURSE_DATA_TTL_MS + 1,
    );
    expect(later.people).toHaveLength(7);
  });
  it('folds in PostgreSQL the same states, dates, course completions and presence as the rows they come from', async () => {
    const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9, 30));
    const fresh = await seedFollowup(t.db, {
      tracked: ['Un', 'Deux', 'Trois'],
      untracked: ['Hors suivi'],
      people: [
        { key: 'a', firstName: 'Anne', lastName: 'Aubert', done: [2, 0], failed: [1], doneAt: at(3) },
        { key: 'b', firstName: 'Benoît', lastName: 'Blanc', done: [1], lastAccess: at(5), seconds: 120 },
        { key: 'c', firstName: 'Claire', lastName: 'Colin', lastAccess: at(6), courseCompletedAt: at(7) },
        { key: 'd', firstName: 'David', lastName: 'Durand' },
      ],
    });
    // A state reached at a microsecond, and one on an activity the course does not track.
    await t.db.execute(sql`
      update activity_completions set completed_at = '2026-11-04T10:00:00.123456Z'
       where user_id = ${fresh.userIds.b!} and activity_id = ${fresh.activityIds[1]!}`);
    await t.db.execute(sql`
      insert into activity_completions (user_id, activity_id, course_id, state, source, completed_at)
      values (${fresh.userIds.d!}, ${fresh.untrackedIds[0]!}, ${fresh.courseId}, 'complete', 'view', now())`);

    const summaries = await completionSummaryIn(t.db, fresh.courseId, fresh.activityIds);
    const [rows, done, presence] = await Promise.all([
      completionsIn(t.db, fresh.courseId),
      courseCompletionsIn(t.db, fresh.courseId),
      presenceIn(t.db, fresh.courseId),
    ]);
    // The same facts, rebuilt from one row per cell.
    const expected = new Map<string, { cells: string[]; completed: number }>();
    for (const row of rows) {
      const k = fresh.activityIds.indexOf(row.activityId);
      if (k < 0) continue;
      const entry = expected.get(row.userId) ?? { cells: [], completed: 0 };
      entry.cells.push(`${k}${row.state === 'complete' ? 'c' : 'f'}${row.completedAt.getTime()}`);
      if (row.state === 'complete') entry.completed += 1;
      expected.set(row.userId, entry);
    }
    const byUser = new Map(summaries.map((s) => [s.userId, s]));
    expect([...byUser.keys()].sort()).toEqual([fresh.userIds.a!, fresh.userIds.b!, fresh.userIds.c!].sort());
    for (const [userId, entry] of expected) {
      const s = byUser.get(userId)!;
      expect(s.positions.map((k, j) => `${k}${s.codes[j]}${s.dates[j]}`).sort()).toEqual(entry.cells.sort());
      expect(s.completed).toBe(entry.completed);
    }
    for (const row of done) expect(byUser.get(row.userId)!.courseCompletedAt).toEqual(row.completedAt);
    for (const row of presence)
      expect(byUser.get(row.userId)).toMatchObject({
        firstAccessAt: row.firstAt,
        lastAccessAt: row.lastAt,
        seconds: row.seconds,
      });

    const data = await loadCourseData(t.db, fresh.courseId);
    const person = (first: string) => data.people.find((p) => p.firstName === first)!;
    expect([...person('Anne').states]).toEqual([1, 2, 1]);
    expect(person('Anne')).toMatchObject({ completed: 2, progress: 66, started: true });
    expect(person('Benoît').dates[1]).toBe(Date.parse('2026-11-04T10:00:00.123Z'));
    expect(person('Claire')).toMatchObject({ started: false, completed: 0, courseCompletedAt: at(7) });
    expect(person('David')).toMatchObject({ started: false, completed: 0, lastAccessAt: null, seconds: 0 });
  });
});

describe('the participant filter', () => {
  const sorted = async (query: string) => (await names(query)).sort();

  it('by group (any of several)', async () => {
    expect(await sorted(`groupIds=${f.groupIds['Groupe B']}`)).toEqual([
      'Bruno',
      'Chloé',
      'Damien',
      'Émilie',
    ]);
    expect(await sorted(`groupIds=${f.groupIds['Groupe A']}`)).toEqual(['Alice', 'Émilie']);
    expect(
      await sorted(`groupIds=${f.groupIds['Groupe A']}&groupIds=${f.groupIds['Groupe B']}`),
    ).toHaveLength(5);
  });

  it('by role', async () => {
    expect(await names('roles=tutor')).toEqual(['Gaëlle']);
    const both = await grid('roles=participant&roles=tutor');
    expect(both.total).toBe(7);
    expect(both.rows.find((r) => r.firstName === 'Gaëlle')!.roles).toEqual(['tutor']);
  });

  it('by completion of an activity: done, not done (a failed attempt is not done)', async () => {
    const quiz = f.activityIds[2];
    expect(await sorted(`done=${quiz}`)).toEqual(['Alice', 'Émilie']);
    expect(await sorted(`notDone=${quiz}`)).toEqual(['Bruno', 'Chloé', 'Damien', 'Farid']);
    expect(await sorted(`done=${f.activityIds[0]}&done=${f.activityIds[1]}`)).toEqual([
      'Alice',
      'Chloé',
      'Émilie',
    ]);
    expect(await sorted(`done=${f.activityIds[1]}&notDone=${f.activityIds[0]}`)).toEqual(['Farid']);
  });

  it('by progress range: at least, strictly below, both', async () => {
    expect(await sorted('progressMin=50')).toEqual(['Alice', 'Chloé', 'Émilie']);
    expect(await sorted('progressBelow=50')).toEqual(['Bruno', 'Damien', 'Farid']);
    expect(await sorted('progressMin=25&progressBelow=75')).toEqual(['Bruno', 'Chloé', 'Farid']);
    expect(await sorted('progressMin=100')).toEqual(['Alice']);
  });

  it('by last access, on days of Paris', async () => {
    // Farid came on 31 October at 23:30 UTC: 1 November in Paris.
    expect(await sorted('lastAccessBefore=2026-11-01')).toEqual(['Chloé']);
    expect(await sorted('lastAccessSince=2026-11-01')).toEqual(['Alice', 'Bruno', 'Farid', 'Émilie']);
    expect(await sorted('lastAccessSince=2026-11-14')).toEqual(['Alice', 'Bruno', 'Émilie']);
    expect(await sorted('lastAccessSince=2026-11-01&lastAccessBefore=2026-11-15')).toEqual([
      'Alice',
      'Farid',
    ]);
    expect(await names('neverAccessed=true')).toEqual(['Damien']);
  });

  it('by académie, département, discipline (case ignored) and by name or e-mail', async () => {
    expect(await names('academies=Bordeaux')).toEqual(['Farid']);
    expect(await names('academies=bordeaux')).toEqual(['Farid']);
    expect(await sorted(`departements=${encodeURIComponent('Var (83)')}`)).toEqual(['Bruno', 'Chloé']);
    expect(await sorted('disciplines=Math%C3%A9matiques')).toEqual(['Alice', 'Chloé', 'Farid']);
    expect(await sorted('disciplines=Math%C3%A9matiques&disciplines=EPS')).toEqual([
      'Alice',
      'Chloé',
      'Damien',
      'Farid',
    ]);
    expect(await names('q=chloe')).toEqual(['Chloé']);
    expect(await names('q=EMILIE%20garcia')).toEqual(['Émilie']);
    expect(await names('q=bruno.petit')).toEqual(['Bruno']);
    expect(await names('q=personne')).toEqual([]);
  });

  it('combines criteria with AND: group B and progress below 50 %', async () => {
    const b = f.groupIds['Groupe B'];
    expect(await sorted(`groupIds=${b}&progressBelow=50`)).toEqual(['Bruno', 'Damien']);
    expect(await names(`groupIds=${b}&progressBelow=50&neverAccessed=true`)).toEqual(['Damien']);
    expect(await names(`groupIds=${b}&progressBelow=50&disciplines=EPS&q=roux`)).toEqual(['Damien']);
    expect(
      await sorted(`disciplines=Math%C3%A9matiques&notDone=${f.activityIds[3]}&lastAccessSince=2026-10-01`),
    ).toEqual(['Chloé', 'Farid']);
  });

  it('refuses bad criteria with a 400 naming the field', async () => {
    const bad = async (query: string, path?: string) => {
      const response = await trainer.get(url(query));
      const problem = problemOf(response);
      expect(problem.status, query).toBe(400);
      expect(problem.contentType).toMatch(/problem\+json/);
      if (path) expect(problem.body.errors?.map((e) => e.path)).toContain(path);
      return problem;
    };
    await bad('progressMin=abc', 'progressMin');
    await bad('progressMin=101', 'progressMin');
    const range = await bad('progressMin=60&progressBelow=50', 'progressBelow');
    expect(range.body.errors![0]!.message).toBe(
      'La progression minimale doit être inférieure à la progression maximale.',
    );
    await bad('lastAccessSince=2026-12-01&lastAccessBefore=2026-11-01', 'lastAccessBefore');
    await bad('lastAccessSince=2026-13-01', 'lastAccessSince');
    await bad('groupIds=pas-un-identifiant', 'groupIds.0');
    expect((await bad(`groupIds=${crypto.randomUUID()}`, 'groupIds.0')).body.code).toBe('unknown_group');
    expect((await bad(`done=${f.untrackedIds[0]}`, 'done.0')).body.code).toBe('unknown_activity');
    await bad(`done=${f.activityIds[0]}&notDone=${f.activityIds[0]}`, 'notDone');
    await bad('roles=admin', 'roles.0');
    await bad('neverAccessed=oui', 'neverAccessed');
    await bad('sort=age', 'sort');
    await bad('pageSize=1000', 'pageSize');
    await bad(`q=${'x'.repeat(101)}`, 'q');
  });
});

describe('access to the follow-up', () => {
  it('is for the course’s trainers, tutors, designers, managers and observers — not participants', async () => {
    expect((await t.anonymous().get(url())).statusCode).toBe(401);
    expect((await (await t.as('participant@magistere.test')).get(url())).statusCode).toBe(403);
    // Roles held in Bordeaux give nothing in a course of Aix.
    expect((await (await t.as('observateur@magistere.test')).get(url())).statusCode).toBe(403);
    expect((await (await t.as('tuteur@magistere.test')).get(url())).statusCode).toBe(403);
    for (const email of ['concepteur@magistere.test', 'referent@magistere.test', 'admin@magistere.test'])
      expect((await (await t.as(email)).get(url())).statusCode, email).toBe(200);
    expect((await trainer.get(`/api/courses/${crypto.randomUUID()}/followup`)).statusCode).toBe(404);
  });
});
