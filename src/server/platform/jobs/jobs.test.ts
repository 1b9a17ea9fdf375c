import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../modules/accounts/jobs.ts';
import { sessions } from '../../modules/accounts/schema.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { freePort } from '../db/embedded.ts';
import { mailMessages } from '../mail/schema.ts';

let t: TestApp;
beforeAll(async () => {
  // Jobs on, SMTP pointing at a port where nothing listens: delivery fails and is retried.
  t = await startTestApp({ JOBS: 'true', SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
});
afterAll(() => t.close());

describe('jobs', () => {
  it('purges expired sessions and keeps live ones', async () => {
    const live = await t.as('participant@magistere.test');
    await t.as('formateur@magistere.test');
    await t.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(sql`${sessions.userId} = (SELECT id FROM users WHERE email = 'formateur@magistere.test')`);
    const { sessions: removed } = await purgeExpired(t.db, t.config.session, t.clock.now());
    expect(removed).toBe(1);
    expect((await live.get('/api/me')).statusCode).toBe(200);
  });

  it('retries a mail whose delivery fails and records the error', async () => {
    const id = await t.db.transaction((tx) =>
      t.deps.mailer.queue(tx, { to: 'x@magistere.test', subject: 'Essai', text: 'Bonjour' }),
    );
    await t.deps.mailer.flush([id]);
    const deadline = Date.now() + 15_000;
    let row = (await t.db.select().from(mailMessages).where(eq(mailMessages.id, id)))[0]!;
    while (row.attempts < 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      row = (await t.db.select().from(mailMessages).where(eq(mailMessages.id, id)))[0]!;
    }
    expect(row.attempts).toBeGreaterThanOrEqual(1);
    expect(row.status).toBe('queued');
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
  });
});
