/**
 * The strings a page draws are there when it draws them: every key the code of a page may use is in
 * `common` or in a namespace its route loads (`router.tsx`), and the frame (everything `main.tsx` imports
 * statically) uses `common` only. A missing namespace would show raw keys (`ui.followup.title`) on the page;
 * a namespace listed for nothing is a download for nothing.
 *
 * A page's code is every module of `src/web` it reaches through imports, static or dynamic (its lazy widgets
 * too). Keys are read from that code: a string literal naming a key, or a group of keys (`keyIn`'s prefix),
 * and the fixed start of a template literal (`ui.lifecycle.publics.${p}`) naming a group, whose every key is
 * then needed. Messages written in `src/shared` schemas are not read: forms show `ui.validation` texts, and a
 * page that shows a schema's own message names its group in its code.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frNamespaces } from '../../shared/i18n/fr.ts';
import { NAMESPACES, type Namespace } from '../../shared/i18n/namespaces.ts';
import { PAGE_NAMESPACES } from './i18n.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WEB = path.resolve(HERE, '..');

type Tree = { [key: string]: string | Tree };

/** Each key of a namespace, plural forms by the base `t` takes (`resultCount_one` → `resultCount`). */
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`]
      : keysOf(value, `${prefix}${key}.`),
  );
}

const owners = new Map<string, Set<Namespace>>();
for (const name of NAMESPACES)
  for (const key of keysOf(frNamespaces[name] as Tree)) {
    const set = owners.get(key) ?? new Set();
    set.add(name);
    owners.set(key, set);
  }
const allKeys = [...owners.keys()];
/** Every path above a key: `ui`, `ui.lifecycle`, `ui.lifecycle.publics`… */
const groups = new Set<string>();
for (const key of allKeys) {
  const parts = key.split('.');
  for (let i = 1; i < parts.length; i++) groups.add(parts.slice(0, i).join('.'));
}

/** The keys under a group (`ui.lifecycle.publics` → each public's label). */
const under = (group: string) => allKeys.filter((key) => key.startsWith(`${group}.`));

/** The keys a module's source names. */
function keysIn(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/'([A-Za-z][\w.]*\.[\w.]*\w)'|"([A-Za-z][\w.]*\.[\w.]*\w)"/g)) {
    const text = (match[1] ?? match[2]) as string;
    if (owners.has(text)) found.push(text);
    else if (groups.has(text)) found.push(...under(text));
  }
  for (const match of source.matchAll(/`([A-Za-z][\w.]*)\.\$\{/g)) {
    const group = match[1] as string;
    if (groups.has(group)) found.push(...under(group));
  }
  return found;
}

const IMPORTS = [
  // import … from '…', export … from '…' (not `import type`: erased, no code at run time)
  /(?:^|[\n;])\s*(?:import|export)\s+(?!type\s)[^;'"]*?\bfrom\s+'([^']+)'/g,
  /(?:^|[\n;])\s*import\s+'([^']+)'/g,
  /\bimport\(\s*'([^']+)'\s*\)/g,
];

/** Modules of `src/web` reachable from `entry` (dynamic imports followed or not). */
function reach(entry: string, dynamic: boolean): string[] {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [index, pattern] of IMPORTS.entries()) {
      if (index === 2 && !dynamic) continue;
      for (const match of source.matchAll(pattern)) {
        const specifier = match[1] as string;
        if (!specifier.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), specifier);
        if (target.startsWith(`${WEB}${path.sep}`) && /\.tsx?$/.test(target) && existsSync(target))
          todo.push(target);
      }
    }
  }
  return [...seen];
}

/** Keys the code reachable from `entry` names, with a module naming each. */
function usedKeys(entry: string, dynamic: boolean): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of reach(entry, dynamic))
    for (const key of keysIn(readFileSync(file, 'utf8'))) used.set(key, path.relative(WEB, file));
  return used;
}

type Route = { page: string; file: string; namespaces: string[] };

/** The pages of `router.tsx`: `lazyPage(() => import('…'), 'Name', ['ns', …])`. */
function routes(): Route[] {
  const source = readFileSync(path.join(HERE, 'router.tsx'), 'utf8');
  const found = [
    ...source.matchAll(/lazyPage\(\s*\(\) => import\('([^']+)'\),\s*'(\w+)',\s*\[([^\]]*)\],?\s*\)/g),
  ].map((match) => ({
    page: match[2] as string,
    file: path.resolve(HERE, match[1] as string),
    namespaces: [...(match[3] as string).matchAll(/'(\w+)'/g)].map((m) => m[1] as string),
  }));
  // A page written another way would escape the check.
  expect(found.length).toBe(source.match(/lazyPage\(/g)?.length);
  return found;
}

/** For each key used and not loaded: where it is and who uses it. */
function missing(used: Map<string, string>, loaded: Set<string>): string[] {
  return [...used]
    .filter(([key]) => ![...(owners.get(key) ?? [])].some((name) => loaded.has(name)))
    .map(([key, file]) => `${key} (${[...(owners.get(key) ?? [])].join(', ')}), ${file}`);
}

describe('namespaces of the web app', () => {
  it('draws the frame with common only', () => {
    const used = usedKeys(path.join(WEB, 'main.tsx'), false);
    expect(used.size).toBeGreaterThan(10);
    expect(missing(used, new Set(['common']))).toEqual([]);
  });

  const pages = routes();

  it('reads the pages of the router', () => {
    expect(pages.length).toBeGreaterThan(30);
    const known = new Set<string>(PAGE_NAMESPACES);
    for (const { namespaces } of pages) expect(namespaces.filter((name) => !known.has(name))).toEqual([]);
  });

  for (const route of pages)
    it(`loads what ${route.page} draws, and only that`, () => {
      const used = usedKeys(route.file, true);
      const loaded = new Set(['common', ...route.namespaces]);
      expect(missing(used, loaded)).toEqual([]);
      const needed = new Set<string>([...used.keys()].flatMap((key) => [...(owners.get(key) ?? [])]));
      expect(route.namespaces.filter((name) => !needed.has(name))).toEqual([]);
    });
});
