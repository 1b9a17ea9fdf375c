import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../platform/db/embedded.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { realtimeMessages } from '../../platform/realtime/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { users } from '../accounts/schema.ts';
import { newCourse, newPeople, setStage } from '../enrolment/testing.ts';
import { notificationPreferences, notifications } from './schema.ts';
import { purgeOld, sendDigest, sendDigests } from './service.ts';

let t: TestApp;
let smtp: SMTPServer;
const received: string[] = [];
let alice: ApiClient;
let bob: ApiClient;
let aliceId = '';
const ALICE = 'notif.1@exemple.fr';
const BOB = 'notif.2@exemple.fr';

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push(raw);
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  await newPeople(t, 'notif', 2);
  alice = await t.as(ALICE);
  bob = await t.as(BOB);
  aliceId = (await t.db.select().from(users).where(eq(users.email, ALICE)))[0]!.id;
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const mailsTo = (email: string) => t.db.select().from(mailMessages).where(eq(mailMessages.to, email));
const rowsOf = (userId: string) => t.db.select().from(notifications).where(eq(notifications.userId, userId));
const preferenceCount = async () => (await t.db.select({ n: count() }).from(notificationPreferences))[0]!.n;

async function runningSession(title: string) {
  const id = await newCourse(t, title);
  await setStage(t, id, 'session_running', {
    startsAt: new Date('2027-01-11T08:00:00Z'),
    endsAt: new Date('2027-03-12T17:00:00Z'),
  });
  return id;
}

describe('notifications of an enrolment', () => {
  it('reach the bell and, by default, the enrolment mail — once', async () => {
    const before = (await mailsTo(ALICE)).length;
    const session = await runningSession('Enseigner la lecture');
    await t.enrol(session, [ALICE]);
    const summary = (await alice.get('/api/me/notifications/summary')).json();
    expect(summary.unread).toBe(1);
    expect(summary.latest[0]).toMatchObject({
      title: 'Vous êtes inscrit(e) à la session «\u00a0Enseigner la lecture\u00a0»',
      link: `/parcours/${session}`,
      readAt: null,
    });
    const mails = await mailsTo(ALICE);
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)!.subject).toBe('Inscription à la session «\u00a0Enseigner la lecture\u00a0»');
    // The mail is written once: its row is no longer owed.
    expect((await rowsOf(aliceId)).every((row) => row.mail !== 'pending')).toBe(true);
    // Her open tabs are told on her own channel (and nothing of what: they read the API again).
    const live = await t.db
      .select()
      .from(realtimeMessages)
      .where(eq(realtimeMessages.channel, `user:${aliceId}`));
    expect(live.map((m) => m.data)).toEqual([{ type: 'notifications' }]);
    // Bob was told nothing.
    expect((await bob.get('/api/me/notifications/summary')).json()).toEqual({ unread: 0, latest: [] });
  });

  it('are one’s own: another person’s and guessed ids are not found, bad ids refused', async () => {
    const [mine] = await rowsOf(aliceId);
    expect((await bob.post(`/api/me/notifications/${mine!.id}/read`)).statusCode).toBe(404);
    expect((await alice.post(`/api/me/notifications/${randomUUID()}/read`)).statusCode).toBe(404);
    const bad = problemOf(await alice.post('/api/me/notifications/pas-un-id/read'));
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect((await rowsOf(aliceId))[0]!.readAt).toBeNull();
    expect((await bob.get('/api/me/notifications')).json().items).toEqual([]);
    expect((await t.anonymous().get('/api/me/notifications/summary')).statusCode).toBe(401);

    expect((await alice.post(`/api/me/notifications/${mine!.id}/read`)).statusCode).toBe(204);
    expect((await alice.get('/api/me/notifications/summary')).json().unread).toBe(0);
  });

  it('lists a page at a time, unread only on demand, and marks all read', async () => {
    const session = await runningSession('Lire au CP');
    await t.enrol(session, [ALICE]);
    const page = (await alice.get('/api/me/notifications')).json();
    expect(page.items).toHaveLength(2);
    expect(page.next).toBeNull();
    expect((await alice.get('/api/me/notifications?unread=true')).json().items).toHaveLength(1);
    expect((await alice.get('/api/me/notifications?before=nimportequoi')).statusCode).toBe(400);
    expect((await alice.post('/api/me/notifications/read-all')).json()).toEqual({ marked: 1 });
    expect((await alice.get('/api/me/notifications/summary')).json().unread).toBe(0);
  });
});

describe('preferences', () => {
  it('lists every type with its default', async () => {
    const list = (await alice.get('/api/me/notification-preferences')).json();
    expect(list.map((p: { type: string }) => p.type)).toEqual([
      'enrolment.enrolled',
      'followup.reminder',
      'offers.alert',
      'workflow.announce',
    ]);
    expect(list[0]).toMatchObject({
      channel: 'email',
      defaultChannel: 'email',
      label: 'Inscription à une session',
    });
  });

  it('refuses bad input with a French problem, writing nothing', async () => {
    const before = await preferenceCount();
    const badChannel = problemOf(
      await alice.put('/api/me/notification-preferences', {
        preferences: [{ type: 'enrolment.enrolled', channel: 'pigeon' }],
      }),
    );
    expect(badChannel.status).toBe(400);
    expect(badChannel.contentType).toContain('application/problem+json');
    const unknown = problemOf(
      await alice.put('/api/me/notification-preferences', {
        preferences: [
          { type: 'enrolment.enrolled', channel: 'off' },
          { type: 'nimporte.quoi', channel: 'off' },
        ],
      }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.title).toBe('Ce type de notification n’existe pas.');
    expect(unknown.body.errors?.[0]?.path).toBe('preferences.1.type');
    expect((await alice.put('/api/me/notification-preferences', { preferences: [] })).statusCode).toBe(400);
    expect(await preferenceCount()).toBe(before);
  });

  it('off: nothing at all', async () => {
    await alice.put('/api/me/notification-preferences', {
      preferences: [{ type: 'enrolment.enrolled', channel: 'off' }],
    });
    const rows = (await rowsOf(aliceId)).length;
    const mails = (await mailsTo(ALICE)).length;
    await t.enrol(await runningSession('Écrire au CE1'), [ALICE]);
    expect((await rowsOf(aliceId)).length).toBe(rows);
    expect((await mailsTo(ALICE)).length).toBe(mails);
  });

  it('digest: the bell at once, then one daily mail however many runs — through SMTP', async () => {
    const saved = await alice.put('/api/me/notification-preferences', {
      preferences: [{ type: 'enrolment.enrolled', channel: 'digest' }],
    });
    expect(saved.statusCode).toBe(200);
    const mails = (await mailsTo(ALICE)).length;
    await t.enrol(await runningSession('Compter au CP'), [ALICE]);
    await t.enrol(await runningSession('Compter au CE1'), [ALICE]);
    expect((await alice.get('/api/me/notifications/summary')).json().unread).toBe(2);
    expect((await mailsTo(ALICE)).length).toBe(mails);

    // Two workers at once, then a retry: one mail.
    const now = new Date('2027-01-05T06:00:00Z');
    const deps = { db: t.db, mailer: t.deps.mailer, publicUrl: t.config.publicUrl };
    const [a, b] = await Promise.all([sendDigest(deps, aliceId, now), sendDigest(deps, aliceId, now)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await sendDigests(deps, now)).toBe(0);
    const after = await mailsTo(ALICE);
    expect(after.length).toBe(mails + 1);
    const digest = after.find((m) => m.subject === 'Magistère\u00a0: 2 nouvelles notifications')!;
    expect(digest.text).toContain('Compter au CP');
    expect(digest.text).toContain('Compter au CE1');

    await t.deps.mailer.deliver(digest.id, true);
    expect(received.some((raw) => raw.includes(digest.id))).toBe(true);

    // What comes later waits for the next day's digest, even if a run comes again the same day.
    await t.enrol(await runningSession('Compter au CE2'), [ALICE]);
    expect(await sendDigests(deps, now)).toBe(0);
    expect(await sendDigests(deps, new Date('2027-01-06T06:00:00Z'))).toBe(1);
  });
});

describe('an announcement', () => {
  it('is in the bell of each participant and mailed as before', async () => {
    const session = await runningSession('Annoncer');
    await t.enrol(session, [BOB]);
    await t.enrol(session, ['formateur@magistere.test'], 'trainer');
    const trainer = await t.as('formateur@magistere.test');
    const sent = await trainer.post(`/api/courses/${session}/announce`, {
      subject: 'Bienvenue',
      message: 'La première classe virtuelle a lieu lundi.',
    });
    expect(sent.statusCode).toBe(200);
    const latest = (await bob.get('/api/me/notifications/summary')).json().latest[0];
    expect(latest.title).toBe('Annonce de la session «\u00a0Annoncer\u00a0»\u00a0: Bienvenue');
    const mail = (await mailsTo(BOB)).find((m) => m.subject === 'Bienvenue')!;
    expect(mail.text).toContain('La première classe virtuelle a lieu lundi.');

    // In the app only: the bell, no mail.
    await bob.put('/api/me/notification-preferences', {
      preferences: [{ type: 'workflow.announce', channel: 'app' }],
    });
    const mails = (await mailsTo(BOB)).length;
    await trainer.post(`/api/courses/${session}/announce`, { subject: 'Rappel', message: 'À lundi.' });
    expect((await bob.get('/api/me/notifications/summary')).json().latest[0].title).toBe(
      'Annonce de la session «\u00a0Annoncer\u00a0»\u00a0: Rappel',
    );
    expect((await mailsTo(BOB)).length).toBe(mails);
  });
});

describe('retention', () => {
  it('forgets notifications past the retention period', async () => {
    const total = (await t.db.select({ n: count() }).from(notifications))[0]!.n;
    expect(total).toBeGreaterThan(0);
    expect(await purgeOld(t.db, new Date(Date.now() + 181 * 86_400_000))).toBe(total);
    expect((await t.db.select({ n: count() }).from(notifications))[0]!.n).toBe(0);
  });
});
