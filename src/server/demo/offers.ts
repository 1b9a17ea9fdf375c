/**
 * The demo offer: the demo parcours published in the course offer, and sessions in the training offer —
 * among them a mathematics session of 5 hours open to self-enrolment (the demo participant is not
 * enrolled, to try it), another mathematics session of 9 hours, and a national (dgesco) parcours at
 * version 1.0 that the other domains may deploy from the Réseau des concepteurs.
 */
import { eq, inArray } from 'drizzle-orm';
import type { CourseMetadata, Stage } from '../../shared/lifecycle.ts';
import { users } from '../modules/accounts/schema.ts';
import { checkManifest, createFromManifest, type Manifest } from '../modules/courses/archive.ts';
import { copyCourse } from '../modules/courses/copy.ts';
import { courseSessions, courses } from '../modules/courses/schema.ts';
import { enrolments } from '../modules/enrolment/schema.ts';
import { writePublication } from '../modules/offers/service.ts';
import { findContext } from '../platform/access/contexts.ts';
import { roleAssignments } from '../platform/access/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import type { Files } from '../platform/files/index.ts';

const DAY = 24 * 60 * 60 * 1000;
const SEED_ORIGIN = { ip: null, userAgent: 'seed' };

type Domain = { id: string; contextId: number };
type Activity = Manifest['sections'][number]['activities'][number];

const page = (title: string, html: string): Activity => ({
  kind: 'page',
  title,
  settings: { content: html },
  visibility: 'visible',
  availableFrom: null,
  completion: { mode: 'view' },
  files: [],
});

const manifest = (
  title: string,
  shortName: string,
  summary: string,
  metadata: CourseMetadata,
  sections: [string, Activity[]][],
): Manifest => ({
  format: 'magistere-course',
  version: 1,
  course: { title, shortName, summary, format: 'topics', visibility: 'visible', thumbnail: null, metadata },
  files: [],
  sections: sections.map(([sectionTitle, activities]) => ({
    title: sectionTitle,
    description: '',
    visibility: 'visible',
    activities,
  })),
});

const PROBLEMS = manifest(
  'Résoudre des problèmes en mathématiques au cycle 3',
  'MATHS-PB-C3',
  '<p>Un parcours national pour enseigner la résolution de problèmes arithmétiques du CM1 à la 6e : typologie des problèmes, modélisation en barres, entraînement régulier et différenciation.</p>',
  {
    collection: 'formation',
    publics: ['enseignants_1d', 'enseignants_2d', 'formateurs'],
    objectives:
      '<p>Connaître la typologie des problèmes arithmétiques ; enseigner la modélisation (schémas en barres) ; organiser un entraînement régulier ; différencier sans réduire l’exigence.</p>',
    durationOnSite: 360,
    durationRemote: 180,
    rhythm: 'Trois demi-journées en présence et trois classes virtuelles, sur un trimestre',
    keywords: ['mathématiques', 'résolution de problèmes', 'cycle 3', 'modélisation'],
    origin: 'national',
    authors: 'Inspection générale ; mission mathématiques de la DGESCO',
    validatedBy: 'DGESCO',
    version: '1.0',
    releaseNotes: 'Première version nationale.',
    contact: 'formation.maths@education.gouv.fr',
  },
  [
    [
      'Comprendre les problèmes',
      [
        page(
          'Une typologie pour enseigner',
          '<p>Problèmes additifs, multiplicatifs, à étapes : une typologie commune aide à programmer l’enseignement.</p>',
        ),
      ],
    ],
    [
      'Modéliser',
      [
        page(
          'Le schéma en barres',
          '<p>Représenter les données avant de calculer : le schéma en barres, de la manipulation à l’abstraction.</p>',
        ),
      ],
    ],
    [
      'S’entraîner et différencier',
      [
        page(
          'Un problème par jour',
          '<p>Des rituels courts et réguliers pour automatiser la reconnaissance des structures de problèmes.</p>',
        ),
      ],
    ],
  ],
);

const MANIPULATE = manifest(
  'Manipuler, verbaliser, abstraire : les mathématiques au cycle 2',
  'MATHS-MVA-C2',
  '<p>Faire des mathématiques avec du matériel, mettre en mots ses procédures, puis passer aux écritures : un parcours hybride pour les professeurs des écoles de cycle 2.</p>',
  {
    collection: 'formation',
    publics: ['enseignants_1d'],
    objectives:
      '<p>Choisir un matériel de manipulation adapté ; faire verbaliser les procédures ; organiser le passage à l’abstraction en numération et en calcul.</p>',
    durationOnSite: 180,
    durationRemote: 120,
    rhythm: 'Une demi-journée en présence, puis deux heures à distance à son rythme',
    keywords: ['mathématiques', 'cycle 2', 'manipulation', 'numération'],
    origin: 'academie',
    authors: 'Équipe de circonscription mathématiques d’Aix-Marseille',
    validatedBy: 'IA-IPR de mathématiques',
    version: '1.0',
    releaseNotes: 'Première version.',
    contact: 'maths-premier-degre@ac-aix-marseille.fr',
  },
  [
    [
      'Manipuler',
      [
        page(
          'Du matériel pour penser',
          '<p>Cubes, réglettes, bouliers : quel matériel pour quelle notion, et quand le retirer.</p>',
        ),
      ],
    ],
    [
      'Verbaliser et abstraire',
      [
        page(
          'Mettre en mots ses procédures',
          '<p>Des moments de verbalisation qui préparent le passage aux écritures mathématiques.</p>',
        ),
      ],
    ],
  ],
);

async function createCourse(
  tx: Tx,
  files: Files,
  domain: Domain,
  designerId: string,
  m: Manifest,
  now: Date,
) {
  const { errors, settings } = await checkManifest(tx, m, new Set());
  if (errors.length) throw new Error(`demo course ${m.course.title}: ${JSON.stringify(errors)}`);
  return createFromManifest(
    tx,
    files,
    m,
    settings,
    { domainId: domain.id, domainContextId: domain.contextId, createdBy: designerId, now },
    () => Promise.reject(new Error('no file in the demo offer courses')),
  );
}

async function createSession(
  tx: Tx,
  files: Files,
  domain: Domain,
  designerId: string,
  originId: string,
  session: {
    title: string;
    shortName: string;
    stage: Stage;
    startsAt: Date;
    endsAt: Date;
    selfEnrolment: boolean;
    maxParticipants: number | null;
  },
  now: Date,
) {
  const course = await copyCourse(tx, files, originId, {
    domainId: domain.id,
    domainContextId: domain.contextId,
    title: session.title,
    shortName: session.shortName,
    createdBy: designerId,
    stage: session.stage,
    now,
  });
  await tx.insert(courseSessions).values({
    courseId: course.id,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    selfEnrolment: session.selfEnrolment,
    maxParticipants: session.maxParticipants,
    ...(session.stage === 'session_running' && { openedAt: session.startsAt }),
  });
  return course;
}

export async function seedDemoOffers(
  tx: Tx,
  files: Files,
  domainsBySlug: Map<string, Domain>,
  designerId: string,
  now: Date,
) {
  const aix = domainsBySlug.get('ac-aix-marseille')!;
  const dgesco = domainsBySlug.get('dgesco')!;
  const publish = (courseId: string, daysAgo: number) =>
    writePublication(tx, courseId, {
      actorId: designerId,
      origin: SEED_ORIGIN,
      now: new Date(now.getTime() - daysAgo * DAY),
    });

  // The national parcours and one of its sessions, later in the year, not open to self-enrolment.
  const problems = await createCourse(tx, files, dgesco, designerId, PROBLEMS, now);
  await publish(problems.id, 20);
  const problemsSession = await createSession(
    tx,
    files,
    dgesco,
    designerId,
    problems.id,
    {
      title: 'Résoudre des problèmes en mathématiques au cycle 3 — session nationale 2027',
      shortName: 'MATHS-PB-C3-2027',
      stage: 'session_preparation',
      startsAt: new Date(now.getTime() + 40 * DAY),
      endsAt: new Date(now.getTime() + 130 * DAY),
      selfEnrolment: false,
      maxParticipants: 200,
    },
    now,
  );
  await publish(problemsSession.id, 10);

  // An académie parcours and its session running now, open to self-enrolment, with its trainer.
  const manipulate = await createCourse(tx, files, aix, designerId, MANIPULATE, now);
  await publish(manipulate.id, 15);
  const manipulateSession = await createSession(
    tx,
    files,
    aix,
    designerId,
    manipulate.id,
    {
      title: 'Manipuler, verbaliser, abstraire : les mathématiques au cycle 2 — session de printemps',
      shortName: 'MATHS-MVA-C2-S1',
      stage: 'session_running',
      startsAt: new Date(now.getTime() - 3 * DAY),
      endsAt: new Date(now.getTime() + 60 * DAY),
      selfEnrolment: true,
      maxParticipants: 40,
    },
    now,
  );
  await publish(manipulateSession.id, 3);
  const [trainer] = await tx.select().from(users).where(eq(users.email, 'formateur@magistere.test'));
  const context = (await findContext(tx, 'course', manipulateSession.id))!;
  await tx.insert(enrolments).values({
    courseId: manipulateSession.id,
    userId: trainer!.id,
    role: 'trainer',
    method: 'manual',
    enrolledBy: designerId,
  });
  await tx
    .insert(roleAssignments)
    .values({ userId: trainer!.id, role: 'trainer', contextId: context.id, createdBy: designerId });

  // The demo parcours already indexed, and the running demo session.
  const existing = await tx
    .select()
    .from(courses)
    .where(inArray(courses.shortName, ['MEMOIRE-C34', 'PRISE-POSTE-1D', 'MICRO-GESTES', 'MEMOIRE-C34-S1']));
  for (const [i, course] of existing.entries()) {
    await publish(course.id, 30 - i * 5).catch((error: unknown) => {
      throw new Error(`demo offer ${course.title}: ${String(error)}`);
    });
  }
}
