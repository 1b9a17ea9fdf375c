import { eq, inArray } from 'drizzle-orm';
import type { Session } from '../../../shared/lifecycle.ts';
import type { Tx } from '../../platform/db/index.ts';
import { courseSessions } from './schema.ts';

export function toSession(row: typeof courseSessions.$inferSelect): Session {
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
export async function sessionOf(db: Tx, courseId: string) {
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
