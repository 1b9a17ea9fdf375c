import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthCache } from './cache.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const connections: Redis[] = [];
const caches: AuthCache[] = [];
afterAll(async () => {
  for (const cache of caches) await cache.close();
  for (const connection of connections) await connection.quit();
});

function node() {
  const redis = new Redis(redisUrl);
  connections.push(redis);
  const cache = new AuthCache({ ttlMs: 60_000, redis });
  caches.push(cache);
  return cache;
}

const until = async (check: () => boolean) => {
  const deadline = Date.now() + 5_000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
};

describe('AuthCache', () => {
  it('expires entries after its TTL', async () => {
    const cache = new AuthCache({ ttlMs: 30 });
    cache.setSession('s1', 'u1', { ok: true });
    expect(cache.getSession('s1')).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(cache.getSession('s1')).toBeUndefined();
  });

  it('forgets a user on every node through Redis, and everything on a null broadcast', async () => {
    const [a, b] = [node(), node()];
    await new Promise((resolve) => setTimeout(resolve, 200)); // subscriptions established
    a.setSession('s1', 'u1', 1);
    a.setSession('s2', 'u2', 2);
    a.setView('u1', 'vue');
    await b.forget('u1');
    expect(await until(() => a.getSession('s1') === undefined && a.getView('u1') === undefined)).toBe(true);
    expect(a.getSession('s2')).toBe(2);
    await b.forget(null);
    expect(await until(() => a.getSession('s2') === undefined)).toBe(true);
  });
});
