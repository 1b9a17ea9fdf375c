/**
 * Process faults, on the real `src/server/main.ts` with its own embedded PostgreSQL (whatever DATABASE_URL
 * the test run has): `kill -9` of the server, then a new start on the same data directory; `kill -9` of the
 * embedded postmaster under a running server; start failures that name their cause in French.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Ports set aside for these tests.
const PORTS = {
  first: 3332,
  second: 3333,
  again: 3334,
  watchdog: 3335,
  fatal: 3336,
  taken: 3337,
  broken: 3338,
};

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'magistere-faults-'));
const children: ChildProcess[] = [];

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function postmasterPid(dir = dataDir) {
  return Number((await readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  // A failed test may leave a postmaster behind: it must not outlive the run.
  for (const dir of [dataDir]) {
    const pid = await postmasterPid(dir).catch(() => 0);
    if (pid && alive(pid)) process.kill(pid, 'SIGINT');
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await rm(dataDir, { recursive: true, force: true });
});

function start(port: number, env: Record<string, string> = {}) {
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    env: { ...inherited, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', JOBS: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, exited, output: () => output };
}
type Server = ReturnType<typeof start>;

const url = (server: Server, route: string) => `http://127.0.0.1:${server.port}${route}`;

async function status(server: Server, route: string) {
  return fetch(url(server, route)).then(
    (response) => response.status,
    () => 0,
  );
}

async function waitReady(server: Server, ms = 90_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`exited early:\n${server.output()}`);
    // With several workers the first answers before the others listen: ready once the banner is out.
    if ((await status(server, '/readyz')) === 200 && server.output().includes('Magistère est prêt')) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready:\n${server.output()}`);
}

async function login(server: Server) {
  const response = await fetch(url(server, '/api/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@magistere.test', password: 'Magistere-demo-2026' }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  return {
    cookie: response.headers.get('set-cookie')!.split(';')[0]!,
    csrf: body.csrfToken,
  };
}

async function createDomain(server: Server, slug: string) {
  const session = await login(server);
  const response = await fetch(url(server, '/api/domains'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      origin: `http://localhost:${server.port}`,
    },
    body: JSON.stringify({ slug, name: `Académie ${slug}`, kind: 'academie' }),
  });
  expect(response.status, await response.text()).toBe(201);
}

async function domainSlugs(server: Server) {
  const session = await login(server);
  const response = await fetch(url(server, '/api/domains'), { headers: { cookie: session.cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { slug: string }[]).map((d) => d.slug);
}

async function stopCleanly(server: Server) {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

describe('process faults', () => {
  it('after kill -9 of the server, the next start stops the orphaned PostgreSQL and comes back with the data', async () => {
    const first = start(PORTS.first);
    await waitReady(first);
    await createDomain(first, 'ac-apres-kill');
    const orphan = await postmasterPid();

    // Meanwhile, a second process on the same data directory refuses to touch the running database.
    const second = start(PORTS.second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Un autre processus Magistère \(\d+\) utilise déjà la base embarquée/);
    expect(alive(orphan)).toBe(true);

    first.child.kill('SIGKILL');
    await first.exited;
    // What the issue saw: the embedded PostgreSQL outlives the server.
    expect(alive(orphan)).toBe(true);

    const again = start(PORTS.again);
    await waitReady(again);
    expect(again.output()).toMatch(
      /tourne encore après un arrêt brutal de Magistère : arrêt avant de redémarrer/,
    );
    expect(again.output()).not.toMatch(/undefined/);
    expect(alive(orphan)).toBe(false);
    expect(await domainSlugs(again)).toContain('ac-apres-kill');
    await stopCleanly(again);
  }, 240_000);

  it('after kill -9 of the embedded postmaster, the server restarts it within 30 s and serves its data', async () => {
    const server = start(PORTS.watchdog);
    await waitReady(server);
    await createDomain(server, 'ac-apres-postmaster');
    const killed = await postmasterPid();
    process.kill(killed, 'SIGKILL');
    const since = Date.now();

    let recovered = false;
    while (Date.now() - since < 30_000) {
      if (server.child.exitCode !== null) break;
      const restarted = /PostgreSQL embarqué a redémarré/.test(server.output());
      if (restarted && (await status(server, '/readyz')) === 200) {
        recovered = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered, server.output()).toBe(true);
    expect(server.output()).toMatch(
      /PostgreSQL embarqué s’est arrêté de façon inattendue \(signal SIGKILL\)/,
    );
    expect(await postmasterPid()).not.toBe(killed);
    expect(await status(server, '/healthz')).toBe(200);
    // The pools reconnected: the API reads and writes again.
    expect(await domainSlugs(server)).toContain('ac-apres-postmaster');
    await createDomain(server, 'ac-apres-redemarrage');
    await stopCleanly(server);
  }, 240_000);

  it('when the postmaster cannot be restarted, the server exits 1 within 30 s and says why in French', async () => {
    const server = start(PORTS.fatal);
    await waitReady(server);
    // Without its configuration file, the cluster cannot start again.
    const conf = path.join(dataDir, 'pg', 'postgresql.conf');
    await rename(conf, `${conf}.away`);
    try {
      process.kill(await postmasterPid(), 'SIGKILL');
      const since = Date.now();
      const code = await Promise.race([
        server.exited,
        new Promise((resolve) => setTimeout(resolve, 30_000, 'still running')),
      ]);
      expect(code, server.output()).toBe(1);
      expect(Date.now() - since).toBeLessThan(30_000);
      expect(server.output()).toMatch(/Arrêt : PostgreSQL embarqué n’a pas pu être redémarré : /);
      expect(server.output()).toMatch(/n’est pas une base PostgreSQL complète/);
      expect(server.output()).toMatch(/Arrêt de Magistère \(code 1\) : un superviseur peut le relancer/);
    } finally {
      await rename(`${conf}.away`, conf);
    }
  }, 120_000);

  it('when the port is taken, says so in French before starting anything, and exits 1', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(PORTS.taken, '127.0.0.1', resolve));
    try {
      const run = start(PORTS.taken);
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(
        new RegExp(
          `Échec du démarrage \\(vérification du port ${PORTS.taken}\\) : Le port ${PORTS.taken} est déjà utilisé`,
        ),
      );
      expect(run.output()).not.toMatch(/Démarrage de PostgreSQL|undefined/);
    } finally {
      holder.close();
    }
  }, 60_000);

  it('when the embedded PostgreSQL cannot start, names the cause in French and exits 1', async () => {
    const broken = await mkdtemp(path.join(os.tmpdir(), 'magistere-faults-broken-'));
    try {
      // A cluster from another PostgreSQL version, as after a downgrade of the package.
      await mkdir(path.join(broken, 'pg'), { recursive: true, mode: 0o700 });
      await writeFile(path.join(broken, 'pg', 'PG_VERSION'), '9.6\n');
      await writeFile(path.join(broken, 'pg', 'postgresql.conf'), '');
      const run = start(PORTS.broken, { DATA_DIR: broken });
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(/Échec du démarrage \(démarrage de PostgreSQL embarqué\) : /);
      expect(run.output()).toMatch(/ont été créées par une autre version de PostgreSQL/);
      expect(run.output()).not.toMatch(/undefined/);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  }, 60_000);
});
