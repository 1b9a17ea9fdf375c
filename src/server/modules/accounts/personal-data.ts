/**
 * The account's part of a person's data (GDPR): what the account says of them and the sessions it holds,
 * and its anonymisation when the account is erased. Never the password hash, a session id, a CSRF token or
 * a password link: those are secrets, not data about the person.
 */
import { asc, eq } from 'drizzle-orm';
import { forgetAccountAddress } from '../../platform/audit/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import { forgetRecipient } from '../../platform/mail/index.ts';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';
import { getDomain } from '../domains/index.ts';
import { loginFailures, passwordTokens, sessions, users } from './schema.ts';
import { destroyUserSessions } from './sessions.ts';

/** What an erased account is called wherever history names it. */
export const ERASED_NAME = { firstName: 'Utilisateur', lastName: 'supprimé' } as const;

/**
 * Erases what identifies the person in their account, keeping its row — its id, home domain and dates —
 * so that history pointing at it (the audit log, who enrolled whom, who made a course) reads "Utilisateur
 * supprimé". The address is freed for a new account, login becomes impossible (no password, suspended,
 * deleted), every session ends at once, and the address goes from the outbox, the failed-login counters
 * and the audit log's details.
 */
export async function anonymiseAccount(tx: Tx, userId: string, now: Date): Promise<void> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) return;
  await forgetAccountAddress(tx, userId);
  await forgetRecipient(tx, user.email);
  await tx.delete(loginFailures).where(eq(loginFailures.email, user.email.toLowerCase()));
  await tx.delete(passwordTokens).where(eq(passwordTokens.userId, userId));
  await tx
    .update(users)
    .set({
      email: `supprime-${userId}@invalid`,
      passwordHash: null,
      ...ERASED_NAME,
      academie: null,
      departement: null,
      discipline: null,
      bodyGrade: null,
      status: 'suspended',
      lastLoginAt: null,
      deletedAt: user.deletedAt ?? now,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
  await destroyUserSessions(tx, userId);
  await emit(tx, { type: 'access.changed', userId });
}

export const accountPersonalData: PersonalDataHolder = {
  key: 'account',
  async export({ tx }, userId) {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) return null;
    const domain = await getDomain(tx, user.homeDomainId);
    const open = await tx
      .select()
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt));
    return {
      id: user.id,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      homeDomain: { id: user.homeDomainId, name: domain?.name ?? null },
      academie: user.academie,
      departement: user.departement,
      discipline: user.discipline,
      bodyGrade: user.bodyGrade,
      status: user.status,
      // Whether a password is set, never the password's hash.
      hasPassword: user.passwordHash !== null,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      sessions: open.map((s) => ({
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        ip: s.ip,
        userAgent: s.userAgent,
      })),
    };
  },
  erase: ({ tx, now }, userId) => anonymiseAccount(tx, userId, now),
};
