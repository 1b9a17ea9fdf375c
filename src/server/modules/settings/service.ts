import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/can.ts';
import { PLATFORM_CONTEXT_ID } from '../../platform/access/contexts.ts';
import { type Origin, record } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { platformSettings } from './schema.ts';

/** A setting's stored value, or `fallback` when no administrator has set it. */
export async function getSetting<T>(db: Tx, key: string, fallback: T): Promise<T> {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, key));
  return row ? (row.value as T) : fallback;
}

/** Stores a setting (insert or replace), audited, in one transaction. */
export async function setSetting(
  ctx: { db: Db; actor: Actor; origin: Origin },
  key: string,
  value: unknown,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .insert(platformSettings)
      .values({ key, value, updatedAt: now, updatedBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: platformSettings.key,
        set: { value, updatedAt: now, updatedBy: ctx.actor.userId },
      });
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'settings.updated',
      objectType: 'setting',
      objectId: key,
      contextId: PLATFORM_CONTEXT_ID,
      details: { value },
    });
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
