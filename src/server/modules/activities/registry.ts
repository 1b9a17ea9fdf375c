import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ActivityRouteKit, AnyActivityKind } from './contract.ts';
import { deposit } from './deposit/kind.ts';
import { file } from './file/kind.ts';
import { folder } from './folder/kind.ts';
import { label } from './label/kind.ts';
import { page } from './page/kind.ts';
import { url } from './url/kind.ts';
import { video } from './video/kind.ts';

/** Every kind the platform knows. Adding a kind: one folder beside this file, one line here. */
const KINDS: AnyActivityKind[] = [page, label, url, file, folder, video, deposit];

const byName = new Map(KINDS.map((kind) => [kind.kind, kind]));

export function activityKind(name: string): AnyActivityKind | undefined {
  return byName.get(name);
}

export function activityKinds(): readonly AnyActivityKind[] {
  return KINDS;
}

/**
 * Adds a kind that is not in the list above: the test suite's own kinds, which prove the contract without
 * shipping. Before the application is built, so that its routes are mounted.
 */
export function registerActivityKind(kind: AnyActivityKind) {
  if (byName.has(kind.kind)) throw new Error(`activity kind ${kind.kind} registered twice`);
  KINDS.push(kind);
  byName.set(kind.kind, kind);
  // The suite's next files may run in the same process: they must find the platform's kinds only.
  return function unregister() {
    KINDS.splice(KINDS.indexOf(kind), 1);
    byName.delete(kind.kind);
  };
}

/** The routes every kind declares, made with what the course engine lends them. */
export function activityKindRoutes(kit: ActivityRouteKit): FastifyPluginAsyncZod {
  return async (app) => {
    for (const kind of KINDS) if (kind.routes) await app.register(kind.routes(kit));
  };
}
