import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../shared/roles.ts';
import { users } from '../modules/accounts/schema.ts';
import { checkManifest, createFromManifest } from '../modules/courses/archive.ts';
import { domains } from '../modules/domains/schema.ts';
import { createContext, PLATFORM_CONTEXT_ID } from '../platform/access/contexts.ts';
import { roleAssignments } from '../platform/access/schema.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Db } from '../platform/db/index.ts';
import type { Files } from '../platform/files/index.ts';
import { demoCourses } from './courses.ts';
import { seedDemoOffers } from './offers.ts';
import { seedDemoSession } from './sessions.ts';

export const DEMO_PASSWORD = 'Magistere-demo-2026';

const DOMAINS = [
  { slug: 'dgesco', name: 'DGESCO — national', kind: 'national' },
  { slug: 'ac-aix-marseille', name: 'Académie d’Aix-Marseille', kind: 'academie' },
  { slug: 'ac-bordeaux', name: 'Académie de Bordeaux', kind: 'academie' },
  { slug: 'educagri', name: 'Éducagri — enseignement agricole', kind: 'national' },
] as const;

type Slug = (typeof DOMAINS)[number]['slug'];

/**
 * One demo account per role, with the context its role is held in: the platform, its domain, or only the
 * courses it is enrolled in (a participant has no domain-wide role: see courses/visibility.ts).
 */
export const DEMO_ACCOUNTS: {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  domain: Slug;
  at: 'platform' | 'domain' | 'enrolments';
  academie: string;
  departement: string;
  discipline: string;
  bodyGrade: string;
}[] = [
  {
    email: 'admin@magistere.test',
    firstName: 'Claire',
    lastName: 'Martin',
    role: 'admin',
    domain: 'dgesco',
    at: 'platform',
    academie: 'Paris',
    departement: 'Paris (75)',
    discipline: 'Administration',
    bodyGrade: 'Attachée d’administration',
  },
  {
    email: 'referent@magistere.test',
    firstName: 'Karim',
    lastName: 'Benali',
    role: 'domain_admin',
    domain: 'ac-aix-marseille',
    at: 'domain',
    academie: 'Aix-Marseille',
    departement: 'Bouches-du-Rhône (13)',
    discipline: 'Numérique éducatif',
    bodyGrade: 'Professeur certifié',
  },
  {
    email: 'gestionnaire@magistere.test',
    firstName: 'Sophie',
    lastName: 'Durand',
    role: 'manager',
    domain: 'ac-bordeaux',
    at: 'domain',
    academie: 'Bordeaux',
    departement: 'Gironde (33)',
    discipline: 'Formation continue',
    bodyGrade: 'Secrétaire administrative',
  },
  {
    email: 'concepteur@magistere.test',
    firstName: 'Julien',
    lastName: 'Moreau',
    role: 'designer',
    domain: 'ac-aix-marseille',
    at: 'domain',
    academie: 'Aix-Marseille',
    departement: 'Vaucluse (84)',
    discipline: 'Mathématiques',
    bodyGrade: 'Professeur agrégé',
  },
  {
    email: 'formateur@magistere.test',
    firstName: 'Nathalie',
    lastName: 'Lefèvre',
    role: 'trainer',
    domain: 'ac-aix-marseille',
    at: 'domain',
    academie: 'Aix-Marseille',
    departement: 'Var (83)',
    discipline: 'Lettres modernes',
    bodyGrade: 'Professeure certifiée',
  },
  {
    email: 'tuteur@magistere.test',
    firstName: 'Thomas',
    lastName: 'Girard',
    role: 'tutor',
    domain: 'ac-bordeaux',
    at: 'domain',
    academie: 'Bordeaux',
    departement: 'Landes (40)',
    discipline: 'Histoire-géographie',
    bodyGrade: 'Professeur certifié',
  },
  {
    email: 'participant@magistere.test',
    firstName: 'Camille',
    lastName: 'Roux',
    role: 'participant',
    domain: 'ac-aix-marseille',
    at: 'enrolments',
    academie: 'Aix-Marseille',
    departement: 'Alpes-de-Haute-Provence (04)',
    discipline: 'Professeur des écoles',
    bodyGrade: 'Professeure des écoles',
  },
  {
    email: 'observateur@magistere.test',
    firstName: 'Hélène',
    lastName: 'Faure',
    role: 'observer',
    domain: 'ac-bordeaux',
    at: 'domain',
    academie: 'Bordeaux',
    departement: 'Gironde (33)',
    discipline: 'Inspection pédagogique',
    bodyGrade: 'Inspectrice de l’éducation nationale',
  },
  // A designer of another academy than concepteur@, who deploys national parcours from the hub.
  {
    email: 'conceptrice.bordeaux@magistere.test',
    firstName: 'Aurélie',
    lastName: 'Lambert',
    role: 'designer',
    domain: 'ac-bordeaux',
    at: 'domain',
    academie: 'Bordeaux',
    departement: 'Gironde (33)',
    discipline: 'Sciences de la vie et de la Terre',
    bodyGrade: 'Professeure certifiée',
  },
];

const FIRST = [
  'Léa',
  'Hugo',
  'Manon',
  'Louis',
  'Chloé',
  'Gabriel',
  'Inès',
  'Arthur',
  'Jade',
  'Raphaël',
  'Louise',
  'Jules',
];
const LAST = [
  'Bernard',
  'Petit',
  'Robert',
  'Richard',
  'Dubois',
  'Laurent',
  'Simon',
  'Michel',
  'Garcia',
  'Fournier',
];
const DISCIPLINES = [
  'Mathématiques',
  'Lettres modernes',
  'Anglais',
  'SVT',
  'Physique-chimie',
  'EPS',
  'Professeur des écoles',
];

/**
 * Loads the demo domains and accounts into an empty database; does nothing if any domain exists. The
 * demo's dates are set around `now`: start-up has no request, so the machine's time by default.
 */
export async function seedDemo(db: Db, files: Files, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two nodes starting together must not both seed.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727275)`);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(domains);
    if ((existing?.n ?? 0) > 0) return false;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const bySlug = new Map<string, { id: string; contextId: number }>();
    for (const domain of DOMAINS) {
      const [row] = await tx.insert(domains).values(domain).returning();
      const context = await createContext(tx, 'domain', row!.id, PLATFORM_CONTEXT_ID);
      bySlug.set(domain.slug, { id: row!.id, contextId: context.id });
    }
    for (const account of DEMO_ACCOUNTS) {
      const { role, domain, at, ...fields } = account;
      const home = bySlug.get(domain)!;
      const [user] = await tx
        .insert(users)
        .values({ ...fields, passwordHash, homeDomainId: home.id })
        .returning();
      if (at === 'enrolments') continue;
      const contextId = at === 'platform' ? PLATFORM_CONTEXT_ID : home.contextId;
      await tx.insert(roleAssignments).values({ userId: user!.id, role, contextId });
    }
    // A realistic population of participants, so lists have something to search and page through.
    const population = Array.from({ length: 60 }, (_, i) => {
      const firstName = FIRST[i % FIRST.length]!;
      const lastName = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
      const slug = i % 3 === 0 ? 'ac-bordeaux' : 'ac-aix-marseille';
      return {
        email: `${firstName}.${lastName}.${i}@magistere.test`
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase(),
        firstName,
        lastName,
        passwordHash,
        homeDomainId: bySlug.get(slug)!.id,
        academie: slug === 'ac-bordeaux' ? 'Bordeaux' : 'Aix-Marseille',
        discipline: DISCIPLINES[i % DISCIPLINES.length]!,
        bodyGrade: 'Professeur certifié',
      };
    });
    await tx.insert(users).values(population);
    const designer = (await tx.select().from(users).where(eq(users.email, 'concepteur@magistere.test')))[0]!;
    const demo = await demoCourses();
    for (const course of demo.courses) {
      const home = bySlug.get(course.domain)!;
      const { errors, settings } = await checkManifest(tx, course.manifest, new Set(demo.files.keys()));
      if (errors.length)
        throw new Error(`demo course ${course.manifest.course.title}: ${JSON.stringify(errors)}`);
      const target = {
        domainId: home.id,
        domainContextId: home.contextId,
        createdBy: designer.id,
        now,
        ...(course.stage ? { stage: course.stage } : {}),
      };
      await createFromManifest(tx, files, course.manifest, settings, target, async (sha) =>
        Readable.from([demo.files.get(sha)!]),
      );
    }
    await seedDemoSession(tx, files, bySlug.get('ac-aix-marseille')!, designer.id, now);
    await seedDemoOffers(tx, files, bySlug, designer.id, now);
    return true;
  });
}
