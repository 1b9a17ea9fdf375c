import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Events, EventType } from '../../platform/events/index.ts';

const MAX_ENTRIES = 2_000;

/** The events that change what a course page shows, whichever module writes them. */
const PAGE_EVENTS = [
  'course.changed',
  'course.stage_changed',
  'activity.added',
  'activity.changed',
  'activity.removed',
  'audience.changed',
  'groups.changed',
] as const satisfies readonly EventType[];

export type CachedPage = { json: Buffer; gzip: Buffer; etag: string; until: number };

/**
 * The course page, serialised and compressed once per course and variant (what a participant sees, what
 * an editor sees), since a national course is read thousands of times for each change. Every change to a
 * course (the events of `PAGE_EVENTS`, from a route, a job or another module) forgets its pages on every
 * node; an entry also ends when the next timed item opens.
 */
export class CoursePageCache {
  readonly #entries = new Map<string, CachedPage & { courseId: string }>();
  readonly #maxAgeMs: number;
  readonly #listening: (() => void)[];

  constructor(events: Events, maxAgeMs = 60_000) {
    this.#maxAgeMs = maxAgeMs;
    this.#listening = PAGE_EVENTS.map((type) =>
      events.on(type, ({ courseId }) => this.#forget(courseId), { everyNode: true }),
    );
  }

  /** The page stored under `key`, unless it ended by `now` (the reader's time: a test moves its clock). */
  get(key: string, now: Date): CachedPage | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.until > now.getTime()) return entry;
    this.#entries.delete(key);
    return undefined;
  }

  /** Serialises and stores a page; `opensAt` is the earliest future availability in it, if any. */
  set(key: string, courseId: string, page: unknown, opensAt: Date | undefined, now: Date): CachedPage {
    const json = Buffer.from(JSON.stringify(page));
    const until = Math.min(now.getTime() + this.#maxAgeMs, opensAt?.getTime() ?? Number.POSITIVE_INFINITY);
    const entry = {
      json,
      gzip: gzipSync(json),
      etag: `"${createHash('sha1').update(json).digest('base64url')}"`,
      until,
      courseId,
    };
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(key, entry);
    return entry;
  }

  #forget(courseId: string) {
    for (const [key, entry] of this.#entries) if (entry.courseId === courseId) this.#entries.delete(key);
  }

  /** Stops listening (the application closes). */
  close() {
    for (const stop of this.#listening) stop();
    this.#entries.clear();
  }
}
