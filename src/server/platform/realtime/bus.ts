import type { Redis } from 'ioredis';
import pg from 'pg';

type Handler = (message: string) => void;

/** How messages travel between the nodes: to every node subscribed to a channel, this one included. */
export type BusTransport = {
  listen(channel: string): Promise<void>;
  send(channel: string, message: string): Promise<void>;
  close(): Promise<void>;
};

type Deliver = (channel: string, message: string) => void;

/** Redis pub/sub: nodes on several machines (REDIS_URL). */
export function redisTransport(redis: Redis): (deliver: Deliver) => BusTransport {
  return (deliver) => {
    const subscriber = redis.duplicate();
    subscriber.on('error', () => {});
    subscriber.on('message', deliver);
    return {
      listen: async (channel) => {
        await subscriber.subscribe(channel);
      },
      // Redis unreachable: this node at least hears itself.
      send: (channel, message) =>
        redis.publish(channel, message).then(
          () => undefined,
          () => deliver(channel, message),
        ),
      close: () =>
        subscriber.quit().then(
          () => undefined,
          () => undefined,
        ),
    };
  };
}

/** The one PostgreSQL channel the platform's messages share; each carries its own channel name. */
const PG_CHANNEL = 'magistere_bus';
/** PostgreSQL refuses NOTIFY payloads from 8,000 bytes on; the bus carries ids, not documents. */
const PG_MAX_PAYLOAD = 7_900;

/**
 * PostgreSQL LISTEN / NOTIFY: the workers of one machine (`WORKERS`) without Redis, and any nodes sharing a
 * database. One connection listens for the process and comes back after a loss; what was sent while it was
 * away is lost, as with Redis pub/sub, so caches fed by the bus also expire by themselves.
 */
export function postgresTransport(databaseUrl: string): (deliver: Deliver) => BusTransport {
  return (deliver) => {
    const channels = new Set<string>();
    let closed = false;
    let listener: pg.Client | undefined;
    let connecting: Promise<pg.Client> | undefined;
    const sender = new pg.Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 30_000 });
    sender.on('error', () => {});

    const connect = (): Promise<pg.Client> => {
      connecting ??= (async () => {
        const client = new pg.Client({ connectionString: databaseUrl });
        client.on('error', () => {});
        client.on('notification', ({ payload }) => {
          if (!payload) return;
          const cut = payload.indexOf('\n');
          const channel = payload.slice(0, cut);
          if (channels.has(channel)) deliver(channel, payload.slice(cut + 1));
        });
        client.on('end', () => {
          listener = undefined;
          connecting = undefined;
          if (!closed) setTimeout(() => void connect().catch(() => {}), 1_000).unref();
        });
        await client.connect();
        await client.query(`LISTEN ${PG_CHANNEL}`);
        listener = client;
        return client;
      })();
      connecting.catch(() => {
        connecting = undefined;
        if (!closed) setTimeout(() => void connect().catch(() => {}), 1_000).unref();
      });
      return connecting;
    };

    return {
      listen: async (channel) => {
        channels.add(channel);
        await connect();
      },
      send: async (channel, message) => {
        const payload = `${channel}\n${message}`;
        if (Buffer.byteLength(payload) > PG_MAX_PAYLOAD)
          throw new Error(`bus message on ${channel} too long`);
        await sender
          .query('SELECT pg_notify($1, $2)', [PG_CHANNEL, payload])
          .catch(() => deliver(channel, message));
      },
      close: async () => {
        closed = true;
        await listener?.end().catch(() => {});
        await sender.end().catch(() => {});
      },
    };
  };
}

/**
 * Messages between the nodes of the platform: in-process when there is one node, through Redis pub/sub
 * when REDIS_URL is set, through PostgreSQL's LISTEN / NOTIFY for the workers of one machine without Redis.
 * Caches use it to forget together; live activities will fan out through it.
 */
export class Bus {
  readonly #handlers = new Map<string, Set<Handler>>();
  readonly #transport: BusTransport | undefined;

  constructor(transport?: (deliver: Deliver) => BusTransport) {
    this.#transport = transport?.((channel, message) => this.#deliver(channel, message));
  }

  #deliver(channel: string, message: string) {
    for (const handler of this.#handlers.get(channel) ?? []) handler(message);
  }

  async subscribe(channel: string, handler: Handler): Promise<void> {
    let handlers = this.#handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.#handlers.set(channel, handlers);
      await this.#transport?.listen(channel);
    }
    handlers.add(handler);
  }

  /** Delivers to every node, this one included (directly when there is no other). */
  async publish(channel: string, message: string): Promise<void> {
    if (this.#transport) await this.#transport.send(channel, message);
    else this.#deliver(channel, message);
  }

  async close(): Promise<void> {
    await this.#transport?.close();
  }
}
