import { describe, expect, it } from 'vitest';
import { Events } from '../events/index.ts';
import { Bus } from '../realtime/bus.ts';
import { AuthCache } from './cache.ts';

// Forgetting on every node, through the events of a write, is shown with two nodes sharing Redis in
// platform/events/nodes.test.ts.
const cache = (ttlMs: number) => new AuthCache({ ttlMs, events: new Events({ bus: new Bus() }) });

describe('AuthCache', () => {
  it('expires entries after its TTL', async () => {
    const short = cache(30);
    short.setSession('s1', 'u1', { ok: true });
    expect(short.getSession('s1')).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(short.getSession('s1')).toBeUndefined();
  });

  it('forgets the sessions and views of the users named, and everything on null', () => {
    const memory = cache(60_000);
    memory.setSession('s1', 'u1', 1);
    memory.setSession('s2', 'u2', 2);
    memory.setSession('s3', 'u3', 3);
    memory.setView('u1', 'vue');
    memory.forget('u1');
    expect(memory.getSession('s1')).toBeUndefined();
    expect(memory.getView('u1')).toBeUndefined();
    expect(memory.getSession('s2')).toBe(2);
    memory.forget(['u2', 'u3']);
    expect(memory.getSession('s2')).toBeUndefined();
    expect(memory.getSession('s3')).toBeUndefined();
    memory.setSession('s4', 'u4', 4);
    memory.forget(null);
    expect(memory.getSession('s4')).toBeUndefined();
  });
});
