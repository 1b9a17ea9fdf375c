import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { Bus } from '../realtime/bus.ts';
import { AuthCache } from './cache.ts';

const redisUrl = process.env.REDIS_URL ?? '';
const connections: Redis[] = [];
const buses: Bus[] = [];
afterAll(async () => {
  for (const bus of buses) await bus.close();
  for (const connection of connections) await connection.quit();
});

function node() {
  const redis = new Redis(redisUrl);
  connections.push(redis);
  const bus = new Bus(redis);
  buses.push(bus);
  return new AuthCache({ ttlMs: 60_000, bus });
}

const until = async (check: () => boolean) => {
  const deadline = Date.now() + 5_000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
};

describe('AuthCache', () => {
  it('expires entries after its TTL', async () => {
    const cache = new AuthCache({ ttlMs: 30, bus: new Bus() });
    cache.setSession('s1', 'u1', { ok: true });
    expect(cache.getSession('s1')).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(cache.getSession('s1')).toBeUndefined();
  });

  // Needs a Redis server, named by REDIS_URL (CI sets it): two nodes talk through it.
  it.skipIf(!redisUrl)(
    'forgets a user on every node through Redis, and everything on a null broadcast',
    async () => {
      const [a, b] = [node(), node()];
      await Promise.all([a.ready, b.ready]);
      a.setSession('s1', 'u1', 1);
      a.setSession('s2', 'u2', 2);
      a.setView('u1', 'vue');
      await b.forget('u1');
      expect(await until(() => a.getSession('s1') === undefined && a.getView('u1') === undefined)).toBe(true);
      expect(a.getSession('s2')).toBe(2);
      await b.forget(null);
      expect(await until(() => a.getSession('s2') === undefined)).toBe(true);
    },
  );
});
