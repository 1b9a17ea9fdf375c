import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import type { Files } from '../files/index.ts';
import type { Jobs } from '../jobs/index.ts';
import type { Mailer } from '../mail/index.ts';
import type { Bus } from '../realtime/bus.ts';
import { MovableClock, registerContext } from './context.ts';

describe('request.ctx', () => {
  it('reads the clock once per request, and names no actor on an anonymous request', async () => {
    const clock = new MovableClock();
    const app = Fastify();
    registerContext(app, {
      db: {} as Db,
      files: {} as Files,
      mailer: {} as Mailer,
      bus: {} as Bus,
      jobs: {} as Jobs,
      publicUrl: 'http://localhost',
      clock,
    });
    app.get('/probe', async (request) => {
      const first = request.ctx.now;
      clock.advance(60_000);
      let actor = 'present';
      try {
        void request.ctx.actor;
      } catch {
        actor = 'refused';
      }
      return { first, again: request.ctx.now, actor };
    });
    clock.set('2030-01-01T08:00:00Z');
    const answer = (await app.inject({ url: '/probe' })).json();
    expect(answer).toEqual({ first: answer.again, again: answer.first, actor: 'refused' });
    expect(Math.abs(new Date(answer.first).getTime() - Date.parse('2030-01-01T08:00:00Z'))).toBeLessThan(
      5_000,
    );
    // The next request sees the minute the clock was moved by.
    const next = (await app.inject({ url: '/probe' })).json();
    expect(new Date(next.first).getTime() - new Date(answer.first).getTime()).toBeGreaterThanOrEqual(60_000);
    await app.close();
  });
});
