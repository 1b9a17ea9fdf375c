import { randomBytes } from 'node:crypto';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { eq, sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBufferPromise } from 'yauzl';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { HttpProblem } from '../http/problem.ts';
import { contentDisposition, detectMime, Files, LocalBlobStore } from './index.ts';
import { blobs, type FileLink, fileLinks } from './schema.ts';

let t: TestApp;
let store: LocalBlobStore;
let files: Files;
let http: FastifyInstance;

beforeAll(async () => {
  t = await startTestApp();
  store = new LocalBlobStore(path.join(t.config.dataDir, 'files'));
  files = new Files({ db: t.db, store, maxBytes: 1024 * 1024 });
  http = Fastify();
  http.get<{ Params: { id: string }; Querystring: { inline?: string } }>(
    '/files/:id',
    async (request, reply) => {
      const link = await files.getLink(t.db, request.params.id);
      if (!link) return reply.code(404).send();
      return files.send(reply, link, { inline: request.query.inline === '1' });
    },
  );
  http.get<{ Querystring: { ids: string } }>('/zip', async (request, reply) => {
    const links: FileLink[] = [];
    for (const id of request.query.ids.split(',')) links.push((await files.getLink(t.db, id))!);
    return files.zip(reply, links, 'Dossier — séance');
  });
  await http.ready();
});
afterAll(async () => {
  await http?.close();
  await t?.close();
});

const owner = (id: string) => ({ type: 'test', id });

/** Every blob file under the store's root (temporary files apart). */
async function blobFiles(): Promise<string[]> {
  const entries = await readdir(store.root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !path.relative(store.root, e.parentPath).startsWith('tmp'))
    .map((e) => e.name);
}

async function temporaryFiles(): Promise<string[]> {
  return readdir(store.temporaryDir).catch(() => []);
}

function upload(
  content: Buffer | string,
  filename: string,
  extra: Partial<Parameters<Files['saveUpload']>[1]> = {},
) {
  return t.db.transaction((tx) =>
    files.saveUpload(tx, {
      stream: Readable.from([Buffer.from(content)]),
      filename,
      owner: owner(randomBytes(4).toString('hex')),
      ...extra,
    }),
  );
}

describe('file store', () => {
  it('stores identical content once: one blob, two links, one file on disk', async () => {
    const content = `Bonjour ${randomBytes(8).toString('hex')}\n`;
    const a = await upload(content, 'notes.txt');
    const b = await upload(content, 'copie des notes.txt');
    expect(a.sha256).toBe(b.sha256);
    expect(a.id).not.toBe(b.id);
    expect(a.mime).toBe('text/plain; charset=utf-8');
    expect(a.size).toBe(Buffer.byteLength(content));
    const rows = await t.db.select().from(blobs).where(eq(blobs.sha256, a.sha256));
    expect(rows).toHaveLength(1);
    const links = await t.db.select().from(fileLinks).where(eq(fileLinks.sha256, a.sha256));
    expect(links).toHaveLength(2);
    expect((await blobFiles()).filter((name) => name === a.sha256)).toHaveLength(1);
    expect(await temporaryFiles()).toEqual([]);
    expect(await text(await store.open(a.sha256))).toBe(content);
  });

  it('refuses a stream past the limit while it flows: 413, no blob row, nothing left on disk', async () => {
    const blobsBefore = (await t.db.select({ n: sql<number>`count(*)::int` }).from(blobs))[0]!.n;
    const filesBefore = await blobFiles();
    let produced = 0;
    async function* big() {
      for (let i = 0; i < 100; i++) {
        produced++;
        yield randomBytes(64 * 1024);
      }
    }
    const error = await t.db
      .transaction((tx) =>
        files.saveUpload(tx, {
          stream: Readable.from(big()),
          filename: 'énorme.bin',
          owner: owner('big'),
          maxBytes: 200 * 1024,
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpProblem);
    expect(error).toMatchObject({ status: 413, code: 'file_too_large', messageKey: 'errors.fileTooLarge' });
    // Streaming stopped near the limit: the 6.4 MB source was never read through.
    expect(produced).toBeLessThan(10);
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(blobs))[0]!.n).toBe(blobsBefore);
    expect(await blobFiles()).toEqual(filesBefore);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('applies the platform limit too', async () => {
    const small = new Files({ db: t.db, store, maxBytes: 10 });
    const error = await t.db
      .transaction((tx) =>
        small.saveUpload(tx, {
          stream: Readable.from([Buffer.alloc(11)]),
          filename: 'x.bin',
          owner: owner('x'),
          maxBytes: 1000,
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413 });
  });

  it('detects the real type from the content, not from the name or the client', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(await detectMime(png, 'photo.txt', 'text/plain')).toBe('image/png');
    expect(await detectMime(Buffer.from('a,b\n1,2\n'), 'data.csv', 'application/vnd.ms-excel')).toBe(
      'text/csv; charset=utf-8',
    );
    expect(await detectMime(Buffer.from([0, 1, 2, 3, 200]), 'prog.exe', 'text/plain')).toBe(
      'application/octet-stream',
    );
    expect(await detectMime(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg')).toBe(
      'image/svg+xml',
    );
  });

  it('copies, lists and drops links without touching the bytes', async () => {
    const from = owner(`course-${randomBytes(4).toString('hex')}`);
    const to = owner(`course-${randomBytes(4).toString('hex')}`);
    const first = await t.db.transaction((tx) =>
      files.saveUpload(tx, {
        stream: Readable.from([Buffer.from('un')]),
        filename: 'b.txt',
        owner: from,
        position: 2,
      }),
    );
    await t.db.transaction((tx) =>
      files.saveUpload(tx, {
        stream: Readable.from([Buffer.from('deux')]),
        filename: 'a.txt',
        owner: from,
        position: 1,
      }),
    );
    const before = (await blobFiles()).length;
    const copies = await t.db.transaction((tx) => files.copyLinks(tx, from, to));
    expect(copies).toHaveLength(2);
    expect((await files.listLinks(t.db, to)).map((l) => l.filename)).toEqual(['a.txt', 'b.txt']);
    expect((await blobFiles()).length).toBe(before);
    expect(await files.unlink(t.db, first.id)).toBe(true);
    expect(await files.unlinkOwner(t.db, to)).toBe(2);
    expect((await files.listLinks(t.db, from)).map((l) => l.filename)).toEqual(['a.txt']);
  });

  it('collects unused blobs past the grace period, from the table and the disk', async () => {
    const linked = await upload(`gardé ${randomBytes(8).toString('hex')}`, 'garde.txt');
    const orphan = await upload(`orphelin ${randomBytes(8).toString('hex')}`, 'orphelin.txt');
    const fresh = await upload(`récent ${randomBytes(8).toString('hex')}`, 'recent.txt');
    await files.unlink(t.db, orphan.id);
    await files.unlink(t.db, fresh.id);
    await t.db
      .update(blobs)
      .set({ createdAt: sql`now() - interval '2 days'` })
      .where(sql`${blobs.sha256} IN (${linked.sha256}, ${orphan.sha256})`);
    // A temporary file a crashed upload left behind two days ago.
    await mkdir(store.temporaryDir, { recursive: true });
    const stale = path.join(store.temporaryDir, 'crashed-upload');
    await writeFile(stale, 'partial');
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(stale, old, old);

    const result = await files.collectGarbage({ graceMs: 60 * 60 * 1000 });
    expect(result.blobs).toBeGreaterThanOrEqual(1);
    expect(result.temporary).toBe(1);

    const remaining = (await t.db.select({ sha256: blobs.sha256 }).from(blobs)).map((r) => r.sha256);
    expect(remaining).not.toContain(orphan.sha256);
    expect(remaining).toContain(linked.sha256);
    expect(remaining).toContain(fresh.sha256);
    expect(await store.exists(orphan.sha256)).toBe(false);
    expect(await store.exists(linked.sha256)).toBe(true);
    expect(await store.exists(fresh.sha256)).toBe(true);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('stores the same content again after its blob was collected', async () => {
    const content = `revenant ${randomBytes(8).toString('hex')}`;
    const first = await upload(content, 'r.txt');
    await files.unlink(t.db, first.id);
    await t.db
      .update(blobs)
      .set({ createdAt: sql`now() - interval '2 days'` })
      .where(eq(blobs.sha256, first.sha256));
    await files.collectGarbage({ graceMs: 60_000 });
    expect(await store.exists(first.sha256)).toBe(false);
    const again = await upload(content, 'r.txt');
    expect(again.sha256).toBe(first.sha256);
    expect(await text(await store.open(again.sha256))).toBe(content);
  });
});

describe('downloads', () => {
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.4\n'),
    Buffer.from(Array.from({ length: 991 }, (_, i) => i % 256)),
  ]);
  let link: FileLink;
  beforeAll(async () => {
    link = await upload(pdf, 'Séance 1 — diapos.pdf', { declaredMime: 'application/octet-stream' });
  });

  it('sends the whole file with its headers', async () => {
    const response = await http.inject({ method: 'GET', url: `/files/${link.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(pdf)).toBe(true);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-length']).toBe('1000');
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers.etag).toBe(`"${link.sha256}"`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Seance 1 _ diapos.pdf"; filename*=UTF-8''S%C3%A9ance%201%20%E2%80%94%20diapos.pdf`,
    );
  });

  it('answers HEAD with the headers alone', async () => {
    const response = await http.inject({ method: 'HEAD', url: `/files/${link.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe('1000');
    expect(response.rawPayload.length).toBe(0);
  });

  it('serves a PDF inline when asked', async () => {
    const response = await http.inject({ method: 'GET', url: `/files/${link.id}?inline=1` });
    expect(response.headers['content-disposition']).toMatch(/^inline; filename="Seance 1 _ diapos\.pdf"; /);
  });

  it('serves one byte range', async () => {
    const response = await http.inject({
      method: 'GET',
      url: `/files/${link.id}`,
      headers: { range: 'bytes=0-9' },
    });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe('bytes 0-9/1000');
    expect(response.headers['content-length']).toBe('10');
    expect(response.rawPayload.equals(pdf.subarray(0, 10))).toBe(true);
  });

  it('serves a suffix range', async () => {
    const response = await http.inject({
      method: 'GET',
      url: `/files/${link.id}`,
      headers: { range: 'bytes=-5' },
    });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe('bytes 995-999/1000');
    expect(response.rawPayload.equals(pdf.subarray(995))).toBe(true);
  });

  it('answers 416 to an unsatisfiable range', async () => {
    const response = await http.inject({
      method: 'GET',
      url: `/files/${link.id}`,
      headers: { range: 'bytes=5000-6000' },
    });
    expect(response.statusCode).toBe(416);
    expect(response.headers['content-range']).toBe('bytes */1000');
  });

  it('ignores a range whose If-Range names other content', async () => {
    const response = await http.inject({
      method: 'GET',
      url: `/files/${link.id}`,
      headers: { range: 'bytes=0-9', 'if-range': '"autre"' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.length).toBe(1000);
  });

  it('answers 304 when the client has these bytes', async () => {
    const response = await http.inject({
      method: 'GET',
      url: `/files/${link.id}`,
      headers: { 'if-none-match': `"other", "${link.sha256}"` },
    });
    expect(response.statusCode).toBe(304);
    expect(response.rawPayload.length).toBe(0);
    expect(response.headers.etag).toBe(`"${link.sha256}"`);
  });

  it('never serves HTML or SVG inline', async () => {
    const html = await upload('<!doctype html><script>alert(1)</script>', 'page.html', {
      declaredMime: 'text/html',
    });
    expect(html.mime).toBe('text/html; charset=utf-8');
    const response = await http.inject({ method: 'GET', url: `/files/${html.id}?inline=1` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="page.html"');
    expect(response.headers['x-content-type-options']).toBe('nosniff');

    const svg = await upload(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'x.svg',
    );
    const svgResponse = await http.inject({ method: 'GET', url: `/files/${svg.id}?inline=1` });
    expect(svgResponse.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('zips several links with sanitised, unique names', async () => {
    const notes = await upload('des notes\n', 'notes.txt');
    const same = await upload('d’autres notes\n', 'notes.txt');
    const response = await http.inject({
      method: 'GET',
      url: `/zip?ids=${[link.id, notes.id, same.id].join(',')}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="Dossier _ seance\.zip"; /,
    );
    const zip = await fromBufferPromise(response.rawPayload, { lazyEntries: true });
    const contents = new Map<string, string>();
    for await (const entry of zip.eachEntry()) {
      contents.set(entry.fileName, await text(await zip.openReadStreamPromise(entry)));
    }
    expect([...contents.keys()]).toEqual(['Séance 1 — diapos.pdf', 'notes.txt', 'notes (2).txt']);
    expect(contents.get('notes.txt')).toBe('des notes\n');
    expect(contents.get('notes (2).txt')).toBe('d’autres notes\n');
  });

  it('writes RFC 6266 headers for plain ASCII names without an extended parameter', () => {
    expect(contentDisposition('rapport.pdf', 'attachment')).toBe('attachment; filename="rapport.pdf"');
    expect(contentDisposition('../a"b\\c.txt', 'inline')).toBe('inline; filename="c.txt"');
    expect(contentDisposition('50% (final).txt', 'attachment')).toBe(
      `attachment; filename="50_ (final).txt"; filename*=UTF-8''50%25%20%28final%29.txt`,
    );
  });
});
