/**
 * What the platform says of the signed-in person (`/api/me`, and the web app's first HTML answer): their
 * account, roles, capabilities and domains. Kept a few seconds in the AuthCache, which every access change
 * clears. Roles are the roles module's, above this one: it lends its function at start-up.
 */
import type { z } from 'zod';
import type { Me, RoleAssignment } from '../../../shared/api.ts';
import { type Actor, canSomewhere } from '../../platform/access/can.ts';
import { allCapabilities } from '../../platform/access/capabilities.ts';
import type { AuthCache } from '../../platform/auth/cache.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { problems } from '../../platform/http/problem.ts';
import { toDomain, visibleDomains } from '../domains/index.ts';
import { findUser, toUser } from './service.ts';

export type RolesOf = (db: Tx, userId: string) => Promise<RoleAssignment[]>;

export function meDescriber(deps: { db: Db; authCache: AuthCache; rolesOf: RolesOf }) {
  const { db, authCache, rolesOf } = deps;
  return async function describeMe(actor: Actor, csrfToken: string): Promise<z.infer<typeof Me>> {
    type View = Omit<z.infer<typeof Me>, 'csrfToken'>;
    let view = authCache.getView<View>(actor.userId);
    if (!view) {
      const user = await findUser(db, actor.userId);
      if (!user) throw problems.unauthenticated();
      const [roles, domains] = await Promise.all([rolesOf(db, actor.userId), visibleDomains(db, actor)]);
      view = {
        user: toUser(user),
        roles,
        capabilities: allCapabilities().filter((capability) => canSomewhere(actor, capability)),
        domains: domains.map(toDomain),
      };
      authCache.setView(actor.userId, view);
    }
    return { ...view, csrfToken };
  };
}
