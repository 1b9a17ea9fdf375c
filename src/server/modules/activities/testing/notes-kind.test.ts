/**
 * The activity contract, proved by a kind the course engine has never heard of: `test-notes` (see
 * notes-kind.ts) owns rows of its own table and files of its own owners, and they follow duplication,
 * session creation, the archive round trip, a reset, the GDPR and deletion through its hooks alone.
 */
import { Readable } from 'node:stream';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { capabilityRoles } from '../../../platform/access/capabilities.ts';
import { contexts } from '../../../platform/access/schema.ts';
import { fileLinks } from '../../../platform/files/index.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../../testing/harness.ts';
import { multipartBody } from '../../../testing/multipart.ts';
import { uniqueShortName } from '../../../testing/names.ts';
import { users } from '../../accounts/schema.ts';
import { activityCompletions } from '../../completion/schema.ts';
import { describeCourse, type Manifest } from '../../courses/archive.ts';
import { clearCourseContent, copyCourse } from '../../courses/copy.ts';
import { activities, courses } from '../../courses/schema.ts';
import {
  erasePersonActivityData,
  exportPersonActivityData,
  resetCourseUserData,
} from '../../courses/user-data.ts';
import { domains } from '../../domains/schema.ts';
import { domainContextId } from '../../domains/service.ts';
import { registerActivityKind } from '../registry.ts';
import { NOTES_DDL, noteOwner, notes, testNotes } from './notes-kind.ts';

let t: TestApp;
let designer: ApiClient;
let participant: ApiClient;
let trainer: ApiClient;
let aix = '';
let participantId = '';
let unregister = () => {};

beforeAll(async () => {
  // Before the application is built, so that the kind's routes are mounted.
  unregister = registerActivityKind(notes);
  t = await startTestApp();
  await t.pool.query(NOTES_DDL);
  aix = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille')))[0]!.id;
  participantId = (await t.db.select().from(users).where(eq(users.email, 'participant@magistere.test')))[0]!
    .id;
  designer = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
  trainer = await t.as('formateur@magistere.test');
});
afterAll(async () => {
  await t.close();
  unregister();
});

const INDEXATION = {
  collection: 'formation',
  publics: ['enseignants_1d'],
  objectives: '<p>Retenir.</p>',
  origin: 'academie',
  durationOnSite: 180,
  durationRemote: 90,
  keywords: ['mémoire'],
};

/** The notes activity of a course (each course here holds one). */
async function notesActivity(courseId: string) {
  const [row] = await t.db
    .select()
    .from(activities)
    .where(and(eq(activities.courseId, courseId), eq(activities.kind, 'test-notes')));
  return row!;
}

/** A course's notes: the designer's (`content`) and the participants' (`people`), attachments by file. */
async function notesOf(courseId: string) {
  const activity = await notesActivity(courseId);
  const rows = await t.db
    .select()
    .from(testNotes)
    .where(eq(testNotes.activityId, activity.id))
    .orderBy(testNotes.position, testNotes.body);
  const described = [];
  for (const row of rows) {
    const links = await t.deps.files.listLinks(t.db, noteOwner(row.id));
    described.push({ body: row.body, userId: row.userId, files: links.map((l) => l.sha256) });
  }
  return {
    content: described.filter((n) => n.userId === null).map(({ body, files }) => ({ body, files })),
    people: described.filter((n) => n.userId !== null).map(({ body, userId }) => ({ body, userId })),
  };
}

const countNotes = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(testNotes))[0]!.n;
const countCourses = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(courses))[0]!.n;
const noteLinks = async () =>
  (
    await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(fileLinks)
      .where(eq(fileLinks.ownerType, 'test-note'))
  )[0]!.n;

async function zipOf(manifest: Manifest, blobs: Map<string, Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json');
  for (const [sha, content] of blobs) zip.addBuffer(content, `files/${sha}`);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as Readable) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function importZip(zip: Buffer) {
  const body = multipartBody({ domainId: aix }, [
    { field: 'archive', filename: 'parcours.zip', type: 'application/zip', content: zip },
  ]);
  return designer.request('POST', '/api/courses/import', body.payload, body.headers);
}

const ATTACHMENT = 'Grille de relecture des notes';
const attachmentSha = async () =>
  (await t.db.select().from(fileLinks).where(eq(fileLinks.filename, 'grille.txt')))[0]!.sha256;

/** A parcours with one notes activity holding two notes of its designer, one with an attachment. */
async function parcoursWithNotes() {
  const course = (
    await designer.post('/api/courses', {
      domainId: aix,
      title: 'Prendre des notes',
      shortName: uniqueShortName('NOTES'),
    })
  ).json();
  const sectionId = (await designer.get(`/api/courses/${course.id}`)).json().sections[0].id;
  const created = await designer.post(`/api/courses/${course.id}/activities`, {
    sectionId,
    kind: 'test-notes',
    title: 'Vos notes',
    settings: { prompt: 'Qu’avez-vous retenu ?' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const activityId = created.json().id as string;
  await t.db.transaction(async (tx) => {
    await tx.insert(testNotes).values({ activityId, position: 0, body: 'Relisez la séance 1.' });
    const [second] = await tx
      .insert(testNotes)
      .values({ activityId, position: 1, body: 'Comparez avec la grille.' })
      .returning();
    await t.deps.files.saveUpload(tx, {
      stream: Readable.from([Buffer.from(ATTACHMENT)]),
      filename: 'grille.txt',
      owner: noteOwner(second!.id),
    });
  });
  return { courseId: course.id as string, activityId };
}

describe('the activity contract, through a kind the engine does not know', () => {
  it('registers the kind’s capabilities with the platform’s and mounts its routes', async () => {
    expect(capabilityRoles(notes.caps['test-notes:write'])).toEqual(['participant']);
    // The route exists and asks for the capability: someone who is no participant is refused.
    const parcours = await parcoursWithNotes();
    const refused = await trainer.post(`/api/activities/${parcours.activityId}/test-notes`, { body: 'x' });
    expect(refused.statusCode).toBe(403);
  });

  it('carries the kind’s rows through duplication, session creation, a reset, the GDPR and deletion', async () => {
    const parcours = await parcoursWithNotes();
    const sha = await attachmentSha();
    const designed = {
      content: [
        { body: 'Relisez la séance 1.', files: [] },
        { body: 'Comparez avec la grille.', files: [sha] },
      ],
      people: [],
    };
    expect(await notesOf(parcours.courseId)).toEqual(designed);

    // Duplication: the designer's notes and their attachment (by reference) come along.
    const duplicate = await designer.post(`/api/courses/${parcours.courseId}/duplicate`, { domainId: aix });
    expect(duplicate.statusCode, duplicate.body).toBe(201);
    expect(await notesOf(duplicate.json().id)).toEqual(designed);

    // A session of the parcours (through the workflow): the same.
    expect((await designer.put(`/api/courses/${parcours.courseId}/metadata`, INDEXATION)).statusCode).toBe(
      200,
    );
    const created = await designer.post(`/api/courses/${parcours.courseId}/sessions`, {
      title: 'Prendre des notes — session',
      settings: { startsAt: '2026-01-11T08:00:00+01:00', endsAt: '2030-02-11T18:00:00+01:00' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json().id as string;
    expect(await notesOf(session)).toEqual(designed);
    expect((await designer.post(`/api/courses/${session}/open`, {})).statusCode).toBe(200);
    await t.enrol(session, 'participant@magistere.test');

    // The participant writes a note through the kind's route: people's work, in the session only.
    const activity = await notesActivity(session);
    const written = await participant.post(`/api/activities/${activity.id}/test-notes`, {
      body: 'La répétition espacée.',
    });
    expect(written.statusCode, written.body).toBe(201);
    const withWork = { ...designed, people: [{ body: 'La répétition espacée.', userId: participantId }] };
    expect(await notesOf(session)).toEqual(withWork);
    expect(await notesOf(parcours.courseId)).toEqual(designed);

    // The kind's own completion rule, set after the work was done: the work counts (`evaluate`).
    const ruled = await designer.patch(`/api/activities/${activity.id}`, { completion: { mode: 'kind' } });
    expect(ruled.statusCode, ruled.body).toBe(200);
    const states = await t.db
      .select()
      .from(activityCompletions)
      .where(eq(activityCompletions.activityId, activity.id));
    expect(states.map((s) => [s.userId, s.state])).toEqual([[participantId, 'complete']]);

    // A copy of the session holds the designer's notes only, unless it asks for people's work.
    const plainCopy = await designer.post(`/api/courses/${session}/duplicate`, { domainId: aix });
    expect(await notesOf(plainCopy.json().id)).toEqual(designed);
    const fullCopy = await t.db.transaction(async (tx) =>
      copyCourse(tx, t.deps.files, session, {
        domainId: aix,
        domainContextId: (await domainContextId(tx, aix))!,
        title: 'Copie avec les notes des participants',
        shortName: uniqueShortName('NOTES-FULL'),
        createdBy: participantId,
        withUserData: true,
        now: t.clock.now(),
      }),
    );
    expect(await notesOf(fullCopy.id)).toEqual(withWork);

    // The session reset for a new group: people's notes go, the designer's stay.
    await t.db.transaction((tx) => resetCourseUserData(tx, t.deps.files, session, t.clock.now()));
    expect(await notesOf(session)).toEqual(designed);
    expect(await notesOf(fullCopy.id)).toEqual(withWork);

    // The GDPR: what the participant wrote, wherever it is; then erased.
    const mine = await t.db.transaction((tx) =>
      exportPersonActivityData(tx, t.deps.files, participantId, t.clock.now()),
    );
    expect(mine).toEqual([
      {
        courseId: fullCopy.id,
        activityId: (await notesActivity(fullCopy.id)).id,
        kind: 'test-notes',
        title: 'Vos notes',
        data: { notes: ['La répétition espacée.'] },
      },
    ]);
    await t.db.transaction((tx) => erasePersonActivityData(tx, t.deps.files, participantId, t.clock.now()));
    expect(await notesOf(fullCopy.id)).toEqual(designed);
    expect(await t.db.select().from(testNotes).where(isNotNull(testNotes.userId))).toEqual([]);

    // Deletion — an activity, a section, a course's content (the hub's refresh): the kind's rows and
    // attachments go with them. Without its `onDelete`, its foreign key would refuse the deletion.
    const linksBefore = await noteLinks();
    const deleted = await designer.delete(`/api/activities/${activity.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await t.db.select().from(testNotes).where(eq(testNotes.activityId, activity.id))).toEqual([]);
    expect(await noteLinks()).toBe(linksBefore - 1);
    expect(
      await t.db
        .select()
        .from(contexts)
        .where(and(eq(contexts.level, 'activity'), eq(contexts.instanceId, activity.id))),
    ).toEqual([]);

    const plain = await notesActivity(plainCopy.json().id);
    expect((await designer.delete(`/api/sections/${plain.sectionId}`)).statusCode).toBe(204);
    expect(await t.db.select().from(testNotes).where(eq(testNotes.activityId, plain.id))).toEqual([]);

    const full = await notesActivity(fullCopy.id);
    await t.db.transaction((tx) => clearCourseContent(tx, t.deps.files, fullCopy.id, t.clock.now()));
    expect(await t.db.select().from(testNotes).where(eq(testNotes.activityId, full.id))).toEqual([]);
    expect(await noteLinks()).toBe(linksBefore - 3);

    // The parcours itself never moved.
    expect(await notesOf(parcours.courseId)).toEqual(designed);
  });

  it('carries the designer’s notes and their files in the course archive, never people’s', async () => {
    const parcours = await parcoursWithNotes();
    const sha = await attachmentSha();
    await t.db
      .insert(testNotes)
      .values({ activityId: parcours.activityId, userId: participantId, body: 'Ma note' });

    const exported = await designer.get(`/api/courses/${parcours.courseId}/archive`);
    expect(exported.statusCode).toBe(200);
    const imported = await importZip(exported.rawPayload);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(await notesOf(imported.json().id)).toEqual({
      content: [
        { body: 'Relisez la séance 1.', files: [] },
        { body: 'Comparez avec la grille.', files: [sha] },
      ],
      people: [],
    });
    const manifest = await describeCourse(t.db, t.deps.files, parcours.courseId, t.clock.now());
    const kindData = manifest.sections[0]!.activities[0]!.kindData!;
    expect(kindData.files).toEqual([
      { sha256: sha, filename: 'grille.txt', mime: 'text/plain; charset=utf-8', size: ATTACHMENT.length },
    ]);
    expect(JSON.stringify(kindData.data)).not.toContain('Ma note');
    // Imported beside its original, the course is named as a copy; everything else comes back as it was.
    const back = await describeCourse(t.db, t.deps.files, imported.json().id, t.clock.now());
    expect(back.course.title).toBe(`${manifest.course.title} (copie)`);
    expect({
      ...back,
      course: { ...back.course, title: manifest.course.title, shortName: manifest.course.shortName },
    }).toEqual(manifest);

    const blobs = new Map([[sha, Buffer.from(ATTACHMENT)]]);
    // An archive made before kinds carried data of their own still imports: the activity, without notes.
    const old = structuredClone(manifest);
    delete old.sections[0]!.activities[0]!.kindData;
    const fromOld = await importZip(await zipOf(old, new Map()));
    expect(fromOld.statusCode, fromOld.body).toBe(201);
    expect(await notesOf(fromOld.json().id)).toEqual({ content: [], people: [] });

    // Data its kind cannot read, or data for a kind that reads none: refused, nothing written.
    const bad = structuredClone(manifest);
    (bad.sections[0]!.activities[0]!.kindData!.data as { notes: unknown[] }).notes[0] = { body: 42 };
    bad.sections[0]!.activities.push({
      kind: 'page',
      title: 'Lire',
      settings: { content: '<p>Texte</p>' },
      visibility: 'visible',
      availableFrom: null,
      files: [],
      kindData: { data: { notes: [] }, files: [] },
    });
    const [courses0, notes0] = [await countCourses(), await countNotes()];
    const refused = problemOf(await importZip(await zipOf(bad, blobs)));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        path: 'manifest.sections.0.activities.0.kindData.data.notes.0.body',
        message: 'Les données propres à cette activité ne sont pas lisibles par son type.',
      },
      {
        path: 'manifest.sections.0.activities.1.kindData.data',
        message: 'Les données propres à cette activité ne sont pas lisibles par son type.',
      },
    ]);
    // A file the kind's data names must be in the archive, like any other.
    const missing = problemOf(await importZip(await zipOf(manifest, new Map())));
    expect(missing.body.errors).toEqual([
      { path: `files/${sha}`, message: expect.stringContaining('absent de l’archive') },
    ]);
    expect([await countCourses(), await countNotes()]).toEqual([courses0, notes0]);
  });
});
