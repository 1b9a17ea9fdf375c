import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { DEFAULT_VIDEO_HOSTS, getSetting, VIDEO_HOSTS_KEY } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('platform settings', () => {
  it('gives the default video hosts until an admin sets them, then the list set, audited', async () => {
    const admin = await t.as('admin@magistere.test');
    expect((await admin.get('/api/admin/video-hosts')).json()).toEqual({
      hosts: [...DEFAULT_VIDEO_HOSTS],
      version: 0,
    });
    const put = await admin.request('PUT', '/api/admin/video-hosts', {
      hosts: [' Tube.Example.org ', 'apps.education.fr', 'apps.education.fr'],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ hosts: ['tube.example.org', 'apps.education.fr'], version: 1 });
    expect(await getSetting(t.db, VIDEO_HOSTS_KEY, [])).toEqual(['tube.example.org', 'apps.education.fr']);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.updated'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ objectType: 'setting', objectId: VIDEO_HOSTS_KEY });
  });

  it('refuses what is not a host name, long lists, and everyone but admins', async () => {
    const admin = await t.as('admin@magistere.test');
    const bad = problemOf(
      await admin.request('PUT', '/api/admin/video-hosts', {
        hosts: ['https://tube.example.org/', 'ok.example.org'],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path).toBe('hosts.0');
    const many = Array.from({ length: 51 }, (_, i) => `h${i}.example.org`);
    expect((await admin.request('PUT', '/api/admin/video-hosts', { hosts: many })).statusCode).toBe(400);
    const referent = await t.as('referent@magistere.test');
    expect((await referent.get('/api/admin/video-hosts')).statusCode).toBe(403);
    expect((await referent.request('PUT', '/api/admin/video-hosts', { hosts: [] })).statusCode).toBe(403);
  });
});
