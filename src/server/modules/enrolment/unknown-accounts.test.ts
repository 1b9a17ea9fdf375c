/**
 * Enrolling addresses that have no account (created and invited by those allowed, or whom to ask),
 * CSV files as French spreadsheets save them, and the mail that tells people they were enrolled.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkResult, EnrolmentReport } from '../../../shared/enrolment.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { users } from '../accounts/schema.ts';
import { enrolments } from './schema.ts';
import { domainId, holdings, newCourse, newPeople, postCsv, setStage } from './testing.ts';

let t: TestApp;
let designer: ApiClient;
let trainer: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  designer = await t.as('concepteur@magistere.test');
  trainer = await t.as('formateur@magistere.test');
});
afterAll(() => t.close());

const lists = (course: string, step: 'validate' | 'apply') =>
  `/api/courses/${course}/enrolments/lists/${step}`;
const csv = (course: string, step: 'validate' | 'apply') => `/api/courses/${course}/enrolments/csv/${step}`;

/** Posts a CSV with the `createAccounts` field, as the page does when the box is ticked. */
async function postCsvCreating(client: ApiClient, url: string, content: Buffer) {
  const { payload, headers } = multipartBody({ createAccounts: 'true' }, [
    { field: 'file', filename: 'inscriptions.csv', type: 'text/csv', content },
  ]);
  return client.request('POST', url, payload, headers);
}

const mailsTo = (emails: string[]) =>
  t.db.select().from(mailMessages).where(inArray(mailMessages.to, emails)).orderBy(mailMessages.createdAt);
const accountsFor = (emails: string[]) =>
  t.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = any(${sql.param(emails)}::text[])`);

/** A running session of Aix, with its dates. */
async function newSession(title: string) {
  const course = await newCourse(t, title);
  await setStage(t, course, 'session_running', {
    startsAt: new Date('2026-09-07T08:00:00Z'),
    endsAt: new Date('2026-12-18T17:00:00Z'),
    selfEnrolment: true,
  });
  return course;
}

describe('addresses without an account', () => {
  it('are created and invited by a trainer who asks for it, in the same apply', async () => {
    const course = await newSession('Comptes créés');
    const [known] = await newPeople(t, 'connue', 1);
    const unknown = ['jean-marc.dupont@exemple.fr', 'lea.martin.2@exemple.fr'];
    const body = { lists: { participant: [known!.email, ...unknown].join('\n') } };

    // Without asking: the addresses are errors, and the report says the trainer may create them.
    const plain = (await trainer.post(lists(course, 'validate'), body)).json() as EnrolmentReport;
    expect(plain.ok).toBe(false);
    expect(plain.accounts).toEqual({
      unknown: 2,
      unknownEmails: unknown,
      canCreate: true,
      create: false,
      askTo: [],
    });
    expect(plain.entries.map((e) => e.issues)).toEqual([['unknown_user'], ['unknown_user']]);

    // Asking: they become accounts to create, named from their address.
    const asked = { ...body, createAccounts: true };
    const report = (await trainer.post(lists(course, 'validate'), asked)).json() as EnrolmentReport;
    expect(report).toMatchObject({
      ok: true,
      totals: { toEnrol: 3, accountsToCreate: 2, errors: 0 },
      accounts: { unknown: 2, canCreate: true, create: true },
    });
    expect(report.entries).toEqual([
      expect.objectContaining({ email: unknown[0], status: 'create', name: 'Jean-Marc Dupont' }),
      expect.objectContaining({ email: unknown[1], status: 'create', name: 'Lea Martin' }),
    ]);
    expect(await accountsFor(unknown)).toEqual([]);

    const applied = await trainer.post(lists(course, 'apply'), asked);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ enrolled: 3, accountsCreated: 2, notified: 3 });
    const created = await accountsFor(unknown);
    expect(created.map((u) => [u.email, u.firstName, u.lastName, u.passwordHash]).sort()).toEqual([
      ['jean-marc.dupont@exemple.fr', 'Jean-Marc', 'Dupont', null],
      ['lea.martin.2@exemple.fr', 'Lea', 'Martin', null],
    ]);
    expect(created.every((u) => u.homeDomainId === created[0]!.homeDomainId)).toBe(true);
    expect(created[0]!.homeDomainId).toBe(await domainId(t));
    const active = await t.db
      .select({ userId: enrolments.userId })
      .from(enrolments)
      .where(and(eq(enrolments.courseId, course), eq(enrolments.status, 'active')));
    expect(active.map((e) => e.userId)).toEqual(
      expect.arrayContaining([known!.id, ...created.map((u) => u.id)]),
    );
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'user.created'),
          inArray(
            auditEvents.objectId,
            created.map((u) => u.id),
          ),
        ),
      );
    expect(audit.map((e) => e.details)).toEqual([
      expect.objectContaining({ local: true, courseId: course }),
      expect.objectContaining({ local: true, courseId: course }),
    ]);

    // Each new person gets the invitation and the enrolment notice; its link sets a password.
    const mails = await mailsTo([unknown[0]!]);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Inscription à la session «\u00a0Comptes créés\u00a0»',
      'Votre compte Magistère a été créé',
    ]);
    const invitation = mails.find((m) => m.subject.startsWith('Votre compte'))!;
    const token = /#jeton=([\w-]+)/.exec(invitation.text)?.[1];
    expect(token).toBeTruthy();
    const notice = mails.find((m) => m.subject.startsWith('Inscription'))!;
    expect(notice.text).toContain('un autre courriel vous invite à choisir votre mot de passe');
    const reset = await t.anonymous().post('/api/auth/password-reset', {
      token,
      password: 'Un-mot-de-passe-2026',
    });
    expect(reset.statusCode).toBe(204);
    const newcomer = await t.as(unknown[0]!, 'Un-mot-de-passe-2026');
    expect((await newcomer.get(`/api/courses/${course}`)).statusCode).toBe(200);
  });

  it('are refused to a designer, who is told whom to ask, and nothing is written', async () => {
    const course = await newCourse(t, 'Comptes refusés');
    const unknown = ['alice.refus@exemple.fr', 'bob.refus@exemple.fr'];
    const body = { lists: { participant: unknown.join(', ') } };
    const report = (await designer.post(lists(course, 'validate'), body)).json() as EnrolmentReport;
    expect(report.ok).toBe(false);
    expect(report.accounts).toMatchObject({ unknown: 2, canCreate: false, create: false });
    const [referent] = await t.db.select().from(users).where(eq(users.email, 'referent@magistere.test'));
    expect(report.accounts.askTo).toEqual([
      { name: `${referent!.firstName} ${referent!.lastName}`, email: 'referent@magistere.test' },
    ]);

    const before = await holdings(t, course);
    for (const step of ['validate', 'apply'] as const) {
      const refused = problemOf(await designer.post(lists(course, step), { ...body, createAccounts: true }));
      expect([refused.status, refused.body.code]).toEqual([403, 'account_creation_forbidden']);
      expect(refused.body.title).toMatch(/Demandez à l’administrateur local/);
    }
    const csvRefused = await postCsvCreating(designer, csv(course, 'apply'), Buffer.from(unknown.join('\n')));
    expect(csvRefused.statusCode).toBe(403);
    expect(await holdings(t, course)).toEqual(before);
    expect(await accountsFor(unknown)).toEqual([]);
    expect(await mailsTo(unknown)).toEqual([]);
  });

  it('are not created when one line is wrong: the whole apply writes nothing', async () => {
    const course = await newSession('Comptes tout ou rien');
    const unknown = ['claire.tout@exemple.fr', 'david.rien@exemple.fr'];
    const before = await holdings(t, course);
    const body = {
      lists: { participant: `${unknown.join('\n')}\npas-une-adresse` },
      createAccounts: true,
    };
    const refused = await trainer.post(lists(course, 'apply'), body);
    expect(refused.statusCode).toBe(422);
    expect((refused.json().report as EnrolmentReport).totals).toMatchObject({
      errors: 1,
      accountsToCreate: 2,
    });
    const file = Buffer.from(`courriel;rôle\n${unknown[0]};participant\n${unknown[1]};directeur\n`);
    expect((await postCsvCreating(trainer, csv(course, 'apply'), file)).statusCode).toBe(422);
    expect(await holdings(t, course)).toEqual(before);
    expect(await accountsFor(unknown)).toEqual([]);
    expect(await mailsTo(unknown)).toEqual([]);
  });
});

describe('CSV files from French spreadsheets', () => {
  it('reads Windows-1252 with semicolons, shows how, and names the accounts from the file', async () => {
    const course = await newSession('Fichier Windows-1252');
    // « Prénom;Nom;Courriel » then « Élodie;Hélène;… », saved by Excel in Windows-1252.
    const file = Buffer.from('Prénom;Nom;Courriel\r\nÉlodie;Hélène;e.h@exemple.fr\r\n', 'latin1');
    expect(file.includes(Buffer.from('É', 'utf8'))).toBe(false);

    const plain = (await postCsv(trainer, csv(course, 'validate'), file)).json() as EnrolmentReport;
    expect(plain.file).toEqual({
      encoding: 'windows-1252',
      delimiter: ';',
      header: ['Prénom', 'Nom', 'Courriel'],
      preview: [{ line: 2, cells: ['Élodie', 'Hélène', 'e.h@exemple.fr'] }],
    });
    expect(plain.accounts).toMatchObject({ unknown: 1, unknownEmails: ['e.h@exemple.fr'] });

    const asked = await postCsvCreating(trainer, csv(course, 'validate'), file);
    expect(asked.json().entries).toEqual([
      expect.objectContaining({ line: 2, status: 'create', name: 'Élodie Hélène' }),
    ]);
    const applied = await postCsvCreating(trainer, csv(course, 'apply'), file);
    expect(applied.statusCode, applied.body).toBe(200);
    expect((applied.json() as BulkResult).report.file?.encoding).toBe('windows-1252');
    const [account] = await accountsFor(['e.h@exemple.fr']);
    expect([account?.firstName, account?.lastName]).toEqual(['Élodie', 'Hélène']);
  });
});

describe('the enrolment notice by mail', () => {
  it('tells each person enrolled in a session once, with its title, dates and link', async () => {
    const course = await newSession('Session annoncée');
    const people = await newPeople(t, 'avertie', 3);
    const emails = people.map((p) => p.email);
    const body = { lists: { participant: `${emails[0]}\n${emails[1]}`, tutor: emails[1] } };
    const applied = await trainer.post(lists(course, 'apply'), body);
    expect(applied.json()).toMatchObject({ enrolled: 3, notified: 2 });

    const mails = await mailsTo(emails);
    expect(mails.map((m) => m.to).sort()).toEqual([emails[0], emails[1]]);
    const [first] = mails.filter((m) => m.to === emails[0]);
    expect(first!.subject).toBe('Inscription à la session «\u00a0Session annoncée\u00a0»');
    expect(first!.text).toContain('Bonjour Prénom1 Avertie,');
    expect(first!.text).toContain('comme participant(e) à la session');
    expect(first!.text).toContain('La session se déroule du 7 septembre 2026 au 18 décembre 2026.');
    expect(first!.text).toContain(`http://localhost:3000/parcours/${course}`);
    // Two roles at once: one mail naming both.
    expect(mails.find((m) => m.to === emails[1])!.text).toContain(
      'comme participant(e) et tuteur ou tutrice',
    );

    // Applying again, or coming back after an unenrolment, is the same enrolment: no second mail.
    expect((await trainer.post(lists(course, 'apply'), body)).json()).toMatchObject({ notified: 0 });
    const list = (await trainer.get(`/api/courses/${course}/enrolments`)).json();
    const row = list.items.find((e: { email: string; role: string }) => e.email === emails[0]);
    expect((await trainer.delete(`/api/enrolments/${row.id}`)).statusCode).toBe(204);
    const again = await trainer.post(lists(course, 'apply'), { lists: { participant: emails[0] } });
    expect(again.json()).toMatchObject({ reactivated: 1, notified: 0 });

    // Self-enrolment is told too, once.
    const self = await t.as(emails[2]!);
    expect((await self.post(`/api/courses/${course}/self-enrolment`)).statusCode).toBe(200);
    expect((await self.delete(`/api/courses/${course}/self-enrolment`)).statusCode).toBe(200);
    expect((await self.post(`/api/courses/${course}/self-enrolment`)).statusCode).toBe(200);
    expect((await mailsTo(emails)).length).toBe(3);
    expect((await mailsTo([emails[2]!]))[0]!.subject).toContain('Session annoncée');
  });

  it('is not sent for a parcours in construction', async () => {
    const course = await newCourse(t, 'Parcours en construction');
    const [person] = await newPeople(t, 'construction', 1);
    const applied = await designer.post(lists(course, 'apply'), { lists: { trainer: person!.email } });
    expect(applied.json()).toMatchObject({ enrolled: 1, notified: 0 });
    expect(await mailsTo([person!.email])).toEqual([]);
  });
});
