import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { type ApiClient, problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { requestPasswordReset, throttledAddress } from './auth.ts';
import { loginFailures, passwordTokens, sessions, users } from './schema.ts';

const PASSWORD = 'Magistere-demo-2026';
const ADDRESS_LIMIT = 20;
let t: TestApp;
beforeAll(async () => {
  // A per-address limit low enough to reach in a test; the per-account limit keeps its default (10).
  t = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS_PER_MINUTE: String(ADDRESS_LIMIT) });
});
afterAll(() => t.close());

const attempt = (client: ApiClient, email: string, password: string) =>
  client.post('/api/auth/login', { email, password });

const statuses = (responses: { statusCode: number }[]) => {
  const counts: Record<number, number> = {};
  for (const { statusCode } of responses) counts[statusCode] = (counts[statusCode] ?? 0) + 1;
  return counts;
};

const failedChecks = async (email: string) =>
  (
    await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'auth.login_failed'), sql`${auditEvents.details}->>'email' = ${email}`),
      )
  )[0]!.n;

describe('login throttle', () => {
  beforeEach(async () => {
    await t.db.delete(loginFailures);
  });

  it('lets 40 parallel wrong passwords on one account check at most 10, and refuses the rest with 429', async () => {
    const email = 'observateur@magistere.test';
    const before = await failedChecks(email);
    const client = t.anonymous();
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(client, email, `faux-${i}`)),
    );
    // Each 401 is one password checked; the limit is per account, whatever the timing.
    expect(statuses(responses)).toEqual({ 401: 10, 429: 30 });
    expect((await failedChecks(email)) - before).toBe(10);
    const blocked = problemOf(responses.find((r) => r.statusCode === 429)!);
    expect(blocked.body.code).toBe('too_many_login_attempts');
    // Even the right password waits for the minute to pass.
    expect((await attempt(client, email, PASSWORD)).statusCode).toBe(429);
  });

  it('does not lock out the other accounts behind one address when one account is guessed', async () => {
    const client = t.anonymous();
    // Far more attempts on one account than the address allows: the refused ones cost nothing and count for nothing.
    for (let i = 0; i < ADDRESS_LIMIT + 10; i++) {
      const response = await attempt(client, 'tuteur@magistere.test', `faux-${i}`);
      expect(response.statusCode).toBe(i < 10 ? 401 : 429);
    }
    expect((await attempt(client, 'concepteur@magistere.test', PASSWORD)).statusCode).toBe(200);
    expect((await attempt(client, 'formateur@magistere.test', 'pas-le-bon')).statusCode).toBe(401);
    expect((await attempt(client, 'formateur@magistere.test', PASSWORD)).statusCode).toBe(200);
  });

  it('limits failures per address at its own, higher, configured limit; successful logins do not count', async () => {
    const client = t.anonymous();
    for (let i = 0; i < ADDRESS_LIMIT - 1; i++) {
      expect((await attempt(client, `inconnu${i}@magistere.test`, 'x')).statusCode).toBe(401);
    }
    for (let i = 0; i < 3; i++) {
      expect((await attempt(client, 'participant@magistere.test', PASSWORD)).statusCode).toBe(200);
    }
    expect((await attempt(client, 'inconnu-dernier@magistere.test', 'x')).statusCode).toBe(401);
    const blocked = problemOf(await attempt(client, 'participant@magistere.test', PASSWORD));
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_login_attempts');
  });
});

async function sessionsOf(email: string) {
  return (
    await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(users.email, email))
  )[0]!.n;
}

/** The token of the last password mail to this address, read from the outbox the mail left through. */
async function lastMailedToken(email: string) {
  const [mail] = await t.db
    .select({ text: mailMessages.text })
    .from(mailMessages)
    .where(eq(mailMessages.to, email))
    .orderBy(desc(mailMessages.createdAt));
  const token = /#jeton=([\w-]+)/.exec(mail?.text ?? '')?.[1];
  expect(token).toBeDefined();
  return token!;
}

/**
 * Asks for a reset link as the forgotten-password page does, through the service: the route's own limit
 * (a few requests a minute per address) is not what these tests are about.
 */
async function requestReset(email: string) {
  await requestPasswordReset(
    {
      db: t.db,
      mailer: t.deps.mailer,
      publicUrl: t.config.publicUrl,
      session: t.config.session,
      maxFailures: t.config.loginMaxFailuresPerMinute,
      maxFailuresPerAddress: t.config.loginMaxFailuresPerAddressPerMinute,
    },
    email,
    { ip: '127.0.0.1', userAgent: null },
    t.clock.now(),
  );
  return lastMailedToken(email);
}

describe('sessions end with a password change', () => {
  beforeEach(async () => {
    await t.db.delete(loginFailures);
  });

  it('a password change ends every other session of the account at once, and keeps this one', async () => {
    const email = 'hugo.bernard.1@magistere.test';
    const here = await t.as(email);
    const elsewhere = await t.as(email);
    const other = await t.as('participant@magistere.test');
    // Answered once, so the few-second memory of sessions holds it.
    expect((await elsewhere.get('/api/me')).statusCode).toBe(200);
    const changed = await here.post('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'Un-tout-nouveau-mot-de-passe',
    });
    expect(changed.statusCode).toBe(204);
    expect(problemOf(await elsewhere.get('/api/me')).body.code).toBe('unauthenticated');
    expect((await here.get('/api/me')).statusCode).toBe(200);
    expect(await sessionsOf(email)).toBe(1);
    // Someone else's session is none of its business.
    expect((await other.get('/api/me')).statusCode).toBe(200);
  });

  it('a reset by mail ends every session of the account', async () => {
    const email = 'manon.bernard.2@magistere.test';
    const first = await t.as(email);
    const second = await t.as(email);
    expect((await first.get('/api/me')).statusCode).toBe(200);
    expect((await second.get('/api/me')).statusCode).toBe(200);
    const token = await requestReset(email);
    const reset = await t.anonymous().post('/api/auth/password-reset', {
      token,
      password: 'Un-mot-de-passe-choisi',
    });
    expect(reset.statusCode).toBe(204);
    expect((await first.get('/api/me')).statusCode).toBe(401);
    expect((await second.get('/api/me')).statusCode).toBe(401);
    expect(await sessionsOf(email)).toBe(0);
  });

  it('a login rotates the session the browser already had: the old id no longer opens anything', async () => {
    const email = 'louis.bernard.3@magistere.test';
    const before = await t.as(email);
    expect((await before.get('/api/me')).statusCode).toBe(200);
    const again = await before.post('/api/auth/login', { email, password: PASSWORD });
    expect(again.statusCode).toBe(200);
    const renewed = again.cookies.find((c) => c.name === 'mag_sid')!.value;
    expect(`mag_sid=${renewed}`).not.toBe(before.cookie);
    expect((await before.get('/api/me')).statusCode).toBe(401);
    expect(await sessionsOf(email)).toBe(1);

    // The same when someone else logs in on that browser: the previous person's session ends too.
    const previous = await t.as(email);
    const switched = await previous.post('/api/auth/login', {
      email: 'participant@magistere.test',
      password: PASSWORD,
    });
    expect(switched.statusCode).toBe(200);
    expect((await previous.get('/api/me')).statusCode).toBe(401);
    expect(await sessionsOf(email)).toBe(1);
  });
});

describe('password-reset tokens', () => {
  beforeEach(async () => {
    await t.db.delete(loginFailures);
  });

  it('last 30 minutes and say so in the mail', async () => {
    const email = 'chloe.bernard.4@magistere.test';
    const token = await requestReset(email);
    const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.to, email));
    expect(mail?.text).toContain('(valable 30 minutes, une seule fois)');
    const [row] = await t.db
      .select({ createdAt: passwordTokens.createdAt, expiresAt: passwordTokens.expiresAt })
      .from(passwordTokens)
      .innerJoin(users, eq(users.id, passwordTokens.userId))
      .where(eq(users.email, email));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1_000);
    expect((await t.anonymous().post('/api/auth/password-reset/check', { token })).statusCode).toBe(204);
    await t.db
      .update(passwordTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordTokens.userId, sql`(SELECT id FROM users WHERE email = ${email})`));
    const expired = problemOf(await t.anonymous().post('/api/auth/password-reset/check', { token }));
    expect(expired.body.code).toBe('reset_token_invalid');
  });

  it('die when the password changes in between', async () => {
    const email = 'gabriel.bernard.5@magistere.test';
    const token = await requestReset(email);
    const user = await t.as(email);
    expect(
      (
        await user.post('/api/me/password', {
          currentPassword: PASSWORD,
          newPassword: 'Change-par-la-personne',
        })
      ).statusCode,
    ).toBe(204);
    const check = problemOf(await t.anonymous().post('/api/auth/password-reset/check', { token }));
    expect(check.body.code).toBe('reset_token_invalid');
    const reset = problemOf(
      await t.anonymous().post('/api/auth/password-reset', { token, password: 'Le-mot-de-l-attaquant' }),
    );
    expect(reset.body.code).toBe('reset_token_invalid');
    expect((await attempt(t.anonymous(), email, 'Change-par-la-personne')).statusCode).toBe(200);
  });

  it('die when the password hash changes by any other way', async () => {
    const email = 'ines.bernard.6@magistere.test';
    const token = await requestReset(email);
    // The same password hashed again (another salt), as a restore or an administrator's tool would: the
    // account is no longer in the state the link was issued for.
    const passwordHash = await hashPassword(PASSWORD);
    await t.db.update(users).set({ passwordHash }).where(eq(users.email, email));
    const check = problemOf(await t.anonymous().post('/api/auth/password-reset/check', { token }));
    expect(check.body.code).toBe('reset_token_invalid');
  });

  it('die when another reset of the account is used, even at the same moment', async () => {
    const email = 'arthur.bernard.7@magistere.test';
    const first = await requestReset(email);
    const second = await requestReset(email);
    const [a, b] = await Promise.all([
      t.anonymous().post('/api/auth/password-reset', { token: first, password: 'Premier-mot-de-passe' }),
      t.anonymous().post('/api/auth/password-reset', { token: second, password: 'Second-mot-de-passe' }),
    ]);
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([204, 400]);
    const loser = a!.statusCode === 400 ? first : second;
    const again = problemOf(
      await t
        .anonymous()
        .post('/api/auth/password-reset', { token: loser, password: 'Troisieme-mot-de-passe' }),
    );
    expect(again.body.code).toBe('reset_token_invalid');
  });
});

describe('the address a login is counted against', () => {
  it('is the IPv4 address, also when IPv6-mapped, and the /64 of an IPv6 one', () => {
    expect(throttledAddress('192.0.2.7')).toBe('192.0.2.7');
    expect(throttledAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(throttledAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(throttledAddress('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(throttledAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttledAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttledAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttledAddress(null)).toBeNull();
  });
});
