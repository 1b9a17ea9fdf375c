import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobs, fileLinks } from '../../../platform/files/index.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../../testing/harness.ts';
import { courseWithActivity, samples, upload } from './testing.ts';

let t: TestApp;
let designer: ApiClient;
let participant: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  designer = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
});
afterAll(() => t.close());

const linksOf = (activity: string) =>
  t.db
    .select()
    .from(fileLinks)
    .where(and(eq(fileLinks.ownerType, 'activity'), eq(fileLinks.ownerId, activity)));

describe('file activity', () => {
  it('stores a file and gives it back: same bytes, accented name, type, ranges', async () => {
    const { activity } = await courseWithActivity(t, designer, 'file', { title: 'Diaporama' });
    const bytes = samples.pdf(randomBytes(20).toString('hex'));
    const put = await upload(designer, 'PUT', `/api/activities/${activity}/file`, [
      { filename: 'Séance 1 — diapos.pdf', content: bytes, type: 'application/pdf' },
    ]);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({
      filename: 'Séance 1 — diapos.pdf',
      mime: 'application/pdf',
      size: bytes.length,
    });

    const info = await participant.get(`/api/activities/${activity}/file/info`);
    expect(info.json()).toEqual(put.json());

    const got = await participant.get(`/api/activities/${activity}/file`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(bytes)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-length']).toBe(String(bytes.length));
    expect(got.headers['content-encoding']).toBeUndefined();
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Seance 1 _ diapos.pdf"; filename*=UTF-8''${encodeURIComponent('Séance 1 — diapos.pdf')}`,
    );
    const inline = await participant.request('GET', `/api/activities/${activity}/file?inline=1`, undefined, {
      'accept-encoding': 'gzip',
    });
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    expect(inline.headers['content-encoding']).toBeUndefined();

    const range = await participant.request('GET', `/api/activities/${activity}/file`, undefined, {
      range: 'bytes=5-14',
    });
    expect(range.statusCode).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 5-14/${bytes.length}`);
    expect(range.rawPayload.equals(bytes.subarray(5, 15))).toBe(true);
  });

  it('replaces the file: the old link goes, the new one answers', async () => {
    const { activity } = await courseWithActivity(t, designer, 'file');
    const first = samples.pdf('premier');
    const second = samples.pdf('second');
    await upload(designer, 'PUT', `/api/activities/${activity}/file`, [
      { filename: 'v1.pdf', content: first },
    ]);
    const [old] = await linksOf(activity);
    const put = await upload(designer, 'PUT', `/api/activities/${activity}/file`, [
      { filename: 'v2.pdf', content: second },
    ]);
    expect(put.statusCode, put.body).toBe(200);
    const links = await linksOf(activity);
    expect(links).toHaveLength(1);
    expect(links[0]!.id).not.toBe(old!.id);
    expect(links[0]!.filename).toBe('v2.pdf');
    expect((await participant.get(`/api/activities/${activity}/file`)).rawPayload.equals(second)).toBe(true);
  });

  it('refuses uploads from participants, non-multipart bodies, empty forms and other kinds', async () => {
    const { activity } = await courseWithActivity(t, designer, 'file');
    const part = [{ filename: 'x.pdf', content: samples.pdf() }];
    expect((await upload(participant, 'PUT', `/api/activities/${activity}/file`, part)).statusCode).toBe(403);
    const json = problemOf(await designer.request('PUT', `/api/activities/${activity}/file`, { x: 1 }));
    expect(json.status).toBe(415);
    const empty = problemOf(await upload(designer, 'PUT', `/api/activities/${activity}/file`, []));
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.[0]?.path).toBe('file');
    const two = await upload(designer, 'PUT', `/api/activities/${activity}/file`, [...part, ...part]);
    expect(two.statusCode).toBe(413);
    expect(await linksOf(activity)).toHaveLength(0);
    const page = await courseWithActivity(t, designer, 'page', { settings: { content: '' } });
    expect((await upload(designer, 'PUT', `/api/activities/${page.activity}/file`, part)).statusCode).toBe(
      404,
    );
    expect((await participant.get(`/api/activities/${activity}/file`)).statusCode).toBe(404);
  });

  it('hides a hidden or not yet available activity from participants, not from designers', async () => {
    const { activity, sectionId } = await courseWithActivity(t, designer, 'file');
    await upload(designer, 'PUT', `/api/activities/${activity}/file`, [
      { filename: 'a.pdf', content: samples.pdf() },
    ]);
    expect((await participant.get(`/api/activities/${activity}/file`)).statusCode).toBe(200);
    await designer.patch(`/api/activities/${activity}`, { visibility: 'hidden' });
    expect((await participant.get(`/api/activities/${activity}/file`)).statusCode).toBe(404);
    expect((await participant.get(`/api/activities/${activity}/file/info`)).statusCode).toBe(404);
    expect((await designer.get(`/api/activities/${activity}/file`)).statusCode).toBe(200);
    await designer.patch(`/api/activities/${activity}`, {
      visibility: 'visible',
      availableFrom: '2099-01-01T08:00:00+01:00',
    });
    expect((await participant.get(`/api/activities/${activity}/file`)).statusCode).toBe(404);
    await designer.patch(`/api/activities/${activity}`, { availableFrom: null });
    await designer.patch(`/api/sections/${sectionId}`, { visibility: 'hidden' });
    expect((await participant.get(`/api/activities/${activity}/file`)).statusCode).toBe(404);
    await designer.patch(`/api/sections/${sectionId}`, { visibility: 'visible' });
    expect((await participant.get(`/api/activities/${activity}/file`)).statusCode).toBe(200);
    const observer = await t.as('observateur@magistere.test');
    expect((await observer.get(`/api/activities/${activity}/file`)).statusCode).toBe(403);
  });
});

describe('upload limit', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await startTestApp({ UPLOAD_MAX_MB: '1' });
  });
  afterAll(() => small.close());

  it('refuses a file over UPLOAD_MAX_MB with 413, keeping the previous file and writing nothing', async () => {
    const smallDesigner = await small.as('concepteur@magistere.test');
    const { activity } = await courseWithActivity(small, smallDesigner, 'file');
    const kept = samples.pdf('gardé');
    await upload(smallDesigner, 'PUT', `/api/activities/${activity}/file`, [
      { filename: 'ok.pdf', content: kept },
    ]);
    const count = async () => (await small.db.select({ n: sql<number>`count(*)::int` }).from(blobs))[0]!.n;
    const before = await count();
    const big = Buffer.concat([samples.pdf(), randomBytes(1024 * 1024)]);
    const tooLarge = problemOf(
      await upload(smallDesigner, 'PUT', `/api/activities/${activity}/file`, [
        { filename: 'gros.pdf', content: big },
      ]),
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('file_too_large');
    expect(await count()).toBe(before);
    const links = await small.db
      .select()
      .from(fileLinks)
      .where(and(eq(fileLinks.ownerType, 'activity'), eq(fileLinks.ownerId, activity)));
    expect(links.map((l) => l.filename)).toEqual(['ok.pdf']);
    const exact = Buffer.concat([samples.pdf(), randomBytes(1024 * 1024 - samples.pdf().length)]);
    const fits = await upload(smallDesigner, 'PUT', `/api/activities/${activity}/file`, [
      { filename: 'juste.pdf', content: exact },
    ]);
    expect(fits.statusCode, fits.body).toBe(200);
  });
});
