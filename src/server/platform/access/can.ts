import type { ContextLevel, Role } from '../../../shared/roles.ts';
import type { Tx } from '../db/index.ts';
import { type Capability, roleHas } from './capabilities.ts';
import { type ContextRow, getContext, pathIds } from './contexts.ts';

/** A role held in a context, with the context's path (ids from the root) so ancestry is a lookup. */
export type Grant = { role: Role; contextId: number; level: string; instanceId: string | null; path: string };

/** Who acts: a user with the grants loaded at authentication. */
export type Actor = {
  userId: string;
  homeDomainId: string;
  grants: Grant[];
};

/**
 * How far a role granted above a context reaches into it. A module may narrow it for the contexts of one
 * level: the answer names a capability that a grant from above must also hold to count there (a
 * course's stage decides which of the domain's people it is for), or null when every grant from above
 * counts. Grants made in the context itself, or below it, always count.
 */
export type Reach = (db: Tx, context: ContextRow) => Promise<Capability | null>;
const reaches = new Map<ContextLevel, Reach>();

export function narrowReach(level: ContextLevel, reach: Reach) {
  reaches.set(level, reach);
}

/**
 * The one question of access control: may this actor use this capability in this context?
 * A role assigned in a context holds in every context below it, as far as it reaches (see `Reach`).
 */
export async function can(
  db: Tx,
  actor: Actor | null,
  capability: Capability,
  contextId: number,
): Promise<boolean> {
  if (!actor) return false;
  const context = await getContext(db, contextId);
  if (!context || !canInPath(actor, capability, context.path)) return false;
  const where = await reachIn(db, context);
  return canInPath(actor, capability, where.path, where.gate);
}

/** A context's path and the narrowed reach that holds there: many `canInPath` questions for one look-up. */
export async function reachIn(
  db: Tx,
  context: ContextRow,
): Promise<{ path: string; gate?: { path: string; required: Capability | null } }> {
  const gate = await gateOf(db, context);
  if (!gate) return { path: context.path };
  const required = await reaches.get(gate.level as ContextLevel)!(db, gate);
  return { path: context.path, gate: { path: gate.path, required } };
}

/** The nearest context, this one or an ancestor, whose level narrows the reach of grants from above. */
async function gateOf(db: Tx, context: ContextRow): Promise<ContextRow | undefined> {
  if (reaches.size === 0) return undefined;
  let current: ContextRow | undefined = context;
  while (current) {
    if (reaches.has(current.level as ContextLevel)) return current;
    current = current.parentId === null ? undefined : await getContext(db, current.parentId);
  }
  return undefined;
}

/**
 * The same answer when the target context's path is already known, and, with `gate`, the narrowed reach
 * of grants made above the gate's context (see `Reach`).
 */
export function canInPath(
  actor: Actor,
  capability: Capability,
  path: string,
  gate?: { path: string; required: Capability | null },
): boolean {
  const ancestors = new Set(pathIds(path));
  return actor.grants.some(
    (grant) =>
      ancestors.has(grant.contextId) &&
      roleHas(grant.role, capability) &&
      (!gate ||
        gate.required === null ||
        grant.path === gate.path ||
        grant.path.startsWith(`${gate.path}/`) ||
        roleHas(grant.role, gate.required)),
  );
}

/** Whether the actor holds the capability in at least one context (menus, scoped listings). */
export function canSomewhere(actor: Actor, capability: Capability): boolean {
  return actor.grants.some((grant) => roleHas(grant.role, capability));
}

/**
 * Where the capability holds, for scoping a listing: everywhere (a grant at platform level) or in these
 * domains.
 */
export function scopeOf(actor: Actor, capability: Capability): { all: boolean; domainIds: string[] } {
  const grants = actor.grants.filter((grant) => roleHas(grant.role, capability));
  return {
    all: grants.some((grant) => grant.level === 'platform'),
    domainIds: grants.filter((grant) => grant.level === 'domain').map((grant) => grant.instanceId!),
  };
}
