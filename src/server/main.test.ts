/**
 * The two-command promise, end to end at process level: `node src/server/main.ts` on an empty DATA_DIR
 * starts an embedded PostgreSQL, migrates, seeds and serves; SIGTERM stops it cleanly; a second start
 * keeps the data; a bad configuration stops it with a clear message.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './platform/db/embedded.ts';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'magistere-main-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    env: { ...inherited, DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOBS: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitReady(port: number, run: { output: () => string }, child: ChildProcess) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited early:\n${run.output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    // Ready when the banner is out: with several workers the first answers before the others listen.
    if (ok && run.output().includes('Magistère est prêt')) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`not ready:\n${run.output()}`);
}

async function loginAs(port: number, email: string, password = 'Magistere-demo-2026') {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return {
    status: response.status,
    cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '',
    body: await response.json(),
  };
}

/** What the routes used here answer, as far as these tests read it. */
type Answer = {
  worker?: number;
  csrfToken?: string;
  course?: { title: string };
} & Array<{ id: string; shortName: string }>;

/** One request over a given connection pool: with one kept-alive socket, always the same worker. */
function call(
  port: number,
  agent: http.Agent,
  method: string,
  url: string,
  options: { cookie?: string; csrf?: string; body?: unknown } = {},
) {
  return new Promise<{ status: number; cookie: string; body: Answer }>((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        agent,
        headers: {
          ...(payload && { 'content-type': 'application/json' }),
          ...(options.cookie && { cookie: options.cookie }),
          ...(options.csrf && { 'x-csrf-token': options.csrf }),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            cookie: response.headers['set-cookie']?.[0]?.split(';')[0] ?? '',
            body: text ? JSON.parse(text) : undefined,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

describe('the server process', () => {
  it('starts on an empty data directory, prints the demo logins, stops on SIGTERM and restarts with its data', async () => {
    const port = await freePort();
    const first = start({ PORT: String(port) });
    await waitReady(port, first, first.child);
    expect(first.output()).toMatch(/Magistère est prêt : http:\/\/localhost:\d+/);
    // Roles in French, as the interface names them, not the code's keys.
    expect(first.output()).toMatch(/Administrateur\s+admin@magistere\.test/);
    expect(first.output()).toMatch(/Administrateur local \(référent\)\s+referent@magistere\.test/);
    expect(first.output()).not.toMatch(/domain_admin/);
    const admin = await loginAs(port, 'admin@magistere.test');
    expect(admin.status).toBe(200);
    const created = await fetch(`http://127.0.0.1:${port}/api/domains`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: admin.cookie,
        'x-csrf-token': admin.body.csrfToken,
      },
      body: JSON.stringify({ slug: 'ac-lille', name: 'Académie de Lille', kind: 'academie' }),
    });
    expect(created.status).toBe(201);
    // The demo courses carry real files: the participant downloads the memo PDF of the memory course.
    const participant = await loginAs(port, 'participant@magistere.test');
    const list = await (
      await fetch(`http://127.0.0.1:${port}/api/courses`, { headers: { cookie: participant.cookie } })
    ).json();
    // She sees the session she is enrolled in, never a parcours in construction.
    const memory = list.find((c: { shortName: string }) => c.shortName === 'MEMOIRE-C34-S1');
    expect(memory, JSON.stringify(list)).toBeDefined();
    expect(list.filter((c: { stage: string }) => !c.stage.startsWith('session_'))).toEqual([]);
    const page = await (
      await fetch(`http://127.0.0.1:${port}/api/courses/${memory.id}`, {
        headers: { cookie: participant.cookie },
      })
    ).json();
    expect(
      JSON.stringify(
        page.sections.map((s: { activities: { kind: string }[] }) => s.activities.map((a) => a.kind)),
      ),
    ).toContain('file');
    const file = page.sections
      .flatMap((s: { activities: { id: string; kind: string }[] }) => s.activities)
      .find((a: { kind: string }) => a.kind === 'file');
    const pdf = await fetch(`http://127.0.0.1:${port}/api/activities/${file.id}/file`, {
      headers: { cookie: participant.cookie },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const secondPort = await freePort();
    const second = start({ PORT: String(secondPort) });
    await waitReady(secondPort, second, second.child);
    expect(second.output()).not.toMatch(/créés à l’instant/);
    const again = await loginAs(secondPort, 'admin@magistere.test');
    const domains = await fetch(`http://127.0.0.1:${secondPort}/api/domains`, {
      headers: { cookie: again.cookie },
    });
    expect((await domains.json()).map((d: { slug: string }) => d.slug)).toContain('ac-lille');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    // Graceful: the database stopped after the server and the jobs, not under them.
    expect(second.output()).not.toMatch(/terminating connection|Error/);
  }, 180_000);

  it('runs a worker per core on one port: both serve the same session, an edit through one is seen on the other at once', async () => {
    const port = await freePort();
    const run = start({ PORT: String(port), WORKERS: '2' });
    await waitReady(port, run, run.child);
    expect(run.output()).toMatch(/Processus : 2 sur le même port/);
    // Connections kept alive, one per worker: the cluster hands new connections to the workers in turn.
    const byWorker = new Map<number, http.Agent>();
    for (let i = 0; i < 20 && byWorker.size < 2; i++) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const ready = await call(port, agent, 'GET', '/readyz');
      const worker = ready.body.worker ?? 0;
      if (byWorker.has(worker)) agent.destroy();
      else byWorker.set(worker, agent);
    }
    expect(byWorker.size).toBe(2);
    const [a, b] = [...byWorker.values()] as [http.Agent, http.Agent];

    const participant = await call(port, a, 'POST', '/api/auth/login', {
      body: { email: 'participant@magistere.test', password: 'Magistere-demo-2026' },
    });
    expect(participant.status).toBe(200);
    // The session opened on one worker is known to the other.
    expect((await call(port, b, 'GET', '/api/me', { cookie: participant.cookie })).status).toBe(200);
    const courses = await call(port, b, 'GET', '/api/courses', { cookie: participant.cookie });
    const session = courses.body.find((c) => c.shortName === 'MEMOIRE-C34-S1')!;
    const titleOn = async (agent: http.Agent) =>
      (await call(port, agent, 'GET', `/api/courses/${session.id}`, { cookie: participant.cookie })).body
        .course?.title;
    // Both workers keep the page in memory…
    const before = await titleOn(a);
    expect(await titleOn(b)).toBe(before);

    const admin = await call(port, a, 'POST', '/api/auth/login', {
      body: { email: 'admin@magistere.test', password: 'Magistere-demo-2026' },
    });
    const renamed = await call(port, a, 'PATCH', `/api/courses/${session.id}`, {
      cookie: admin.cookie,
      csrf: admin.body.csrfToken,
      body: { title: 'Renommée sur un processus' },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    // …and the other forgets it with the change, without waiting for its expiry.
    expect(await titleOn(b)).toBe('Renommée sur un processus');

    for (const agent of [a, b]) agent.destroy();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toMatch(/terminating connection|Error|relancé/);
  }, 180_000);

  it('refuses a bad configuration with a French message and exit code 2', async () => {
    const run = start({ PORT: 'abc', SMTP_URL: 'pas-une-url' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/Configuration invalide/);
    expect(run.output()).toMatch(/PORT/);
    expect(run.output()).toMatch(/SMTP_URL/);
  });
});
