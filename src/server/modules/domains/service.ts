import { asc, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Domain, DomainCreateBody, DomainUpdateBody } from '../../../shared/api.ts';
import type { Actor } from '../../platform/access/can.ts';
import { createContext, findContext, PLATFORM_CONTEXT_ID } from '../../platform/access/contexts.ts';
import { record } from '../../platform/audit/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { domains } from './schema.ts';

export type DomainRow = typeof domains.$inferSelect;
export type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'origin'>;

export function toDomain(row: DomainRow): Domain {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The context id of a domain, for access checks. */
export async function domainContextId(db: Tx, domainId: string): Promise<number | undefined> {
  return (await findContext(db, 'domain', domainId))?.id;
}

export async function getDomain(db: Tx, id: string): Promise<DomainRow | undefined> {
  const [row] = await db.select().from(domains).where(eq(domains.id, id));
  return row;
}

/** The domains of these ids (unknown ids are left out), or all of them; by name. */
export async function domainsByIds(db: Tx, ids: readonly string[] | 'all'): Promise<DomainRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(domains)
    .where(ids === 'all' ? undefined : inArray(domains.id, [...new Set(ids)]))
    .orderBy(asc(domains.name));
}

/** The domains of these slugs, in no particular order (unknown slugs are left out). */
export async function domainsBySlugs(db: Tx, slugs: readonly string[]): Promise<DomainRow[]> {
  if (slugs.length === 0) return [];
  return db
    .select()
    .from(domains)
    .where(inArray(domains.slug, [...new Set(slugs)]));
}

/**
 * The domains a user may work in: all for a platform-level role, else the home domain and the domains
 * where they hold a role. Home domain first.
 */
export async function visibleDomains(db: Tx, actor: Actor): Promise<DomainRow[]> {
  const everywhere = actor.grants.some((grant) => grant.level === 'platform');
  const ids = new Set([actor.homeDomainId]);
  for (const grant of actor.grants)
    if (grant.level === 'domain' && grant.instanceId) ids.add(grant.instanceId);
  const rows = await db
    .select()
    .from(domains)
    .where(everywhere ? undefined : or(inArray(domains.id, [...ids])))
    .orderBy(asc(domains.name));
  return rows.sort((a, b) => Number(b.id === actor.homeDomainId) - Number(a.id === actor.homeDomainId));
}

export async function createDomain(ctx: Ctx, input: z.infer<typeof DomainCreateBody>): Promise<DomainRow> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(domains).values(input).onConflictDoNothing().returning();
    if (!row) throw problems.conflict('slug_taken', 'errors.slugTaken', 'slug');
    const context = await createContext(tx, 'domain', row.id, PLATFORM_CONTEXT_ID);
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'domain.created',
      objectType: 'domain',
      objectId: row.id,
      contextId: context.id,
      domainId: row.id,
      details: { slug: row.slug, name: row.name },
    });
    // Everyone's list of visible domains may change.
    await emit(tx, { type: 'access.changed', userId: null });
    return row;
  });
}

export async function updateDomain(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof DomainUpdateBody>,
): Promise<DomainRow> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(domains).set(input).where(eq(domains.id, id)).returning();
    if (!row) throw problems.notFound();
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'domain.updated',
      objectType: 'domain',
      objectId: id,
      domainId: id,
      details: input,
    });
    await emit(tx, { type: 'access.changed', userId: null });
    return row;
  });
}
