import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { type ApiClient, startTestApp, type TestApp } from '../../../testing/harness.ts';
import { courseWithActivity, samples, upload } from '../file/testing.ts';

let t: TestApp;
let designer: ApiClient;
let participant: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  designer = await t.as('concepteur@magistere.test');
  participant = await t.as('participant@magistere.test');
});
afterAll(() => t.close());

/** The entries of a zip: name → bytes. */
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

describe('folder activity', () => {
  it('adds files, lists them in order, serves each and all as a zip, removes one', async () => {
    const { activity } = await courseWithActivity(t, designer, 'folder', { title: 'Ressources : séance 1' });
    const pdf = samples.pdf('dossier');
    const text = Buffer.from('Consignes de la séance\n');
    const added = await upload(designer, 'POST', `/api/activities/${activity}/folder`, [
      { filename: 'Séance 1.pdf', content: pdf },
      { filename: 'consignes.txt', content: text, type: 'text/plain' },
    ]);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().map((f: { filename: string }) => f.filename)).toEqual([
      'Séance 1.pdf',
      'consignes.txt',
    ]);
    const more = await upload(designer, 'POST', `/api/activities/${activity}/folder`, [
      { filename: 'annexe.pdf', content: samples.pdf('annexe') },
    ]);
    expect(more.statusCode).toBe(201);

    const list = (await participant.get(`/api/activities/${activity}/folder`)).json();
    expect(list.map((f: { filename: string }) => f.filename)).toEqual([
      'Séance 1.pdf',
      'consignes.txt',
      'annexe.pdf',
    ]);
    expect(list[0]).toMatchObject({ mime: 'application/pdf', size: pdf.length });

    const one = await participant.get(`/api/activities/${activity}/folder/${list[0].id}`);
    expect(one.statusCode).toBe(200);
    expect(one.rawPayload.equals(pdf)).toBe(true);
    expect(one.headers['content-disposition']).toContain("filename*=UTF-8''S%C3%A9ance%201.pdf");

    const zip = await participant.get(`/api/activities/${activity}/folder.zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toContain('Ressources _ s');
    const entries = await unzip(zip.rawPayload);
    expect([...entries.keys()]).toEqual(['Séance 1.pdf', 'consignes.txt', 'annexe.pdf']);
    expect(entries.get('Séance 1.pdf')!.equals(pdf)).toBe(true);
    expect(entries.get('consignes.txt')!.equals(text)).toBe(true);

    expect((await participant.delete(`/api/activities/${activity}/folder/${list[1].id}`)).statusCode).toBe(
      403,
    );
    expect((await designer.delete(`/api/activities/${activity}/folder/${list[1].id}`)).statusCode).toBe(204);
    expect((await designer.delete(`/api/activities/${activity}/folder/${list[1].id}`)).statusCode).toBe(404);
    const after = (await participant.get(`/api/activities/${activity}/folder`)).json();
    expect(after.map((f: { filename: string }) => f.filename)).toEqual(['Séance 1.pdf', 'annexe.pdf']);
  });

  it('serves a file only through its own folder, and hides a hidden folder from participants', async () => {
    const a = await courseWithActivity(t, designer, 'folder');
    const b = await courseWithActivity(t, designer, 'folder');
    const [file] = (
      await upload(designer, 'POST', `/api/activities/${a.activity}/folder`, [
        { filename: 'a.pdf', content: samples.pdf('a') },
      ])
    ).json();
    expect((await participant.get(`/api/activities/${b.activity}/folder/${file.id}`)).statusCode).toBe(404);
    expect((await designer.delete(`/api/activities/${b.activity}/folder/${file.id}`)).statusCode).toBe(404);
    await designer.patch(`/api/activities/${a.activity}`, { visibility: 'hidden' });
    expect((await participant.get(`/api/activities/${a.activity}/folder`)).statusCode).toBe(404);
    expect((await participant.get(`/api/activities/${a.activity}/folder.zip`)).statusCode).toBe(404);
    expect((await participant.get(`/api/activities/${a.activity}/folder/${file.id}`)).statusCode).toBe(404);
    expect((await designer.get(`/api/activities/${a.activity}/folder.zip`)).statusCode).toBe(200);
  });
});
