/** Test helpers for uploads: a multipart body built by hand, and a course with an activity of a kind. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ApiClient, TestApp } from '../../../testing/harness.ts';
import { multipartBody } from '../../../testing/multipart.ts';
import { uniqueShortName } from '../../../testing/names.ts';
import { domains } from '../../domains/schema.ts';

export type Part = { filename: string; content: Buffer | string; type?: string; field?: string };

/** A multipart/form-data body with these files. */
export function multipart(parts: Part[]) {
  return multipartBody(
    {},
    parts.map((part) => ({
      field: part.field ?? 'file',
      filename: part.filename,
      type: part.type ?? 'application/octet-stream',
      content: Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content),
    })),
  );
}

/** Sends files to a route as one multipart request. */
export function upload(client: ApiClient, method: 'PUT' | 'POST', url: string, parts: Part[]) {
  const body = multipart(parts);
  return client.request(method, url, body.payload, body.headers);
}

/** A course of Aix (made by its designer) with one activity of `kind`. */
export async function courseWithActivity(
  t: TestApp,
  designer: ApiClient,
  kind: string,
  options: { title?: string; settings?: Record<string, unknown> } = {},
) {
  const [aix] = await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille'));
  const course = (
    await designer.post('/api/courses', {
      domainId: aix!.id,
      title: 'Parcours avec fichiers',
      shortName: uniqueShortName('F'),
    })
  ).json().id as string;
  // The demo participant follows it (a participant sees only the courses she is enrolled in).
  await t.enrol(course, 'participant@magistere.test');
  const sectionId = (await designer.get(`/api/courses/${course}`)).json().sections[0].id as string;
  const created = await designer.post(`/api/courses/${course}/activities`, {
    sectionId,
    kind,
    title: options.title ?? 'Ressource',
    ...(options.settings ? { settings: options.settings } : {}),
  });
  if (created.statusCode !== 201) throw new Error(`activity: ${created.statusCode} ${created.body}`);
  return { course, sectionId, activity: created.json().id as string };
}

/** Bytes that look like a PDF, an MP4 and a PNG to the type detection. */
export const samples = {
  pdf: (extra = '') =>
    Buffer.from(`%PDF-1.4\n% Magistère ${extra}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`),
  mp4: () =>
    Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypisom'),
      Buffer.from([0, 0, 2, 0]),
      Buffer.from('isomiso2'),
      randomBytes(4000),
    ]),
  png: () =>
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
};
