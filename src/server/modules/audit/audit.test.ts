import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Event = { action: string; actorName: string | null; ip: string | null; objectId: string | null };

describe('event log', () => {
  it('records who did what, from where, and shows each domain its own events only', async () => {
    const referent = await t.as('referent@magistere.test');
    await t.as('tuteur@magistere.test');
    const observer = await t.as('observateur@magistere.test');
    const users = (await referent.get('/api/users?q=camille')).json();
    await referent.patch(`/api/users/${users.items[0].id}`, { discipline: 'Anglais' });

    const bordeaux = (await observer.get('/api/audit?pageSize=100')).json();
    const actions = bordeaux.items.map((e: Event) => `${e.action}:${e.actorName}`);
    expect(actions).toContain('auth.login:Thomas Girard');
    expect(actions).not.toContain('auth.login:Karim Benali');
    expect(actions.some((a: string) => a.startsWith('user.updated'))).toBe(false);

    const aix = (await referent.get('/api/audit?action=user.updated')).json();
    expect(aix.items).toEqual([
      expect.objectContaining({
        action: 'user.updated',
        actorName: 'Karim Benali',
        objectId: users.items[0].id,
        objectLabel: 'Camille Roux',
        ip: '127.0.0.1',
      }),
    ]);
    expect(aix.total).toBe(1);
  });
});
