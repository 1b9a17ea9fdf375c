import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ContextLevel } from '../../../shared/roles.ts';
import type { Tx } from '../db/index.ts';
import { contexts, PLATFORM_CONTEXT_ID } from './schema.ts';

export type ContextRow = typeof contexts.$inferSelect;

/** The ids of a context and of all its ancestors, root first. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

export async function getContext(db: Tx, id: number): Promise<ContextRow | undefined> {
  const [row] = await db.select().from(contexts).where(eq(contexts.id, id));
  return row;
}

export async function findContext(db: Tx, level: ContextLevel, instanceId: string | null) {
  const [row] = await db
    .select()
    .from(contexts)
    .where(
      and(
        eq(contexts.level, level),
        instanceId === null ? isNull(contexts.instanceId) : eq(contexts.instanceId, instanceId),
      ),
    );
  return row;
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
