/**
 * What nearly every request on a course asks before a cache can answer it — the course's stage (how far
 * the domain's grants reach into it, for the guard) and whether some activity of it is restricted to
 * groups (then the reader's groups choose the page) — remembered by each node, and forgotten on every
 * node by the events that change them. A course is read thousands of times for each such change.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Stage } from '../../../shared/lifecycle.ts';
import { processMemo } from '../../platform/cache/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { Events, EventType } from '../../platform/events/index.ts';
import { activities, courses } from './schema.ts';

export type CourseFacts = { stage: Stage; restricted: boolean };

const FACT_EVENTS = [
  'course.changed',
  'course.stage_changed',
  'activity.added',
  'activity.changed',
  'activity.removed',
  'audience.changed',
] as const satisfies readonly EventType[];

/** The reads themselves are kept, so readers arriving together share one, and a forget drops it whole. */
const known = processMemo<string, Promise<CourseFacts | undefined>>();

async function read(db: Tx, courseId: string): Promise<CourseFacts | undefined> {
  const [row] = await db
    .select({
      stage: courses.stage,
      restricted: sql<boolean>`exists (${db
        .select({ one: sql`1` })
        .from(activities)
        .where(and(eq(activities.courseId, courseId), isNotNull(activities.audience)))})`,
    })
    .from(courses)
    .where(eq(courses.id, courseId));
  return row;
}

/** The course's stage and whether it restricts activities to groups; undefined for no such course. */
export function courseFacts(db: Tx, courseId: string): Promise<CourseFacts | undefined> {
  // Inside a transaction the answer may be its own uncommitted write, which no event would ever undo.
  if (db instanceof PgTransaction) return read(db, courseId);
  const kept = known.get(courseId);
  if (kept) return kept;
  if (known.size >= 50_000) known.clear();
  const reading = read(db, courseId);
  known.set(courseId, reading);
  reading.catch(() => known.delete(courseId));
  return reading;
}

/** Forgets a course's facts on every node when one of them may have changed, whoever wrote it. */
export function watchCourseFacts(events: Events): () => void {
  const stops = FACT_EVENTS.map((type) =>
    events.on(type, ({ courseId }) => known.delete(courseId), { everyNode: true }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
