/**
 * The GDPR self-service: a person's export (their data, every module's part and the activity kinds', never
 * a secret) and their erasure request, decided by an administrator of their domain — approval erases
 * everything in one transaction and leaves other people's data as it was.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAssignments } from '../../platform/access/schema.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { passwordTokens, sessions, users } from '../accounts/schema.ts';
import { registerActivityKind } from '../activities/registry.ts';
import { NOTES_DDL, notes, testNotes } from '../activities/testing/notes-kind.ts';
import { activityCompletions, coursePresence } from '../completion/schema.ts';
import { enrolments, groupMembers } from '../enrolment/schema.ts';
import { domainId, newCourse, newPeople } from '../enrolment/testing.ts';
import { offerSubscriptions } from '../offers/schema.ts';
import { activityViews } from '../progress/schema.ts';
import { erasureRequests } from './schema.ts';

let t: TestApp;
let designer: ApiClient;
let referent: ApiClient;
let admin: ApiClient;
let courseId = '';
let activityId = '';
const PASSWORD = 'Magistere-demo-2026';
let unregister = () => {};

beforeAll(async () => {
  // Before the application is built, so that the kind's routes are mounted.
  unregister = registerActivityKind(notes);
  t = await startTestApp();
  await t.pool.query(NOTES_DDL);
  designer = await t.as('concepteur@magistere.test');
  referent = await t.as('referent@magistere.test');
  admin = await t.as('admin@magistere.test');
  courseId = await newCourse(t, 'Prendre des notes');
  const sectionId = (await designer.get(`/api/courses/${courseId}`)).json().sections[0].id;
  const created = await designer.post(`/api/courses/${courseId}/activities`, {
    sectionId,
    kind: 'test-notes',
    title: 'Vos notes',
    settings: { prompt: 'Qu’avez-vous retenu ?' },
  });
  expect(created.statusCode, created.body).toBe(201);
  activityId = created.json().id;
});
afterAll(async () => {
  await t.close();
  // The workers share their modules: the test-only kind leaves with this file.
  unregister();
});

/** A person of Aix enrolled in the course, who opened the activity, wrote a note and is in a group. */
async function learner(prefix: string, note: string) {
  const [person] = await newPeople(t, prefix, 1);
  await t.enrol(courseId, person!.email);
  const client = await t.as(person!.email, PASSWORD);
  expect((await client.post(`/api/activities/${activityId}/view`, {})).statusCode).toBe(204);
  const written = await client.post(`/api/activities/${activityId}/test-notes`, { body: note });
  expect(written.statusCode, written.body).toBe(201);
  const group = await admin.post(`/api/courses/${courseId}/groups`, { name: `Groupe ${prefix}` });
  expect(group.statusCode, group.body).toBe(201);
  await admin.post(`/api/groups/${group.json().id}/members`, { userIds: [person!.id] });
  await client.put('/api/me/offer-subscription', { publics: ['encadrement'], keywords: ['notes'] });
  return { ...person!, client };
}

const ask = (client: ApiClient, reason = 'Je quitte l’Éducation nationale.') =>
  client.post('/api/me/erasure-request', { reason, confirmed: true });

const requestsOf = (userId: string) =>
  t.db.select().from(erasureRequests).where(eq(erasureRequests.userId, userId));

describe('the export of my data', () => {
  it('gives the signed-in person their data as a JSON attachment, every part, never a secret', async () => {
    const camille = await learner('export', 'La répétition espacée.');
    const other = await learner('autre-export', 'Note de quelqu’un d’autre.');
    const response = await camille.client.get('/api/me/personal-data');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="magistere-donnees-personnelles-\d{4}-\d{2}-\d{2}\.json"/,
    );
    const data = response.json();
    expect(data).toMatchObject({
      format: 'magistere.personal-data',
      version: 1,
      account: {
        id: camille.id,
        email: camille.email,
        hasPassword: true,
        homeDomain: { name: 'Académie d’Aix-Marseille' },
      },
      roles: [
        expect.objectContaining({ role: 'participant', contextLevel: 'course', where: 'Prendre des notes' }),
      ],
      enrolments: {
        enrolments: [expect.objectContaining({ courseTitle: 'Prendre des notes', role: 'participant' })],
        groups: [expect.objectContaining({ group: 'Groupe export' })],
      },
      visits: [expect.objectContaining({ activityTitle: 'Vos notes', count: 1 })],
      // The activity kinds' own data, through their `userData.export`.
      activities: [
        {
          courseId,
          courseTitle: 'Prendre des notes',
          activityId,
          kind: 'test-notes',
          title: 'Vos notes',
          data: { notes: ['La répétition espacée.'] },
        },
      ],
      offerAlerts: { publics: ['encadrement'], keywords: ['notes'] },
      history: { actions: expect.arrayContaining([expect.objectContaining({ action: 'auth.login' })]) },
      erasureRequests: [],
    });
    expect(data.account.sessions.length).toBeGreaterThan(0);
    // Nothing secret, nothing of anyone else.
    const text = response.body;
    const [row] = await t.db.select().from(users).where(eq(users.id, camille.id));
    expect(text).not.toContain(row!.passwordHash!);
    expect(text).not.toMatch(/argon2|passwordHash|csrf/i);
    for (const session of await t.db.select().from(sessions).where(eq(sessions.userId, camille.id))) {
      expect(text).not.toContain(session.id);
      expect(text).not.toContain(session.csrfToken);
    }
    const [subscription] = await t.db
      .select()
      .from(offerSubscriptions)
      .where(eq(offerSubscriptions.userId, camille.id));
    expect(text).not.toContain(subscription!.token);
    expect(text).not.toContain(other.email);
    expect(text).not.toContain('Note de quelqu’un d’autre.');
    // The export is in the audit log.
    const logged = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'privacy.exported'), eq(auditEvents.actorId, camille.id)));
    expect(logged).toHaveLength(1);
  });

  it('is refused to anonymous visitors', async () => {
    const refused = problemOf(await t.anonymous().get('/api/me/personal-data'));
    expect(refused.status).toBe(401);
    expect(refused.contentType).toMatch(/problem\+json/);
  });
});

describe('asking for my account to be deleted', () => {
  it('refuses bad input with a problem and writes nothing', async () => {
    const [person] = await newPeople(t, 'mauvaise-saisie', 1);
    const client = await t.as(person!.email, PASSWORD);
    for (const body of [
      {},
      { reason: 'Je pars.' },
      { reason: 'Je pars.', confirmed: false },
      { reason: '   ', confirmed: true },
      { reason: 'x'.repeat(1001), confirmed: true },
    ]) {
      const refused = problemOf(await client.post('/api/me/erasure-request', body));
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.contentType).toMatch(/problem\+json/);
    }
    expect(await requestsOf(person!.id)).toEqual([]);
    expect(
      (await t.anonymous().post('/api/me/erasure-request', { reason: 'x', confirmed: true })).statusCode,
    ).toBe(401);
  });

  it('keeps one pending request, which the person may withdraw', async () => {
    const [person] = await newPeople(t, 'retrait', 1);
    const client = await t.as(person!.email, PASSWORD);
    expect((await client.get('/api/me/erasure-request')).json()).toBeNull();
    const created = await ask(client);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'pending', reason: 'Je quitte l’Éducation nationale.' });
    const again = problemOf(await ask(client));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('erasure_already_requested');
    expect((await client.get('/api/me/erasure-request')).json()).toMatchObject({ status: 'pending' });

    expect((await client.delete('/api/me/erasure-request')).statusCode).toBe(204);
    expect((await client.get('/api/me/erasure-request')).json()).toMatchObject({ status: 'cancelled' });
    expect(problemOf(await client.delete('/api/me/erasure-request')).status).toBe(404);
    // Withdrawn, it no longer waits for anyone: the administrators cannot approve it.
    const [row] = await requestsOf(person!.id);
    expect(
      problemOf(await referent.post(`/api/privacy/erasure-requests/${row!.id}/approve`, {})).status,
    ).toBe(409);
  });
});

describe('deciding on a request', () => {
  it('lists the requests of the domains where one decides, to their administrators only', async () => {
    const [aix] = await newPeople(t, 'liste-aix', 1);
    const [bordeaux] = await newPeople(t, 'liste-bordeaux', 1, 'ac-bordeaux');
    expect((await ask(await t.as(aix!.email, PASSWORD))).statusCode).toBe(201);
    expect((await ask(await t.as(bordeaux!.email, PASSWORD))).statusCode).toBe(201);

    const seenBy = async (client: ApiClient) =>
      (await client.get('/api/privacy/erasure-requests?status=pending&pageSize=100'))
        .json()
        .items.map((r: { userId: string }) => r.userId);
    expect(await seenBy(referent)).toContain(aix!.id);
    expect(await seenBy(referent)).not.toContain(bordeaux!.id);
    expect(await seenBy(admin)).toEqual(expect.arrayContaining([aix!.id, bordeaux!.id]));
    const listed = (await referent.get('/api/privacy/erasure-requests?status=pending&pageSize=100'))
      .json()
      .items.find((r: { userId: string }) => r.userId === aix!.id);
    expect(listed).toMatchObject({
      email: aix!.email,
      lastName: 'Liste-aix',
      domainName: 'Académie d’Aix-Marseille',
      reason: 'Je quitte l’Éducation nationale.',
    });

    const participant = await t.as('participant@magistere.test');
    const refused = problemOf(await participant.get('/api/privacy/erasure-requests'));
    expect(refused.status).toBe(403);
    expect(refused.contentType).toMatch(/problem\+json/);
    expect(problemOf(await referent.get('/api/privacy/erasure-requests?status=oublie')).status).toBe(400);

    // Aix's administrator cannot decide on a request of Bordeaux.
    const [bordeauxRequest] = await requestsOf(bordeaux!.id);
    for (const action of ['approve', 'refuse'])
      expect(
        problemOf(
          await referent.post(`/api/privacy/erasure-requests/${bordeauxRequest!.id}/${action}`, {
            reason: 'Non.',
          }),
        ).status,
      ).toBe(403);
    expect((await requestsOf(bordeaux!.id))[0]!.status).toBe('pending');
  });

  it('refuses with a reason the person reads; a decided request cannot be decided again', async () => {
    const [person] = await newPeople(t, 'refus', 1);
    const client = await t.as(person!.email, PASSWORD);
    const id = (await ask(client)).json().id;
    const url = `/api/privacy/erasure-requests/${id}`;
    for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(1001) }])
      expect(problemOf(await referent.post(`${url}/refuse`, body)).status).toBe(400);
    expect((await requestsOf(person!.id))[0]!.status).toBe('pending');

    const refused = await referent.post(`${url}/refuse`, {
      reason: 'Vous êtes formateur d’une session en cours.',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'refused', decidedByName: 'Karim Benali' });
    expect((await client.get('/api/me/erasure-request')).json()).toMatchObject({
      status: 'refused',
      refusalReason: 'Vous êtes formateur d’une session en cours.',
    });
    for (const action of ['approve', 'refuse']) {
      const stale = problemOf(await admin.post(`${url}/${action}`, { reason: 'Encore.' }));
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('erasure_already_decided');
    }
    // Refused, the person may ask again.
    expect((await ask(client)).statusCode).toBe(201);
  });

  it('lets nobody decide on their own request, nor a domain’s administrator on a platform administrator’s', async () => {
    const own = (await ask(referent, 'Je change d’académie.')).json().id;
    const refused = problemOf(await referent.post(`/api/privacy/erasure-requests/${own}/approve`, {}));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('own_erasure_request');
    expect(refused.contentType).toMatch(/problem\+json/);
    expect(
      (await referent.post(`/api/privacy/erasure-requests/${own}/refuse`, { reason: 'Non.' })).statusCode,
    ).toBe(403);
    expect(await t.db.select().from(erasureRequests).where(eq(erasureRequests.id, own))).toEqual([
      expect.objectContaining({ status: 'pending' }),
    ]);
    // Another administrator decides (here, the platform's: refused, the referent keeps the account).
    expect(
      (await admin.post(`/api/privacy/erasure-requests/${own}/refuse`, { reason: 'À voir.' })).statusCode,
    ).toBe(200);

    // A platform administrator whose home domain is Aix: Aix's administrator may not erase them.
    const [boss] = await newPeople(t, 'admin-aix', 1);
    await t.db.insert(roleAssignments).values({ userId: boss!.id, role: 'admin', contextId: 1 });
    const id = (await ask(await t.as(boss!.email, PASSWORD))).json().id;
    const blocked = problemOf(await referent.post(`/api/privacy/erasure-requests/${id}/approve`, {}));
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('erasure_of_admin');
    expect((await t.db.select().from(users).where(eq(users.id, boss!.id)))[0]!.deletedAt).toBeNull();
  });

  it('approval erases the person in one transaction: their work, progress, enrolments, roles, account', async () => {
    const camille = await learner('efface', 'Ma note à effacer.');
    const other = await learner('garde', 'Ma note à garder.');
    // A trace of each kind the erasure must reach: a completion state, a presence, a mail, a password link.
    await t.db
      .insert(activityCompletions)
      .values({ userId: camille.id, activityId, courseId, state: 'complete', source: 'view' });
    await t.db.insert(coursePresence).values({ userId: camille.id, courseId }).onConflictDoNothing();
    await t.db
      .insert(mailMessages)
      .values({ to: camille.email, subject: 'Bienvenue', text: 'Bonjour Camille' });
    await t.db.insert(passwordTokens).values({
      id: `jeton-${camille.id}`,
      userId: camille.id,
      passwordFingerprint: 'x',
      expiresAt: new Date(Date.now() + 60_000),
    });
    await t.db.insert(auditEvents).values({
      actorId: null,
      action: 'user.created',
      objectType: 'user',
      objectId: camille.id,
      details: { email: camille.email, local: true },
    });
    const snapshotOfOther = async () => ({
      notes: await t.db.select().from(testNotes).where(eq(testNotes.userId, other.id)),
      views: await t.db.select().from(activityViews).where(eq(activityViews.userId, other.id)),
      enrolments: await t.db.select().from(enrolments).where(eq(enrolments.userId, other.id)),
      groups: await t.db.select().from(groupMembers).where(eq(groupMembers.userId, other.id)),
      roles: await t.db.select().from(roleAssignments).where(eq(roleAssignments.userId, other.id)),
      account: await t.db.select().from(users).where(eq(users.id, other.id)),
    });
    const before = await snapshotOfOther();
    expect(before.notes).toHaveLength(1);

    const id = (await ask(camille.client)).json().id;
    const approved = await referent.post(`/api/privacy/erasure-requests/${id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      firstName: 'Utilisateur',
      lastName: 'supprimé',
      email: null,
      reason: null,
      decidedByName: 'Karim Benali',
    });

    // The kind's rows (through its `userData.erase`), progress, completion, groups, roles: gone.
    expect(await t.db.select().from(testNotes).where(eq(testNotes.userId, camille.id))).toEqual([]);
    for (const table of [activityViews, activityCompletions, coursePresence, groupMembers, roleAssignments])
      expect(await t.db.select().from(table).where(eq(table.userId, camille.id))).toEqual([]);
    expect(
      await t.db.select().from(offerSubscriptions).where(eq(offerSubscriptions.userId, camille.id)),
    ).toEqual([]);
    // The enrolment stays as an anonymous record of the course's headcount, ended.
    expect(await t.db.select().from(enrolments).where(eq(enrolments.userId, camille.id))).toEqual([
      expect.objectContaining({ status: 'removed', courseId }),
    ]);
    // The account: anonymised, its address freed, no password, no session, no link, no mail.
    const [account] = await t.db.select().from(users).where(eq(users.id, camille.id));
    expect(account).toMatchObject({
      firstName: 'Utilisateur',
      lastName: 'supprimé',
      email: `supprime-${camille.id}@invalid`,
      passwordHash: null,
      academie: null,
      status: 'suspended',
    });
    expect(account!.deletedAt).not.toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, camille.id))).toEqual([]);
    expect(await t.db.select().from(passwordTokens).where(eq(passwordTokens.userId, camille.id))).toEqual([]);
    expect(await t.db.select().from(mailMessages).where(eq(mailMessages.to, camille.email))).toEqual([]);
    // The log stays, without the address; the approval is in it.
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, 'user'), eq(auditEvents.objectId, camille.id)));
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain(camille.email);
    expect(events.map((e) => e.action)).toContain('privacy.erasure_approved');
    // The request is the record, without the person's reason.
    expect((await requestsOf(camille.id))[0]).toMatchObject({ status: 'approved', reason: null });

    // Signed out everywhere, and no way back in.
    expect((await camille.client.get('/api/me')).statusCode).toBe(401);
    const login = await t.anonymous().post('/api/auth/login', { email: camille.email, password: PASSWORD });
    expect(login.statusCode).toBe(401);
    // The address may serve a new account.
    const recreated = await admin.post('/api/users', {
      email: camille.email,
      firstName: 'Camille',
      lastName: 'Nouvelle',
      homeDomainId: await domainId(t),
    });
    expect(recreated.statusCode, recreated.body).toBe(201);

    // Nobody else lost anything.
    expect(await snapshotOfOther()).toEqual(before);
    // Decided once.
    expect(problemOf(await admin.post(`/api/privacy/erasure-requests/${id}/approve`, {})).status).toBe(409);
  });

  it('leaves everything as it was when part of the erasure fails', async () => {
    const person = await learner('echec', 'Ma note qui reste.');
    const id = (await ask(person.client)).json().id;
    const erase = notes.userData!.erase;
    // The kind erases its rows, then something fails further on.
    notes.userData!.erase = async (ctx, activity, userId) => {
      await erase(ctx, activity, userId);
      throw new Error('panne simulée');
    };
    try {
      const failed = await referent.post(`/api/privacy/erasure-requests/${id}/approve`, {});
      expect(failed.statusCode).toBe(500);
      expect(failed.headers['content-type']).toMatch(/problem\+json/);
    } finally {
      notes.userData!.erase = erase;
    }
    expect(await t.db.select().from(testNotes).where(eq(testNotes.userId, person.id))).toHaveLength(1);
    expect((await t.db.select().from(users).where(eq(users.id, person.id)))[0]!.deletedAt).toBeNull();
    expect((await requestsOf(person.id))[0]!.status).toBe('pending');
    expect((await person.client.get('/api/me')).statusCode).toBe(200);
  });

  it('two administrators deciding at once: one decides, the other is told it is done', async () => {
    const [person] = await newPeople(t, 'concurrence', 1);
    const id = (await ask(await t.as(person!.email, PASSWORD))).json().id;
    const url = `/api/privacy/erasure-requests/${id}`;
    const answers = await Promise.all([
      referent.post(`${url}/approve`, {}),
      admin.post(`${url}/refuse`, { reason: 'Non.' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const [row] = await requestsOf(person!.id);
    const count = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.objectId, person!.id),
          inArray(auditEvents.action, ['privacy.erasure_approved', 'privacy.erasure_refused']),
        ),
      );
    expect(count[0]!.n).toBe(1);
    expect(['approved', 'refused']).toContain(row!.status);
  });
});
