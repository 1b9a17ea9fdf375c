import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

const REDIS_URL = process.env.REDIS_URL ?? '';
// Needs a Redis server, named by REDIS_URL (CI sets it); without one there is nothing to share counters through.
describe.skipIf(!REDIS_URL)('rate limits shared through Redis', () => {
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL });
    redis = new Redis(REDIS_URL);
    // Counters of an earlier run within the minute would refuse this one from the start.
    const stale = await redis.keys('magistere-rl:*');
    if (stale.length) await redis.del(...stale);
  });
  afterAll(async () => {
    await t.close();
    await redis.quit();
  });

  it('limits password-reset requests per address with counters every node sees', async () => {
    const client = t.anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await client.post('/api/auth/password-reset/request', { email: `x${i}@magistere.test` })).statusCode,
      );
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect((await redis.keys('magistere-rl:*')).length).toBeGreaterThan(0);
    const last = await client.post('/api/auth/password-reset/request', { email: 'y@magistere.test' });
    expect(last.headers['content-type']).toMatch(/problem\+json/);
    expect(last.json().title).toMatch(/Trop de requêtes/);
  });
});
