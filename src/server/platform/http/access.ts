/**
 * How a route declares its capability on the object its path names: one helper for every module.
 * `on(caps['course:update'], inContext('course'))` checks the capability in the context of the course
 * whose id is the path's `:id`; `on(cap, viaCourse(courseOfGroup))` in the context of the course an object
 * of the module belongs to. An id that is not well formed, or names nothing, resolves to no context: the
 * guard answers 404 before the handler runs.
 */
import type { FastifyRequest } from 'fastify';
import { Uuid } from '../../../shared/api.ts';
import type { ContextLevel } from '../../../shared/roles.ts';
import type { Capability } from '../access/capabilities.ts';
import { findContext } from '../access/contexts.ts';
import type { Tx } from '../db/index.ts';
import type { Access } from './guard.ts';

/** The context id an object's id resolves to. */
export type ContextOf = (db: Tx, id: string) => Promise<number | undefined>;

/** Route access: `capability` in the context `resolve` gives for the path's `:id`. */
export function on(capability: Capability, resolve: ContextOf): { access: Access } {
  return {
    access: {
      capability,
      context: async (request: FastifyRequest) => {
        const id = (request.params as { id?: string }).id ?? '';
        return Uuid.safeParse(id).success ? resolve(request.server.deps.db, id) : undefined;
      },
    },
  };
}

/** The id names the instance of a context level: a domain, a course, an activity. */
export function inContext(level: ContextLevel): ContextOf {
  return async (db, id) => (await findContext(db, level, id))?.id;
}

/** The id names an object that lives in a course (a group, an enrolment…): the course's context. */
export function viaCourse(courseOf: (db: Tx, id: string) => Promise<string | undefined>): ContextOf {
  return async (db, id) => {
    const courseId = await courseOf(db, id);
    return courseId ? (await findContext(db, 'course', courseId))?.id : undefined;
  };
}
