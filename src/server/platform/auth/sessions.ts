import type { Actor } from '../access/can.ts';
import type { Db } from '../db/index.ts';
import type { AuthCache } from './cache.ts';
import { hashToken } from './tokens.ts';

export type SessionPolicy = { idleMs: number; absoluteMs: number };
export type Authenticated = { actor: Actor; sessionId: string; csrfToken: string };

/** A session as its store keeps it: whose it is (with their grants), its CSRF token and its two clocks. */
export type StoredSession = { actor: Actor; csrfToken: string; expiresAt: Date; lastSeenAt: Date };

/**
 * Where sessions live. They belong to accounts, so the accounts module keeps them and provides this store
 * at start-up: the platform decides who a request comes from without knowing any module's tables.
 */
export type SessionStore = {
  /**
   * The session of this id (its token's digest) when its account may act, with the account's role grants;
   * nothing otherwise. Asked on every authenticated request the cache does not answer: one round trip.
   */
  find(db: Db, id: string): Promise<StoredSession | null>;
  /** Records that the session was used at this instant (the sliding idle expiry). */
  touch(db: Db, id: string, at: Date): Promise<void>;
};

let store: SessionStore | undefined;

export function provideSessionStore(provided: SessionStore) {
  store = provided;
}

type Cached = Authenticated & { expiresAt: number; lastSeenAt: number };

/**
 * Resolves a session cookie to an actor: the session, its active user and the user's role grants, from
 * the store. Expired sessions (idle or absolute) resolve to nothing. Answers are kept a few seconds in
 * the AuthCache, which access changes clear.
 */
export async function authenticate(
  db: Db,
  token: string,
  policy: SessionPolicy,
  cache: AuthCache | undefined,
  now: Date,
  /** `false`: only asks whether the session still holds (an open WebSocket is not the person acting). */
  options: { touch?: boolean } = {},
): Promise<Authenticated | null> {
  if (!store) throw new Error('no session store: the accounts module provides it at start-up');
  const id = hashToken(token);
  const fresh = (entry: Cached) =>
    entry.expiresAt > now.getTime() && entry.lastSeenAt + policy.idleMs > now.getTime();
  const cached = cache?.getSession<Cached>(id);
  if (cached) return fresh(cached) ? cached : null;
  const session = await store.find(db, id);
  if (!session) return null;
  const entry: Cached = {
    actor: session.actor,
    sessionId: id,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.getTime(),
    lastSeenAt: session.lastSeenAt.getTime(),
  };
  if (!fresh(entry)) return null;
  // Sliding idle expiry, written at most once a minute to keep reads cheap.
  if (options.touch !== false && now.getTime() - entry.lastSeenAt > 60_000) {
    await store.touch(db, id, now);
    entry.lastSeenAt = now.getTime();
  }
  cache?.setSession(id, entry.actor.userId, entry);
  return entry;
}
