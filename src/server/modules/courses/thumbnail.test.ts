import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../../demo/thumbnail.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { blobs, fileLinks } from '../../platform/files/index.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { samples, upload } from '../activities/file/testing.ts';
import { domains } from '../domains/schema.ts';
import { THUMBNAIL_MAX_BYTES, THUMBNAIL_OWNER_TYPE } from './thumbnail.ts';

let t: TestApp;
let designer: ApiClient;
let participant: ApiClient;
let aix = '';
beforeAll(async () => {
  t = await startTestApp();
  aix = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille')))[0]!.id;
  designer = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
});
afterAll(() => t.close());

/** A real PNG of one colour (the bytes differ with the colour). */
const solid = (r: number, g: number, b: number, size = 32) => png(size, size, () => [r, g, b]);

async function newCourse(title = 'Parcours avec vignette') {
  const response = await designer.post('/api/courses', {
    domainId: aix,
    title,
    shortName: uniqueShortName('VIGNETTE'),
  });
  expect(response.statusCode, response.body).toBe(201);
  expect(response.json().thumbnailUrl).toBeNull();
  // The demo participant follows it (a participant sees only the courses she is enrolled in).
  await t.enrol(response.json().id, 'participant@magistere.test');
  return response.json().id as string;
}

const put = (client: ApiClient, id: string, filename: string, content: Buffer, type = 'image/png') =>
  upload(client, 'PUT', `/api/courses/${id}/thumbnail`, [{ filename, content, type, field: 'thumbnail' }]);

const linksOf = (id: string) =>
  t.db
    .select()
    .from(fileLinks)
    .where(and(eq(fileLinks.ownerType, THUMBNAIL_OWNER_TYPE), eq(fileLinks.ownerId, id)));

const auditOf = (id: string) =>
  t.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.objectId, id), sql`${auditEvents.action} like 'course.thumbnail%'`));

describe('course thumbnail', () => {
  it('stores an image a designer uploads, shows its address on the course, serves it to readers with cache headers', async () => {
    const id = await newCourse();
    const image = solid(0, 0, 145);
    const response = await put(designer, id, 'Vignette mémoire.png', image);
    expect(response.statusCode, response.body).toBe(200);
    const url = response.json().thumbnailUrl as string;
    expect(url).toMatch(new RegExp(`^/api/courses/${id}/thumbnail\\?v=[0-9a-f]{16}$`));

    // The address is on the course everywhere it is listed or shown.
    const listed = (await designer.get('/api/courses')).json().find((c: { id: string }) => c.id === id);
    expect(listed.thumbnailUrl).toBe(url);
    expect((await participant.get(`/api/courses/${id}`)).json().course.thumbnailUrl).toBe(url);

    const served = await participant.get(url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['content-disposition']).toMatch(/^inline/);
    expect(served.headers['cache-control']).toBe('private, max-age=86400');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(image)).toBe(true);
    const again = await participant.request('GET', url, undefined, {
      'if-none-match': served.headers.etag as string,
    });
    expect(again.statusCode).toBe(304);
    // Without the version, a short cache: the address no longer names one content.
    expect((await participant.get(`/api/courses/${id}/thumbnail`)).headers['cache-control']).toBe(
      'private, max-age=300',
    );
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['course.thumbnail_updated']);
  });

  it('replaces the thumbnail: one link left, the old bytes collected by the garbage collection', async () => {
    const id = await newCourse();
    const first = await put(designer, id, 'bleu.png', solid(0, 0, 200));
    const second = await put(designer, id, 'vert.png', solid(0, 200, 0));
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().thumbnailUrl).not.toBe(first.json().thumbnailUrl);
    const links = await linksOf(id);
    expect(links.map((l) => l.filename)).toEqual(['vert.png']);

    const oldSha = createHash('sha256')
      .update(solid(0, 0, 200))
      .digest('hex');
    const stored = async () => new Set((await t.db.select().from(blobs)).map((b) => b.sha256));
    expect((await stored()).has(oldSha)).toBe(true);
    await t.deps.files.collectGarbage({ graceMs: 0 });
    expect((await stored()).has(oldSha)).toBe(false);
    expect((await stored()).has(links[0]!.sha256)).toBe(true);
    const served = await designer.get(second.json().thumbnailUrl);
    expect(served.rawPayload.equals(solid(0, 200, 0))).toBe(true);
  });

  it('refuses what is not a JPEG, PNG or WebP image, or too large, keeping the current thumbnail and writing nothing', async () => {
    const id = await newCourse();
    const current = await put(designer, id, 'actuelle.png', solid(200, 0, 0));
    const before = await linksOf(id);
    const audited = (await auditOf(id)).length;

    const pdf = problemOf(await put(designer, id, 'programme.png', samples.pdf(), 'image/png'));
    expect(pdf.status).toBe(415);
    expect(pdf.contentType).toMatch(/problem\+json/);
    expect(pdf.body.title).toBe('La vignette doit être une image JPEG, PNG ou WebP.');
    expect(pdf.body.errors?.[0]?.path).toBe('thumbnail');

    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0, 0, 0]), randomBytes(20)]);
    expect((await put(designer, id, 'anim.gif', gif, 'image/gif')).statusCode).toBe(415);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await put(designer, id, 'dessin.svg', svg, 'image/svg+xml')).statusCode).toBe(415);

    // A real PNG of noise, just over the limit.
    const big = Buffer.concat([solid(1, 2, 3), randomBytes(THUMBNAIL_MAX_BYTES)]);
    const tooLarge = problemOf(await put(designer, id, 'photo.png', big));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.title).toBe('Le fichier dépasse la taille maximale autorisée.');

    const json = problemOf(await designer.request('PUT', `/api/courses/${id}/thumbnail`, { file: 'x' }));
    expect(json.status).toBe(415);
    const empty = await upload(designer, 'PUT', `/api/courses/${id}/thumbnail`, []);
    expect(empty.statusCode).toBe(400);

    expect(await linksOf(id)).toEqual(before);
    expect((await auditOf(id)).length).toBe(audited);
    expect((await designer.get(`/api/courses/${id}`)).json().course.thumbnailUrl).toBe(
      current.json().thumbnailUrl,
    );
  });

  it('lets only those who may change the course set or remove it, and only readers see it', async () => {
    const id = await newCourse();
    await put(designer, id, 'vignette.png', solid(9, 9, 9));
    expect((await put(participant, id, 'moi.png', solid(1, 1, 1))).statusCode).toBe(403);
    expect((await participant.delete(`/api/courses/${id}/thumbnail`)).statusCode).toBe(403);
    const observer = await t.as('observateur@magistere.test');
    expect((await observer.get(`/api/courses/${id}/thumbnail`)).statusCode).toBe(403);
    expect((await linksOf(id)).map((l) => l.filename)).toEqual(['vignette.png']);
  });

  it('removes the thumbnail, audited', async () => {
    const id = await newCourse();
    await put(designer, id, 'vignette.png', solid(50, 50, 50));
    expect((await designer.delete(`/api/courses/${id}/thumbnail`)).statusCode).toBe(204);
    expect(await linksOf(id)).toEqual([]);
    expect((await designer.get(`/api/courses/${id}`)).json().course.thumbnailUrl).toBeNull();
    expect((await designer.get(`/api/courses/${id}/thumbnail`)).statusCode).toBe(404);
    expect((await auditOf(id)).map((e) => e.action).sort()).toEqual([
      'course.thumbnail_removed',
      'course.thumbnail_updated',
    ]);
  });

  it('goes with the course when it is duplicated, by reference', async () => {
    const id = await newCourse('Parcours à dupliquer');
    const image = solid(120, 60, 30);
    const original = (await put(designer, id, 'vignette.png', image)).json();
    const copy = await designer.post(`/api/courses/${id}/duplicate`, { domainId: aix });
    expect(copy.statusCode, copy.body).toBe(201);
    const copyUrl = copy.json().thumbnailUrl as string;
    expect(copyUrl).toBe(original.thumbnailUrl.replace(id, copy.json().id));
    expect((await designer.get(copyUrl)).rawPayload.equals(image)).toBe(true);
    // Removing the copy's thumbnail leaves the original's.
    await designer.delete(`/api/courses/${copy.json().id}/thumbnail`);
    expect((await designer.get(original.thumbnailUrl)).statusCode).toBe(200);
  });
});

describe('activity availability', () => {
  it('takes an opening date at creation, and hides the activity from participants until then', async () => {
    const id = await newCourse('Parcours avec ouverture');
    const sectionId = (await designer.get(`/api/courses/${id}`)).json().sections[0].id;
    const created = await designer.post(`/api/courses/${id}/activities`, {
      sectionId,
      kind: 'page',
      title: 'Séance différée',
      settings: { content: '<p>Plus tard</p>' },
      availableFrom: '2099-11-23T14:30:00+01:00',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().availableFrom).toBe('2099-11-23T13:30:00.000Z');
    const editorView = (await designer.get(`/api/courses/${id}`)).json();
    expect(editorView.sections[0].activities.map((a: { title: string }) => a.title)).toEqual([
      'Séance différée',
    ]);
    expect((await participant.get(`/api/courses/${id}`)).json().sections[0].activities).toEqual([]);
    expect((await participant.get(`/api/activities/${created.json().id}`)).statusCode).toBe(404);
    const bad = await designer.post(`/api/courses/${id}/activities`, {
      sectionId,
      kind: 'page',
      title: 'Date illisible',
      availableFrom: '23/11/2099',
    });
    expect(bad.statusCode).toBe(400);
  });
});
