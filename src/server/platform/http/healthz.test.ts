/**
 * /healthz is liveness: 200 through a database restart, 503 once the database has been failing for longer
 * than a restart takes, so that a supervisor replaces the process instead of trusting it forever.
 */
import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/index.ts';
import { registerOps } from './ops.ts';

function appWith(database: { up: boolean }) {
  const app = Fastify();
  const db = {
    execute: async () => {
      if (!database.up) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      return { rows: [{ '?column?': 1 }] };
    },
  } as unknown as Db;
  // Only what registerOps reads of the dependencies.
  app.decorate('deps', { config: { metricsToken: undefined } } as never);
  registerOps(app, db);
  return app;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('/healthz', () => {
  it('stays 200 while the database restarts, says 503 when it is not coming back, 200 again once it is', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const database = { up: true };
    const app = appWith(database);
    const health = async () => {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      return [response.statusCode, response.json().status];
    };
    expect(await health()).toEqual([200, 'ok']);

    database.up = false;
    expect(await health()).toEqual([200, 'degraded']);
    vi.advanceTimersByTime(30_000);
    expect(await health()).toEqual([200, 'degraded']);
    vi.advanceTimersByTime(20_000);
    expect(await health()).toEqual([503, 'database-unavailable']);
    expect(await health()).toEqual([503, 'database-unavailable']);

    database.up = true;
    expect(await health()).toEqual([200, 'ok']);
    // A new outage starts a new grace period.
    database.up = false;
    expect(await health()).toEqual([200, 'degraded']);
    await app.close();
  });
});
