/**
 * Module boundaries, checked with dependency-cruiser (run by `npm run lint`, so CI fails on a violation).
 *
 * - A module is a folder of `src/server/modules`. Other modules use it only through its public face,
 *   `index.ts`: never its tables, queries or helpers. The one exception is `schema.ts` → another module's
 *   `schema.ts`, which declares a foreign key (the database holds the reference; nothing is read through it).
 *   Tests and `testing.ts` fixtures may write any table.
 * - The platform (`src/server/platform`) knows no module; the web app and `src/shared` know no server code.
 * - Between modules the graph has no cycle, two-way pairs included: a module reacts to another through
 *   domain events (`platform/events`), so the emitter never imports its listeners.
 */
import path from 'node:path';
import { cruise, type IFlattenedRuleSet, type IViolation } from 'dependency-cruiser';

const tests = ['\\.test\\.ts$', '/testing\\.ts$'];

export const rules: IFlattenedRuleSet = {
  forbidden: [
    {
      name: 'module-internals',
      comment: 'another module is used only through its index.ts',
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/', pathNot: [...tests, '/schema\\.ts$'] },
      to: {
        path: '^src/server/modules/[^/]+/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'schema-foreign-keys-only',
      comment: 'a schema.ts may name another module’s tables for its foreign keys, nothing else',
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/schema\\.ts$' },
      to: {
        path: '^src/server/modules/[^/]+/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/schema\\.ts$'],
      },
    },
    {
      name: 'platform-knows-no-module',
      severity: 'error',
      // The typed database handle gathers every table (platform/db/schema.ts).
      from: { path: '^src/server/platform/', pathNot: [...tests, '^src/server/platform/db/schema\\.ts$'] },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'web-and-shared-know-no-server',
      severity: 'error',
      from: { path: '^src/(web|shared)/' },
      to: { path: '^src/server/' },
    },
  ],
};

export interface Finding {
  rule: string;
  from: string;
  to: string;
  cycle?: string[];
}

function findings(violations: IViolation[]): Finding[] {
  return violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
    ...(v.cycle ? { cycle: v.cycle.map((c) => c.name) } : {}),
  }));
}

/** Every boundary violation under `baseDir` (the repository, or a fixture tree in the rule's own test). */
export async function checkBoundaries(baseDir: string): Promise<Finding[]> {
  const common = {
    validate: true,
    baseDir,
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  } as const;
  const files = await cruise(['src'], { ...common, ruleSet: rules });
  // The same graph with each module folded into one node, tests left out.
  const folded = await cruise(['src/server/modules'], {
    ...common,
    validate: false,
    exclude: { path: ['node_modules', ...tests] },
    collapse: '^src/server/modules/[^/]+/',
  });
  if (typeof files.output === 'string' || typeof folded.output === 'string') throw new Error('cruise output');
  const graph = new Map<string, string[]>();
  for (const m of folded.output.modules) {
    if (!m.source.startsWith('src/server/modules/')) continue;
    const to = m.dependencies.map((d) => d.resolved).filter((d) => d.startsWith('src/server/modules/'));
    graph.set(
      m.source,
      to.filter((d) => d !== m.source),
    );
  }
  return [...findings(files.output.summary.violations), ...moduleCycles(graph)];
}

/** The graph's strongly connected components of more than one module (Tarjan), each as one finding. */
export function moduleCycles(graph: Map<string, string[]>): Finding[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: Finding[] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length < 2) return;
    const members = new Set(component);
    for (const a of component.sort()) {
      for (const b of graph.get(a) ?? []) {
        if (members.has(b)) found.push({ rule: 'module-cycle', from: a, to: b, cycle: component });
      }
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

if (import.meta.main) {
  const found = await checkBoundaries(path.resolve(import.meta.dirname, '..'));
  for (const f of found) {
    console.error(
      `✖ ${f.rule}: ${f.from} → ${f.to}${f.cycle ? ` (among ${f.cycle.length} modules in a cycle)` : ''}`,
    );
  }
  if (found.length > 0) {
    console.error(`\n${found.length} boundary violation(s). See scripts/boundaries.ts for the rules.`);
    process.exit(1);
  }
  console.log('Module boundaries: no violation.');
}
