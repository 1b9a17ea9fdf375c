/**
 * A partial update changes what it names and nothing else. Every PATCH route (and the partial PUT of a
 * session's settings) is called with one field; the row must be what it was, that field aside. The first
 * block guards the cause found in `PATCH /api/me`: a zod `.default()` under `.partial()` fills the missing
 * fields in, so the update wrote them back to their defaults.
 */
import { eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as api from '../shared/api.ts';
import * as enrolment from '../shared/enrolment.ts';
import * as followup from '../shared/followup.ts';
import { SessionSettings } from '../shared/lifecycle.ts';
import { users } from './modules/accounts/schema.ts';
import { cohorts } from './modules/cohorts/schema.ts';
import { activities, courseSessions, courses, sections } from './modules/courses/schema.ts';
import { domains } from './modules/domains/schema.ts';
import { courseGroups, groupings } from './modules/enrolment/schema.ts';
import { domainId, newCourse, setStage } from './modules/enrolment/testing.ts';
import { reminders, savedFilters } from './modules/followup/schema.ts';
import { seedFollowup } from './modules/followup/testing.ts';
import { type ApiClient, startTestApp, type TestApp } from './testing/harness.ts';

describe('update schemas', () => {
  const updateBodies: [string, z.ZodType][] = [
    ...[api, enrolment, followup].flatMap((module) =>
      Object.entries(module).filter(
        (entry): entry is [string, z.ZodType] => entry[0].endsWith('UpdateBody') && isSchema(entry[1]),
      ),
    ),
    ['ProfileFields.partial()', api.ProfileFields.partial()],
    ['SessionSettings.partial()', SessionSettings.partial()],
  ];

  it('finds the update bodies', () => {
    expect(updateBodies.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'UserUpdateBody',
        'CourseUpdateBody',
        'ActivityUpdateBody',
        'CohortUpdateBody',
      ]),
    );
  });

  for (const [name, schema] of updateBodies) {
    it(`${name} adds no field to an empty update`, () => {
      const parsed = schema.safeParse({});
      // Refused ("nothing to change") is fine; accepted, it must not have filled anything in.
      if (parsed.success)
        expect(Object.entries(parsed.data as object).filter(([, v]) => v !== undefined)).toEqual([]);
    });
  }
});

function isSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && 'safeParse' in value;
}

let t: TestApp;
let admin: ApiClient;
let designer: ApiClient;
let trainer: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin@magistere.test');
  designer = await t.as('concepteur@magistere.test');
  trainer = await t.as('formateur@magistere.test');
});
afterAll(() => t.close());

/** What changes with any write, besides the field sent. */
const BOOKKEEPING = ['updatedAt', 'version', 'metadataVersion'];

async function rowOf(table: PgTable, key: string, id: string) {
  const column = (table as unknown as Record<string, Parameters<typeof eq>[0]>)[key]!;
  const [row] = await t.db.select().from(table).where(eq(column, id));
  return row as Record<string, unknown>;
}

/** Sends a one-field update and checks the row: that field changed, every other one as it was. */
async function expectOnly(
  client: ApiClient,
  method: 'PATCH' | 'PUT',
  url: string,
  body: Record<string, unknown>,
  row: () => Promise<Record<string, unknown>>,
) {
  const before = await row();
  const response = await client.request(method, url, body);
  expect(response.statusCode, response.body).toBe(200);
  const after = await row();
  const [field] = Object.keys(body);
  expect(after[field!]).not.toEqual(before[field!]);
  const rest = (r: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => k !== field && !BOOKKEEPING.includes(k)));
  expect(rest(after)).toEqual(rest(before));
}

describe('a one-field update leaves the other fields as they were', () => {
  const profile = {
    firstName: 'Camille',
    lastName: 'Martin',
    academie: 'Aix-Marseille',
    departement: 'Bouches-du-Rhône',
    discipline: 'Mathématiques',
    bodyGrade: 'Professeur certifié',
  };

  it('PATCH /api/me', async () => {
    const me = await t.as('participant@magistere.test');
    expect((await me.patch('/api/me', profile)).statusCode).toBe(200);
    const id = (await me.get('/api/me')).json().user.id as string;
    await expectOnly(me, 'PATCH', '/api/me', { firstName: 'Claude' }, () => rowOf(users, 'id', id));
  });

  it('PATCH /api/users/:id', async () => {
    const [user] = await t.db.select().from(users).where(eq(users.email, 'tuteur@magistere.test'));
    const url = `/api/users/${user!.id}`;
    expect((await admin.patch(url, profile)).statusCode).toBe(200);
    await expectOnly(admin, 'PATCH', url, { lastName: 'Durand' }, () => rowOf(users, 'id', user!.id));
  });

  it('PATCH /api/domains/:id', async () => {
    const id = await domainId(t, 'ac-bordeaux');
    await expectOnly(admin, 'PATCH', `/api/domains/${id}`, { name: 'Bordeaux (renommée)' }, () =>
      rowOf(domains, 'id', id),
    );
  });

  it('PATCH /api/courses/:id', async () => {
    const id = await newCourse(t, 'Parcours partiel');
    const full = {
      summary: '<p>Résumé</p>',
      format: 'modular',
      visibility: 'hidden',
      availableFrom: '2030-01-01T08:00:00.000Z',
    };
    expect((await designer.patch(`/api/courses/${id}`, full)).statusCode).toBe(200);
    await expectOnly(designer, 'PATCH', `/api/courses/${id}`, { title: 'Nouveau titre' }, () =>
      rowOf(courses, 'id', id),
    );
  });

  it('PATCH /api/sections/:id and PATCH /api/activities/:id', async () => {
    const courseId = await newCourse(t, 'Parcours sections');
    const section = (
      await designer.post(`/api/courses/${courseId}/sections`, {
        title: 'Séance',
        description: '<p>Description</p>',
      })
    ).json().id as string;
    expect((await designer.patch(`/api/sections/${section}`, { visibility: 'hidden' })).statusCode).toBe(200);
    await expectOnly(designer, 'PATCH', `/api/sections/${section}`, { title: 'Séance 1' }, () =>
      rowOf(sections, 'id', section),
    );

    const activity = (
      await designer.post(`/api/courses/${courseId}/activities`, {
        sectionId: section,
        kind: 'page',
        title: 'Lecture',
        settings: { content: '<p>Texte</p>' },
        visibility: 'hidden',
        availableFrom: '2030-01-01T08:00:00.000Z',
        completion: { mode: 'manual' },
      })
    ).json().id as string;
    await expectOnly(designer, 'PATCH', `/api/activities/${activity}`, { title: 'Lecture 2' }, () =>
      rowOf(activities, 'id', activity),
    );
  });

  it('PATCH /api/cohorts/:id', async () => {
    const referent = await t.as('referent@magistere.test');
    const id = (
      await referent.post('/api/cohorts', {
        domainId: await domainId(t),
        name: 'Cohorte',
        description: 'Les stagiaires',
      })
    ).json().id as string;
    await expectOnly(referent, 'PATCH', `/api/cohorts/${id}`, { name: 'Cohorte 2' }, () =>
      rowOf(cohorts, 'id', id),
    );
  });

  it('PATCH /api/groups/:id and PATCH /api/groupings/:id', async () => {
    const courseId = await newCourse(t, 'Parcours groupes');
    const group = (
      await trainer.post(`/api/courses/${courseId}/groups`, { name: 'Groupe A', description: 'Le matin' })
    ).json().id as string;
    await expectOnly(trainer, 'PATCH', `/api/groups/${group}`, { name: 'Groupe B' }, () =>
      rowOf(courseGroups, 'id', group),
    );
    const grouping = (
      await trainer.post(`/api/courses/${courseId}/groupings`, { name: 'Tous', groupIds: [group] })
    ).json().id as string;
    const row = async () => ({
      ...(await rowOf(groupings, 'id', grouping)),
      groupIds: (await trainer.get(`/api/courses/${courseId}/groups`))
        .json()
        .groupings.find((g: { id: string }) => g.id === grouping).groupIds,
    });
    await expectOnly(trainer, 'PATCH', `/api/groupings/${grouping}`, { name: 'Tout le monde' }, row);
  });

  it('PATCH /api/saved-filters/:id and PATCH /api/reminders/:id', async () => {
    const { courseId } = await seedFollowup(t.db, {
      tracked: ['Lire'],
      people: [{ key: 'p', firstName: 'Paule', lastName: 'Partielle' }],
    });
    const filter = (
      await trainer.post(`/api/courses/${courseId}/saved-filters`, {
        name: 'Jamais venus',
        criteria: { neverAccessed: true },
      })
    ).json().id as string;
    await expectOnly(trainer, 'PATCH', `/api/saved-filters/${filter}`, { name: 'Absents' }, () =>
      rowOf(savedFilters, 'id', filter),
    );
    const reminder = (
      await trainer.post(`/api/courses/${courseId}/reminders`, {
        target: 'behind',
        belowProgress: 50,
        subject: 'Relance',
        body: 'Bonjour',
        sendAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
    ).json().id as string;
    await expectOnly(trainer, 'PATCH', `/api/reminders/${reminder}`, { subject: 'Rappel' }, () =>
      rowOf(reminders, 'id', reminder),
    );
  });

  it('PUT /api/courses/:id/session (partial settings)', async () => {
    const courseId = await newCourse(t, 'Session partielle');
    await setStage(t, courseId, 'session_preparation', { selfEnrolment: true, maxParticipants: 30 });
    const url = `/api/courses/${courseId}/session`;
    const full = {
      startsAt: '2030-01-01T08:00:00.000Z',
      endsAt: '2030-02-01T08:00:00.000Z',
      gaiaDispositif: '24A0010001',
      gaiaModule: '12345',
      gaiaSession: '1',
    };
    expect((await designer.put(url, full)).statusCode).toBe(200);
    await expectOnly(designer, 'PUT', url, { maxParticipants: 25 }, () =>
      rowOf(courseSessions, 'courseId', courseId),
    );
  });
});
