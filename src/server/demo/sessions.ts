/**
 * A running demo session, so that the follow-up, the groups and the progress bars have something to
 * show: a session of "Pédagogie efficace de la mémoire" with its trainer, the demo participant and two
 * groups of colleagues at different points of the course.
 */
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { users } from '../modules/accounts/schema.ts';
import { activityCompletions, courseCompletions, coursePresence } from '../modules/completion/schema.ts';
import { copyCourse } from '../modules/courses/copy.ts';
import { activities, courseSessions, courses, sections } from '../modules/courses/schema.ts';
import { courseGroups, enrolments, groupMembers } from '../modules/enrolment/schema.ts';
import { findContext } from '../platform/access/contexts.ts';
import { roleAssignments } from '../platform/access/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import type { Files } from '../platform/files/index.ts';

const DAY = 24 * 60 * 60 * 1000;

export async function seedDemoSession(
  tx: Tx,
  files: Files,
  domain: { id: string; contextId: number },
  designerId: string,
  now: Date,
) {
  const [origin] = await tx.select().from(courses).where(eq(courses.shortName, 'MEMOIRE-C34'));
  if (!origin) return;
  const session = await copyCourse(tx, files, origin.id, {
    domainId: domain.id,
    domainContextId: domain.contextId,
    title: 'Mémoire et apprentissages — session 2026-2027',
    shortName: 'MEMOIRE-C34-S1',
    createdBy: designerId,
    stage: 'session_running',
    now,
  });
  await tx.insert(courseSessions).values({
    courseId: session.id,
    startsAt: new Date(now.getTime() - 14 * DAY),
    endsAt: new Date(now.getTime() + 45 * DAY),
    selfEnrolment: true,
    maxParticipants: 60,
    gaiaDispositif: '26A0130045',
    gaiaModule: '71234',
    openedAt: new Date(now.getTime() - 14 * DAY),
    // A hybrid session: two half-days on site, which participants find on the session's page.
    contactEmail: 'formation.memoire@magistere.test',
    onSiteDays: [10, 31].map((days) => ({
      date: new Date(now.getTime() + days * DAY).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' }),
      startTime: '14:00',
      endTime: '17:00',
      place: 'Collège Jean-Moulin, salle polyvalente — 12 avenue des Écoles, 13100 Aix-en-Provence',
    })),
  });
  const context = (await findContext(tx, 'course', session.id))!;
  const byEmail = async (email: string) => (await tx.select().from(users).where(eq(users.email, email)))[0]!;
  const trainer = await byEmail('formateur@magistere.test');
  const participant = await byEmail('participant@magistere.test');
  // Colleagues of the académie, from the demo population.
  const colleagues = await tx
    .select()
    .from(users)
    .where(and(like(users.email, '%.%.%@magistere.test'), eq(users.academie, 'Aix-Marseille')))
    .orderBy(asc(users.email))
    .limit(24);

  const enrol = async (userId: string, role: 'participant' | 'trainer', method: 'manual' | 'list') => {
    await tx
      .insert(enrolments)
      .values({ courseId: session.id, userId, role, method, enrolledBy: designerId });
    await tx.insert(roleAssignments).values({ userId, role, contextId: context.id, createdBy: designerId });
  };
  await enrol(trainer.id, 'trainer', 'manual');
  await enrol(participant.id, 'participant', 'manual');
  for (const colleague of colleagues) await enrol(colleague.id, 'participant', 'list');

  const [groupA, groupB] = await tx
    .insert(courseGroups)
    .values([
      { courseId: session.id, name: 'Groupe A — collège', description: 'Professeurs de collège' },
      { courseId: session.id, name: 'Groupe B — école', description: 'Professeurs des écoles' },
    ])
    .returning();
  await tx
    .insert(groupMembers)
    .values(colleagues.map((c, i) => ({ groupId: i % 2 === 0 ? groupA!.id : groupB!.id, userId: c.id })));

  // Each colleague has opened the first activities of the course, some more than others.
  const tracked = await tx
    .select({ id: activities.id })
    .from(activities)
    .innerJoin(sections, eq(sections.id, activities.sectionId))
    .where(and(eq(activities.courseId, session.id), sql`${activities.completion}->>'mode' <> 'none'`))
    .orderBy(asc(sections.position), asc(activities.position));
  const done = colleagues.flatMap((c, i) =>
    tracked.slice(0, (i * 5) % (tracked.length + 1)).map((a, k) => ({
      userId: c.id,
      activityId: a.id,
      courseId: session.id,
      state: 'complete' as const,
      source: 'view',
      completedAt: new Date(now.getTime() - (13 - k) * DAY),
    })),
  );
  if (done.length) await tx.insert(activityCompletions).values(done);
  // Presence: those who started came a few times; a few never came.
  const came = colleagues.filter((_, i) => (i * 5) % (tracked.length + 1) > 0);
  if (came.length)
    await tx.insert(coursePresence).values(
      came.map((c, i) => ({
        userId: c.id,
        courseId: session.id,
        firstAt: new Date(now.getTime() - 13 * DAY),
        lastAt: new Date(now.getTime() - (i % 10) * DAY),
        hits: 4 + (i % 9),
        seconds: 900 + i * 420,
      })),
    );
  // Course completions for those who did everything.
  const complete = colleagues.filter((_, i) => (i * 5) % (tracked.length + 1) === tracked.length);
  if (complete.length) {
    await tx.insert(courseCompletions).values(
      complete.map((c) => ({
        userId: c.id,
        courseId: session.id,
        completedAt: new Date(now.getTime() - DAY),
      })),
    );
  }
}
