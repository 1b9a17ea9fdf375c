/**
 * `npm run bench -- <name>`: runs bench/<name>.ts (default `me`); its exit code is the benchmark's verdict.
 *
 * `npm run bench -- --smoke` (or `npm run bench:smoke`): every bench in turn, each in its own process with
 * BENCH_SMOKE=1 (small data, 2 s measures: see `SMOKE` in lib/harness.ts), so that a bench broken by a
 * change of the product is seen the day it breaks. Fails if any bench fails or takes longer than
 * BENCH_SMOKE_TIMEOUT seconds (default 120). `--smoke name…` runs only those. BENCH_SMOKE_JOBS benches run
 * at once (default 2: most of a bench's time is its server starting, one core each); each one's output is
 * printed as a block when it ends.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
const known = (name: string) =>
  /^[a-z][a-z0-9-]*$/.test(name) && name !== 'run' && existsSync(new URL(`./${name}.ts`, dir));

/** The benches: files of bench/ that export `run` (a generator such as offers-generator.ts does not). */
function allBenches(): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
    .filter((file) => /export async function run\(/.test(readFileSync(new URL(`./${file}`, dir), 'utf8')))
    .map((file) => file.slice(0, -3))
    .sort();
}

type Outcome = { name: string; code: number; seconds: number };

/** One bench in a child process of its own (its own process group, killed whole on timeout). */
function runChild(name: string, timeoutSeconds: number): Promise<Outcome> {
  const started = Date.now();
  const child = spawn(process.execPath, [new URL('./run.ts', dir).pathname, name], {
    env: { ...process.env, BENCH_SMOKE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  }, timeoutSeconds * 1000);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      const verdict = timedOut
        ? `plus de ${timeoutSeconds} s : arrêté`
        : code === 0
          ? 'ok'
          : `ÉCHEC (code ${code ?? signal})`;
      process.stderr.write(`\n=== bench ${name} (smoke) : ${verdict}, ${seconds} s ===\n${output}`);
      resolve({ name, code: timedOut ? 1 : (code ?? 1), seconds });
    }),
  );
}

async function smoke(names: string[]): Promise<number> {
  const unknown = names.filter((name) => !known(name));
  if (unknown.length) {
    console.error(`benchmark inconnu : ${unknown.join(', ')}`);
    return 2;
  }
  const benches = names.length ? names : allBenches();
  const timeout = Number(process.env.BENCH_SMOKE_TIMEOUT ?? 120);
  const jobs = Number(process.env.BENCH_SMOKE_JOBS ?? 2);
  if (!Number.isInteger(timeout) || timeout < 1 || !Number.isInteger(jobs) || jobs < 1) {
    console.error('BENCH_SMOKE_TIMEOUT et BENCH_SMOKE_JOBS : des entiers positifs');
    return 2;
  }
  const started = Date.now();
  const results: Outcome[] = [];
  const queue = [...benches];
  await Promise.all(
    Array.from({ length: Math.min(jobs, queue.length) }, async () => {
      for (let name = queue.shift(); name; name = queue.shift()) results.push(await runChild(name, timeout));
    }),
  );
  results.sort((a, b) => benches.indexOf(a.name) - benches.indexOf(b.name));
  console.error('\n| bench | verdict | s |\n|---|---|---|');
  for (const r of results)
    console.error(`| ${r.name} | ${r.code === 0 ? 'ok' : `ÉCHEC (code ${r.code})`} | ${r.seconds} |`);
  const failed = results.filter((r) => r.code !== 0);
  console.error(
    failed.length
      ? `\n${failed.length} bench(s) en échec : ${failed.map((r) => r.name).join(', ')}`
      : `\n${results.length} benchs : tous passent`,
  );
  console.error(`durée totale : ${Math.round((Date.now() - started) / 1000)} s (${jobs} à la fois)`);
  return failed.length ? 1 : 0;
}

const [first, ...rest] = process.argv.slice(2);
if (first === '--smoke') {
  process.exitCode = await smoke(rest);
} else {
  const name = first ?? 'me';
  if (!known(name)) {
    console.error(`benchmark inconnu : ${name}`);
    process.exit(2);
  }
  const bench: { run: () => Promise<number> } = await import(new URL(`./${name}.ts`, dir).href);
  process.exitCode = await bench.run();
}
