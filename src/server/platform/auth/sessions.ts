import { and, eq, lt, ne, or } from 'drizzle-orm';
import { sessions } from '../../modules/accounts/schema.ts';
import type { Actor, Grant } from '../access/can.ts';
import type { Origin } from '../audit/index.ts';
import type { Db, Tx } from '../db/index.ts';
import { emit } from '../events/index.ts';
import type { AuthCache } from './cache.ts';
import { hashToken, newToken } from './tokens.ts';

export type SessionPolicy = { idleMs: number; absoluteMs: number };
export type Authenticated = { actor: Actor; sessionId: string; csrfToken: string };

export async function createSession(
  db: Tx,
  userId: string,
  origin: Origin,
  policy: SessionPolicy,
  now = new Date(),
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

type Cached = Authenticated & { expiresAt: number; lastSeenAt: number };

/**
 * Resolves a session cookie to an actor in one round trip: the session, its active user and the user's
 * role grants. Expired sessions (idle or absolute) resolve to nothing. Answers are kept a few seconds in
 * the AuthCache, which access changes clear.
 */
export async function authenticate(
  db: Db,
  token: string,
  policy: SessionPolicy,
  cache?: AuthCache,
  now = new Date(),
): Promise<Authenticated | null> {
  const id = hashToken(token);
  const fresh = (entry: Cached) =>
    entry.expiresAt > now.getTime() && entry.lastSeenAt + policy.idleMs > now.getTime();
  const cached = cache?.getSession<Cached>(id);
  if (cached) return fresh(cached) ? cached : null;
  const result = await db.$client.query<SessionRow>({
    name: 'authenticate',
    text: AUTHENTICATE_SQL,
    values: [id],
  });
  const row = result.rows[0];
  if (!row) return null;
  const entry: Cached = {
    actor: { userId: row.user_id, homeDomainId: row.home_domain_id, grants: row.grants },
    sessionId: id,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at).getTime(),
    lastSeenAt: new Date(row.last_seen_at).getTime(),
  };
  if (!fresh(entry)) return null;
  // Sliding idle expiry, written at most once a minute to keep reads cheap.
  if (now.getTime() - entry.lastSeenAt > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    entry.lastSeenAt = now.getTime();
  }
  cache?.setSession(id, entry.actor.userId, entry);
  return entry;
}

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
export async function purgeExpiredSessions(db: Db, policy: SessionPolicy, now = new Date()): Promise<number> {
  const idleBefore = new Date(now.getTime() - policy.idleMs);
  const removed = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)))
    .returning({ id: sessions.id });
  return removed.length;
}
