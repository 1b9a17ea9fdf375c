import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ContextLevel } from '../../../shared/roles.ts';
import { processMemo } from '../cache/index.ts';
import type { Tx } from '../db/index.ts';
import { contexts, PLATFORM_CONTEXT_ID } from './schema.ts';

export type ContextRow = typeof contexts.$inferSelect;

/** The ids of a context and of all its ancestors, root first. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/**
 * Contexts of the platform, domains and courses never move once created: they are remembered by id and by
 * instance, so access checks on hot routes cost no query. Activity contexts come and go, and are not kept.
 */
const stable = processMemo<string, ContextRow>();
const remember = (row: ContextRow | undefined) => {
  if (row && row.level !== 'activity') {
    if (stable.size > 100_000) stable.clear();
    stable.set(`#${row.id}`, row);
    stable.set(`${row.level}:${row.instanceId}`, row);
  }
  return row;
};

export async function getContext(db: Tx, id: number): Promise<ContextRow | undefined> {
  const known = stable.get(`#${id}`);
  if (known) return known;
  const [row] = await db.select().from(contexts).where(eq(contexts.id, id));
  return remember(row);
}

export async function findContext(db: Tx, level: ContextLevel, instanceId: string | null) {
  const known = stable.get(`${level}:${instanceId}`);
  if (known) return known;
  const [row] = await db
    .select()
    .from(contexts)
    .where(
      and(
        eq(contexts.level, level),
        instanceId === null ? isNull(contexts.instanceId) : eq(contexts.instanceId, instanceId),
      ),
    );
  return remember(row);
}

/** Creates the context of a new object under its parent context. */
export async function createContext(db: Tx, level: ContextLevel, instanceId: string, parentId: number) {
  const parent = await getContext(db, parentId);
  if (!parent) throw new Error(`parent context ${parentId} missing`);
  const [row] = await db
    .insert(contexts)
    .values({ level, instanceId, parentId, path: 'pending', depth: parent.depth + 1 })
    .returning();
  const path = `${parent.path}/${row!.id}`;
  await db.update(contexts).set({ path }).where(eq(contexts.id, row!.id));
  return { ...row!, path };
}

export async function contextsByIds(db: Tx, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select().from(contexts).where(inArray(contexts.id, ids));
}

export { PLATFORM_CONTEXT_ID };
