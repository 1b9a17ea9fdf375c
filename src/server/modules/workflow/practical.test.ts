/**
 * A session's practical information: its contact and on-site days set in its settings (checked, kept in
 * date order), and what its participants read of it — dates, trainers, contact, on-site days.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, SessionPractical } from '../../../shared/lifecycle.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { courseSessions } from '../courses/schema.ts';
import { domains } from '../domains/schema.ts';

let t: TestApp;
let designer: ApiClient;
let trainer: ApiClient;
let participant: ApiClient;
let aix = '';

beforeAll(async () => {
  t = await startTestApp();
  aix = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille')))[0]!.id;
  designer = await t.as('concepteur@magistere.test');
  trainer = await t.as('formateur@magistere.test');
  participant = await t.as('participant@magistere.test');
});
afterAll(() => t.close());

const DATES = { startsAt: '2027-01-11T08:00:00.000Z', endsAt: '2027-03-26T17:00:00.000Z' };

/** An indexed parcours and a session of it, with dates; its trainer and the demo participant enrolled. */
async function hybridSession(contact?: string) {
  const course = await designer.post('/api/courses', {
    domainId: aix,
    title: 'Enseigner l’oral en hybride',
    shortName: uniqueShortName('ORAL-HYB'),
  });
  expect(course.statusCode, course.body).toBe(201);
  const indexed = await designer.put(`/api/courses/${course.json().id}/metadata`, {
    collection: 'formation',
    publics: ['enseignants_2d'],
    objectives: '<p>Faire parler les élèves.</p>',
    origin: 'academie',
    durationOnSite: 360,
    durationRemote: 180,
    ...(contact && { contact }),
  });
  expect(indexed.statusCode, indexed.body).toBe(200);
  const session = await designer.post(`/api/courses/${course.json().id}/sessions`, {
    title: 'Enseigner l’oral — session d’hiver',
    settings: DATES,
  });
  expect(session.statusCode, session.body).toBe(201);
  const id = session.json().id as string;
  await t.enrol(id, 'formateur@magistere.test', 'trainer');
  await t.enrol(id, 'participant@magistere.test');
  return id;
}

const DAYS = [
  {
    date: '2027-02-15',
    startTime: '09:00',
    endTime: '17:00',
    place: 'Lycée Thiers, 5 place du Lycée, Marseille',
  },
  {
    date: '2027-01-18',
    startTime: '13:30',
    endTime: '16:30',
    place: 'Canopé, 31 boulevard d’Athènes, Marseille',
  },
];

describe('practical information of a session', () => {
  it('is set by the trainer and read by participants: dates, trainers, contact, on-site days in order', async () => {
    const id = await hybridSession();
    const saved = await trainer.put(`/api/courses/${id}/session`, {
      contactEmail: 'formation.oral@ac-aix-marseille.fr',
      onSiteDays: DAYS,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const session = saved.json() as Session;
    expect(session.contactEmail).toBe('formation.oral@ac-aix-marseille.fr');
    expect(session.onSiteDays.map((d) => d.date)).toEqual(['2027-01-18', '2027-02-15']);

    const practical = await participant.get(`/api/courses/${id}/practical`);
    expect(practical.statusCode, practical.body).toBe(200);
    expect(practical.json() as SessionPractical).toEqual({
      ...DATES,
      trainers: [{ name: 'Nathalie Lefèvre' }],
      contact: { email: 'formation.oral@ac-aix-marseille.fr', text: null },
      onSiteDays: [DAYS[1], DAYS[0]],
    });
    // The settings' other fields are left as they were by a save of only these.
    expect((await trainer.put(`/api/courses/${id}/session`, { onSiteDays: [] })).json()).toMatchObject({
      ...DATES,
      contactEmail: 'formation.oral@ac-aix-marseille.fr',
      onSiteDays: [],
    });
  });

  it('falls back on the indexation’s contact when the session names no address', async () => {
    const id = await hybridSession('Bureau de la formation, 04 42 00 00 00');
    const practical = (await participant.get(`/api/courses/${id}/practical`)).json() as SessionPractical;
    expect(practical.contact).toEqual({ email: null, text: 'Bureau de la formation, 04 42 00 00 00' });
    expect(practical.onSiteDays).toEqual([]);
  });

  it('refuses days that end before they start or fall outside the session, and bad fields — writing nothing', async () => {
    const id = await hybridSession();
    expect((await trainer.put(`/api/courses/${id}/session`, { onSiteDays: DAYS })).statusCode).toBe(200);
    const before = (await t.db.select().from(courseSessions).where(eq(courseSessions.courseId, id)))[0];

    const wrongOrder = problemOf(
      await trainer.put(`/api/courses/${id}/session`, {
        onSiteDays: [
          { ...DAYS[0]!, startTime: '17:00', endTime: '09:00' },
          { ...DAYS[1]!, date: '2027-04-02' },
        ],
      }),
    );
    expect(wrongOrder.status).toBe(400);
    expect(wrongOrder.body.errors).toEqual([
      { path: 'onSiteDays.0.endTime', message: 'L’heure de fin doit être postérieure à l’heure de début.' },
      {
        path: 'onSiteDays.1.date',
        message: 'Cette journée doit se trouver entre les dates de début et de fin de la session.',
      },
    ]);
    // Moving the session's end before a day already set is refused the same way.
    const moved = problemOf(
      await trainer.put(`/api/courses/${id}/session`, { endsAt: '2027-02-01T17:00:00.000Z' }),
    );
    expect(moved.body.errors?.map((e) => e.path)).toEqual(['onSiteDays.1.date']);

    for (const body of [
      { contactEmail: 'pas-une-adresse' },
      { onSiteDays: [{ ...DAYS[0]!, startTime: '25:00' }] },
      { onSiteDays: [{ ...DAYS[0]!, date: '15/02/2027' }] },
      { onSiteDays: [{ ...DAYS[0]!, place: '   ' }] },
      { onSiteDays: [{ date: '2027-02-15' }] },
      { onSiteDays: Array.from({ length: 61 }, () => DAYS[0]) },
    ]) {
      const refused = problemOf(await trainer.put(`/api/courses/${id}/session`, body));
      expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(refused.contentType).toContain('application/problem+json');
    }
    const after = (await t.db.select().from(courseSessions).where(eq(courseSessions.courseId, id)))[0];
    expect(after).toEqual(before);
  });

  it('is for the session’s people: 404 for a course that is not a session, 403 outside it, 401 anonymous', async () => {
    const id = await hybridSession();
    const parcours = (
      await designer.post('/api/courses', {
        domainId: aix,
        title: 'Sans session',
        shortName: uniqueShortName('SS'),
      })
    ).json().id as string;
    expect(problemOf(await designer.get(`/api/courses/${parcours}/practical`)).status).toBe(404);
    const outsider = await t.as('observateur@magistere.test');
    expect(problemOf(await outsider.get(`/api/courses/${id}/practical`)).status).toBe(403);
    expect(problemOf(await t.anonymous().get(`/api/courses/${id}/practical`)).status).toBe(401);
  });
});
