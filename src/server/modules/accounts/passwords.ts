import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { createI18n } from '../../../shared/i18n/index.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import { passwordFingerprint, passwordTokens, users } from './schema.ts';

// A reset link is a key to the account sent by mail: it lives no longer than a person needs to use it.
const LINK_MINUTES = { reset: 30, welcome: 7 * 24 * 60 } as const;
const t = createI18n('fr').t;

/** The account's password fingerprint as it is in the database, for a token row being written. */
export const currentFingerprint = (userId: string) =>
  sql<string>`(SELECT ${passwordFingerprint(users.passwordHash)} FROM ${users} WHERE ${users.id} = ${userId})`;

/**
 * Creates a single-use password link and queues the mail carrying it, in the caller's transaction.
 * The token travels in the URL fragment, which browsers never send to a server: it stays out of logs.
 * It is bound to the account's password as it is now: once that changes, the link is refused.
 */
export async function issuePasswordLink(
  tx: Tx,
  mailer: Mailer,
  publicUrl: string,
  user: typeof users.$inferSelect,
  kind: 'reset' | 'welcome',
  now: Date,
): Promise<string> {
  const token = newToken();
  const minutes = LINK_MINUTES[kind];
  await tx.insert(passwordTokens).values({
    id: hashToken(token),
    userId: user.id,
    passwordFingerprint: currentFingerprint(user.id),
    expiresAt: new Date(now.getTime() + minutes * 60_000),
  });
  const link = `${publicUrl}/reinitialiser-mot-de-passe#jeton=${token}`;
  const key = kind === 'reset' ? 'mail.passwordReset' : 'mail.welcome';
  const name = `${user.firstName} ${user.lastName}`;
  const body = t(`${key}.body`, { name, validity: t(`${key}.validity`), link, email: user.email });
  return mailer.queue(tx, {
    to: user.email,
    subject: t(`${key}.subject`),
    text: `${body}\n\n${t('mail.signature')}\n`,
  });
}

/** Conditions for a token to be usable: unused, unexpired, its account active and unchanged since. */
export const usableToken = (token: string, now: Date) =>
  and(
    eq(passwordTokens.id, hashToken(token)),
    isNull(passwordTokens.usedAt),
    gt(passwordTokens.expiresAt, now),
    eq(users.id, passwordTokens.userId),
    eq(users.status, 'active'),
    isNull(users.deletedAt),
    eq(passwordTokens.passwordFingerprint, passwordFingerprint(users.passwordHash)),
  );

/**
 * Consumes a password token, in the caller's transaction: returns its account with the password hash the
 * token was checked against when valid. The account's row is locked first, so two links of one account
 * used at the same moment take turns, and the second finds its account changed.
 */
export async function consumePasswordToken(
  tx: Tx,
  token: string,
  now: Date,
): Promise<{ userId: string; passwordHash: string | null } | undefined> {
  const [owner] = await tx
    .select({ userId: passwordTokens.userId })
    .from(passwordTokens)
    .where(eq(passwordTokens.id, hashToken(token)));
  if (!owner) return undefined;
  await tx.select({ id: users.id }).from(users).where(eq(users.id, owner.userId)).for('update');
  const [row] = await tx
    .update(passwordTokens)
    .set({ usedAt: now })
    .from(users)
    .where(usableToken(token, now))
    .returning({ userId: passwordTokens.userId, passwordHash: users.passwordHash });
  return row;
}
