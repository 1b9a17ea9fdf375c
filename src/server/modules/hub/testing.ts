/**
 * Fixtures of the hub tests: a national parcours with content, made by the platform admin, and its
 * publication in the course offer.
 */
import { eq } from 'drizzle-orm';
import type { CourseMetadata } from '../../../shared/lifecycle.ts';
import type { ApiClient, TestApp } from '../../testing/harness.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { domains } from '../domains/schema.ts';

export async function domainIdOf(t: TestApp, slug: string) {
  return (await t.db.select().from(domains).where(eq(domains.slug, slug)))[0]!.id;
}

export const ORIGIN_METADATA: CourseMetadata = {
  collection: 'formation',
  publics: ['enseignants_2d'],
  objectives: '<p>Concevoir des évaluations au service des apprentissages.</p>',
  origin: 'national',
  durationOnSite: 180,
  durationRemote: 120,
  keywords: ['évaluation', 'compétences'],
  version: '1.0',
};

/** A parcours of dgesco with two sections and three pages, indexed at version 1.0. */
export async function originCourse(t: TestApp, admin: ApiClient, title = 'Évaluer par compétences') {
  const dgesco = await domainIdOf(t, 'dgesco');
  const course = await admin.post('/api/courses', {
    domainId: dgesco,
    title,
    shortName: uniqueShortName('EVAL-COMP'),
  });
  if (course.statusCode !== 201) throw new Error(course.body);
  const id = course.json().id as string;
  for (const [section, pages] of [
    ['Comprendre', ['Pourquoi évaluer ?', 'Les niveaux de maîtrise']],
    ['Pratiquer', ['Construire une grille']],
  ] as const) {
    const sectionId = (await admin.post(`/api/courses/${id}/sections`, { title: section })).json().id;
    for (const page of pages) await addPage(admin, id, sectionId, page);
  }
  const indexed = await admin.put(`/api/courses/${id}/metadata`, ORIGIN_METADATA);
  if (indexed.statusCode !== 200) throw new Error(indexed.body);
  return { id, domainId: dgesco, title };
}

export async function addPage(client: ApiClient, courseId: string, sectionId: string, title: string) {
  const response = await client.post(`/api/courses/${courseId}/activities`, {
    sectionId,
    kind: 'page',
    title,
    settings: { content: `<p>${title}</p>` },
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().id as string;
}

/**
 * Publishes the parcours in the course offer at this version, through the offers module's API as its
 * author would (the indexation's version raised, then published with the notes); returns the offer's number.
 */
export async function publishInOffer(
  author: ApiClient,
  course: { id: string },
  version: string,
  releaseNotes = '',
) {
  const indexed = await author.put(`/api/courses/${course.id}/metadata`, { ...ORIGIN_METADATA, version });
  if (indexed.statusCode !== 200) throw new Error(indexed.body);
  const published = await author.post(`/api/courses/${course.id}/publication`, { releaseNotes });
  if (published.statusCode !== 200) throw new Error(published.body);
  return (published.json() as { offer: { number: number } }).offer.number;
}

/** Withdraws the parcours from the course offer, through the offers module's API. */
export async function withdrawFromOffer(author: ApiClient, course: { id: string }) {
  const withdrawn = await author.delete(`/api/courses/${course.id}/publication`);
  if (withdrawn.statusCode !== 200) throw new Error(withdrawn.body);
}
