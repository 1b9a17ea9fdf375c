import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { png } from '../../demo/thumbnail.ts';
import { BlobHashMismatchError, blobs, fileLinks } from '../../platform/files/index.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { samples, upload } from '../activities/file/testing.ts';
import { domains } from '../domains/schema.ts';
import { describeCourse } from './archive.ts';
import { courses } from './schema.ts';

let t: TestApp;
let designer: ApiClient;
let aix = '';
beforeAll(async () => {
  t = await startTestApp();
  aix = (await t.db.select().from(domains)).find((d) => d.slug === 'ac-aix-marseille')!.id;
  designer = await t.as('concepteur@magistere.test');
});
afterAll(() => t.close());

const countCourses = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(courses))[0]!.n;
const countLinks = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(fileLinks))[0]!.n;
const countBlobRows = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(blobs))[0]!.n;
/** The blobs on disk under DATA_DIR/files (the store's own temporary directory aside). */
async function blobFiles(): Promise<string[]> {
  const root = path.join(t.config.dataDir, 'files');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !path.relative(root, e.parentPath).startsWith('tmp'))
    .map((e) => e.name)
    .sort();
}
const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

function importZip(client: ApiClient, zip: Buffer, domainId = aix) {
  const body = multipartBody({ domainId }, [
    { field: 'archive', filename: 'parcours.zip', type: 'application/zip', content: zip },
  ]);
  return client.request('POST', '/api/courses/import', body.payload, body.headers);
}

async function zipOf(entries: [string, Buffer | string][]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content] of entries)
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as Readable) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** yazl refuses to write `../`: write a same-length name, then patch it in both headers. */
async function traversal() {
  const zip = await zipOf([
    ['manifest.json', '{}'],
    ['aa/aa/etc/passwd', 'x'],
  ]);
  const from = Buffer.from('aa/aa/etc/passwd');
  const to = Buffer.from('../../etc/passwd');
  for (let i = zip.indexOf(from); i !== -1; i = zip.indexOf(from, i + 1)) to.copy(zip, i);
  return zip;
}

/** What an archive imported beside its own course holds: the same, named as a copy (copy-naming.test.ts). */
const importedHere = (original: Awaited<ReturnType<typeof describeCourse>>) => ({
  ...original,
  course: {
    ...original.course,
    title: `${original.course.title} (copie)`,
    shortName: `${original.course.shortName}-2`,
  },
});

describe('course archive', () => {
  it('exports a course with every kind and a file, and imports it back equal', async () => {
    const id = (
      await designer.post('/api/courses', {
        domainId: aix,
        title: 'Pédagogie efficace de la mémoire',
        shortName: 'MEMOIRE',
        summary: '<p>Résumé</p>',
      })
    ).json().id;
    const sectionId = (
      await designer.post(`/api/courses/${id}/sections`, {
        title: 'Séance 1',
        description: '<p>Découvrir</p>',
      })
    ).json().id;
    const add = (body: object) => designer.post(`/api/courses/${id}/activities`, { sectionId, ...body });
    await add({
      kind: 'page',
      title: 'Lire',
      settings: { content: '<h2>Mémoire</h2><p>La <strong>répétition espacée</strong>.</p>' },
      completion: { mode: 'view' },
    });
    await add({
      kind: 'label',
      title: 'À retenir',
      settings: { style: 'remember', content: '<p>Trois rappels</p>' },
    });
    const eduscol = (
      await add({
        kind: 'url',
        title: 'Éduscol',
        settings: { url: 'https://eduscol.education.fr/', newWindow: false },
        completion: { mode: 'manual' },
      })
    ).json().id;
    // Completing the course means the link only: the criteria travel by place, the ids change.
    expect(
      (await designer.request('PUT', `/api/courses/${id}/completion-criteria`, { activities: [eduscol] }))
        .statusCode,
    ).toBe(200);
    await t.db.transaction((tx) =>
      t.deps.files.saveUpload(tx, {
        stream: Readable.from([Buffer.from('Diapositives de la séance 1')]),
        filename: 'Séance 1 — diapos.txt',
        owner: { type: 'course', id },
      }),
    );
    const thumbnail = png(48, 27, (x) => [0, 0, 145 + (x % 50)]);
    const put = await upload(designer, 'PUT', `/api/courses/${id}/thumbnail`, [
      { filename: 'Vignette mémoire.png', content: thumbnail, type: 'image/png', field: 'thumbnail' },
    ]);
    expect(put.statusCode, put.body).toBe(200);

    const exported = await designer.get(`/api/courses/${id}/archive`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('application/zip');
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="MEMOIRE.zip"/);

    const imported = await importZip(designer, exported.rawPayload);
    expect(imported.statusCode, imported.body).toBe(201);
    const original = await describeCourse(t.db, t.deps.files, id, t.clock.now());
    const copy = await describeCourse(t.db, t.deps.files, imported.json().id, t.clock.now());
    expect(copy).toEqual(importedHere(original));
    expect(copy.files).toEqual([expect.objectContaining({ filename: 'Séance 1 — diapos.txt' })]);
    expect(copy.course.thumbnail).toMatchObject({ filename: 'Vignette mémoire.png', mime: 'image/png' });
    expect(copy.sections[1]!.activities.map((a) => a.kind)).toEqual(['page', 'label', 'url']);
    // The imported course shows its own thumbnail, the same bytes.
    const url = imported.json().thumbnailUrl as string;
    expect(url).toMatch(new RegExp(`^/api/courses/${imported.json().id}/thumbnail`));
    expect((await designer.get(url)).rawPayload.equals(thumbnail)).toBe(true);
    expect(copy.sections[1]!.activities.map((a) => a.completion?.mode)).toEqual(['view', 'none', 'manual']);
    expect(copy.course.completionCriteria).toEqual({ activities: [{ section: 1, activity: 2 }] });
    const copiedPage = (await designer.get(`/api/courses/${imported.json().id}`)).json();
    const copiedLink = copiedPage.sections[1].activities[2].id;
    expect(copiedLink).not.toBe(eduscol);
    expect((await designer.get(`/api/courses/${imported.json().id}/completion-criteria`)).json()).toEqual({
      activities: [copiedLink],
    });

    // A rule the kind does not allow, or criteria naming no tracked activity, are refused: nothing written.
    const manifest = JSON.parse(JSON.stringify(original));
    manifest.sections[1].activities[1].completion = { mode: 'view' };
    manifest.course.completionCriteria = { activities: [{ section: 1, activity: 7 }] };
    manifest.course.thumbnail = null;
    const blobs = original.files.map(
      (f) => [`files/${f.sha256}`, 'Diapositives de la séance 1'] as [string, string],
    );
    const before = await countCourses();
    const refused = problemOf(
      await importZip(designer, await zipOf([['manifest.json', JSON.stringify(manifest)], ...blobs])),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        path: 'manifest.sections.1.activities.1.completion.mode',
        message: expect.stringContaining('condition d’achèvement'),
      },
      {
        path: 'manifest.course.completionCriteria.activities.0',
        message: expect.stringContaining('achever le parcours'),
      },
    ]);
    expect(await countCourses()).toBe(before);
  });

  it('carries the kinds that hold files — file, folder, uploaded video — and an embedded video, equal after import', async () => {
    const id = (
      await designer.post('/api/courses', {
        domainId: aix,
        title: 'Parcours avec fichiers',
        shortName: uniqueShortName('FICHIERS'),
      })
    ).json().id;
    const sectionId = (await designer.get(`/api/courses/${id}`)).json().sections[0].id;
    const add = async (kind: string, title: string, settings: object) =>
      (await designer.post(`/api/courses/${id}/activities`, { sectionId, kind, title, settings })).json()
        .id as string;
    const file = await add('file', 'Programme', {});
    const folder = await add('folder', 'Documents', {});
    const uploaded = await add('video', 'Captation', { source: 'upload' });
    await add('video', 'Conférence', {
      source: 'embed',
      url: 'https://tube-numerique-educatif.apps.education.fr/w/9c9de5e8-0a1b-484f-a7ae-3d7d7b2a1a2f',
    });
    expect(
      (
        await upload(designer, 'PUT', `/api/activities/${file}/file`, [
          { filename: 'Programme — séance 1.pdf', content: samples.pdf('a') },
        ])
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await upload(designer, 'POST', `/api/activities/${folder}/folder`, [
          { filename: 'Déroulé.pdf', content: samples.pdf('b') },
          { filename: 'Schéma.png', content: samples.png() },
        ])
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await upload(designer, 'PUT', `/api/activities/${uploaded}/video`, [
          { filename: 'Captation.mp4', content: samples.mp4() },
        ])
      ).statusCode,
    ).toBe(200);

    const exported = await designer.get(`/api/courses/${id}/archive`);
    const imported = await importZip(designer, exported.rawPayload);
    expect(imported.statusCode, imported.body).toBe(201);
    const original = await describeCourse(t.db, t.deps.files, id, t.clock.now());
    const copy = await describeCourse(t.db, t.deps.files, imported.json().id, t.clock.now());
    expect(copy).toEqual(importedHere(original));
    const activities = copy.sections[0]!.activities;
    expect(activities.map((a) => [a.kind, a.files.map((f) => f.filename)])).toEqual([
      ['file', ['Programme — séance 1.pdf']],
      ['folder', ['Déroulé.pdf', 'Schéma.png']],
      ['video', ['Captation.mp4']],
      ['video', []],
    ]);
    // The imported file is served from the copy, byte for byte.
    const copiedFile = (await designer.get(`/api/courses/${imported.json().id}`)).json().sections[0]
      .activities[0].id;
    expect(
      (await designer.get(`/api/activities/${copiedFile}/file`)).rawPayload.equals(samples.pdf('a')),
    ).toBe(true);
  });

  it('refuses broken and hostile archives with a report, writing nothing', async () => {
    const course = { title: 'Piège', shortName: 'P', summary: '', format: 'topics', visibility: 'visible' };
    const pdf = samples.pdf('vignette');
    const pdfFile = {
      sha256: createHash('sha256').update(pdf).digest('hex'),
      filename: 'vignette.png',
      mime: 'image/png',
      size: pdf.length,
    };
    const manifest = (overrides: object = {}) =>
      JSON.stringify({
        format: 'magistere-course',
        version: 1,
        course,
        files: [],
        sections: [{ title: 'S', description: '', visibility: 'visible', activities: [] }],
        ...overrides,
      });
    const activity = (kind: string, settings: object) => ({
      kind,
      title: 'A',
      settings,
      visibility: 'visible',
      availableFrom: null,
      files: [],
    });
    const before = await countCourses();
    const linksBefore = await countLinks();
    const cases: [string, Buffer, string][] = [
      ['not a zip', Buffer.from('bonjour'), 'archive'],
      ['path traversal', await traversal(), '../../etc/passwd'],
      ['bad JSON', await zipOf([['manifest.json', '{"format": ']]), 'manifest.json'],
      ['no manifest', await zipOf([['autre.json', '{}']]), 'manifest.json'],
      [
        'unknown kind',
        await zipOf([
          [
            'manifest.json',
            manifest({
              sections: [
                {
                  title: 'S',
                  description: '',
                  visibility: 'visible',
                  activities: [activity('quantique', {})],
                },
              ],
            }),
          ],
        ]),
        'manifest.sections.0.activities.0.kind',
      ],
      [
        'hostile URL',
        await zipOf([
          [
            'manifest.json',
            manifest({
              sections: [
                {
                  title: 'S',
                  description: '',
                  visibility: 'visible',
                  activities: [activity('url', { url: 'javascript:alert(1)' })],
                },
              ],
            }),
          ],
        ]),
        'manifest.sections.0.activities.0.settings.url',
      ],
      [
        'missing file',
        await zipOf([
          [
            'manifest.json',
            manifest({
              files: [{ sha256: 'a'.repeat(64), filename: 'x.pdf', mime: 'application/pdf', size: 3 }],
            }),
          ],
        ]),
        `files/${'a'.repeat(64)}`,
      ],
      [
        'thumbnail announced as a PDF',
        await zipOf([
          [
            'manifest.json',
            manifest({ course: { ...course, thumbnail: { ...pdfFile, mime: 'application/pdf' } } }),
          ],
          [`files/${pdfFile.sha256}`, pdf],
        ]),
        'manifest.course.thumbnail',
      ],
      [
        'a PDF announced as a PNG thumbnail',
        await zipOf([
          ['manifest.json', manifest({ course: { ...course, thumbnail: pdfFile } })],
          [`files/${pdfFile.sha256}`, pdf],
        ]),
        'manifest.course.thumbnail',
      ],
      [
        'zip bomb',
        await zipOf([
          ['manifest.json', manifest()],
          [`files/${'b'.repeat(64)}`, Buffer.alloc(30 * 1024 * 1024)],
        ]),
        `files/${'b'.repeat(64)}`,
      ],
    ];
    for (const [label, zip, path] of cases) {
      const problem = problemOf(await importZip(designer, zip));
      expect(problem.status, label).toBe(400);
      expect(problem.body.code, label).toBe('archive_invalid');
      expect(
        problem.body.errors?.map((e) => e.path),
        label,
      ).toContain(path);
      expect(
        problem.body.errors?.every((e) => !e.message.startsWith('errors.')),
        label,
      ).toBe(true);
    }
    expect(await countCourses()).toBe(before);
    expect(await countLinks()).toBe(linksBefore);
  });

  it('leaves no blob behind when it refuses an archive for its files’ contents', async () => {
    const good = Buffer.from('Un support de séance, intact');
    const forged = Buffer.from('Un autre contenu que celui annoncé');
    const announced = { filename: 'support.txt', mime: 'text/plain', size: good.length };
    const pdf = samples.pdf('pas une image');
    const manifest = (course: object, files: object[], activityFiles: object[] = []) =>
      JSON.stringify({
        format: 'magistere-course',
        version: 1,
        course: {
          title: 'Empreintes',
          shortName: uniqueShortName('E'),
          summary: '',
          format: 'topics',
          visibility: 'visible',
          ...course,
        },
        files,
        sections: [
          {
            title: 'S',
            description: '',
            visibility: 'visible',
            activities: [
              {
                kind: 'page',
                title: 'Lire',
                settings: { content: '<p>x</p>' },
                visibility: 'visible',
                availableFrom: null,
                files: activityFiles,
              },
            ],
          },
        ],
      });
    const cases: [string, Buffer, string][] = [
      [
        'the only file does not match its hash',
        await zipOf([
          ['manifest.json', manifest({}, [{ sha256: sha256(good), ...announced }])],
          [`files/${sha256(good)}`, forged],
        ]),
        `files/${sha256(good)}`,
      ],
      [
        'a good file, then one that does not match its hash',
        await zipOf([
          [
            'manifest.json',
            manifest(
              {},
              [{ sha256: sha256(good), ...announced }],
              [{ sha256: sha256('annoncé'), ...announced, filename: 'autre.txt' }],
            ),
          ],
          [`files/${sha256(good)}`, good],
          [`files/${sha256('annoncé')}`, forged],
        ]),
        `files/${sha256('annoncé')}`,
      ],
      [
        'a PDF announced as a PNG thumbnail, with a good file',
        await zipOf([
          [
            'manifest.json',
            manifest(
              {
                thumbnail: { sha256: sha256(pdf), filename: 'v.png', mime: 'image/png', size: pdf.length },
              },
              [{ sha256: sha256(good), ...announced }],
            ),
          ],
          [`files/${sha256(good)}`, good],
          [`files/${sha256(pdf)}`, pdf],
        ]),
        'manifest.course.thumbnail',
      ],
    ];
    // A file whose compressed bytes are damaged: it cannot be read, let alone stored.
    const long = Buffer.from('Une ligne de support de séance, répétée.\n'.repeat(2000));
    const damaged = await zipOf([
      ['manifest.json', manifest({}, [{ sha256: sha256(long), ...announced, size: long.length }])],
      [`files/${sha256(long)}`, long],
    ]);
    const at = damaged.indexOf(`files/${sha256(long)}`) + 100;
    damaged.fill(0xff, at, at + 16);
    cases.push(['a damaged file', damaged, `files/${sha256(long)}`]);
    const messages = [
      'ne correspond pas à son empreinte',
      'ne correspond pas à son empreinte',
      'vignette',
      'endommagées',
    ];
    const before = { courses: await countCourses(), rows: await countBlobRows(), files: await blobFiles() };
    for (const [i, [label, zip, where]] of cases.entries()) {
      const problem = problemOf(await importZip(designer, zip));
      expect(problem.status, label).toBe(400);
      expect(problem.body.title, label).toBe('L’archive n’a pas pu être importée. Rien n’a été enregistré.');
      expect(
        problem.body.errors?.map((e) => e.path),
        label,
      ).toEqual([where]);
      expect(problem.body.errors?.[0]?.message, label).toContain(messages[i]);
      expect(await blobFiles(), label).toEqual(before.files);
      expect(await countBlobRows(), label).toBe(before.rows);
    }
    expect(await countCourses()).toBe(before.courses);
  });

  it('never stores content whose hash is not the one announced, whoever calls the file store', async () => {
    const before = await blobFiles();
    const refused = await t.db
      .transaction((tx) =>
        t.deps.files.saveUpload(tx, {
          stream: Readable.from([Buffer.from('contenu falsifié')]),
          filename: 'x.txt',
          owner: { type: 'course', id: aix },
          expectedSha256: sha256('contenu annoncé'),
        }),
      )
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BlobHashMismatchError);
    expect(await blobFiles()).toEqual(before);
  });

  it('is refused to a participant, for export and import alike', async () => {
    const participant = await t.as('participant@magistere.test');
    const id = (
      await designer.post('/api/courses', {
        domainId: aix,
        title: 'Privé',
        shortName: uniqueShortName('PRIV'),
      })
    ).json().id;
    expect((await participant.get(`/api/courses/${id}/archive`)).statusCode).toBe(403);
    expect((await importZip(participant, await zipOf([['manifest.json', '{}']]))).statusCode).toBe(403);
  });
});
