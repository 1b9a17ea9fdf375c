/**
 * Builds the web app into dist/web (`npm run build`). With `--if-changed` (`npm start`), builds only when its
 * inputs changed since the last build: a hash of src/web, src/shared, the Vite and TypeScript configurations
 * and the lockfile, kept in dist/web/.build-stamp. A content hash rather than dates: a checkout or a copy
 * changes dates, not what is built.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = ['src/web', 'src/shared', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'];
const STAMP = 'dist/web/.build-stamp';

function files(root: string, entry: string): string[] {
  const at = path.join(root, entry);
  if (!existsSync(at)) return [];
  if (!statSync(at).isDirectory()) return [entry];
  const found: string[] = [];
  for (const item of readdirSync(at, { withFileTypes: true })) {
    const relative = path.join(entry, item.name);
    if (item.isDirectory()) found.push(...files(root, relative));
    // Tests are not part of the bundle: changing one needs no rebuild.
    else if (item.isFile() && !/\.test\.tsx?$/.test(item.name)) found.push(relative);
  }
  return found;
}

/** The hash of everything the web build reads from this repository. */
export function sourceHash(root = ROOT): string {
  const hash = createHash('sha256');
  const all = INPUTS.flatMap((entry) => files(root, entry)).sort();
  for (const file of all) {
    hash.update(file.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Whether dist/web is missing or was built from other sources. */
export function needsBuild(root = ROOT): boolean {
  const stamp = path.join(root, STAMP);
  if (!existsSync(path.join(root, 'dist/web/index.html')) || !existsSync(stamp)) return true;
  return readFileSync(stamp, 'utf8').trim() !== sourceHash(root);
}

function build() {
  const hash = sourceHash();
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(
      `La construction de l’application web a échoué (${result.error?.message ?? `code ${result.status}`}).`,
    );
    process.exit(1);
  }
  writeFileSync(path.join(ROOT, STAMP), `${hash}\n`);
}

if (import.meta.main) {
  if (process.argv.includes('--if-changed') && !needsBuild()) {
    console.log('Application web déjà construite pour ces sources (dist/web).');
  } else {
    if (process.argv.includes('--if-changed')) console.log('Construction de l’application web…');
    build();
  }
}
