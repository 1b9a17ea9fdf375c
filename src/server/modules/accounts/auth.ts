import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Origin } from '../../platform/audit/index.ts';
import { record } from '../../platform/audit/index.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, destroyUserSessions, type SessionPolicy } from '../../platform/auth/sessions.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import type { Db } from '../../platform/db/index.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import { consumePasswordToken, issuePasswordLink } from './passwords.ts';
import { loginFailures, passwordTokens, users } from './schema.ts';
import { findUser, findUserByEmail } from './service.ts';

export type AuthDeps = {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  session: SessionPolicy;
  maxFailures: number;
};

/**
 * Checks a password login. Failures are counted per account and per address over the last minute;
 * past the limit the attempt is refused before the password is even checked.
 */
export async function login(deps: AuthDeps, email: string, password: string, origin: Origin) {
  const { db } = deps;
  const since = sql`now() - interval '1 minute'`;
  const [counts] = await db
    .select({
      byEmail: sql<number>`count(*) FILTER (WHERE ${loginFailures.email} = ${email})::int`,
      byIp: sql<number>`count(*) FILTER (WHERE ${loginFailures.ip} = ${origin.ip})::int`,
    })
    .from(loginFailures)
    .where(
      and(
        gt(loginFailures.at, since),
        or(eq(loginFailures.email, email), eq(loginFailures.ip, origin.ip ?? '0.0.0.0')),
      ),
    );
  if ((counts?.byEmail ?? 0) >= deps.maxFailures || (counts?.byIp ?? 0) >= deps.maxFailures) {
    throw new HttpProblem(429, 'too_many_login_attempts', 'errors.tooManyLoginAttempts', {
      headers: { 'retry-after': '60' },
    });
  }
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) {
    await db.transaction(async (tx) => {
      await tx.insert(loginFailures).values({ email, ip: origin.ip });
      await record(tx, origin, {
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: user?.id,
        domainId: user?.homeDomainId,
        details: { email },
      });
    });
    throw new HttpProblem(401, 'bad_credentials', 'errors.badCredentials');
  }
  if (user.status !== 'active') {
    await record(db, origin, {
      actorId: user.id,
      action: 'auth.login_refused_suspended',
      objectType: 'user',
      objectId: user.id,
      domainId: user.homeDomainId,
    });
    throw new HttpProblem(403, 'account_suspended', 'errors.accountSuspended');
  }
  return db.transaction(async (tx) => {
    const session = await createSession(tx, user.id, origin, deps.session);
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await tx.delete(loginFailures).where(eq(loginFailures.email, email));
    await record(tx, origin, {
      actorId: user.id,
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      domainId: user.homeDomainId,
    });
    return { userId: user.id, ...session };
  });
}

/** Mails a reset link to an active account; says nothing about whether the account exists. */
export async function requestPasswordReset(deps: AuthDeps, email: string, origin: Origin): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (user?.status !== 'active') return;
  const mailId = await deps.db.transaction(async (tx) => {
    const id = await issuePasswordLink(tx, deps.mailer, deps.publicUrl, user, 'reset');
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
export async function checkPasswordToken(db: Db, token: string, now = new Date()): Promise<void> {
  const [row] = await db
    .select({ id: passwordTokens.id })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(
        eq(passwordTokens.id, hashToken(token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now),
        eq(users.status, 'active'),
      ),
    );
  if (!row) throw problems.invalid('reset_token_invalid', 'errors.resetTokenInvalid', 'token');
}

/** Sets a new password from a mailed token; every open session of the account ends. */
export async function resetPassword(
  deps: AuthDeps,
  token: string,
  password: string,
  origin: Origin,
): Promise<string> {
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    const userId = await consumePasswordToken(tx, token);
    const user = userId ? await findUser(tx, userId) : undefined;
    if (user?.status !== 'active')
      throw problems.invalid('reset_token_invalid', 'errors.resetTokenInvalid', 'token');
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    await tx.delete(passwordTokens).where(eq(passwordTokens.userId, user.id));
    await destroyUserSessions(tx, user.id);
    await record(tx, origin, {
      actorId: user.id,
      action: 'auth.password_reset',
      objectType: 'user',
      objectId: user.id,
      domainId: user.homeDomainId,
    });
    return user.id;
  });
}

/** A logged-in user changes their password, proving they know the current one. */
export async function changePassword(
  deps: AuthDeps,
  userId: string,
  current: string,
  next: string,
  origin: Origin,
): Promise<void> {
  const user = await findUser(deps.db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw problems.invalid('wrong_current_password', 'errors.wrongCurrentPassword', 'currentPassword');
  }
  const passwordHash = await hashPassword(next);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    await record(tx, origin, {
      actorId: userId,
      action: 'auth.password_changed',
      objectType: 'user',
      objectId: userId,
      domainId: user.homeDomainId,
    });
  });
}
