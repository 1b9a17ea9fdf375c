/**
 * The deposit space through its API: depositing, editing and withdrawing one's own production, what each
 * reader sees of the others' (separate groups, hidden deposits), comments, moderation, the zip, the limits
 * on files, the XSS corpus, and the kind's rows through copy, reset, the GDPR and deletion.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { fileLinks } from '../../../platform/files/index.ts';
import { richTextViolations, XSS_PAYLOADS } from '../../../platform/richtext/testing.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../../testing/harness.ts';
import { uniqueShortName } from '../../../testing/names.ts';
import { users } from '../../accounts/schema.ts';
import { activityCompletions } from '../../completion/schema.ts';
import { copyCourse } from '../../courses/copy.ts';
import { activities, courses } from '../../courses/schema.ts';
import {
  erasePersonActivityData,
  exportPersonActivityData,
  resetCourseUserData,
} from '../../courses/user-data.ts';
import { domainContextId } from '../../domains/service.ts';
import { newPeople } from '../../enrolment/testing.ts';
import { courseWithActivity, samples, upload } from '../file/testing.ts';
import { depositComments, depositEntries } from './schema.ts';

let t: TestApp;
let designer: ApiClient;
let trainer: ApiClient;
let observer: ApiClient;
/** Four participants: 1 and 2 in group A, 3 in group B, 4 in none. */
let p: ApiClient[] = [];
let people: { id: string; email: string }[] = [];

beforeAll(async () => {
  t = await startTestApp();
  designer = await t.as('concepteur@magistere.test');
  trainer = await t.as('formateur@magistere.test');
  observer = await t.as('observateur@magistere.test');
  people = await newPeople(t, 'depot', 4);
  p = await Promise.all(people.map((person) => t.as(person.email)));
});
afterAll(() => t.close());

/** A course with a deposit space, the four participants enrolled and the two groups made. */
async function space(settings: Record<string, unknown> = {}) {
  const made = await courseWithActivity(t, designer, 'deposit', {
    title: 'Dépôt des productions',
    settings: { instructions: '<p>Déposez votre séquence.</p>', ...settings },
  });
  await t.enrol(
    made.course,
    people.map((person) => person.email),
  );
  const group = async (name: string, members: string[]) => {
    const id = (await trainer.post(`/api/courses/${made.course}/groups`, { name })).json().id as string;
    const added = await trainer.post(`/api/groups/${id}/members`, { userIds: members });
    expect(added.statusCode, added.body).toBe(200);
  };
  await group('Groupe A', [people[0]!.id, people[1]!.id]);
  await group('Groupe B', [people[2]!.id]);
  return made;
}

const base = (activity: string) => `/api/activities/${activity}/deposit`;
const depositText = (client: ApiClient, activity: string, description: string, version?: number) =>
  client.request(
    'PUT',
    base(activity),
    { description },
    version === undefined ? {} : { 'if-match': `"${version}"` },
  );
const entryIds = (body: { entries: { id: string }[] }) => body.entries.map((e) => e.id).sort();

const depositLinks = async () =>
  (
    await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(fileLinks)
      .where(eq(fileLinks.ownerType, 'deposit-entry'))
  )[0]!.n;

function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('deposit space', () => {
  it('takes a production, edits it with its version, counts it for completion, and withdraws it', async () => {
    const { activity } = await space();
    const ruled = await designer.patch(`/api/activities/${activity}`, { completion: { mode: 'submit' } });
    expect(ruled.statusCode, ruled.body).toBe(200);

    // Nothing to deposit: refused, nothing written.
    const empty = await depositText(p[0]!, activity, '<p> </p><script>x</script>');
    expect(problemOf(empty).status).toBe(400);
    expect(problemOf(empty).contentType).toMatch(/problem\+json/);
    expect(await t.db.select().from(depositEntries).where(eq(depositEntries.activityId, activity))).toEqual(
      [],
    );

    // An observer of another domain may not deposit.
    expect((await depositText(observer, activity, '<p>Intrus</p>')).statusCode).toBe(403);

    const made = await depositText(p[0]!, activity, '<p>Ma séquence sur les fractions.</p>');
    expect(made.statusCode, made.body).toBe(200);
    const withFile = await upload(p[0]!, 'POST', `${base(activity)}/files`, [
      { filename: 'séquence.pdf', content: samples.pdf('séquence') },
    ]);
    expect(withFile.statusCode, withFile.body).toBe(201);
    expect(withFile.json().files.map((f: { filename: string }) => f.filename)).toEqual(['séquence.pdf']);
    const version = withFile.json().version as number;
    expect(version).toBe(2);

    const states = await t.db
      .select()
      .from(activityCompletions)
      .where(eq(activityCompletions.activityId, activity));
    expect(states.map((s) => [s.userId, s.state])).toEqual([[people[0]!.id, 'complete']]);

    // A save from an older page: 409, nothing changed.
    const stale = await depositText(p[0]!, activity, '<p>Ancienne version</p>', version - 1);
    expect(problemOf(stale).status).toBe(409);
    const edited = await depositText(p[0]!, activity, '<p>Séquence revue.</p>', version);
    expect(edited.statusCode, edited.body).toBe(200);
    const mine = (await p[0]!.get(base(activity))).json().mine;
    expect(mine.description).toBe('<p>Séquence revue.</p>');
    expect(mine.version).toBe(version + 1);

    // Withdrawn: files unlinked, completion undone.
    const links = await depositLinks();
    expect((await p[0]!.request('DELETE', base(activity), undefined, { 'if-match': '"1"' })).statusCode).toBe(
      409,
    );
    const withdrawn = await p[0]!.request('DELETE', base(activity), undefined, {
      'if-match': `"${version + 1}"`,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
    expect((await p[0]!.get(base(activity))).json().mine).toBeNull();
    expect(await depositLinks()).toBe(links - 1);
    const after = await t.db
      .select()
      .from(activityCompletions)
      .where(eq(activityCompletions.activityId, activity));
    expect(after.filter((s) => s.state === 'complete')).toEqual([]);
  });

  it('shows, in separate groups, only the deposits of one’s groups — in lists, files and comments', async () => {
    const { activity } = await space({ groupMode: 'separate' });
    const ids: string[] = [];
    for (const [i, client] of p.entries()) {
      const made = await upload(client, 'POST', `${base(activity)}/files`, [
        { filename: `travail-${i + 1}.pdf`, content: samples.pdf(`travail ${i + 1}`) },
      ]);
      expect(made.statusCode, made.body).toBe(201);
      ids.push(made.json().id);
    }
    const [a1, a2, b3, none4] = ids as [string, string, string, string];

    // Group A sees group A; group B sees nobody else; nobody's group sees nobody else.
    expect(entryIds((await p[0]!.get(base(activity))).json())).toEqual([a2]);
    const seenByB = (await p[2]!.get(base(activity))).json();
    expect(seenByB.entries).toEqual([]);
    expect(seenByB.mine.id).toBe(b3);
    expect(JSON.stringify(seenByB)).not.toContain(a1);
    expect((await p[3]!.get(base(activity))).json().entries).toEqual([]);
    // The trainer sees everyone.
    expect(entryIds((await trainer.get(base(activity))).json())).toEqual([a1, a2, b3, none4].sort());

    // Another group's deposit: its file and its comments are refused as if it did not exist.
    const a1File = (await p[0]!.get(base(activity))).json().mine.files[0].id as string;
    expect((await p[1]!.get(`${base(activity)}/files/${a1File}`)).statusCode).toBe(200);
    expect((await p[2]!.get(`${base(activity)}/files/${a1File}`)).statusCode).toBe(404);
    const refused = await p[2]!.post(`${base(activity)}/entries/${a1}/comments`, { body: '<p>Bravo</p>' });
    expect(refused.statusCode).toBe(404);
    expect(await t.db.select().from(depositComments).where(eq(depositComments.entryId, a1))).toEqual([]);

    // Same group: comments allowed; the trainer too.
    const comment = await p[1]!.post(`${base(activity)}/entries/${a1}/comments`, { body: 'Très clair !' });
    expect(comment.statusCode, comment.body).toBe(201);
    expect(comment.json().body).toBe('Très clair !');
    expect((await trainer.post(`${base(activity)}/entries/${a1}/comments`, { body: 'OK' })).statusCode).toBe(
      201,
    );
    // An empty comment: 400, nothing written.
    const blank = await p[1]!.post(`${base(activity)}/entries/${a1}/comments`, { body: '<p></p>' });
    expect(problemOf(blank).status).toBe(400);
    expect((await p[0]!.get(base(activity))).json().mine.comments).toHaveLength(2);

    // Every participant sees everyone's once the trainer opens the space to all.
    const settings = (await designer.get(`/api/activities/${activity}`)).json();
    const opened = await designer.patch(`/api/activities/${activity}`, {
      settings: { ...settings.settings, groupMode: 'all' },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(entryIds((await p[2]!.get(base(activity))).json())).toEqual([a1, a2, none4].sort());
  });

  it('lets trainers hide, show and delete deposits and comments, and download all as a zip', async () => {
    const { activity } = await space();
    const one = await upload(p[0]!, 'POST', `${base(activity)}/files`, [
      { filename: 'affiche.png', content: samples.png() },
    ]);
    const two = await depositText(p[1]!, activity, '<p>Sans fichier</p>');
    const [e1, e2] = [one.json().id as string, two.json().id as string];
    const comment = (
      await p[1]!.post(`${base(activity)}/entries/${e1}/comments`, { body: 'Belle affiche' })
    ).json().id as string;

    // Participants do not moderate.
    expect((await p[1]!.patch(`${base(activity)}/entries/${e1}`, { hidden: true })).statusCode).toBe(403);
    expect((await p[1]!.delete(`${base(activity)}/entries/${e1}`)).statusCode).toBe(403);
    expect((await p[0]!.get(`${base(activity)}.zip`)).statusCode).toBe(403);
    // Nor delete another's comment.
    expect((await p[0]!.delete(`${base(activity)}/comments/${comment}`)).statusCode).toBe(403);

    // A hidden deposit leaves the others' payloads; its author still sees it, marked.
    const hidden = await trainer.patch(`${base(activity)}/entries/${e1}`, { hidden: true });
    expect(hidden.statusCode, hidden.body).toBe(200);
    const seen = (await p[1]!.get(base(activity))).json();
    expect(seen.entries).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('affiche.png');
    expect((await p[0]!.get(base(activity))).json().mine.hidden).toBe(true);
    expect((await trainer.get(base(activity))).json().entries.map((e: { id: string }) => e.id)).toContain(e1);
    await trainer.patch(`${base(activity)}/entries/${e1}`, { hidden: false });

    // A hidden comment leaves the participants' payloads (its author's aside).
    expect((await trainer.patch(`${base(activity)}/comments/${comment}`, { hidden: true })).statusCode).toBe(
      200,
    );
    const forAuthor = (await p[0]!.get(base(activity))).json().mine.comments;
    expect(forAuthor).toEqual([]);
    expect(
      (await trainer.get(base(activity))).json().entries.find((e: { id: string }) => e.id === e1).comments,
    ).toHaveLength(1);

    // Everything in one zip, one folder per person.
    const zip = await trainer.get(`${base(activity)}.zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const entries = await unzip(zip.rawPayload);
    expect([...entries.keys()]).toEqual(['Depot Prénom1/affiche.png']);
    expect(entries.get('Depot Prénom1/affiche.png')).toEqual(samples.png());

    // Deleted by the trainer: the comment, then the deposit with its files.
    expect((await trainer.delete(`${base(activity)}/comments/${comment}`)).statusCode).toBe(204);
    const links = await depositLinks();
    expect((await trainer.delete(`${base(activity)}/entries/${e1}`)).statusCode).toBe(204);
    expect(await depositLinks()).toBe(links - 1);
    expect(entryIds((await trainer.get(base(activity))).json())).toEqual([e2]);
  });

  it('refuses files over the size or count limit with 413, storing nothing', async () => {
    const { activity } = await space({ maxFiles: 2, maxFileMb: 1 });
    const before = await depositLinks();
    const big = await upload(p[0]!, 'POST', `${base(activity)}/files`, [
      { filename: 'petit.pdf', content: samples.pdf('petit') },
      { filename: 'gros.bin', content: Buffer.alloc(1024 * 1024 + 1, 7) },
    ]);
    expect(problemOf(big).status).toBe(413);
    expect(problemOf(big).contentType).toMatch(/problem\+json/);
    expect(await depositLinks()).toBe(before);
    expect(await t.db.select().from(depositEntries).where(eq(depositEntries.activityId, activity))).toEqual(
      [],
    );

    const three = await upload(
      p[0]!,
      'POST',
      `${base(activity)}/files`,
      [1, 2, 3].map((i) => ({ filename: `f${i}.pdf`, content: samples.pdf(`f${i}`) })),
    );
    expect(problemOf(three).status).toBe(413);
    expect(await depositLinks()).toBe(before);
    expect(await t.db.select().from(depositEntries).where(eq(depositEntries.activityId, activity))).toEqual(
      [],
    );

    // Two fit; a third later does not.
    const two = await upload(
      p[0]!,
      'POST',
      `${base(activity)}/files`,
      [1, 2].map((i) => ({ filename: `f${i}.pdf`, content: samples.pdf(`f${i}`) })),
    );
    expect(two.statusCode, two.body).toBe(201);
    const more = await upload(p[0]!, 'POST', `${base(activity)}/files`, [
      { filename: 'f3.pdf', content: samples.pdf('f3') },
    ]);
    expect(problemOf(more).status).toBe(413);
    expect(await depositLinks()).toBe(before + 2);
  });

  it('refuses bad settings with 400, writing nothing', async () => {
    const { course, sectionId } = await courseWithActivity(t, designer, 'page', {
      settings: { content: '<p>x</p>' },
    });
    const count = async () =>
      (await t.db.select().from(activities).where(eq(activities.courseId, course))).length;
    const before = await count();
    const bad = await designer.post(`/api/courses/${course}/activities`, {
      sectionId,
      kind: 'deposit',
      title: 'Dépôt',
      settings: { maxFiles: 0, groupMode: 'chacun' },
    });
    expect(problemOf(bad).status).toBe(400);
    expect(
      problemOf(bad)
        .body.errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['settings.groupMode', 'settings.maxFiles']);
    expect(await count()).toBe(before);
  });

  it('neutralises the XSS corpus in descriptions and comments', async () => {
    const { activity } = await space();
    const made = await depositText(p[1]!, activity, '<p>Cible</p>');
    const target = made.json().id as string;
    for (const payload of XSS_PAYLOADS) {
      const saved = await depositText(p[0]!, activity, `<p>début</p>${payload}<p>fin</p>`);
      // A NUL character is refused before any route sees it (400, platform's edge).
      if (payload.includes('\u0000')) {
        expect(saved.statusCode, payload).toBe(400);
        continue;
      }
      expect(saved.statusCode, payload).toBe(200);
      expect(richTextViolations(saved.json().description), payload).toEqual([]);
      const commented = await p[0]!.post(`${base(activity)}/entries/${target}/comments`, {
        body: `${payload} commentaire`,
      });
      expect([201, 400], payload).toContain(commented.statusCode);
      if (commented.statusCode === 201)
        expect(richTextViolations(commented.json().body), payload).toEqual([]);
    }
    // What is stored, not only what was answered.
    const stored = await t.db.select().from(depositComments).where(eq(depositComments.entryId, target));
    for (const row of stored) {
      expect(richTextViolations(row.body)).toEqual([]);
      expect(row.body.toLowerCase()).not.toContain('javascript:');
    }
    // The designer's instructions too.
    const instructions = await designer.patch(`/api/activities/${activity}`, {
      settings: { instructions: '<p onclick="alert(1)">Consigne</p><script>alert(1)</script>' },
    });
    expect(instructions.statusCode, instructions.body).toBe(200);
    expect((await designer.get(`/api/activities/${activity}`)).json().settings.instructions).toBe(
      '<p>Consigne</p>',
    );
  });

  it('carries deposits through copies only with user data, and removes them on reset, erasure and deletion', async () => {
    const { course, activity } = await space();
    const made = await upload(p[0]!, 'POST', `${base(activity)}/files`, [
      { filename: 'rendu.pdf', content: samples.pdf('rendu') },
    ]);
    const entry = made.json().id as string;
    await p[1]!.post(`${base(activity)}/entries/${entry}/comments`, { body: 'Merci' });
    const [row] = await t.db.select().from(activities).where(eq(activities.id, activity));
    const { domainId } = (await t.db.select().from(courses).where(eq(courses.id, course)))[0]!;
    const copy = (withUserData: boolean) =>
      t.db.transaction(async (tx) =>
        copyCourse(tx, t.deps.files, course, {
          domainId,
          domainContextId: (await domainContextId(tx, domainId))!,
          title: 'Copie',
          shortName: uniqueShortName('DEPOT-COPIE'),
          createdBy: people[0]!.id,
          withUserData,
          now: t.clock.now(),
        }),
      );
    const depositOf = async (courseId: string) =>
      (
        await t.db
          .select()
          .from(activities)
          .where(and(eq(activities.courseId, courseId), eq(activities.kind, 'deposit')))
      )[0]!;
    const rowsOf = async (activityId: string) => {
      const entries = await t.db
        .select()
        .from(depositEntries)
        .where(eq(depositEntries.activityId, activityId));
      const ids = entries.map((e) => e.id);
      return {
        entries,
        comments: ids.length
          ? await t.db.select().from(depositComments).where(inArray(depositComments.entryId, ids))
          : [],
        links: ids.length
          ? await t.db
              .select()
              .from(fileLinks)
              .where(and(eq(fileLinks.ownerType, 'deposit-entry'), inArray(fileLinks.ownerId, ids)))
          : [],
      };
    };

    // A copy without people's work carries the settings and no deposit.
    const plain = await depositOf((await copy(false)).id);
    expect(plain.settings).toEqual(row!.settings);
    expect(await rowsOf(plain.id)).toEqual({ entries: [], comments: [], links: [] });
    // With it: the deposit, its comment and its file (linked, not copied).
    const full = await depositOf((await copy(true)).id);
    const copied = await rowsOf(full.id);
    expect(copied.entries.map((e) => e.userId)).toEqual([people[0]!.id]);
    expect(copied.comments.map((c) => c.body)).toEqual(['Merci']);
    expect(copied.links.map((l) => l.filename)).toEqual(['rendu.pdf']);

    // The GDPR: the participant's deposit and the other's comment, each in their export.
    const exported = await t.db.transaction((tx) =>
      exportPersonActivityData(tx, t.deps.files, people[0]!.id, t.clock.now()),
    );
    const here = exported.find((e) => e.activityId === activity)!;
    expect(here.data).toMatchObject({ deposit: { files: [{ filename: 'rendu.pdf' }] }, comments: [] });
    const theirs = await t.db.transaction((tx) =>
      exportPersonActivityData(tx, t.deps.files, people[1]!.id, t.clock.now()),
    );
    expect(theirs.find((e) => e.activityId === activity)!.data).toMatchObject({
      deposit: null,
      comments: [{ body: 'Merci' }],
    });
    await t.db.transaction((tx) => erasePersonActivityData(tx, t.deps.files, people[1]!.id, t.clock.now()));
    expect((await rowsOf(activity)).comments).toEqual([]);
    expect((await rowsOf(activity)).entries).toHaveLength(1);
    await t.db.transaction((tx) => erasePersonActivityData(tx, t.deps.files, people[0]!.id, t.clock.now()));
    expect(await rowsOf(activity)).toEqual({ entries: [], comments: [], links: [] });
    expect(await rowsOf(full.id)).toEqual({ entries: [], comments: [], links: [] });
    // The erased people are still there (their accounts are the accounts module's business).
    expect((await t.db.select().from(users).where(eq(users.id, people[0]!.id))).length).toBe(1);

    // A reset for a new group empties the space and keeps the activity.
    await upload(p[2]!, 'POST', `${base(activity)}/files`, [
      { filename: 'b.pdf', content: samples.pdf('b') },
    ]);
    await t.db.transaction((tx) => resetCourseUserData(tx, t.deps.files, course, t.clock.now()));
    expect(await rowsOf(activity)).toEqual({ entries: [], comments: [], links: [] });

    // Deleting the activity removes its rows and its file links.
    const again = await upload(p[2]!, 'POST', `${base(activity)}/files`, [
      { filename: 'c.pdf', content: samples.pdf('c') },
    ]);
    await p[0]!.post(`${base(activity)}/entries/${again.json().id}/comments`, { body: 'Vu' });
    expect((await rowsOf(activity)).links).toHaveLength(1);
    expect((await designer.delete(`/api/activities/${activity}`)).statusCode).toBe(204);
    expect(await t.db.select().from(depositEntries).where(eq(depositEntries.id, again.json().id))).toEqual(
      [],
    );
    expect(
      await t.db
        .select()
        .from(fileLinks)
        .where(and(eq(fileLinks.ownerType, 'deposit-entry'), eq(fileLinks.ownerId, again.json().id))),
    ).toEqual([]);
  });
});
