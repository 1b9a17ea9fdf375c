import type { Db } from '../../platform/db/index.ts';
import type { Events } from '../../platform/events/index.ts';
import type { Clock } from '../../platform/http/context.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import { deliverPendingMails, purgeOld, sendDigests } from './service.ts';

export const DIGEST_JOB = 'notifications.digest';
export const MAIL_SWEEP_JOB = 'notifications.mail_sweep';
export const PURGE_JOB = 'notifications.purge';

type Deps = { db: Db; mailer: Mailer; publicUrl: string; clock: Clock };

/**
 * The daily digest (07:00, Paris time), the sweep of mails a crash left unwritten between a commit and its
 * reaction, and the retention of old notifications.
 */
export function defineNotificationJobs(jobs: Jobs, deps: Deps) {
  jobs.define({
    name: DIGEST_JOB,
    cron: '0 7 * * *',
    tz: 'Europe/Paris',
    retryLimit: 3,
    retryDelaySeconds: 60,
    handler: async () => {
      await sendDigests(deps, deps.clock.now());
    },
  });
  jobs.define({
    name: MAIL_SWEEP_JOB,
    cron: '* * * * *',
    handler: async () => {
      await deliverPendingMails(deps);
    },
  });
  jobs.define({
    name: PURGE_JOB,
    cron: '30 3 * * *',
    tz: 'Europe/Paris',
    handler: async () => {
      await purgeOld(deps.db, deps.clock.now());
    },
  });
}

/** After the commit that notified them, the mails owed at once to these people are written and sent. */
export function notificationReactions(events: Events, deps: Omit<Deps, 'clock'>) {
  events.on('notifications.created', async ({ userIds, mail }) => {
    if (mail) await deliverPendingMails(deps, userIds);
  });
}
