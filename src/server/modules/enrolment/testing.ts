/** Fixtures of the enrolment tests: courses, people who can log in, what a course holds, CSV uploads. */
import { and, eq, sql } from 'drizzle-orm';
import { contexts, roleAssignments } from '../../platform/access/schema.ts';
import type { ApiClient, TestApp } from '../../testing/harness.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { uniqueShortName } from '../../testing/names.ts';
import { users } from '../accounts/schema.ts';
import { courseSessions, courses } from '../courses/schema.ts';
import { domains } from '../domains/schema.ts';
import { courseGroups, enrolments, groupMembers } from './schema.ts';

export async function domainId(t: TestApp, slug = 'ac-aix-marseille') {
  return (await t.db.select().from(domains).where(eq(domains.slug, slug)))[0]!.id;
}

/** A course of Aix made by its designer, through the API. */
export async function newCourse(t: TestApp, title = 'Parcours d’essai') {
  const designer = await t.as('concepteur@magistere.test');
  const response = await designer.post('/api/courses', {
    domainId: await domainId(t),
    title,
    shortName: uniqueShortName(title.slice(0, 20)),
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().id as string;
}

/**
 * `n` people `<prefix>.<i>@exemple.fr` (i from 1), home domain Aix unless said, who log in with the
 * demo password.
 */
export async function newPeople(t: TestApp, prefix: string, n: number, slug = 'ac-aix-marseille') {
  const [demo] = await t.db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.email, 'participant@magistere.test'));
  const home = await domainId(t, slug);
  const rows = await t.db
    .insert(users)
    .values(
      Array.from({ length: n }, (_, i) => ({
        email: `${prefix}.${i + 1}@exemple.fr`,
        firstName: `Prénom${i + 1}`,
        lastName: `${prefix[0]!.toUpperCase()}${prefix.slice(1)}`,
        homeDomainId: home,
        passwordHash: demo!.hash,
      })),
    )
    .returning({ id: users.id, email: users.email });
  return rows;
}

/** Sets a course's stage and, for a session, its session row — what the workflow module will do. */
export async function setStage(
  t: TestApp,
  courseId: string,
  stage: (typeof courses.$inferSelect)['stage'],
  session?: Omit<Partial<typeof courseSessions.$inferInsert>, 'courseId'>,
) {
  await t.db.update(courses).set({ stage }).where(eq(courses.id, courseId));
  if (session) {
    await t.db
      .insert(courseSessions)
      .values({ courseId, ...session })
      .onConflictDoUpdate({ target: courseSessions.courseId, set: session });
  }
}

export async function courseContext(t: TestApp, courseId: string) {
  return (
    await t.db
      .select()
      .from(contexts)
      .where(and(eq(contexts.level, 'course'), eq(contexts.instanceId, courseId)))
  )[0]!.id;
}

/** Everything an enrolment writes in a course, counted: to assert that nothing was written. */
export async function holdings(t: TestApp, courseId: string) {
  const n = sql<number>`count(*)::int`;
  const contextId = await courseContext(t, courseId);
  const [e] = await t.db.select({ n }).from(enrolments).where(eq(enrolments.courseId, courseId));
  const [active] = await t.db
    .select({ n })
    .from(enrolments)
    .where(and(eq(enrolments.courseId, courseId), eq(enrolments.status, 'active')));
  const [r] = await t.db.select({ n }).from(roleAssignments).where(eq(roleAssignments.contextId, contextId));
  const [g] = await t.db.select({ n }).from(courseGroups).where(eq(courseGroups.courseId, courseId));
  const [m] = await t.db
    .select({ n })
    .from(groupMembers)
    .innerJoin(courseGroups, eq(courseGroups.id, groupMembers.groupId))
    .where(eq(courseGroups.courseId, courseId));
  return { enrolments: e!.n, active: active!.n, roles: r!.n, groups: g!.n, members: m!.n };
}

/** Posts a CSV file as the participants page does (multipart, field `file`). */
export function postCsv(
  client: ApiClient,
  url: string,
  content: string | Buffer,
  filename = 'inscriptions.csv',
) {
  const { payload, headers } = multipartBody({}, [
    {
      field: 'file',
      filename,
      type: 'text/csv',
      content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    },
  ]);
  return client.request('POST', url, payload, headers);
}
