/**
 * The session record of a course (`course_sessions`): read by whoever needs a session's dates or
 * self-enrolment settings, written by the workflow, which checks what it writes.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { isSession, type Session, STAGES } from '../../../shared/lifecycle.ts';
import type { Tx } from '../../platform/db/index.ts';
import { courseSessions, courses } from './schema.ts';

export type SessionRow = typeof courseSessions.$inferSelect;
export type SessionValues = Partial<Omit<typeof courseSessions.$inferInsert, 'courseId'>>;

export function toSession(row: SessionRow): Session {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    selfEnrolment: row.selfEnrolment,
    maxParticipants: row.maxParticipants,
    gaiaDispositif: row.gaiaDispositif,
    gaiaModule: row.gaiaModule,
    gaiaSession: row.gaiaSession,
    contactEmail: row.contactEmail,
    onSiteDays: row.onSiteDays,
    announcedAt: iso(row.announcedAt),
    openedAt: iso(row.openedAt),
    archivedAt: iso(row.archivedAt),
  };
}

/** The session settings of a course, or null when the course is not a session. */
export async function sessionOf(db: Tx, courseId: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(courseSessions).where(eq(courseSessions.courseId, courseId));
  return row ?? null;
}

/** The session settings of several courses at once, by course id (courses that are not sessions are absent). */
export async function sessionsOf(db: Tx, courseIds: readonly string[]): Promise<Map<string, Session>> {
  if (courseIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(courseSessions)
    .where(inArray(courseSessions.courseId, [...courseIds]));
  return new Map(rows.map((row) => [row.courseId, toSession(row)]));
}

/** Gives a course just created as a session its session record. */
export async function addSession(tx: Tx, courseId: string, values: SessionValues): Promise<void> {
  await tx.insert(courseSessions).values({ ...values, courseId });
}

/** Changes a session's record; returns it, or undefined when the course is not a session. */
export async function changeSession(
  tx: Tx,
  courseId: string,
  values: SessionValues,
): Promise<SessionRow | undefined> {
  const [row] = await tx
    .update(courseSessions)
    .set(values)
    .where(eq(courseSessions.courseId, courseId))
    .returning();
  return row;
}

/**
 * How many sessions were given from each of these courses (sessions are copies whose origin is the
 * course); sessions in the trash have the `trash` stage and are not counted. Courses without any are absent.
 */
export async function sessionCountsFrom(db: Tx, originIds: readonly string[]): Promise<Map<string, number>> {
  if (originIds.length === 0) return new Map();
  const rows = await db
    .select({ originId: courses.originId, n: sql<number>`count(*)::int` })
    .from(courses)
    .where(
      and(
        inArray(courses.stage, STAGES.filter(isSession)),
        inArray(courses.originId, [...new Set(originIds)]),
      ),
    )
    .groupBy(courses.originId);
  return new Map(rows.map((row) => [row.originId!, row.n]));
}
