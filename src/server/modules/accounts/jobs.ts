import { lt, sql } from 'drizzle-orm';
import type { SessionPolicy } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/http/context.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { loginFailures, passwordTokens } from './schema.ts';
import { purgeExpiredSessions } from './sessions.ts';

export const SESSION_PURGE_JOB = 'accounts.purge-expired';

/** Clean-up of what expires: sessions, used or stale password links, old login failures. */
export async function purgeExpired(db: Db, policy: SessionPolicy, now: Date) {
  const sessions = await purgeExpiredSessions(db, policy, now);
  await db.delete(passwordTokens).where(lt(passwordTokens.expiresAt, now));
  await db.delete(loginFailures).where(lt(loginFailures.at, sql`${now}::timestamptz - interval '1 hour'`));
  return { sessions };
}

export function defineAccountJobs(jobs: Jobs, db: Db, policy: SessionPolicy, clock: Clock) {
  jobs.define({
    name: SESSION_PURGE_JOB,
    cron: '*/10 * * * *',
    handler: async () => {
      await purgeExpired(db, policy, clock.now());
    },
  });
}
