import type { Redis } from 'ioredis';

type Handler = (message: string) => void;

/**
 * Messages between the nodes of the platform: in-process when there is one node, Redis pub/sub when
 * REDIS_URL is set. Caches use it to forget together; live activities will fan out through it.
 */
export class Bus {
  readonly #handlers = new Map<string, Set<Handler>>();
  readonly #publisher: Redis | undefined;
  readonly #subscriber: Redis | undefined;

  constructor(redis?: Redis) {
    if (!redis) return;
    this.#publisher = redis;
    this.#subscriber = redis.duplicate();
    this.#subscriber.on('error', () => {});
    this.#subscriber.on('message', (channel: string, message: string) => this.#deliver(channel, message));
  }

  #deliver(channel: string, message: string) {
    for (const handler of this.#handlers.get(channel) ?? []) handler(message);
  }

  async subscribe(channel: string, handler: Handler): Promise<void> {
    let handlers = this.#handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.#handlers.set(channel, handlers);
      await this.#subscriber?.subscribe(channel);
    }
    handlers.add(handler);
  }

  /** Delivers to every node, this one included (directly when there is no Redis). */
  async publish(channel: string, message: string): Promise<void> {
    if (this.#publisher)
      await this.#publisher.publish(channel, message).catch(() => this.#deliver(channel, message));
    else this.#deliver(channel, message);
  }

  async close(): Promise<void> {
    await this.#subscriber?.quit().catch(() => {});
  }
}
