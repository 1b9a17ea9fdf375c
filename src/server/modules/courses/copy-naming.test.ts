/**
 * How copies are named: a duplicate says it is a copy and gets a short name of its own in its domain; an
 * archive imported where its short name is already used is named the same way, elsewhere it keeps its
 * names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { domains } from '../domains/schema.ts';

let t: TestApp;
let designer: ApiClient;
let admin: ApiClient;
let aix = '';
let bordeaux = '';

beforeAll(async () => {
  t = await startTestApp();
  const all = await t.db.select().from(domains);
  aix = all.find((d) => d.slug === 'ac-aix-marseille')!.id;
  bordeaux = all.find((d) => d.slug === 'ac-bordeaux')!.id;
  designer = await t.as('concepteur@magistere.test');
  admin = await t.as('admin@magistere.test');
});
afterAll(() => t.close());

type Named = { id: string; title: string; shortName: string };

async function created(title: string, shortName: string): Promise<Named> {
  const response = await designer.post('/api/courses', { domainId: aix, title, shortName });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function duplicated(id: string, body: object = {}): Promise<Named> {
  const response = await designer.post(`/api/courses/${id}/duplicate`, { domainId: aix, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function imported(client: ApiClient, zip: Buffer, domainId: string): Promise<Named> {
  const body = multipartBody({ domainId }, [
    { field: 'archive', filename: 'parcours.zip', type: 'application/zip', content: zip },
  ]);
  const response = await client.request('POST', '/api/courses/import', body.payload, body.headers);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('naming copies', () => {
  it('gives each duplicate "(copie)" and the next free short name of its domain', async () => {
    const source = await created('Le numérique au service des apprentissages', 'NUM-APP');
    const first = await duplicated(source.id);
    const second = await duplicated(source.id);
    expect([first, second].map(({ title, shortName }) => ({ title, shortName }))).toEqual([
      { title: 'Le numérique au service des apprentissages (copie)', shortName: 'NUM-APP-2' },
      { title: 'Le numérique au service des apprentissages (copie)', shortName: 'NUM-APP-3' },
    ]);
    // A copy of a copy takes the next number of its own name; a number that is part of a name stays.
    expect((await duplicated(first.id)).shortName).toBe('NUM-APP-2-2');
    const yearly = await created('Rentrée 2027', 'RENTREE-2027');
    expect((await duplicated(yearly.id)).shortName).toBe('RENTREE-2027-2');
    // A short name asked for is kept when free, numbered when not.
    expect((await duplicated(source.id, { shortName: 'NUM-LIBRE' })).shortName).toBe('NUM-LIBRE');
    expect((await duplicated(source.id, { shortName: 'NUM-APP' })).shortName).toBe('NUM-APP-4');
  });

  it('numbers duplicates made at the same time differently', async () => {
    const source = await created('Éducation aux médias', 'EMI');
    const copies = await Promise.all([1, 2, 3, 4].map(() => duplicated(source.id)));
    expect(copies.map((c) => c.shortName).sort()).toEqual(['EMI-2', 'EMI-3', 'EMI-4', 'EMI-5']);
  });

  it('names an imported archive as a copy where its short name is used, and keeps its names elsewhere', async () => {
    const source = await created('Évaluer par compétences', 'EVAL-COMP-N');
    const archive = await designer.get(`/api/courses/${source.id}/archive`);
    expect(archive.statusCode).toBe(200);

    const again = await imported(designer, archive.rawPayload, aix);
    expect(again).toMatchObject({ title: 'Évaluer par compétences (copie)', shortName: 'EVAL-COMP-N-2' });
    const elsewhere = await imported(admin, archive.rawPayload, bordeaux);
    expect(elsewhere).toMatchObject({ title: 'Évaluer par compétences', shortName: 'EVAL-COMP-N' });
  });
});

describe('short names typed by hand', () => {
  it('refuses a short name another course of the domain holds, on creation and in the settings', async () => {
    const first = await created('Oral en cycle 3', 'ORAL-C3-U');
    const holders = async () =>
      (await designer.get(`/api/courses?domainId=${aix}`))
        .json<Named[]>()
        .filter((course) => course.shortName === 'ORAL-C3-U').length;
    expect(await holders()).toBe(1);

    const again = await designer.post('/api/courses', {
      domainId: aix,
      title: 'Autre',
      shortName: 'ORAL-C3-U',
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({
      code: 'short_name_taken',
      errors: [{ path: 'shortName', message: expect.stringContaining('nom abrégé') }],
    });
    expect(await holders()).toBe(1);

    const second = await created('Oral en cycle 4', 'ORAL-C4-U');
    const renamed = await designer.patch(`/api/courses/${second.id}`, { shortName: 'ORAL-C3-U' });
    expect(renamed.statusCode).toBe(409);
    // A course keeps its own name when its other settings are saved; another domain may use the name.
    expect(
      (await designer.patch(`/api/courses/${first.id}`, { shortName: 'ORAL-C3-U', title: 'Oral, cycle 3' }))
        .statusCode,
    ).toBe(200);
    const [template] = (await designer.get(`/api/courses?domainId=${aix}`))
      .json<(Named & { stage: string })[]>()
      .filter((course) => course.stage === 'template');
    const fromTemplate = await designer.post(`/api/courses/${template!.id}/from-template`, {
      domainId: aix,
      title: 'Depuis le gabarit',
      shortName: 'ORAL-C3-U',
    });
    expect(fromTemplate.statusCode, fromTemplate.body).toBe(409);
    expect(await holders()).toBe(1);
    const elsewhere = await admin.post('/api/courses', {
      domainId: bordeaux,
      title: 'Oral',
      shortName: 'ORAL-C3-U',
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
  });
});
