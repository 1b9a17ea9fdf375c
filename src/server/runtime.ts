import path from 'node:path';
import { Redis } from 'ioredis';
import type { Deps } from './app.ts';
import type { Config } from './config.ts';
import { defineAccountJobs } from './modules/accounts/jobs.ts';
import { lendGroupsOf, recordOutcomesWith } from './modules/activities/index.ts';
import { bufferPresence, reportActivityOutcome } from './modules/completion/index.ts';
import { completionReactions } from './modules/completion/reactions.ts';
import { serveActivityChannels } from './modules/courses/channels.ts';
import { defineAudience, watchCourseFacts } from './modules/courses/index.ts';
import { defineEnrolmentNotifications, groupsOfPeople, inAudience } from './modules/enrolment/index.ts';
import { defineFollowupJobs, defineReminderNotifications } from './modules/followup/reminders.ts';
import { defineMessagingJobs } from './modules/messaging/index.ts';
import { defineNotificationJobs, notificationReactions } from './modules/notifications/jobs.ts';
import { defineOfferJobs, defineOfferNotifications } from './modules/offers/digest.ts';
import { offerReactions } from './modules/offers/reactions.ts';
import { defineWorkflowNotifications } from './modules/workflow/notifications.ts';
import { AuthCache } from './platform/auth/cache.ts';
import { forgetProcessMemos } from './platform/cache/index.ts';
import { connect } from './platform/db/index.ts';
import { Events } from './platform/events/index.ts';
import { defineFileJobs, Files, LocalBlobStore } from './platform/files/index.ts';
import { type Clock, systemClock } from './platform/http/context.ts';
import { Jobs } from './platform/jobs/index.ts';
import { Mailer } from './platform/mail/index.ts';
import { Bus, postgresTransport, redisTransport } from './platform/realtime/bus.ts';
import { Realtime } from './platform/realtime/hub.ts';
import { defineRealtimeJobs } from './platform/realtime/jobs.ts';

/**
 * Wires the platform's services on one database; main.ts and the tests both start from here. `clock` is
 * the time of every request, job and reaction (the tests' is one they move).
 */
export async function createRuntime(
  config: Config,
  databaseUrl: string,
  options: { onError?: (error: unknown) => void; clock?: Clock } = {},
) {
  const { onError = () => {}, clock = systemClock } = options;
  forgetProcessMemos();
  const database = connect(databaseUrl, 20);
  const jobs = new Jobs(databaseUrl, { enabled: config.jobs, onError });
  const mailer = new Mailer({
    db: database.db,
    jobs,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    dataDir: config.dataDir,
  });
  const files = new Files({
    db: database.db,
    store: new LocalBlobStore(path.join(config.dataDir, 'files')),
    maxBytes: config.uploadMaxMb * 1024 * 1024,
  });
  // What a lower module must ask a higher one in the middle of its own work, the higher one lends it
  // here, once every module is loaded: who is in a group (enrolment, for the course engine's visibility)
  // and how a kind's outcome is recorded (completion, in the kind's transaction), and people's groups
  // (enrolment, for the kinds' group modes). Reactions after the fact go through the events below.
  defineAudience(inAudience);
  lendGroupsOf(groupsOfPeople);
  recordOutcomesWith(reportActivityOutcome);
  // The kinds of notification each module declares, before anything may notify.
  defineEnrolmentNotifications();
  defineWorkflowNotifications();
  defineReminderNotifications();
  defineOfferNotifications();
  // The activities' realtime channels are the course engine's to authorise (kinds, visibility, audience).
  serveActivityChannels();
  defineFileJobs(jobs, files);
  defineAccountJobs(jobs, database.db, config.session, clock);
  defineFollowupJobs(jobs, { db: database.db, mailer, publicUrl: config.publicUrl, clock });
  defineOfferJobs(jobs, { db: database.db, mailer, publicUrl: config.publicUrl, clock });
  defineMessagingJobs(jobs, { db: database.db, files, mailer, publicUrl: config.publicUrl, clock });
  defineNotificationJobs(jobs, { db: database.db, mailer, publicUrl: config.publicUrl, clock });
  // Redis, when configured, holds what several nodes must share in memory (rate-limit counters today).
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  redis?.on('error', onError);
  // Other nodes hear this one through Redis when there is one; the workers of one machine without Redis,
  // through their database.
  const bus = new Bus(
    redis ? redisTransport(redis) : config.workers > 1 ? postgresTransport(databaseUrl) : undefined,
  );
  // Before anything writes: every transaction on this database carries the events emitted in it.
  const events = new Events({ bus, db: database.db });
  await events.ready;
  const realtime = new Realtime({ db: database.db, bus, events });
  await realtime.ready;
  defineRealtimeJobs(jobs, database.db, clock);
  const authCache = new AuthCache({ ttlMs: config.authCacheMs, events });
  // Modules reacting to others' events, like their jobs, hang on the runtime: a write from a job or a
  // script gets the same reactions as one from a route.
  watchCourseFacts(events);
  const presence = bufferPresence(database.db, config.presenceFlushMs);
  completionReactions(events, database.db, files, clock);
  offerReactions(events, database.db, clock);
  notificationReactions(events, { db: database.db, mailer, publicUrl: config.publicUrl });
  const deps: Deps = {
    config,
    db: database.db,
    jobs,
    mailer,
    redis,
    bus,
    events,
    realtime,
    authCache,
    files,
    clock,
  };
  return {
    deps,
    database,
    async stop() {
      realtime.stop();
      await jobs.stop();
      await presence.stop();
      await database.close();
      await bus.close();
      await redis?.quit();
    },
  };
}
