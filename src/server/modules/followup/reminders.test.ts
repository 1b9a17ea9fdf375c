import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reminder, SavedFilter } from '../../../shared/followup.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { REMINDER_JOB, type ReminderDeps, sendDueReminders } from './reminders.ts';
import { seedScenario } from './scenario.ts';
import { reminderDeliveries, reminders, savedFilters } from './schema.ts';
import type { FollowupFixture } from './testing.ts';

let t: TestApp;
let trainer: ApiClient;
let f: FollowupFixture;
let deps: ReminderDeps;

beforeAll(async () => {
  t = await startTestApp();
  f = await seedScenario(t.db);
  trainer = await t.as('formateur@magistere.test');
  deps = { db: t.db, mailer: t.deps.mailer, publicUrl: t.config.publicUrl };
});
afterAll(() => t.close());

const inAnHour = () => new Date(t.clock.now().getTime() + 3_600_000).toISOString();
const mailsAbout = (subject: string) =>
  t.db.select().from(mailMessages).where(eq(mailMessages.subject, subject));
const rowCount = async (table: typeof reminders | typeof savedFilters | typeof mailMessages) =>
  (await t.db.select({ n: count() }).from(table))[0]!.n;
const jobsNamed = async (name: string) =>
  Number(
    (await t.pool.query<{ n: string }>('SELECT count(*) AS n FROM pgboss.job WHERE name = $1', [name]))
      .rows[0]!.n,
  );
const emailOf = (key: string) => expect.stringMatching(new RegExp(`^${key}\\.`));

describe('saved filters', () => {
  const path = () => `/api/courses/${f.courseId}/saved-filters`;

  it('are saved per course and owner, listed, renamed and deleted by their owner only', async () => {
    const criteria = { groupIds: [f.groupIds['Groupe B']], progressBelow: 50 };
    const created = await trainer.post(path(), { name: 'Groupe B en retard', criteria });
    expect(created.statusCode, created.body).toBe(201);
    const filter: SavedFilter = created.json();
    expect(filter).toMatchObject({ name: 'Groupe B en retard', criteria, courseId: f.courseId });
    expect((await trainer.get(path())).json().map((s: SavedFilter) => s.name)).toEqual([
      'Groupe B en retard',
    ]);

    // Another person of the course sees only theirs, and cannot touch this one.
    const referent = await t.as('referent@magistere.test');
    expect((await referent.get(path())).json()).toEqual([]);
    expect((await referent.patch(`/api/saved-filters/${filter.id}`, { name: 'Volé' })).statusCode).toBe(404);
    expect((await referent.delete(`/api/saved-filters/${filter.id}`)).statusCode).toBe(404);

    const renamed = await trainer.patch(`/api/saved-filters/${filter.id}`, {
      name: 'Retardataires du groupe B',
      criteria: { ...criteria, neverAccessed: true },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Retardataires du groupe B',
      criteria: { neverAccessed: true },
    });
    expect((await trainer.delete(`/api/saved-filters/${filter.id}`)).statusCode).toBe(204);
    expect((await trainer.get(path())).json()).toEqual([]);
  });

  it('refuses a taken name, bad or foreign criteria and an empty change, writing nothing', async () => {
    const first = await trainer.post(path(), { name: 'Jamais venus', criteria: { neverAccessed: true } });
    expect(first.statusCode).toBe(201);
    const before = await rowCount(savedFilters);
    const taken = problemOf(await trainer.post(path(), { name: 'Jamais venus', criteria: {} }));
    expect(taken).toMatchObject({ status: 409, body: { code: 'filter_name_taken' } });
    const range = problemOf(
      await trainer.post(path(), { name: 'X', criteria: { progressMin: 80, progressBelow: 20 } }),
    );
    expect(range.status).toBe(400);
    expect(range.body.errors?.[0]?.path).toBe('criteria.progressBelow');
    const foreign = problemOf(
      await trainer.post(path(), { name: 'Y', criteria: { groupIds: [crypto.randomUUID()] } }),
    );
    expect(foreign).toMatchObject({ status: 400, body: { code: 'unknown_group' } });
    expect(foreign.body.errors?.[0]?.path).toBe('criteria.groupIds.0');
    expect((await trainer.post(path(), { name: '', criteria: {} })).statusCode).toBe(400);
    expect((await trainer.post(path(), { name: 'Z', criteria: { inconnu: 1 } })).statusCode).toBe(400);
    expect((await trainer.patch(`/api/saved-filters/${first.json().id}`, {})).statusCode).toBe(400);
    expect(await rowCount(savedFilters)).toBe(before);
    expect((await (await t.as('participant@magistere.test')).get(path())).statusCode).toBe(403);
  });
});

describe('writing to the participants a filter finds', () => {
  const path = () => `/api/courses/${f.courseId}/followup/message`;

  it('queues one mail per person, signed by the trainer with the course link, and records it', async () => {
    const deliverJobs = await jobsNamed('mail.deliver');
    const response = await trainer.post(path(), {
      criteria: { groupIds: [f.groupIds['Groupe B']], progressBelow: 50 },
      subject: 'Point d’étape',
      body: 'Pensez à regarder la vidéo avant jeudi.',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ recipients: 2 });
    const mails = await mailsAbout('Point d’étape');
    expect(mails.map((m) => m.to).sort()).toEqual([emailOf('bruno'), emailOf('damien')]);
    const bruno = mails.find((m) => m.to.startsWith('bruno'))!;
    expect(bruno.text).toContain('Bonjour Bruno Petit,');
    expect(bruno.text).toContain('Pensez à regarder la vidéo avant jeudi.');
    expect(bruno.text).toContain(
      'Nathalie Lefèvre, pour le parcours «\u00a0Enseigner l’oral au cycle 3\u00a0»',
    );
    expect(bruno.text).toContain(`http://localhost:3000/parcours/${f.courseId}`);
    expect(await jobsNamed('mail.deliver')).toBe(deliverJobs + 2);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'followup.message_sent'));
    expect(event).toMatchObject({
      objectId: f.courseId,
      details: { recipients: 2, subject: 'Point d’étape' },
    });
  });

  it('sends nothing when nobody matches, the message is empty, or the sender may not write', async () => {
    const before = await rowCount(mailMessages);
    const nobody = problemOf(
      await trainer.post(path(), { criteria: { q: 'personne' }, subject: 'Rien', body: 'Rien' }),
    );
    expect(nobody).toMatchObject({ status: 400, body: { code: 'no_recipients' } });
    expect((await trainer.post(path(), { criteria: {}, subject: ' ', body: 'Texte' })).statusCode).toBe(400);
    expect((await trainer.post(path(), { criteria: {}, subject: 'Sujet' })).statusCode).toBe(400);
    expect(
      (await trainer.post(path(), { criteria: { progressMin: 'beaucoup' }, subject: 'S', body: 'B' }))
        .statusCode,
    ).toBe(400);
    const designer = await t.as('concepteur@magistere.test');
    expect((await designer.post(path(), { criteria: {}, subject: 'S', body: 'B' })).statusCode).toBe(403);
    expect(await rowCount(mailMessages)).toBe(before);
  });
});

describe('reminders', () => {
  const path = () => `/api/courses/${f.courseId}/reminders`;
  const step = (extra: Record<string, unknown>) => ({
    subject: 'Relance',
    body: 'Le parcours se termine bientôt.',
    sendAt: inAnHour(),
    ...extra,
  });

  it('refuses incomplete or foreign steps, writing nothing', async () => {
    const before = await rowCount(reminders);
    const behind = problemOf(await trainer.post(path(), step({ target: 'behind' })));
    expect(behind.status).toBe(400);
    expect(behind.body.errors?.map((e) => e.path)).toContain('belowProgress');
    expect((await trainer.post(path(), step({ target: 'chosen' }))).statusCode).toBe(400);
    const stranger = problemOf(
      await trainer.post(path(), step({ target: 'chosen', userIds: [f.userIds.bruno, f.userIds.gaelle] })),
    );
    expect(stranger).toMatchObject({ status: 400, body: { code: 'unknown_participant' } });
    expect(stranger.body.errors?.[0]?.path).toBe('userIds.1');
    expect((await trainer.post(path(), step({ target: 'late' }))).statusCode).toBe(400);
    expect((await trainer.post(path(), step({ target: 'not_started', sendAt: 'demain' }))).statusCode).toBe(
      400,
    );
    expect((await trainer.post(path(), step({ target: 'behind', belowProgress: 150 }))).statusCode).toBe(400);
    expect(await rowCount(reminders)).toBe(before);
  });

  it('sends a due step once to those behind at that moment, never twice, and logs each delivery', async () => {
    const created = await trainer.post(
      path(),
      step({ target: 'behind', belowProgress: 50, subject: 'Vous êtes en retard' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const reminder: Reminder = created.json();
    expect(reminder).toMatchObject({ target: 'behind', belowProgress: 50, sentAt: null, deliveries: 0 });

    // Not due yet.
    expect(await sendDueReminders(deps, t.clock.now())).toEqual({ steps: 0, mails: 0 });
    // The job's run two hours later, when it is due.
    const later = new Date(t.clock.now().getTime() + 2 * 3_600_000);
    // Behind 50 % and not done: Bruno (25), Damien (0), Farid (25); Chloé is at 50.
    expect(await sendDueReminders(deps, later)).toEqual({ steps: 1, mails: 3 });
    const mails = await mailsAbout('Vous êtes en retard');
    expect(mails.map((m) => m.to).sort()).toEqual([emailOf('bruno'), emailOf('damien'), emailOf('farid')]);
    const damien = mails.find((m) => m.to.startsWith('damien'))!;
    expect(damien.text).toContain('Bonjour Damien Roux,');
    expect(damien.text).toContain('Le parcours se termine bientôt.');
    expect(damien.text).toContain(`http://localhost:3000/parcours/${f.courseId}`);

    // A second run sends nothing more.
    expect(await sendDueReminders(deps, new Date(later.getTime() + 60_000))).toEqual({ steps: 0, mails: 0 });
    expect(await mailsAbout('Vous êtes en retard')).toHaveLength(3);
    const listed: Reminder = (await trainer.get(path())).json().find((r: Reminder) => r.id === reminder.id);
    expect(listed.deliveries).toBe(3);
    expect(listed.sentAt).toBe(later.toISOString());
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, reminder.id));
    expect(event).toBeDefined();

    // A sent step is kept as it is.
    expect(
      problemOf(await trainer.patch(`/api/reminders/${reminder.id}`, { subject: 'Autre' })),
    ).toMatchObject({
      status: 409,
      body: { code: 'reminder_sent' },
    });
    expect((await trainer.delete(`/api/reminders/${reminder.id}`)).statusCode).toBe(409);
    expect((await trainer.post(`/api/reminders/${reminder.id}/send`)).statusCode).toBe(409);
  });

  it('never mails a person twice for a step, even when two runs overlap or one crashed midway', async () => {
    const created: Reminder = (
      await trainer.post(path(), step({ target: 'not_started', subject: 'Pas encore commencé' }))
    ).json();
    const [due] = await t.db
      .update(reminders)
      .set({ sendAt: new Date(t.clock.now().getTime() - 1000) })
      .where(eq(reminders.id, created.id))
      .returning();
    expect(due).toBeDefined();
    const runs = await Promise.all([
      sendDueReminders(deps, t.clock.now()),
      sendDueReminders(deps, t.clock.now()),
      sendDueReminders(deps, t.clock.now()),
    ]);
    expect(runs.reduce((n, run) => n + run.steps, 0)).toBe(1);
    // Not started: no activity done nor failed — Damien only (the tutor is not a participant).
    expect((await mailsAbout('Pas encore commencé')).map((m) => m.to)).toEqual([emailOf('damien')]);

    // A delivery already logged (a run that stopped before marking the step) is not sent again.
    const chosen: Reminder = (
      await trainer.post(
        path(),
        step({ target: 'chosen', userIds: [f.userIds.alice, f.userIds.chloe], subject: 'Choisis' }),
      )
    ).json();
    expect(chosen.chosenCount).toBe(2);
    await t.db.insert(reminderDeliveries).values({ reminderId: chosen.id, userId: f.userIds.alice! });
    await t.db
      .update(reminders)
      .set({ sendAt: new Date(t.clock.now().getTime() - 1000) })
      .where(eq(reminders.id, chosen.id));
    expect(await sendDueReminders(deps, t.clock.now())).toEqual({ steps: 1, mails: 1 });
    expect((await mailsAbout('Choisis')).map((m) => m.to)).toEqual([emailOf('chloe')]);
  });

  it('changes, sends at once or deletes a step not sent yet', async () => {
    const created: Reminder = (
      await trainer.post(path(), step({ target: 'behind', belowProgress: 30 }))
    ).json();
    const changed = await trainer.patch(`/api/reminders/${created.id}`, {
      belowProgress: 60,
      subject: 'Relance 2',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ belowProgress: 60, subject: 'Relance 2', sentAt: null });
    expect((await trainer.patch(`/api/reminders/${created.id}`, {})).statusCode).toBe(400);
    const other: Reminder = (await trainer.post(path(), step({ target: 'not_started' }))).json();
    expect(
      problemOf(await trainer.patch(`/api/reminders/${other.id}`, { belowProgress: 10 })).body.code,
    ).toBe('not_behind_target');

    const jobs = await jobsNamed(REMINDER_JOB);
    const now = await trainer.post(`/api/reminders/${created.id}/send`);
    expect(now.statusCode, now.body).toBe(200);
    expect(new Date(now.json().sendAt).getTime()).toBeLessThanOrEqual(t.clock.now().getTime());
    expect(await jobsNamed(REMINDER_JOB)).toBe(jobs + 1);

    expect((await trainer.delete(`/api/reminders/${other.id}`)).statusCode).toBe(204);
    expect((await trainer.get(path())).json().some((r: Reminder) => r.id === other.id)).toBe(false);
    expect((await trainer.delete(`/api/reminders/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('“Envoyer une relance” from the filter: a step for the people found, due now, the job triggered', async () => {
    const jobs = await jobsNamed(REMINDER_JOB);
    const response = await trainer.post(`/api/courses/${f.courseId}/followup/reminder`, {
      criteria: { groupIds: [f.groupIds['Groupe B']], progressBelow: 50 },
      subject: 'Relance du groupe B',
      body: 'Il reste deux semaines.',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ target: 'chosen', chosenCount: 2, sentAt: null });
    expect(await jobsNamed(REMINDER_JOB)).toBe(jobs + 1);
    // What the job does when it runs.
    await sendDueReminders(deps, t.clock.now());
    expect((await mailsAbout('Relance du groupe B')).map((m) => m.to).sort()).toEqual([
      emailOf('bruno'),
      emailOf('damien'),
    ]);
    const nobody = await trainer.post(`/api/courses/${f.courseId}/followup/reminder`, {
      criteria: { q: 'personne' },
      subject: 'Rien',
      body: 'Rien',
    });
    expect(problemOf(nobody).body.code).toBe('no_recipients');
  });

  it('is for trainers and managers of the course', async () => {
    const tutor = await t.as('tuteur@magistere.test');
    expect((await tutor.get(path())).statusCode).toBe(403);
    const observer = await t.as('observateur@magistere.test');
    expect((await observer.post(path(), step({ target: 'not_started' }))).statusCode).toBe(403);
    expect((await (await t.as('concepteur@magistere.test')).get(path())).statusCode).toBe(403);
    expect((await (await t.as('referent@magistere.test')).get(path())).statusCode).toBe(200);
  });
});
