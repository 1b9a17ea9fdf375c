/**
 * The sessions of accounts, stored server-side: the cookie carries a random token, the table only its
 * SHA-256. The platform's guard reads them through `sessionStore`, which the application provides at
 * start-up; expiry and caching are the platform's (`platform/auth/sessions.ts`).
 */
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Grant } from '../../platform/access/can.ts';
import type { Origin } from '../../platform/audit/index.ts';
import type { SessionPolicy, SessionStore } from '../../platform/auth/sessions.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import { sessions } from './schema.ts';

export async function createSession(
  db: Tx,
  userId: string,
  origin: Origin,
  policy: SessionPolicy,
  now: Date,
) {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.absoluteMs),
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, 500) ?? null,
  });
  return { token, csrfToken };
}

type SessionRow = {
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  home_domain_id: string;
  grants: Grant[];
};

// Named, so PostgreSQL plans it once per connection: this runs on every authenticated request.
const AUTHENTICATE_SQL = `
  SELECT s.csrf_token, s.last_seen_at, s.expires_at, u.id AS user_id, u.home_domain_id,
    COALESCE((SELECT json_agg(json_build_object('role', ra.role, 'contextId', c.id, 'level', c.level,
               'instanceId', c.instance_id, 'path', c.path))
             FROM role_assignments ra JOIN contexts c ON c.id = ra.context_id
             WHERE ra.user_id = u.id), '[]'::json) AS grants
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = $1 AND u.status = 'active' AND u.deleted_at IS NULL`;

/** A session of an active account, its account and the account's grants, in one round trip. */
export const sessionStore: SessionStore = {
  async find(db, id) {
    const result = await db.$client.query<SessionRow>({
      name: 'authenticate',
      text: AUTHENTICATE_SQL,
      values: [id],
    });
    const row = result.rows[0];
    if (!row) return null;
    return {
      actor: { userId: row.user_id, homeDomainId: row.home_domain_id, grants: row.grants },
      csrfToken: row.csrf_token,
      expiresAt: new Date(row.expires_at),
      lastSeenAt: new Date(row.last_seen_at),
    };
  },
  async touch(db, id, at) {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  },
};

/**
 * The ways a session ends say so (`access.changed`): the cached answers about it (AuthCache) must go on
 * every node, not when their few seconds are up.
 */
export async function destroySession(db: Tx, sessionId: string) {
  const [row] = await db
    .delete(sessions)
    .where(eq(sessions.id, sessionId))
    .returning({ userId: sessions.userId });
  if (row) await emit(db, { type: 'access.changed', userId: row.userId });
}

/** Ends the session a cookie names, if any. */
export async function destroySessionByToken(db: Tx, token: string) {
  const [row] = await db
    .delete(sessions)
    .where(eq(sessions.id, hashToken(token)))
    .returning({ userId: sessions.userId });
  if (row) await emit(db, { type: 'access.changed', userId: row.userId });
}

/** Ends every session of a user, but the one `except` names (the session making the change). */
export async function destroyUserSessions(db: Tx, userId: string, except?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), except ? ne(sessions.id, except) : undefined));
  await emit(db, { type: 'access.changed', userId });
}

/** Removes sessions past their absolute or idle expiry; returns how many. */
export async function purgeExpiredSessions(db: Db, policy: SessionPolicy, now: Date): Promise<number> {
  const idleBefore = new Date(now.getTime() - policy.idleMs);
  const removed = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)))
    .returning({ id: sessions.id });
  return removed.length;
}
