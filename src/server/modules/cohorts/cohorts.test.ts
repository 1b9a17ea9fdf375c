import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { holdings, newCourse, newPeople } from '../enrolment/testing.ts';
import { cohortMembers, cohorts } from './schema.ts';

let t: TestApp;
const domain: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const row of (await t.db.execute<{ id: string; slug: string }>(sql`select id, slug from domains`))
    .rows)
    domain[row.slug] = row.id;
});
afterAll(() => t.close());

const memberCount = async (id: string) =>
  (await t.db.select().from(cohortMembers).where(eq(cohortMembers.cohortId, id))).length;

describe('cohorts', () => {
  it('are kept by the domain’s administrators and managers, in their own domain only', async () => {
    const referent = await t.as('referent@magistere.test');
    const manager = await t.as('gestionnaire@magistere.test');
    const created = await referent.post('/api/cohorts', {
      domainId: domain['ac-aix-marseille'],
      name: 'Néotitulaires 2026',
      description: 'Professeurs stagiaires',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Néotitulaires 2026', memberCount: 0, members: [] });
    const id = created.json().id;
    const clash = problemOf(
      await referent.post('/api/cohorts', {
        domainId: domain['ac-aix-marseille'],
        name: 'Néotitulaires 2026',
      }),
    );
    expect([clash.status, clash.body.code]).toEqual([409, 'cohort_name_taken']);
    // The manager of Bordeaux neither sees nor touches Aix's cohorts.
    expect(
      (await manager.post('/api/cohorts', { domainId: domain['ac-aix-marseille'], name: 'Intrus' }))
        .statusCode,
    ).toBe(403);
    expect((await manager.get(`/api/cohorts/${id}`)).statusCode).toBe(403);
    expect((await manager.get('/api/cohorts')).json()).toEqual([]);
    expect((await referent.get('/api/cohorts')).json()).toEqual([expect.objectContaining({ id })]);
    for (const email of [
      'formateur@magistere.test',
      'concepteur@magistere.test',
      'participant@magistere.test',
    ])
      expect((await (await t.as(email)).get('/api/cohorts')).statusCode, email).toBe(403);

    const renamed = await referent.patch(`/api/cohorts/${id}`, { name: 'Néotitulaires' });
    expect(renamed.json().name).toBe('Néotitulaires');
    const other = (
      await manager.post('/api/cohorts', { domainId: domain['ac-bordeaux'], name: 'Bordeaux' })
    ).json();
    expect(other.domainId).toBe(domain['ac-bordeaux']);
    expect((await manager.delete(`/api/cohorts/${other.id}`)).statusCode).toBe(204);
    expect(await t.db.select().from(cohorts).where(eq(cohorts.id, other.id))).toEqual([]);
  });

  it('take members from a pasted list, all or none', async () => {
    const referent = await t.as('referent@magistere.test');
    const people = await newPeople(t, 'cohorte', 3);
    const id = (
      await referent.post('/api/cohorts', { domainId: domain['ac-aix-marseille'], name: 'Liste' })
    ).json().id;
    const url = `/api/cohorts/${id}/members`;
    const bad = problemOf(
      await referent.post(url, { emails: `${people[0]!.email}; pas-une-adresse\ninconnu@exemple.fr` }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => e.message)).toEqual([
      'Ligne 1\u00a0: «\u00a0pas-une-adresse\u00a0» n’est pas une adresse électronique valide.',
      'Ligne 2\u00a0: aucun compte n’utilise l’adresse inconnu@exemple.fr.',
    ]);
    expect(await memberCount(id)).toBe(0);
    expect(problemOf(await referent.post(url, { emails: ' , ' })).status).toBe(400);

    const added = await referent.post(url, { emails: people.map((p) => p.email.toUpperCase()).join(' | ') });
    expect(added.json()).toEqual({ added: 3, alreadyMembers: 0 });
    expect((await referent.post(url, { emails: people[0]!.email })).json()).toEqual({
      added: 0,
      alreadyMembers: 1,
    });
    expect((await referent.delete(`${url}/${people[2]!.id}`)).statusCode).toBe(204);
    expect((await referent.delete(`${url}/${people[2]!.id}`)).statusCode).toBe(404);
    const detail = (await referent.get(`/api/cohorts/${id}`)).json();
    expect(detail.memberCount).toBe(2);
    expect(detail.members.map((m: { email: string }) => m.email).sort()).toEqual(
      [people[0]!.email, people[1]!.email].sort(),
    );
  });

  it('are enrolled in a course of their domain by a trainer: validate, then apply', async () => {
    const referent = await t.as('referent@magistere.test');
    const trainer = await t.as('formateur@magistere.test');
    const people = await newPeople(t, 'promo', 4);
    const cohort = (
      await referent.post('/api/cohorts', { domainId: domain['ac-aix-marseille'], name: 'Promotion' })
    ).json().id;
    await referent.post(`/api/cohorts/${cohort}/members`, { emails: people.map((p) => p.email).join('\n') });
    const course = await newCourse(t, 'Cohorte');
    await trainer.post(`/api/courses/${course}/enrolments`, {
      role: 'participant',
      emails: [people[0]!.email],
    });

    const choices = (await trainer.get(`/api/courses/${course}/cohorts`)).json();
    expect(choices).toContainEqual(
      expect.objectContaining({ id: cohort, name: 'Promotion', memberCount: 4 }),
    );
    expect(choices.every((c: { domainId: string }) => c.domainId === domain['ac-aix-marseille'])).toBe(true);
    const body = { cohortId: cohort, role: 'participant' };
    const report = (await trainer.post(`/api/courses/${course}/enrolments/cohort/validate`, body)).json();
    expect(report).toMatchObject({ ok: true, totals: { entries: 4, toEnrol: 3, alreadyEnrolled: 1 } });
    expect((await holdings(t, course)).enrolments).toBe(1);
    const applied = await trainer.post(`/api/courses/${course}/enrolments/cohort/apply`, body);
    expect(applied.json()).toMatchObject({ enrolled: 3 });
    const list = (await trainer.get(`/api/courses/${course}/enrolments`)).json();
    expect(list.items.filter((e: { method: string }) => e.method === 'cohort')).toHaveLength(3);

    // A cohort of another domain is not offered, nor accepted.
    const manager = await t.as('gestionnaire@magistere.test');
    const elsewhere = (
      await manager.post('/api/cohorts', { domainId: domain['ac-bordeaux'], name: 'Girondins' })
    ).json().id;
    const refused = problemOf(
      await trainer.post(`/api/courses/${course}/enrolments/cohort/apply`, { cohortId: elsewhere }),
    );
    expect([refused.status, refused.body.code]).toEqual([400, 'unknown_cohort']);
    const tutor = await t.as('tuteur@magistere.test');
    expect((await tutor.post(`/api/courses/${course}/enrolments/cohort/apply`, body)).statusCode).toBe(403);
    expect((await holdings(t, course)).enrolments).toBe(4);
  });
});
