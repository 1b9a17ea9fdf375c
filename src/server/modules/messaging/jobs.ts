/**
 * The mail's background work: delivering large mailings, picking up a mailing whose job was never
 * queued (a crash between commit and enqueue), and the trash's retention.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { createI18n } from '../../../shared/i18n/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { Files } from '../../platform/files/index.ts';
import type { Clock } from '../../platform/http/context.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import { findUsersByIds } from '../accounts/index.ts';
import { messagingLimits } from '../settings/index.ts';
import { messagingMessages, messagingPreferences } from './schema.ts';
import {
  DELIVER_JOB,
  type DeliverDeps,
  type Delivered,
  deliverQueued,
  purgeTrash,
  stuckQueued,
} from './service.ts';

export const SWEEP_JOB = 'messaging.sweep';
export const PURGE_JOB = 'messaging.purge-trash';
const DAY_MS = 24 * 60 * 60 * 1000;
const fr = createI18n('fr').t;

export type MessagingDeps = { db: Db; files: Files; mailer: Mailer; publicUrl: string; clock: Clock };

/** What follows every delivery, in the request or in the job. */
export function deliverDeps(deps: Pick<MessagingDeps, 'mailer' | 'publicUrl'>): DeliverDeps {
  const mailIds = new Map<string, string[]>();
  return {
    onDelivered: async (tx, delivered) => {
      mailIds.set(delivered.messageId, await queueEmailCopies(tx, deps, delivered));
    },
    afterDelivery: async (delivered) => {
      const ids = mailIds.get(delivered.messageId) ?? [];
      mailIds.delete(delivered.messageId);
      await deps.mailer.flush(ids);
    },
  };
}

/** An e-mail copy for each recipient who asked for one, queued in the delivery's transaction. */
async function queueEmailCopies(
  tx: Tx,
  deps: Pick<MessagingDeps, 'mailer' | 'publicUrl'>,
  delivered: Delivered,
): Promise<string[]> {
  if (delivered.userIds.length === 0) return [];
  const wanting = await tx
    .select({ userId: messagingPreferences.userId })
    .from(messagingPreferences)
    .where(
      and(inArray(messagingPreferences.userId, delivered.userIds), eq(messagingPreferences.emailCopy, true)),
    );
  if (wanting.length === 0) return [];
  const [message] = await tx
    .select({
      subject: messagingMessages.subject,
      bodyText: messagingMessages.bodyText,
      senderId: messagingMessages.senderId,
    })
    .from(messagingMessages)
    .where(eq(messagingMessages.id, delivered.messageId));
  if (!message) return [];
  const people = await findUsersByIds(tx, [message.senderId, ...wanting.map((w) => w.userId)]);
  const sender = people.find((p) => p.id === message.senderId);
  const senderName = sender ? `${sender.firstName} ${sender.lastName}` : '';
  const ids: string[] = [];
  for (const person of people) {
    if (person.id === message.senderId) continue;
    ids.push(
      await deps.mailer.queue(tx, {
        to: person.email,
        subject: fr('mail.messaging.copySubject', {
          subject: message.subject || fr('mail.messaging.noSubject'),
        }),
        text: fr('mail.messaging.copy', {
          sender: senderName,
          body: message.bodyText,
          link: `${deps.publicUrl}/messagerie/${delivered.messageId}`,
          signature: fr('mail.signature'),
        }),
      }),
    );
  }
  return ids;
}

export function defineMessagingJobs(jobs: Jobs, deps: MessagingDeps) {
  const after = deliverDeps(deps);
  jobs.define<{ id: string }>({
    name: DELIVER_JOB,
    retryLimit: 5,
    retryDelaySeconds: 5,
    handler: async ({ id }) => {
      await deliverQueued(deps.db, id, after);
    },
  });
  jobs.define({
    name: SWEEP_JOB,
    cron: '* * * * *',
    handler: async () => {
      for (const id of await stuckQueued(deps.db, new Date(deps.clock.now().getTime() - 2 * 60_000)))
        await deliverQueued(deps.db, id, after);
    },
  });
  jobs.define({
    name: PURGE_JOB,
    cron: '17 3 * * *',
    handler: async () => {
      const { trashRetentionDays } = await messagingLimits(deps.db);
      await purgeTrash(
        deps.db,
        deps.files,
        new Date(deps.clock.now().getTime() - trashRetentionDays * DAY_MS),
      );
    },
  });
}
