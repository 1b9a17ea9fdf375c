/**
 * Presence in a course — first and last access, hits, time spent — as the follow-up shows it. Opening a
 * course page records a hit, and that upsert was the only write of a page view: with `bufferPresence` the
 * hits of a node wait up to `flushMs` in memory and go as one statement, which adds them as if each had come
 * alone. Only a process that dies without stopping loses what it held (a few seconds of presence); a
 * clean stop writes it.
 */
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../platform/db/index.ts';
import { coursePresence } from './schema.ts';

/** Two hits further apart than this are two visits: the time between them is not counted as spent. */
export const IDLE_LIMIT_SECONDS = 30 * 60;

type Hits = { userId: string; courseId: string; firstAt: Date; lastAt: Date; hits: number; seconds: number };

/**
 * Adds hits to the rows, one statement for many people and courses. `seconds` is the time spent between the
 * hits given; the gap from a row's last hit to the first one given is added here, under the idle limit (a
 * hit arriving out of order adds nothing).
 */
async function addHits(db: Tx, rows: readonly Hits[]) {
  const gap = sql`extract(epoch from (excluded.first_at - ${coursePresence.lastAt}))`;
  await db
    .insert(coursePresence)
    .values([...rows])
    .onConflictDoUpdate({
      target: [coursePresence.userId, coursePresence.courseId],
      set: {
        firstAt: sql`least(${coursePresence.firstAt}, excluded.first_at)`,
        lastAt: sql`greatest(${coursePresence.lastAt}, excluded.last_at)`,
        hits: sql`${coursePresence.hits} + excluded.hits`,
        seconds: sql`${coursePresence.seconds} + excluded.seconds + case when ${gap} > 0 and ${gap} < ${IDLE_LIMIT_SECONDS} then round(${gap})::int else 0 end`,
      },
    });
}

type Buffer = { db: Db; pending: Map<string, Hits>; timer: NodeJS.Timeout; flushing: Promise<void> };
let buffer: Buffer | undefined;

/** A hit of presence in a course: written at once, or within the node's flush delay (`bufferPresence`). */
export async function recordPresence(db: Tx, userId: string, courseId: string, now: Date) {
  // A transaction's hit shares its fate: written with it, or not at all.
  if (!buffer || db instanceof PgTransaction) {
    await addHits(db, [{ userId, courseId, firstAt: now, lastAt: now, hits: 1, seconds: 0 }]);
    return;
  }
  const key = `${userId}:${courseId}`;
  const held = buffer.pending.get(key);
  if (!held) {
    buffer.pending.set(key, { userId, courseId, firstAt: now, lastAt: now, hits: 1, seconds: 0 });
    return;
  }
  held.hits += 1;
  const gap = (now.getTime() - held.lastAt.getTime()) / 1000;
  if (gap > 0) {
    if (gap < IDLE_LIMIT_SECONDS) held.seconds += Math.round(gap);
    held.lastAt = now;
  } else if (now < held.firstAt) held.firstAt = now;
}

/** Writes what the node holds; a batch refused (a course deleted meanwhile) is written row by row. */
async function flush(target: Buffer) {
  await target.flushing;
  if (target.pending.size === 0) return;
  const rows = [...target.pending.values()];
  target.pending.clear();
  target.flushing = addHits(target.db, rows).catch(async () => {
    for (const row of rows) await addHits(target.db, [row]).catch(() => undefined);
  });
  await target.flushing;
}

/** Holds this node's hits up to `flushMs` (0: none held, each written at once). Returns how to stop. */
export function bufferPresence(
  db: Db,
  flushMs: number,
): { flush: () => Promise<void>; stop: () => Promise<void> } {
  if (buffer) clearInterval(buffer.timer);
  if (flushMs <= 0) {
    buffer = undefined;
    return { flush: async () => undefined, stop: async () => undefined };
  }
  const mine: Buffer = { db, pending: new Map(), flushing: Promise.resolve(), timer: undefined! };
  mine.timer = setInterval(() => void flush(mine), flushMs);
  mine.timer.unref();
  buffer = mine;
  return {
    flush: () => flush(mine),
    async stop() {
      clearInterval(mine.timer);
      if (buffer === mine) buffer = undefined;
      await flush(mine);
    },
  };
}
