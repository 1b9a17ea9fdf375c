/** `npm run bench -- <name>`: runs bench/<name>.ts (default `me`); its exit code is the benchmark's verdict. */
import { existsSync } from 'node:fs';

const name = process.argv[2] ?? 'me';
const file = new URL(`./${name}.ts`, import.meta.url);
if (!/^[a-z][a-z0-9-]*$/.test(name) || name === 'run' || !existsSync(file)) {
  console.error(`benchmark inconnu : ${name}`);
  process.exit(2);
}
const bench: { run: () => Promise<number> } = await import(file.href);
process.exitCode = await bench.run();
