/**
 * Test fixtures of the follow-up, written straight into the database (the enrolment and completion
 * APIs are built beside this module): a course of Aix with tracked activities, groups, people enrolled
 * with their role assignment, completion states, course completions and presence. Used by the API
 * tests and by the end-to-end spec (against the e2e server's database).
 */
import { eq } from 'drizzle-orm';
import { createContext, findContext } from '../../platform/access/contexts.ts';
import { roleAssignments } from '../../platform/access/schema.ts';
import type { Db } from '../../platform/db/index.ts';
import { users } from '../accounts/schema.ts';
import { activityCompletions, courseCompletions, coursePresence } from '../completion/schema.ts';
import { activities, courses, sections } from '../courses/schema.ts';
import { domains } from '../domains/schema.ts';
import { courseGroups, enrolments, groupMembers } from '../enrolment/schema.ts';

export type PersonSpec = {
  key: string;
  firstName: string;
  lastName: string;
  email?: string;
  academie?: string | null;
  departement?: string | null;
  discipline?: string | null;
  role?: 'participant' | 'trainer' | 'tutor';
  /** Enrolled, then unenrolled (status removed, no role assignment). */
  removed?: boolean;
  groups?: string[];
  /** Indexes of the tracked activities completed, and of those failed. */
  done?: number[];
  failed?: number[];
  /** When each completion happened (default: `at`). */
  doneAt?: Date;
  lastAccess?: Date | null;
  firstAccess?: Date;
  seconds?: number;
  courseCompletedAt?: Date;
};

export type FollowupSpec = {
  domainSlug?: string;
  courseId?: string;
  title?: string;
  /** Tracked activities to create (titles), plus untracked ones (never in the grid). */
  tracked?: string[];
  untracked?: string[];
  groups?: string[];
  people: PersonSpec[];
  at?: Date;
};

export type FollowupFixture = {
  courseId: string;
  activityIds: string[];
  untrackedIds: string[];
  groupIds: Record<string, string>;
  userIds: Record<string, string>;
};

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.');

export async function seedFollowup(db: Db, spec: FollowupSpec): Promise<FollowupFixture> {
  const at = spec.at ?? new Date('2026-11-15T10:00:00Z');
  return db.transaction(async (tx) => {
    const [domain] = await tx
      .select()
      .from(domains)
      .where(eq(domains.slug, spec.domainSlug ?? 'ac-aix-marseille'));
    const domainContext = await findContext(tx, 'domain', domain!.id);
    let courseId = spec.courseId;
    if (!courseId) {
      const [course] = await tx
        .insert(courses)
        .values({
          domainId: domain!.id,
          title: spec.title ?? 'Session de suivi',
          shortName: `SUIVI-${Math.random().toString(36).slice(2, 7).toUpperCase()}`,
          stage: 'session_running',
        })
        .returning();
      courseId = course!.id;
      await createContext(tx, 'course', courseId, domainContext!.id);
    }
    const courseContext = await findContext(tx, 'course', courseId);
    const [section] = await tx
      .insert(sections)
      .values({ courseId, position: 0, title: 'Séance à distance' })
      .returning();
    const add = async (titles: string[], tracked: boolean, offset: number) => {
      const ids: string[] = [];
      for (const [i, title] of titles.entries()) {
        const [row] = await tx
          .insert(activities)
          .values({
            courseId: courseId!,
            sectionId: section!.id,
            position: offset + i,
            kind: 'page',
            title,
            settings: { content: '<p>Contenu</p>' },
            completion: tracked ? { mode: 'view' } : { mode: 'none' },
          })
          .returning();
        await createContext(tx, 'activity', row!.id, courseContext!.id);
        ids.push(row!.id);
      }
      return ids;
    };
    const tracked = spec.tracked ?? ['Lire le cadrage', 'Regarder la vidéo', 'Quiz de positionnement'];
    const activityIds = await add(tracked, true, 0);
    const untrackedIds = await add(spec.untracked ?? [], false, tracked.length);

    const groupIds: Record<string, string> = {};
    for (const name of spec.groups ?? []) {
      const [row] = await tx.insert(courseGroups).values({ courseId, name }).returning();
      groupIds[name] = row!.id;
    }

    const userIds: Record<string, string> = {};
    for (const person of spec.people) {
      const email =
        person.email ??
        `${slug(person.firstName)}.${slug(person.lastName)}.${courseId.slice(0, 6)}@magistere.test`;
      const [existing] = await tx.select().from(users).where(eq(users.email, email));
      const user =
        existing ??
        (
          await tx
            .insert(users)
            .values({
              email,
              firstName: person.firstName,
              lastName: person.lastName,
              homeDomainId: domain!.id,
              academie: person.academie === undefined ? 'Aix-Marseille' : person.academie,
              departement: person.departement ?? null,
              discipline: person.discipline ?? null,
            })
            .returning()
        )[0]!;
      userIds[person.key] = user.id;
      const role = person.role ?? 'participant';
      await tx.insert(enrolments).values({
        courseId,
        userId: user.id,
        role,
        method: 'manual',
        status: person.removed ? 'removed' : 'active',
        ...(person.removed ? { removedAt: at } : {}),
      });
      if (!person.removed)
        await tx.insert(roleAssignments).values({ userId: user.id, role, contextId: courseContext!.id });
      for (const group of person.groups ?? [])
        await tx.insert(groupMembers).values({ groupId: groupIds[group]!, userId: user.id });
      const states = [
        ...(person.done ?? []).map((i) => ({ i, state: 'complete' as const })),
        ...(person.failed ?? []).map((i) => ({ i, state: 'failed' as const })),
      ];
      if (states.length)
        await tx.insert(activityCompletions).values(
          states.map(({ i, state }) => ({
            userId: user.id,
            courseId: courseId!,
            activityId: activityIds[i]!,
            state,
            source: 'view',
            completedAt: person.doneAt ?? at,
          })),
        );
      if (person.courseCompletedAt)
        await tx
          .insert(courseCompletions)
          .values({ userId: user.id, courseId, completedAt: person.courseCompletedAt });
      if (person.lastAccess)
        await tx.insert(coursePresence).values({
          userId: user.id,
          courseId,
          firstAt: person.firstAccess ?? person.lastAccess,
          lastAt: person.lastAccess,
          hits: 5,
          seconds: person.seconds ?? 0,
        });
    }
    return { courseId, activityIds, untrackedIds, groupIds, userIds };
  });
}
