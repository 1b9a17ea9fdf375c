/**
 * Fixtures of the hub tests: a national parcours with content, made by the platform admin, and its
 * publication in the course offer written straight into the offer tables.
 */
import { eq, sql } from 'drizzle-orm';
import type { CourseMetadata } from '../../../shared/lifecycle.ts';
import type { ApiClient, TestApp } from '../../testing/harness.ts';
import { domains } from '../domains/schema.ts';
import { offers, offerVersions } from '../offers/schema.ts';

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
  const course = await admin.post('/api/courses', { domainId: dgesco, title, shortName: 'EVAL-COMP' });
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
 * Publishes (or republishes at a new version) a parcours in the course offer by writing the offer's
 * rows, as the offers module does; returns the offer's number.
 */
export async function publishInOffer(
  t: TestApp,
  course: { id: string; domainId: string; title: string },
  version: string,
  releaseNotes = '',
) {
  const [row] = await t.db
    .insert(offers)
    .values({
      kind: 'course',
      courseId: course.id,
      domainId: course.domainId,
      title: course.title,
      summary: 'Un parcours pour concevoir des évaluations au service des apprentissages.',
      metadata: { ...ORIGIN_METADATA, version },
      collection: 'formation',
      publics: ['enseignants_2d'],
      keywords: ['évaluation', 'compétences'],
      keywordsText: 'évaluation compétences',
      origin: 'national',
      modality: 'hybride',
      durationMinutes: 300,
      version,
    })
    .onConflictDoUpdate({
      target: offers.courseId,
      set: { version, status: 'published', withdrawnAt: null, updatedAt: sql`now()` },
    })
    .returning();
  await t.db.insert(offerVersions).values({ offerId: row!.id, version, releaseNotes });
  return row!.number;
}
