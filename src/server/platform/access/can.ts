import type { Role } from '../../../shared/roles.ts';
import type { Tx } from '../db/index.ts';
import { roleHas } from './capabilities.ts';
import { getContext, pathIds } from './contexts.ts';

/** A role held in a context, with the context's path (ids from the root) so ancestry is a lookup. */
export type Grant = { role: Role; contextId: number; level: string; instanceId: string | null; path: string };

/** Who acts: a user with the grants loaded at authentication. */
export type Actor = {
  userId: string;
  homeDomainId: string;
  grants: Grant[];
};

/**
 * The one question of access control: may this actor use this capability in this context?
 * A role assigned in a context holds in every context below it.
 */
export async function can(
  db: Tx,
  actor: Actor | null,
  capability: string,
  contextId: number,
): Promise<boolean> {
  if (!actor) return false;
  const context = await getContext(db, contextId);
  if (!context) return false;
  return canInPath(actor, capability, context.path);
}

/** The same answer when the target context's path is already known. */
export function canInPath(actor: Actor, capability: string, path: string): boolean {
  const ancestors = new Set(pathIds(path));
  return actor.grants.some((grant) => ancestors.has(grant.contextId) && roleHas(grant.role, capability));
}

/** Whether the actor holds the capability in at least one context (menus, scoped listings). */
export function canSomewhere(actor: Actor, capability: string): boolean {
  return actor.grants.some((grant) => roleHas(grant.role, capability));
}

/**
 * Where the capability holds, for scoping a listing: everywhere (a grant at platform level) or in these
 * domains.
 */
export function scopeOf(actor: Actor, capability: string): { all: boolean; domainIds: string[] } {
  const grants = actor.grants.filter((grant) => roleHas(grant.role, capability));
  return {
    all: grants.some((grant) => grant.level === 'platform'),
    domainIds: grants.filter((grant) => grant.level === 'domain').map((grant) => grant.instanceId!),
  };
}
