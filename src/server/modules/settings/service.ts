import { and, eq } from 'drizzle-orm';
import { PLATFORM_CONTEXT_ID } from '../../platform/access/contexts.ts';
import { record } from '../../platform/audit/index.ts';
import { nextVersion, staleVersion } from '../../platform/concurrency/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { platformSettings } from './schema.ts';

/** A setting's stored value, or `fallback` when no administrator has set it. */
export async function getSetting<T>(db: Tx, key: string, fallback: T): Promise<T> {
  return (await getVersionedSetting(db, key, fallback)).value;
}

/** A setting's value and its version: 0 while no administrator has set it (the value is then `fallback`). */
export async function getVersionedSetting<T>(
  db: Tx,
  key: string,
  fallback: T,
): Promise<{ value: T; version: number }> {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, key));
  return row ? { value: row.value as T, version: row.version } : { value: fallback, version: 0 };
}

/**
 * Stores a setting (insert or replace), audited, in one transaction; returns its new version. `expected`:
 * the version the administrator changed (`If-Match`, 0 for a setting never set); when another change came
 * first, 409 and nothing written. Undefined: stored whatever the version.
 */
export async function setSetting(
  ctx: Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'now'>,
  key: string,
  value: unknown,
  expected?: number,
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const changes = { value, updatedAt: ctx.now, updatedBy: ctx.actor.userId };
    let stored: { version: number } | undefined;
    if (expected === undefined) {
      [stored] = await tx
        .insert(platformSettings)
        .values({ key, ...changes })
        .onConflictDoUpdate({
          target: platformSettings.key,
          set: { ...changes, version: nextVersion(platformSettings.version) },
        })
        .returning({ version: platformSettings.version });
    } else if (expected === 0) {
      // Never set, as far as the administrator knew: the first to insert wins, the other is stale.
      [stored] = await tx
        .insert(platformSettings)
        .values({ key, ...changes })
        .onConflictDoNothing()
        .returning({ version: platformSettings.version });
    } else {
      [stored] = await tx
        .update(platformSettings)
        .set({ ...changes, version: nextVersion(platformSettings.version) })
        .where(and(eq(platformSettings.key, key), eq(platformSettings.version, expected)))
        .returning({ version: platformSettings.version });
    }
    if (!stored) throw staleVersion();
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'settings.updated',
      objectType: 'setting',
      objectId: key,
      contextId: PLATFORM_CONTEXT_ID,
      details: { value },
    });
    return stored.version;
  });
}

/**
 * The hosts whose videos may be embedded (video activities), a host allowing its subdomains:
 * `apps.education.fr` covers the ministry's PeerTube instances (« Tubes ») and PodÉduc.
 */
export const VIDEO_HOSTS_KEY = 'video.hosts';
export const DEFAULT_VIDEO_HOSTS: readonly string[] = ['apps.education.fr', 'video.ploud.fr'];

export function videoHosts(db: Tx): Promise<readonly string[]> {
  return getSetting(db, VIDEO_HOSTS_KEY, DEFAULT_VIDEO_HOSTS);
}

/** The internal mail's limits, set by administrators. */
export const MESSAGING_LIMITS_KEY = 'messaging.limits';
export type MessagingLimits = { attachmentMaxBytes: number; trashRetentionDays: number };
export const DEFAULT_MESSAGING_LIMITS: MessagingLimits = {
  attachmentMaxBytes: 10 * 1024 * 1024,
  trashRetentionDays: 30,
};

export async function messagingLimits(db: Tx): Promise<MessagingLimits> {
  return {
    ...DEFAULT_MESSAGING_LIMITS,
    ...(await getSetting(db, MESSAGING_LIMITS_KEY, DEFAULT_MESSAGING_LIMITS)),
  };
}
