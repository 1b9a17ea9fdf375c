import type { Events } from '../events/index.ts';

const MAX_ENTRIES = 50_000;

type Entry<T> = { value: T; userId: string; until: number };

/**
 * A few seconds of memory for what every authenticated request asks: who the session belongs to and what
 * /api/me says. Any change to a user's access (logout, suspension, roles, enrolments, profile, password)
 * forgets that user at once, on every node: it listens to `access.changed` and `enrolment.changed` (see
 * platform/events). The TTL bounds what a lost message could leave stale.
 */
export class AuthCache {
  readonly #ttlMs: number;
  readonly #sessions = new Map<string, Entry<unknown>>();
  readonly #views = new Map<string, Entry<unknown>>();

  constructor(options: { ttlMs: number; events: Events }) {
    this.#ttlMs = options.ttlMs;
    const { events } = options;
    events.on('access.changed', ({ userId }) => this.forget(userId), { everyNode: true });
    events.on('enrolment.changed', ({ userIds }) => this.forget(userIds), { everyNode: true });
  }

  #get<T>(map: Map<string, Entry<unknown>>, key: string): T | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.value as T;
    map.delete(key);
    return undefined;
  }

  #set(map: Map<string, Entry<unknown>>, key: string, userId: string, value: unknown) {
    if (this.#ttlMs <= 0) return;
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, { value, userId, until: Date.now() + this.#ttlMs });
  }

  getSession<T>(sessionId: string): T | undefined {
    return this.#get<T>(this.#sessions, sessionId);
  }
  setSession(sessionId: string, userId: string, value: unknown) {
    this.#set(this.#sessions, sessionId, userId, value);
  }
  getView<T>(userId: string): T | undefined {
    return this.#get<T>(this.#views, userId);
  }
  setView(userId: string, value: unknown) {
    this.#set(this.#views, userId, userId, value);
  }

  /**
   * Forgets these users' sessions and views on this node (the events reach the others); `null` forgets
   * everything (e.g. a domain renamed).
   */
  forget(who: string | readonly string[] | null) {
    if (who === null) {
      this.#sessions.clear();
      this.#views.clear();
      return;
    }
    const users = new Set(typeof who === 'string' ? [who] : who);
    for (const userId of users) this.#views.delete(userId);
    // One pass over the sessions, however many people a bulk enrolment concerned.
    for (const [key, entry] of this.#sessions) if (users.has(entry.userId)) this.#sessions.delete(key);
  }
}
