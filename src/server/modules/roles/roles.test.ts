import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAssignments } from '../../platform/access/schema.ts';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { users } from '../accounts/schema.ts';
import { domains } from '../domains/schema.ts';

let t: TestApp;
const id: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const d of await t.db.select().from(domains)) id[d.slug] = d.id;
  for (const u of await t.db.select().from(users)) id[u.email] = u.id;
});
afterAll(() => t.close());

const assignments = async () =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(roleAssignments))[0]!.n;

describe('role assignment', () => {
  it('lets a domain admin appoint a trainer in their domain, which opens the matching capabilities', async () => {
    const referent = await t.as('referent@magistere.test');
    const created = await referent.post('/api/role-assignments', {
      userId: id['participant@magistere.test'],
      role: 'domain_admin',
      contextLevel: 'domain',
      instanceId: id['ac-aix-marseille'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      role: 'domain_admin',
      contextLevel: 'domain',
      contextLabel: 'Académie d’Aix-Marseille',
    });
    const promoted = await t.as('participant@magistere.test');
    expect((await promoted.get('/api/me')).json().capabilities).toContain('user:manage');
    expect((await promoted.get('/api/users')).statusCode).toBe(200);
    expect((await referent.delete(`/api/role-assignments/${created.json().id}`)).statusCode).toBe(204);
    expect((await promoted.get('/api/users')).statusCode).toBe(403);
  });

  it('refuses what a domain admin may not grant, writing nothing', async () => {
    const referent = await t.as('referent@magistere.test');
    const before = await assignments();
    const elsewhere = problemOf(
      await referent.post('/api/role-assignments', {
        userId: id['participant@magistere.test'],
        role: 'trainer',
        contextLevel: 'domain',
        instanceId: id['ac-bordeaux'],
      }),
    );
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('cannot_assign_role');
    const admin = await referent.post('/api/role-assignments', {
      userId: id['participant@magistere.test'],
      role: 'admin',
      contextLevel: 'platform',
    });
    expect(admin.statusCode).toBe(403);
    const badRole = await referent.post('/api/role-assignments', {
      userId: id['participant@magistere.test'],
      role: 'roi',
      contextLevel: 'domain',
    });
    expect(badRole.statusCode).toBe(400);
    const unknownContext = problemOf(
      await referent.post('/api/role-assignments', {
        userId: id['participant@magistere.test'],
        role: 'tutor',
        contextLevel: 'course',
        instanceId: 'inexistant',
      }),
    );
    expect(unknownContext.status).toBe(400);
    expect(unknownContext.body.code).toBe('unknown_context');
    expect(await assignments()).toBe(before);
  });

  it('lets the admin grant admin at platform level only, and refuses duplicates', async () => {
    const admin = await t.as('admin@magistere.test');
    const wrongLevel = await admin.post('/api/role-assignments', {
      userId: id['tuteur@magistere.test'],
      role: 'admin',
      contextLevel: 'domain',
      instanceId: id['ac-bordeaux'],
    });
    expect(wrongLevel.statusCode).toBe(403);
    const ok = await admin.post('/api/role-assignments', {
      userId: id['tuteur@magistere.test'],
      role: 'admin',
      contextLevel: 'platform',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().contextLabel).toBe('Plateforme');
    const again = problemOf(
      await admin.post('/api/role-assignments', {
        userId: id['tuteur@magistere.test'],
        role: 'admin',
        contextLevel: 'platform',
      }),
    );
    expect(again.status).toBe(409);
    await t.db.delete(roleAssignments).where(eq(roleAssignments.id, ok.json().id));
  });

  it('lists the roles of a user with where they apply', async () => {
    const referent = await t.as('referent@magistere.test');
    const roles = (await referent.get(`/api/users/${id['concepteur@magistere.test']}/roles`)).json();
    expect(roles).toEqual([
      expect.objectContaining({ role: 'designer', contextLabel: 'Académie d’Aix-Marseille' }),
    ]);
  });
});

describe('courses and activities named in roles', () => {
  it('finds courses and activities by title for the role form, only where the actor may assign roles', async () => {
    const referent = await t.as('referent@magistere.test');
    const found = await referent.get('/api/role-contexts?level=course&q=mathematiques');
    expect(found.statusCode).toBe(200);
    // Accents aside; the national course of DGESCO is outside an Aix-Marseille referent's reach.
    expect(found.json().map((o: { detail: string }) => o.detail)).toEqual([
      'MATHS-MVA-C2 · Académie d’Aix-Marseille',
      'MATHS-MVA-C2-S1 · Académie d’Aix-Marseille',
    ]);
    const everywhere = await (await t.as('admin@magistere.test')).get(
      '/api/role-contexts?level=course&q=MATHS',
    );
    expect(everywhere.json()).toHaveLength(4);
    const activities = (await referent.get('/api/role-contexts?level=activity&q=repetition espacee')).json();
    expect(activities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          label: 'La répétition espacée',
          detail: 'Mémoire et apprentissages — session 2026-2027 · Académie d’Aix-Marseille',
        }),
      ]),
    );
    expect((await referent.get('/api/role-contexts?level=course&q=m')).statusCode).toBe(400);
    expect((await referent.get('/api/role-contexts?level=domain&q=aix')).statusCode).toBe(400);
    expect(
      problemOf(
        await (await t.as('participant@magistere.test')).get('/api/role-contexts?level=course&q=memoire'),
      ).status,
    ).toBe(403);
  });

  it('names a course by its title and an activity by its own and its course’s, not by a number', async () => {
    const referent = await t.as('referent@magistere.test');
    const [course] = (await referent.get('/api/role-contexts?level=course&q=MEMOIRE-C34-S1')).json();
    const [activity] = (
      await referent.get('/api/role-contexts?level=activity&q=repetition espacee session 2026')
    ).json();
    const userId = id['participant@magistere.test'];
    const inCourse = await referent.post('/api/role-assignments', {
      userId,
      role: 'tutor',
      contextLevel: 'course',
      instanceId: course.instanceId,
    });
    expect(inCourse.statusCode).toBe(201);
    expect(inCourse.json().contextLabel).toBe('Mémoire et apprentissages — session 2026-2027');
    const inActivity = await referent.post('/api/role-assignments', {
      userId,
      role: 'participant',
      contextLevel: 'activity',
      instanceId: activity.instanceId,
    });
    expect(inActivity.statusCode).toBe(201);
    const labels = (await referent.get(`/api/users/${userId}/roles`))
      .json()
      .map((r: { contextLabel: string }) => r.contextLabel);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Mémoire et apprentissages — session 2026-2027',
        'La répétition espacée (Mémoire et apprentissages — session 2026-2027)',
      ]),
    );
    expect(labels.filter((label: string) => /#\d/.test(label) || label === '')).toEqual([]);
    await t.db.delete(roleAssignments).where(eq(roleAssignments.id, inCourse.json().id));
    await t.db.delete(roleAssignments).where(eq(roleAssignments.id, inActivity.json().id));
  });
});

describe('capabilities in a course', () => {
  it('lists what the actor may do in a course, and nothing to someone who may not see it', async () => {
    const { courses } = await import('../courses/schema.ts');
    const shortName = async (name: string) =>
      (await t.db.select().from(courses).where(eq(courses.shortName, name)))[0]!.id;
    const parcours = `/api/courses/${await shortName('MEMOIRE-C34')}/capabilities`;
    const designer = (await (await t.as('concepteur@magistere.test')).get(parcours)).json();
    expect(designer).toEqual(expect.arrayContaining(['course:view', 'course:update', 'session:create']));
    // The parcours in construction is not for participants; its session is, for those enrolled in it.
    const participant = await t.as('participant@magistere.test');
    expect((await participant.get(parcours)).statusCode).toBe(403);
    const session = `/api/courses/${await shortName('MEMOIRE-C34-S1')}/capabilities`;
    const inSession = (await participant.get(session)).json();
    expect(inSession).toContain('course:view');
    expect(inSession).not.toContain('course:update');
    expect((await (await t.as('observateur@magistere.test')).get(parcours)).statusCode).toBe(403);
  });
});
