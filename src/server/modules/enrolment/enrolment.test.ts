import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolmentReport } from '../../../shared/enrolment.ts';
import { roleAssignments } from '../../platform/access/schema.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { activityViews } from '../progress/schema.ts';
import { enrolments } from './schema.ts';
import { courseContext, holdings, newCourse, newPeople, postCsv, setStage } from './testing.ts';

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

describe('enrolment by pasted lists, one per role', () => {
  it('reports every entry with its line, writes nothing on validation, and refuses to apply with errors', async () => {
    const course = await newCourse(t, 'Listes');
    const people = await newPeople(t, 'liste', 4);
    const emails = people.map((p) => p.email);
    const before = await holdings(t, course);
    const body = {
      lists: {
        participant: ` ${emails[0]!.toUpperCase()} , ${emails[1]};\n\n${emails[0]} | pas-une-adresse\ninconnu@exemple.fr`,
        trainer: emails[2],
        tutor: `${emails[3]}\n`,
      },
    };
    const validation = await trainer.post(lists(course, 'validate'), body);
    expect(validation.statusCode).toBe(200);
    const report = validation.json() as EnrolmentReport;
    expect(report.ok).toBe(false);
    expect(report.totals).toMatchObject({ entries: 7, toEnrol: 4, errors: 3, alreadyEnrolled: 0 });
    expect(report.entries).toEqual([
      expect.objectContaining({ line: 3, list: 'participant', issues: ['duplicate'], firstLine: 1 }),
      expect.objectContaining({ line: 3, email: 'pas-une-adresse', issues: ['invalid_email'] }),
      expect.objectContaining({ line: 4, email: 'inconnu@exemple.fr', issues: ['unknown_user'] }),
    ]);
    expect(await holdings(t, course)).toEqual(before);

    const refused = await trainer.post(lists(course, 'apply'), body);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'enrolment_report_has_errors', report: { ok: false } });
    expect(refused.json().title).toMatch(/Rien n’a été inscrit/);
    expect(await holdings(t, course)).toEqual(before);

    const fixed = {
      lists: { participant: `${emails[0]}, ${emails[1]}`, trainer: emails[2], tutor: emails[3] },
    };
    const applied = await trainer.post(lists(course, 'apply'), fixed);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ enrolled: 4, reactivated: 0, groupsCreated: [] });
    expect(await holdings(t, course)).toMatchObject({ enrolments: 4, active: 4, roles: 4 });
    const roles = await t.db
      .select({ userId: roleAssignments.userId, role: roleAssignments.role })
      .from(roleAssignments)
      .where(eq(roleAssignments.contextId, await courseContext(t, course)));
    expect(roles).toEqual(
      expect.arrayContaining([
        { userId: people[0]!.id, role: 'participant' },
        { userId: people[2]!.id, role: 'trainer' },
        { userId: people[3]!.id, role: 'tutor' },
      ]),
    );
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'enrolment.bulk_applied'), eq(auditEvents.objectId, course)));
    expect(event?.details).toMatchObject({ method: 'list', enrolled: 4 });

    // Again: everyone is already enrolled, which is not an error; nothing changes.
    const again = (await trainer.post(lists(course, 'validate'), fixed)).json() as EnrolmentReport;
    expect(again).toMatchObject({ ok: true, totals: { toEnrol: 0, alreadyEnrolled: 4, errors: 0 } });
    expect(again.entries.every((e) => e.status === 'skip' && e.issues[0] === 'already_enrolled')).toBe(true);
  });

  it('gives access at once: an enrolled person opens the course on their next request', async () => {
    const course = await newCourse(t, 'Accès immédiat');
    const observer = await t.as('observateur@magistere.test');
    expect((await observer.get(`/api/courses/${course}`)).statusCode).toBe(403);
    const applied = await designer.post(lists(course, 'apply'), {
      lists: { participant: 'observateur@magistere.test' },
    });
    expect(applied.statusCode).toBe(200);
    expect((await observer.get(`/api/courses/${course}`)).statusCode).toBe(200);
    expect((await observer.get('/api/me')).json().capabilities).toContain('course:view');
  });

  it('refuses an empty list or bad input with a problem, writing nothing', async () => {
    const course = await newCourse(t, 'Vide');
    const empty = problemOf(await trainer.post(lists(course, 'apply'), { lists: { participant: ' ;\n' } }));
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('nothing_to_enrol');
    expect((await trainer.post(lists(course, 'apply'), { lists: { participant: 42 } })).statusCode).toBe(400);
    expect((await trainer.post(lists(course, 'apply'), {})).statusCode).toBe(400);
    expect((await holdings(t, course)).enrolments).toBe(0);
  });

  it('is refused to people who may not enrol, whatever the body', async () => {
    const course = await newCourse(t, 'Refus');
    for (const email of [
      'participant@magistere.test',
      'tuteur@magistere.test',
      'observateur@magistere.test',
    ]) {
      const client = await t.as(email);
      const response = await client.post(lists(course, 'apply'), { lists: { participant: email } });
      expect(response.statusCode, email).toBe(403);
    }
    expect((await holdings(t, course)).enrolments).toBe(0);
  });
});

describe('enrolment by CSV', () => {
  /** 20 rows: people 1–10 in "Groupe A", 11–20 in "Groupe B", two of them trainers. */
  const rows = (emails: string[]) =>
    emails.map(
      (email, i) =>
        `${email};${i === 0 || i === 10 ? 'formateur' : 'participant'};Groupe ${i < 10 ? 'A' : 'B'}`,
    );

  it('applies all or nothing: one bad row out of 20 (the 19th) leaves nothing; fixed, all is written', async () => {
    const course = await newCourse(t, 'CSV vingt');
    const people = await newPeople(t, 'csv', 20);
    const good = rows(people.map((p) => p.email));
    const bad = [...good];
    bad[18] = `${people[18]!.email};directeur;Groupe B`;
    const file = (lines: string[]) => `\uFEFFCourriel;Rôle;Groupe\r\n${lines.join('\r\n')}\r\n`;
    const before = await holdings(t, course);

    const report = (await postCsv(trainer, csv(course, 'validate'), file(bad))).json() as EnrolmentReport;
    expect(report).toMatchObject({
      ok: false,
      totals: { entries: 20, errors: 1, toEnrol: 19 },
      groupsToCreate: ['Groupe A', 'Groupe B'],
    });
    // Line 20 of the file: the header is line 1.
    expect(report.entries).toEqual([
      expect.objectContaining({
        line: 20,
        role: null,
        roleText: 'directeur',
        issues: ['bad_role'],
        status: 'error',
      }),
    ]);
    const refused = await postCsv(trainer, csv(course, 'apply'), file(bad));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().report.entries[0].line).toBe(20);
    expect(await holdings(t, course)).toEqual(before);

    const applied = await postCsv(trainer, csv(course, 'apply'), file(good));
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ enrolled: 20, groupsCreated: ['Groupe A', 'Groupe B'] });
    expect(await holdings(t, course)).toMatchObject({ enrolments: 20, roles: 20, groups: 2, members: 20 });
    const list = (await trainer.get(`/api/courses/${course}/enrolments?pageSize=50`)).json();
    expect(list.counts).toEqual({ participant: 18, trainer: 2, tutor: 0 });
    const first = list.items.find((e: { userId: string }) => e.userId === people[0]!.id);
    expect(first).toMatchObject({ role: 'trainer', method: 'csv', groups: [{ name: 'Groupe A' }] });
  });

  it('reads commas, no header, English roles, and puts an empty role as participant', async () => {
    const course = await newCourse(t, 'CSV anglais');
    const people = await newPeople(t, 'anglais', 3);
    const content = `${people[0]!.email},trainer,Alpha\n${people[1]!.email},,alpha\n${people[2]!.email}\n`;
    const report = (await postCsv(trainer, csv(course, 'validate'), content)).json();
    // "alpha" and "Alpha" are one group, created with its first spelling.
    expect(report).toMatchObject({
      ok: true,
      totals: { toEnrol: 3, groupMemberships: 2 },
      groupsToCreate: ['Alpha'],
    });
    expect((await postCsv(trainer, csv(course, 'apply'), content)).statusCode).toBe(200);
    const roles = (await trainer.get(`/api/courses/${course}/enrolments`)).json().counts;
    expect(roles).toEqual({ participant: 2, trainer: 1, tutor: 0 });
  });

  it('adds the already enrolled to their new group without enrolling them twice', async () => {
    const course = await newCourse(t, 'CSV groupes');
    const [person] = await newPeople(t, 'dejainscrit', 1);
    await trainer.post(lists(course, 'apply'), { lists: { participant: person!.email } });
    const content = `email,role,group\n${person!.email},participant,Tardifs\n`;
    const report = (await postCsv(trainer, csv(course, 'validate'), content)).json();
    expect(report).toMatchObject({
      ok: true,
      totals: { toEnrol: 0, alreadyEnrolled: 1, groupMemberships: 1 },
    });
    expect((await postCsv(trainer, csv(course, 'apply'), content)).statusCode).toBe(200);
    expect(await holdings(t, course)).toMatchObject({ enrolments: 1, groups: 1, members: 1 });
  });

  it('refuses unreadable, empty, too large or missing files with a problem, writing nothing', async () => {
    const course = await newCourse(t, 'CSV refus');
    const cases: [string | Buffer, number, string][] = [
      ['a@x.fr,"non fermé\n', 400, 'csv_unreadable'],
      ['', 400, 'csv_empty'],
      ['Nom;Rôle\nDupont;participant\n', 400, 'csv_no_email_column'],
      [Buffer.alloc(2 * 1024 * 1024 + 10, 'a'), 413, 'payload_too_large'],
    ];
    for (const [content, status, code] of cases) {
      const response = problemOf(await postCsv(trainer, csv(course, 'apply'), content));
      expect([response.status, response.body.code], code).toEqual([status, code]);
      expect(response.contentType).toMatch(/problem\+json/);
    }
    const noFile = await trainer.request('POST', csv(course, 'apply'), { lists: {} });
    expect(noFile.statusCode).toBe(415);
    expect(await holdings(t, course)).toMatchObject({ enrolments: 0, groups: 0 });
  });
});

describe('unenrolment and re-enrolment', () => {
  it('keeps the row and the history, takes the role back, and reactivates the same row on re-enrolment', async () => {
    const course = await newCourse(t, 'Historique');
    const sectionId = (await designer.get(`/api/courses/${course}`)).json().sections[0].id;
    const activity = (
      await designer.post(`/api/courses/${course}/activities`, {
        sectionId,
        kind: 'page',
        title: 'Lecture',
        settings: { content: '<p>x</p>' },
      })
    ).json().id;
    const [person] = await newPeople(t, 'historique', 1, 'ac-bordeaux');
    await trainer.post(lists(course, 'apply'), { lists: { participant: person!.email } });
    const learner = await t.as(person!.email);
    expect((await learner.post(`/api/activities/${activity}/view`)).statusCode).toBe(204);

    const list = (await trainer.get(`/api/courses/${course}/enrolments`)).json();
    const enrolmentId = list.items[0].id as string;
    const removed = await trainer.delete(`/api/enrolments/${enrolmentId}`);
    expect(removed.statusCode).toBe(204);
    const [row] = await t.db.select().from(enrolments).where(eq(enrolments.id, enrolmentId));
    expect(row).toMatchObject({ status: 'removed' });
    expect(row!.removedAt).toBeInstanceOf(Date);
    expect(row!.removedBy).toBeTruthy();
    expect(await holdings(t, course)).toMatchObject({ enrolments: 1, active: 0, roles: 0 });
    expect((await learner.get(`/api/courses/${course}`)).statusCode).toBe(403);
    const views = await t.db.select().from(activityViews).where(eq(activityViews.userId, person!.id));
    expect(views).toHaveLength(1);
    const history = (await trainer.get(`/api/courses/${course}/enrolments?status=removed`)).json();
    expect(history.items).toEqual([expect.objectContaining({ id: enrolmentId, status: 'removed' })]);
    expect(problemOf(await trainer.delete(`/api/enrolments/${enrolmentId}`)).status).toBe(409);

    const report = (
      await trainer.post(lists(course, 'validate'), { lists: { participant: person!.email } })
    ).json();
    expect(report.totals).toMatchObject({ toEnrol: 1, toReactivate: 1 });
    const applied = (
      await trainer.post(lists(course, 'apply'), { lists: { participant: person!.email } })
    ).json();
    expect(applied).toMatchObject({ enrolled: 0, reactivated: 1 });
    const [back] = await t.db.select().from(enrolments).where(eq(enrolments.courseId, course));
    expect(back).toMatchObject({ id: enrolmentId, status: 'active', removedAt: null, removedBy: null });
    expect((await learner.get(`/api/courses/${course}`)).statusCode).toBe(200);
    expect((await learner.get(`/api/courses/${course}/progress`)).json().viewed).toEqual([activity]);
  });

  it('is refused to people who may not unenrol', async () => {
    const course = await newCourse(t, 'Désinscription refusée');
    await trainer.post(lists(course, 'apply'), { lists: { participant: 'observateur@magistere.test' } });
    const id = (await trainer.get(`/api/courses/${course}/enrolments`)).json().items[0].id;
    const observer = await t.as('observateur@magistere.test');
    expect((await observer.delete(`/api/enrolments/${id}`)).statusCode).toBe(403);
    expect((await holdings(t, course)).active).toBe(1);
  });
});

describe('enrolment depends on the course’s stage', () => {
  it('is refused in the trash and in an archived session, with a French reason; allowed elsewhere', async () => {
    const course = await newCourse(t, 'Étapes');
    const [person] = await newPeople(t, 'etape', 1);
    const body = { lists: { participant: person!.email } };
    for (const [stage, words] of [
      ['trash', 'corbeille'],
      ['session_archived', 'archivée'],
    ] as const) {
      await setStage(t, course, stage);
      for (const url of [lists(course, 'validate'), lists(course, 'apply')]) {
        const problem = problemOf(await trainer.post(url, body));
        expect(problem.status).toBe(409);
        expect(problem.body.code).toBe('enrolment_closed');
        expect(problem.body.title).toContain(words);
      }
      const manual = await trainer.post(`/api/courses/${course}/enrolments`, {
        role: 'participant',
        emails: [person!.email],
      });
      expect(manual.statusCode).toBe(409);
      const listing = (await trainer.get(`/api/courses/${course}/enrolments`)).json();
      expect(listing.closed).toBe(stage);
      expect(await holdings(t, course)).toMatchObject({ enrolments: 0 });
    }
    for (const stage of ['template', 'construction', 'session_preparation', 'session_running'] as const) {
      await setStage(t, course, stage);
      expect((await trainer.post(lists(course, 'validate'), body)).statusCode, stage).toBe(200);
    }
    expect((await trainer.post(lists(course, 'apply'), body)).statusCode).toBe(200);
  });
});

describe('manual enrolment and the people search', () => {
  it('enrols picked people and addresses, counts those already there, refuses unknown ones', async () => {
    const course = await newCourse(t, 'Manuel');
    const people = await newPeople(t, 'manuel', 3);
    const url = `/api/courses/${course}/enrolments`;
    const created = await trainer.post(url, {
      role: 'tutor',
      userIds: [people[0]!.id],
      emails: [people[1]!.email.toUpperCase()],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ enrolled: 2, reactivated: 0, alreadyEnrolled: 0 });
    const again = await trainer.post(url, { role: 'tutor', userIds: [people[0]!.id, people[0]!.id] });
    expect(again.json()).toEqual({ enrolled: 0, reactivated: 0, alreadyEnrolled: 1 });

    const unknownEmail = await trainer.post(url, {
      role: 'tutor',
      emails: [people[2]!.email, 'x@inconnu.fr'],
    });
    expect(unknownEmail.statusCode).toBe(422);
    expect(unknownEmail.json().report.entries[0]).toMatchObject({
      email: 'x@inconnu.fr',
      issues: ['unknown_user'],
    });
    const unknownId = problemOf(
      await trainer.post(url, { role: 'tutor', userIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(unknownId.status).toBe(400);
    expect(unknownId.body.errors?.[0]?.path).toBe('userIds.0');
    expect(problemOf(await trainer.post(url, { role: 'tutor' })).status).toBe(400);
    expect((await trainer.post(url, { role: 'roi', emails: [people[2]!.email] })).statusCode).toBe(400);
    expect(await holdings(t, course)).toMatchObject({ enrolments: 2 });
  });

  it('lets account managers search the domain by name, and others find a person by exact address only', async () => {
    const course = await newCourse(t, 'Recherche');
    const [person] = await newPeople(t, 'recherchable', 1);
    const url = (q: string) => `/api/courses/${course}/enrolment-candidates?q=${encodeURIComponent(q)}`;
    const referent = await t.as('referent@magistere.test');
    const byName = (await referent.get(url('Recherchable'))).json();
    expect(byName.mode).toBe('search');
    expect(byName.items.map((c: { email: string }) => c.email)).toContain(person!.email);
    const trainerByName = (await trainer.get(url('Recherchable'))).json();
    expect(trainerByName).toEqual({ mode: 'email', items: [] });
    const trainerByEmail = (await trainer.get(url(person!.email.toUpperCase()))).json();
    expect(trainerByEmail.items).toEqual([expect.objectContaining({ id: person!.id, enrolledAs: [] })]);
    await trainer.post(`/api/courses/${course}/enrolments`, { role: 'tutor', emails: [person!.email] });
    expect((await trainer.get(url(person!.email))).json().items[0].enrolledAs).toEqual(['tutor']);
    const participant = await t.as('participant@magistere.test');
    expect((await participant.get(url(person!.email))).statusCode).toBe(403);
  });
});

describe('the list of enrolled people', () => {
  it('searches, filters by role and group, and pages', async () => {
    const course = await newCourse(t, 'Liste paginée');
    const people = await newPeople(t, 'pagine', 12);
    const content = people
      .map((p, i) => `${p.email};${i < 2 ? 'tuteur' : 'participant'};${i % 2 ? 'Impairs' : 'Pairs'}`)
      .join('\n');
    expect((await postCsv(trainer, csv(course, 'apply'), content)).statusCode).toBe(200);
    const get = async (query: string) =>
      (await trainer.get(`/api/courses/${course}/enrolments?${query}`)).json();
    const page1 = await get('pageSize=5');
    expect(page1).toMatchObject({ total: 12, page: 1, pageSize: 5, canManage: true, closed: null });
    expect(page1.items).toHaveLength(5);
    expect((await get('pageSize=5&page=3')).items).toHaveLength(2);
    expect((await get('role=tutor')).total).toBe(2);
    const groups = (await trainer.get(`/api/courses/${course}/groups`)).json();
    const odd = groups.groups.find((g: { name: string }) => g.name === 'Impairs').id;
    expect((await get(`groupId=${odd}`)).total).toBe(6);
    expect((await get(`q=${encodeURIComponent(people[3]!.email)}`)).items).toEqual([
      expect.objectContaining({ userId: people[3]!.id, groups: [{ id: odd, name: 'Impairs' }] }),
    ]);
    const tutor = await t.as('tuteur@magistere.test');
    expect((await tutor.get(`/api/courses/${course}/enrolments`)).statusCode).toBe(403);
    expect((await trainer.get(`/api/courses/${course}/enrolments?pageSize=1000`)).statusCode).toBe(400);
  });
});
