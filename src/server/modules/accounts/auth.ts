import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Origin } from '../../platform/audit/index.ts';
import { record } from '../../platform/audit/index.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import type { SessionPolicy } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import { getDomain } from '../domains/index.ts';
import { consumePasswordToken, issuePasswordLink, usableToken } from './passwords.ts';
import { loginFailures, passwordTokens, users } from './schema.ts';
import { findUser, findUserByEmail } from './service.ts';
import { createSession, destroySessionByToken, destroyUserSessions } from './sessions.ts';

export type AuthDeps = {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  session: SessionPolicy;
  /** Failed logins allowed per account in a minute. */
  maxFailures: number;
  /** Failed logins allowed per address in a minute: higher, as schools share one address. */
  maxFailuresPerAddress: number;
};

// Two lock spaces (pg_advisory_xact_lock's first key), so that an account's lock and an address's lock
// never collide: every attempt takes its account's, then its address's, in that order.
const ACCOUNT_LOCK = 0x4c4f4741;
const ADDRESS_LOCK = 0x4c4f4149;

/**
 * Where guesses come from: an IPv4 address, or the /64 of an IPv6 one (a single host commonly holds a
 * whole /64, so counting its addresses one by one would let it try its luck billions of times).
 */
export function throttledAddress(ip: string | null): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/**
 * Takes one attempt out of the minute's allowance of the account and of the address, or says there is
 * none left. Counting and recording happen under both keys' locks: parallel attempts queue for them
 * instead of all reading the same count. The row stays as a failure unless the login succeeds.
 */
async function takeAttempt(deps: AuthDeps, email: string, address: string | null): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${email}))`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${address ?? ''}))`);
    const sameAddress =
      address === null ? isNull(loginFailures.ip) : sql`${loginFailures.ip} = ${address}::inet`;
    const [counts] = await tx
      .select({
        byAccount: sql<number>`count(*) FILTER (WHERE ${loginFailures.email} = ${email})::int`,
        byAddress: sql<number>`count(*) FILTER (WHERE ${sameAddress})::int`,
      })
      .from(loginFailures)
      .where(
        and(
          gt(loginFailures.at, sql`now() - interval '1 minute'`),
          or(eq(loginFailures.email, email), sameAddress),
        ),
      );
    if ((counts?.byAccount ?? 0) >= deps.maxFailures) return false;
    if ((counts?.byAddress ?? 0) >= deps.maxFailuresPerAddress) return false;
    await tx.insert(loginFailures).values({ email, ip: address });
    return true;
  });
}

/**
 * Checks a password login and opens a new session. A session the browser still carried (`previousToken`)
 * is ended, whoever it belonged to: a login always gets a fresh id, so an id planted before it is worth
 * nothing after. Failures are counted per account and per address over the last minute;
 * past either limit the attempt is refused before the password is even checked, and a refused attempt
 * counts for nothing (one account's guesser does not lock a whole school's address out).
 */
export async function login(
  deps: AuthDeps,
  email: string,
  password: string,
  origin: Origin,
  now: Date,
  previousToken?: string,
): Promise<{ userId: string; token: string; csrfToken: string }> {
  const { db } = deps;
  if (!(await takeAttempt(deps, email, throttledAddress(origin.ip)))) {
    throw new HttpProblem(429, 'too_many_login_attempts', 'errors.tooManyLoginAttempts', {
      headers: { 'retry-after': '60' },
    });
  }
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) {
    await record(db, origin, {
      actorId: user?.id ?? null,
      action: 'auth.login_failed',
      objectType: 'user',
      objectId: user?.id,
      domainId: user?.homeDomainId,
      details: { email },
    });
    throw new HttpProblem(401, 'bad_credentials', 'errors.badCredentials');
  }
  // The right password: this attempt and the account's earlier failures no longer count.
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
  if (user.status !== 'active') {
    await record(db, origin, {
      actorId: user.id,
      action: 'auth.login_refused_suspended',
      objectType: 'user',
      objectId: user.id,
      domainId: user.homeDomainId,
    });
    // The password was right: saying which domain's administrator can reactivate the account tells
    // nothing to someone who did not already hold it.
    const domain = await getDomain(db, user.homeDomainId);
    throw new HttpProblem(403, 'account_suspended', 'errors.accountSuspended', {
      extensions: { domain: domain?.name ?? null },
    });
  }
  return db.transaction(async (tx) => {
    if (previousToken) await destroySessionByToken(tx, previousToken);
    const session = await createSession(tx, user.id, origin, deps.session, now);
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await record(tx, origin, {
      actorId: user.id,
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      domainId: user.homeDomainId,
    });
    // What /api/me says of them (their last login) changed.
    await emit(tx, { type: 'access.changed', userId: user.id });
    return { userId: user.id, ...session };
  });
}

/** Mails a reset link to an active account; says nothing about whether the account exists. */
export async function requestPasswordReset(
  deps: AuthDeps,
  email: string,
  origin: Origin,
  now: Date,
): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (user?.status !== 'active') return;
  const mailId = await deps.db.transaction(async (tx) => {
    const id = await issuePasswordLink(tx, deps.mailer, deps.publicUrl, user, 'reset', now);
    await record(tx, origin, {
      actorId: user.id,
      action: 'auth.password_reset_requested',
      objectType: 'user',
      objectId: user.id,
      domainId: user.homeDomainId,
    });
    return id;
  });
  await deps.mailer.flush([mailId]);
}

/** Whether a mailed token can still be used, so the page can say so before the person types anything. */
export async function checkPasswordToken(db: Db, token: string, now: Date): Promise<void> {
  const [row] = await db
    .select({ id: passwordTokens.id })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(usableToken(token, now));
  if (!row) throw problems.invalid('reset_token_invalid', 'errors.resetTokenInvalid', 'token');
}

/**
 * Sets a new password from a mailed token. Every open session of the account ends, and so does every
 * other link it was sent: they were issued for the password that is no longer.
 */
export async function resetPassword(
  deps: AuthDeps,
  token: string,
  password: string,
  origin: Origin,
  now: Date,
): Promise<string> {
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    const consumed = await consumePasswordToken(tx, token, now);
    const user = consumed ? await findUser(tx, consumed.userId) : undefined;
    if (!consumed || user?.status !== 'active')
      throw problems.invalid('reset_token_invalid', 'errors.resetTokenInvalid', 'token');
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    await tx.delete(passwordTokens).where(eq(passwordTokens.userId, user.id));
    await destroyUserSessions(tx, user.id);
    await record(tx, origin, {
      actorId: user.id,
      action: 'auth.password_reset',
      objectType: 'user',
      objectId: user.id,
      domainId: user.homeDomainId,
    });
    await emit(tx, { type: 'access.changed', userId: user.id });
    return user.id;
  });
}

/**
 * A logged-in user changes their password, proving they know the current one. Their other sessions end
 * (whoever might hold one loses it with the old password); `sessionId`, the one making the change, stays.
 */
export async function changePassword(
  deps: AuthDeps,
  userId: string,
  sessionId: string,
  current: string,
  next: string,
  origin: Origin,
  now: Date,
): Promise<void> {
  const user = await findUser(deps.db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw problems.invalid('wrong_current_password', 'errors.wrongCurrentPassword', 'currentPassword');
  }
  const passwordHash = await hashPassword(next);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
    await tx.delete(passwordTokens).where(eq(passwordTokens.userId, userId));
    await destroyUserSessions(tx, userId, sessionId);
    await record(tx, origin, {
      actorId: userId,
      action: 'auth.password_changed',
      objectType: 'user',
      objectId: userId,
      domainId: user.homeDomainId,
    });
    await emit(tx, { type: 'access.changed', userId });
  });
}
