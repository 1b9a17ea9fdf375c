/**
 * One request context for every module: what a service needs to act for someone (`RequestCtx`), built once
 * per request as `request.ctx`. A module's context type is the part it needs
 * (`type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'now'>`), so a job or a script calls it with its own.
 *
 * `now` is read from the application's clock once per request: every write of a request carries the same
 * instant, and a test moves the clock (`MovableClock`) instead of sleeping.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access/can.ts';
import type { Origin } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import type { Files } from '../files/index.ts';
import type { Jobs } from '../jobs/index.ts';
import type { Mailer } from '../mail/index.ts';
import type { Bus } from '../realtime/bus.ts';
import { actorOf } from './guard.ts';

export type Clock = { now(): Date };

// The one place that reads the machine's time for the application; everything else asks a clock.
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and move; it runs with real time from where it was last set. */
export class MovableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  set(instant: Date | string): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

export type RequestCtx = {
  db: Db;
  /** The signed-in person; reading it on an anonymous request answers 401. */
  actor: Actor;
  origin: Origin;
  now: Date;
  files: Files;
  mailer: Mailer;
  bus: Bus;
  /** Background work queued by a request (a reminder sent now, a mail). */
  jobs: Jobs;
  publicUrl: string;
};

export type ContextDeps = Omit<RequestCtx, 'actor' | 'origin' | 'now'> & { clock: Clock };

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's context (see platform/http/context.ts). */
    readonly ctx: RequestCtx;
  }
}

const built = Symbol('ctx');

/** Gives every request its `ctx`, built on first use. */
export function registerContext(app: FastifyInstance, deps: ContextDeps): void {
  const { clock, ...shared } = deps;
  app.decorateRequest('ctx', {
    getter(this: FastifyRequest & { [built]?: RequestCtx }) {
      if (!this[built]) {
        const request = this;
        this[built] = {
          ...shared,
          origin: request.origin,
          now: clock.now(),
          get actor() {
            return actorOf(request);
          },
        };
      }
      return this[built];
    },
  });
}
