/**
 * API test harness: each test file gets its own database copied from the migrated, demo-seeded template,
 * a real application built with buildApp, and helpers to act as a logged-in user through app.inject.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { DEMO_PASSWORD } from '../demo/seed.ts';
import { MovableClock } from '../platform/http/context.ts';
import { createRuntime } from '../runtime.ts';
import { withDatabase } from './global-setup.ts';

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export async function startTestApp(
  env: Record<string, string> = {},
  options: { logStream?: NodeJS.WritableStream } = {},
) {
  const serverUrl = inject('serverUrl');
  const template = inject('templateDb');
  const name = `${template}_${randomBytes(5).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await adminClient.end();

  const config: Config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    // One node unless a test asks for the workers of one machine (their bus then goes through PostgreSQL).
    WORKERS: '1',
    // What a test reads right after a request is written: presence too.
    PRESENCE_FLUSH_MS: '0',
    PUBLIC_URL: 'http://localhost:3000',
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'magistere-test-')),
    ...env,
  });
  const databaseUrl = withDatabase(serverUrl, name);
  // The tests' clock: moved by a test (t.clock.set / advance) instead of sleeping. Requests, jobs and
  // reactions to events all read it — sessions too: moved past the idle limit (2 h), a client logged in
  // before is signed out, as a person would be; log in again (t.as) after such a jump.
  const clock = new MovableClock();
  const runtime = await createRuntime(config, databaseUrl, { clock });
  await runtime.deps.jobs.start();
  const app = await buildApp(runtime.deps, options);
  await app.ready();
  let admin: ApiClient | undefined;
  const otherNodes: { close: () => Promise<void> }[] = [];

  return {
    app,
    config,
    db: runtime.deps.db,
    pool: runtime.database.pool,
    deps: runtime.deps,
    clock,
    databaseUrl,
    /** Logs in through the API and returns a client acting as that user. */
    as: (email: string, password = DEMO_PASSWORD) => logIn(app, config, email, password),
    /**
     * Another node of the same platform: its own application, memory and bus, on the same database (and
     * the same Redis when `REDIS_URL` was given) and at the same time. Closed with this one.
     */
    async otherNode() {
      const other = await createRuntime(config, databaseUrl, { clock });
      const otherApp = await buildApp(other.deps);
      await otherApp.ready();
      const close = async () => {
        await otherApp.close();
        await other.stop();
      };
      otherNodes.push({ close });
      return {
        app: otherApp,
        deps: other.deps,
        as: (email: string, password = DEMO_PASSWORD) => logIn(otherApp, config, email, password),
      };
    },
    anonymous: () => new ApiClient(app, config, undefined, undefined),
    /**
     * Enrols people in a course as its staff would, through the API: a participant sees only the courses
     * she is enrolled in (courses/visibility.ts).
     */
    async enrol(courseId: string, emails: string | string[], role = 'participant') {
      admin ??= await this.as('admin@magistere.test');
      const list = [emails].flat().join('\n');
      const response = await admin.post(`/api/courses/${courseId}/enrolments/lists/apply`, {
        lists: { [role]: list },
      });
      if (response.statusCode !== 200)
        throw new Error(`enrol ${list}: ${response.statusCode} ${response.body}`);
    },
    async close() {
      for (const node of otherNodes) await node.close();
      await app.close();
      await runtime.stop();
      const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function logIn(app: FastifyInstance, config: Config, email: string, password: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'mag_sid')!;
  return new ApiClient(app, config, `mag_sid=${cookie.value}`, response.json().csrfToken as string);
}

/** Requests as one actor: session cookie, CSRF token and a same-site Origin on unsafe methods. */
export class ApiClient {
  readonly app: FastifyInstance;
  readonly config: Config;
  readonly cookie: string | undefined;
  readonly csrfToken: string | undefined;

  constructor(
    app: FastifyInstance,
    config: Config,
    cookie: string | undefined,
    csrfToken: string | undefined,
  ) {
    this.app = app;
    this.config = config;
    this.cookie = cookie;
    this.csrfToken = csrfToken;
  }

  request(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const base: Record<string, string> = {};
    if (this.cookie) base.cookie = this.cookie;
    if (method !== 'GET') {
      base.origin = this.config.publicUrl;
      if (this.csrfToken) base['x-csrf-token'] = this.csrfToken;
    }
    return this.app.inject({
      method,
      url,
      headers: { ...base, ...headers },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    }) as Promise<LightMyRequestResponse>;
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload);
  }
  put(url: string, payload?: unknown) {
    return this.request('PUT', url, payload);
  }
  patch(url: string, payload?: unknown) {
    return this.request('PATCH', url, payload);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

/** Asserts nothing about the response here; returns the parsed problem for the test to check. */
export function problemOf(response: LightMyRequestResponse) {
  return {
    contentType: response.headers['content-type'],
    status: response.statusCode,
    body: response.json() as { code: string; title: string; errors?: { path: string; message: string }[] },
  };
}
