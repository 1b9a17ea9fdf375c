import type { Bus } from '../realtime/bus.ts';

const CHANNEL = 'magistere:auth-invalidate';
const MAX_ENTRIES = 50_000;

type Entry<T> = { value: T; userId: string; until: number };

/**
 * A few seconds of memory for what every authenticated request asks: who the session belongs to and what
 * /api/me says. Any change to a user's access (logout, suspension, roles, profile, password) forgets that
 * user at once, on every node through the bus. The TTL bounds what a lost message could leave stale.
 */
export class AuthCache {
  readonly #ttlMs: number;
  readonly #sessions = new Map<string, Entry<unknown>>();
  readonly #views = new Map<string, Entry<unknown>>();
  readonly #bus: Bus;
  readonly ready: Promise<void>;

  constructor(options: { ttlMs: number; bus: Bus }) {
    this.#ttlMs = options.ttlMs;
    this.#bus = options.bus;
    this.ready = this.#bus.subscribe(CHANNEL, (message) => this.#forgetLocally(message || null));
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

  #forgetLocally(userId: string | null) {
    if (userId === null) {
      this.#sessions.clear();
      this.#views.clear();
      return;
    }
    this.#views.delete(userId);
    for (const [key, entry] of this.#sessions) if (entry.userId === userId) this.#sessions.delete(key);
  }

  /** Forgets one user's sessions and views everywhere; `null` forgets everything (e.g. a domain renamed). */
  async forget(userId: string | null): Promise<void> {
    // Locally at once: the caller's next request must not see the old answer, whatever the bus does.
    this.#forgetLocally(userId);
    await this.#bus.publish(CHANNEL, userId ?? '');
  }
}
