import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problem.ts';

/**
 * The path of a string (value or key) holding U+0000 in a parsed body, query or params, `''` for
 * the value itself; `null` when there is none. Walked with an explicit stack: a hostile body nested
 * thousands of levels deep must not overflow the call stack (the body limit bounds the work).
 */
export function findNul(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
      continue;
    }
    if (current === null || typeof current !== 'object' || Buffer.isBuffer(current)) continue;
    const entries = Array.isArray(current) ? current.entries() : Object.entries(current);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : String(key);
      if (typeof key === 'string' && key.includes('\u0000')) return childPath;
      stack.push([child, childPath]);
    }
  }
  return null;
}

function refuse(path: string) {
  return new HttpProblem(400, 'nul_character', 'errors.edge.nulCharacter', {
    errors: [{ path, message: 'errors.edge.nulCharacter' }],
  });
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL byte that reaches a query fails it with a 500. No field of the
 * API needs one, so every request is refused at the edge with a 400 that names the field: path and query
 * as soon as the route is known (before the guard resolves a context from them), the body once parsed
 * (before validation and before any service sees it). Registered before the guard, so it runs first.
 */
export function registerNulGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    for (const part of [request.params, request.query]) {
      const path = findNul(part);
      if (path !== null) throw refuse(path);
    }
  });
  app.addHook('preValidation', async (request) => {
    const path = findNul(request.body);
    if (path !== null) throw refuse(path || 'body');
  });
}
