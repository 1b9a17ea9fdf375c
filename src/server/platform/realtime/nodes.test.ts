/**
 * Two server processes on one PostgreSQL and one Redis, as behind a load balancer: a note posted through
 * one reaches a reader connected to the other, live; a reader away for 10 s gets what it missed when it
 * comes back, and presence counts the people of both.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/seed.ts';
import { registerActivityKind } from '../../modules/activities/registry.ts';
import { NOTES_DDL, notes } from '../../modules/activities/testing/notes-kind.ts';
import { courses } from '../../modules/courses/schema.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { freePort } from '../db/embedded.ts';
import { is, RealtimeClient } from './testing/client.ts';

const REDIS_URL = process.env.REDIS_URL;
const PUBLIC_URL = 'http://localhost:3000';

let t: TestApp;
let activityId = '';
let unregister = () => {};
const nodes: { child: ChildProcess; port: number }[] = [];

async function startNode(databaseUrl: string) {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['src/server/testing/realtime-node.ts'], {
    env: {
      ...inherited,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: REDIS_URL!,
      PORT: String(port),
      PUBLIC_URL,
      WORKERS: '1',
      JOBS: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'magistere-node-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node not ready:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`node exited ${code}:\n${output}`)));
  });
  nodes.push({ child, port });
  return port;
}

async function login(port: number, email: string) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return {
    cookie: response.headers.get('set-cookie')!.split(';')[0]!,
    csrf: ((await response.json()) as { csrfToken: string }).csrfToken,
  };
}

async function postNote(port: number, who: { cookie: string; csrf: string }, body: string) {
  const response = await fetch(`http://127.0.0.1:${port}/api/activities/${activityId}/test-notes`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
      origin: PUBLIC_URL,
    },
    body: JSON.stringify({ body }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

beforeAll(async () => {
  unregister = registerActivityKind(notes);
  t = await startTestApp();
  await t.pool.query(NOTES_DDL);
  const [session] = await t.db.select().from(courses).where(eq(courses.shortName, 'MEMOIRE-C34-S1'));
  const admin = await t.as('admin@magistere.test');
  const sectionId = (await admin.get(`/api/courses/${session!.id}`)).json().sections[0].id;
  activityId = (
    await admin.post(`/api/courses/${session!.id}/activities`, {
      sectionId,
      kind: 'test-notes',
      title: 'Vos notes',
      settings: { prompt: 'En direct' },
    })
  ).json().id;
}, 120_000);
afterAll(async () => {
  for (const { child } of nodes) {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await t.close();
  unregister();
});

describe.skipIf(!REDIS_URL)('two nodes on one PostgreSQL and Redis', () => {
  it('carries a note published through one to a reader on the other, and catches up a reader away for 10 s', async () => {
    const [a, b] = await Promise.all([startNode(t.databaseUrl), startNode(t.databaseUrl)]);
    const channel = `activity:${activityId}:notes`;
    const writer = await login(a!, 'participant@magistere.test');
    const readerSession = await login(b!, 'participant@magistere.test');
    const trainer = await login(a!, 'formateur@magistere.test');
    const open = (port: number, cookie: string) =>
      RealtimeClient.open(`ws://127.0.0.1:${port}/api/realtime`, { cookie, origin: PUBLIC_URL });

    const reader = await open(b!, readerSession.cookie);
    reader.send({ type: 'subscribe', channel });
    const { seq: start } = await reader.next(is('subscribed', channel));
    const first = await postNote(a!, writer, 'Bonjour depuis le nœud A');
    const live = await reader.next(is('message', channel));
    expect(live).toEqual({
      type: 'message',
      channel,
      seq: start + 1,
      data: { id: first, body: 'Bonjour depuis le nœud A' },
    });

    // Presence across nodes: the trainer on A and the participant on B.
    const watcher = await open(a!, trainer.cookie);
    watcher.send({ type: 'subscribe', channel });
    await reader.next((m): m is never => m.type === 'presence' && m.count === 2, 5_000);

    // Away for 10 s, while notes are posted on the other node.
    reader.terminate();
    const missed: string[] = [];
    for (let i = 0; i < 4; i++) {
      missed.push(await postNote(a!, writer, `Pendant l’absence ${i}`));
      await new Promise((resolve) => setTimeout(resolve, 2_500));
    }
    const back = await open(b!, readerSession.cookie);
    back.send({ type: 'subscribe', channel, since: start + 1 });
    expect(await back.next(is('subscribed', channel))).toEqual({
      type: 'subscribed',
      channel,
      seq: start + 5,
    });
    const after = await postNote(a!, writer, 'Après le retour');
    await back.next((m): m is never => m.type === 'message' && m.seq === start + 6);
    expect(back.messagesOn(channel).map((m) => [m.seq, (m.data as { id: string }).id])).toEqual([
      ...missed.map((id, i) => [start + 2 + i, id]),
      [start + 6, after],
    ]);
    await Promise.all([back.close(), watcher.close()]);
  }, 120_000);
});
