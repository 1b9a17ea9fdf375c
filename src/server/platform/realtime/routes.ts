/**
 * `GET /api/realtime`: the WebSocket of the web app. The guard has authenticated the session cookie on the
 * upgrade request like any route's; this route refuses other sites' pages (Origin), then speaks the
 * protocol of `shared/realtime.ts` until the client leaves, misbehaves or its session ends.
 */
import { randomUUID } from 'node:crypto';
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { CLOSE, ClientMessage, type ServerMessage } from '../../../shared/realtime.ts';
import type { AuthCache } from '../auth/cache.ts';
import { authenticate, type SessionPolicy } from '../auth/sessions.ts';
import type { Db } from '../db/index.ts';
import type { Events } from '../events/index.ts';
import type { Clock } from '../http/context.ts';
import { SESSION_COOKIE } from '../http/guard.ts';
import { HttpProblem } from '../http/problem.ts';
import { frame, type Realtime, type Subscriber } from './hub.ts';

/** Client messages are a few dozen bytes; anything bigger is not ours (ws closes with 1009). */
export const MAX_CLIENT_MESSAGE_BYTES = 4 * 1024;
export const LIMITS = {
  /** Messages a client may send in a burst, then per second. */
  burst: 40,
  perSecond: 10,
  /** Messages dropped for going too fast before the connection is closed. */
  dropped: 40,
  /** Bad messages, refused subscriptions: a client that keeps at it is closed. */
  bad: 10,
  refused: 20,
  channels: 200,
  /** What the server buffers for a client that does not read before giving up on it. */
  bufferedBytes: 4 * 1024 * 1024,
  /** How often an open session is checked again (logout, expiry, account disabled) and pinged. */
  checkMs: 30_000,
};

export type RealtimeRouteOptions = {
  db: Db;
  hub: Realtime;
  events: Events;
  session: SessionPolicy;
  authCache: AuthCache;
  clock: Clock;
  publicUrl: string;
};

type Connection = Subscriber & {
  socket: WebSocket;
  token: string;
  checking: boolean;
  again: 'session' | 'channels' | undefined;
};

export async function realtimeRoutes(app: FastifyInstance, options: RealtimeRouteOptions) {
  const { hub, db, clock } = options;
  const allowedOrigin = new URL(options.publicUrl).origin;
  const connections = new Set<Connection>();
  await app.register(websocket, { options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES } });

  /**
   * Is the session still valid, with what access? Closes the connection when it ended; asks the channels'
   * rules again when an event said access may have changed (`channels`) or the actor's grants did.
   */
  async function check(connection: Connection, channels: boolean) {
    if (connection.checking) {
      // Asked while a check runs on what may be older data: once more after it.
      connection.again ||= channels ? 'channels' : 'session';
      return;
    }
    connection.checking = true;
    try {
      const now = clock.now();
      const auth = await authenticate(db, connection.token, options.session, options.authCache, now, {
        touch: false,
      });
      if (!auth) return connection.close(CLOSE.sessionEnded, 'session ended');
      const grantsChanged = JSON.stringify(auth.actor.grants) !== JSON.stringify(connection.actor.grants);
      connection.actor = auth.actor;
      if (channels || grantsChanged)
        for (const channel of await hub.reauthorize(connection, now))
          connection.sendRaw(frame({ type: 'refused', channel, reason: 'forbidden' }));
    } catch (error) {
      app.log.error({ err: error }, 'realtime: session check failed');
    } finally {
      connection.checking = false;
      const again = connection.again;
      connection.again = undefined;
      if (again && connections.has(connection)) void check(connection, again === 'channels');
    }
  }

  const checkWhere = (which: (connection: Connection) => boolean) => {
    for (const connection of connections) if (which(connection)) void check(connection, true);
  };
  // Access changed somewhere (on any node): the connections concerned ask their rules again at once.
  const stops = [
    options.events.on(
      'access.changed',
      ({ userId }) => checkWhere((c) => userId === null || c.actor.userId === userId),
      { everyNode: true },
    ),
    options.events.on(
      'enrolment.changed',
      ({ userIds }) => checkWhere((c) => userIds.includes(c.actor.userId)),
      {
        everyNode: true,
      },
    ),
    // An activity's visibility or audience: its channels' readers. A course's groups or stage: every
    // reader of some activity (the course of each is not known here).
    ...(['activity.changed', 'audience.changed'] as const).map((type) =>
      options.events.on(
        type,
        ({ activityId }) =>
          checkWhere((c) => [...c.channels].some((ch) => ch.startsWith(`activity:${activityId}:`))),
        { everyNode: true },
      ),
    ),
    ...(['groups.changed', 'course.stage_changed'] as const).map((type) =>
      options.events.on(
        type,
        () => checkWhere((c) => [...c.channels].some((ch) => !ch.startsWith('user:'))),
        {
          everyNode: true,
        },
      ),
    ),
  ];
  const timer = setInterval(() => {
    for (const connection of connections) {
      void check(connection, false);
      // A client that answered no ping since the last one is gone without saying so.
      if ((connection.socket as WebSocket & { alive?: boolean }).alive === false)
        connection.socket.terminate();
      else {
        (connection.socket as WebSocket & { alive?: boolean }).alive = false;
        connection.socket.ping();
      }
    }
  }, LIMITS.checkMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    for (const stop of stops) stop();
    for (const connection of connections) connection.close(1001, 'server stopping');
  });

  app.route({
    method: 'GET',
    url: '/api/realtime',
    config: { access: 'authenticated' },
    schema: { hide: true },
    // A browser names the page that opens a WebSocket; another site's page must not ride the cookie.
    preHandler: async (request: FastifyRequest) => {
      if (request.headers.origin !== allowedOrigin)
        throw new HttpProblem(403, 'cross_origin', 'errors.crossOrigin');
    },
    handler: async () => {
      throw new HttpProblem(426, 'upgrade_required', 'errors.upgradeRequired');
    },
    wsHandler: (socket, request) => {
      const auth = request.auth!;
      let tokens = LIMITS.burst;
      let refilled = Date.now();
      let dropped = 0;
      let bad = 0;
      let refused = 0;
      let warned = 0;
      const connection: Connection = {
        id: randomUUID(),
        actor: auth.actor,
        socket,
        token: request.cookies[SESSION_COOKIE]!,
        channels: new Set(),
        checking: false,
        again: undefined,
        sendRaw(json) {
          if (socket.readyState !== socket.OPEN) return;
          if (socket.bufferedAmount > LIMITS.bufferedBytes) return connection.close(CLOSE.slow, 'too slow');
          socket.send(json, { binary: false });
        },
        close(code, reason) {
          if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING)
            socket.close(code, reason);
          gone();
        },
      };
      const send = (message: ServerMessage) => connection.sendRaw(frame(message));
      const gone = () => {
        if (!connections.delete(connection)) return;
        hub.disconnect(connection);
      };
      connections.add(connection);
      socket.on('close', gone);
      socket.on('error', gone);
      socket.on('pong', () => {
        (socket as WebSocket & { alive?: boolean }).alive = true;
      });

      socket.on('message', (raw, isBinary) => {
        if (!connections.has(connection)) return;
        // A token bucket per connection: a flood costs this client its messages, then its connection,
        // and nobody else anything.
        const now = Date.now();
        tokens = Math.min(LIMITS.burst, tokens + ((now - refilled) / 1000) * LIMITS.perSecond);
        refilled = now;
        if (tokens < 1) {
          if (++dropped > LIMITS.dropped) return connection.close(CLOSE.policy, 'rate limited');
          if (now - warned > 1000) {
            warned = now;
            send({ type: 'error', reason: 'rate_limited' });
          }
          return;
        }
        tokens -= 1;
        let parsed: ReturnType<typeof ClientMessage.safeParse>;
        try {
          parsed = ClientMessage.safeParse(isBinary ? undefined : JSON.parse(raw.toString()));
        } catch {
          parsed = ClientMessage.safeParse(undefined);
        }
        if (!parsed.success) {
          if (++bad > LIMITS.bad) return connection.close(CLOSE.policy, 'bad messages');
          return send({ type: 'error', reason: 'bad_message' });
        }
        const message = parsed.data;
        if (message.type === 'ping') return send({ type: 'pong' });
        if (message.type === 'unsubscribe') return hub.unsubscribe(connection, message.channel);
        const refuse = (reason: 'forbidden' | 'too_many_channels') => {
          send({ type: 'refused', channel: message.channel, reason });
          if (++refused > LIMITS.refused) connection.close(CLOSE.policy, 'too many refusals');
        };
        if (!connection.channels.has(message.channel) && connection.channels.size >= LIMITS.channels)
          return refuse('too_many_channels');
        hub.subscribe(connection, message.channel, message.since, clock.now()).then(
          (allowed) => {
            if (!allowed && connections.has(connection)) refuse('forbidden');
          },
          (error) => {
            app.log.error({ err: error }, 'realtime: subscription failed');
            refuse('forbidden');
          },
        );
      });
    },
  });
}
