/** The access of routes on a course or an activity: a capability in the context named by the path's `:id`. */
import type { FastifyRequest } from 'fastify';
import { Uuid } from '../../../shared/api.ts';
import { findContext } from '../../platform/access/contexts.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { Access } from '../../platform/http/guard.ts';

function on(db: Tx, level: 'course' | 'activity', capability: string): { access: Access } {
  return {
    access: {
      capability,
      context: async (request: FastifyRequest) => {
        const id = (request.params as { id?: string }).id ?? '';
        return Uuid.safeParse(id).success ? (await findContext(db, level, id))?.id : undefined;
      },
    },
  };
}

/** Route access: `capability` in the context of the course named by `:id`. */
export function onCourse(db: Tx, capability: string): { access: Access } {
  return on(db, 'course', capability);
}

/** Route access: `capability` in the context of the activity named by `:id`. */
export function onActivity(db: Tx, capability: string): { access: Access } {
  return on(db, 'activity', capability);
}
