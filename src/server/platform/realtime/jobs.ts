import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { Jobs } from '../jobs/index.ts';
import { realtimeMessages } from './schema.ts';

/** How long a message stays replayable: a client away longer reloads its state (`gap`). */
export const REALTIME_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Deletes the messages past the retention period, in batches so that no delete holds locks for long. */
export async function pruneRealtimeMessages(db: Db, now: Date, retentionMs = REALTIME_RETENTION_MS) {
  const before = new Date(now.getTime() - retentionMs);
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`
      DELETE FROM ${realtimeMessages} WHERE ctid IN (
        SELECT ctid FROM ${realtimeMessages} WHERE ${lt(realtimeMessages.createdAt, before)} LIMIT 5000
      )`);
    total += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < 5000) return total;
  }
}

export function defineRealtimeJobs(jobs: Jobs, db: Db, clock: { now(): Date }) {
  jobs.define({
    name: 'realtime-prune',
    cron: '17 * * * *',
    handler: async () => {
      await pruneRealtimeMessages(db, clock.now());
    },
  });
}
