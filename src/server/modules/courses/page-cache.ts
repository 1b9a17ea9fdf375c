import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Bus } from '../../platform/realtime/bus.ts';

const CHANNEL = 'magistere:course-page';
/** Publishing a course id here forgets its cached pages on every node (modules that change what a page shows). */
export const COURSE_PAGE_CHANNEL = CHANNEL;
const MAX_ENTRIES = 2_000;

/** Drops the cached pages of a course on every node (this one included: the bus delivers here too). */
export function forgetCoursePage(bus: Bus, courseId: string): Promise<void> {
  return bus.publish(CHANNEL, courseId);
}

export type CachedPage = { json: Buffer; gzip: Buffer; etag: string; until: number };

/**
 * The course page, serialised and compressed once per course and variant (what a participant sees, what
 * an editor sees), since a national course is read thousands of times for each change. Every change to a
 * course forgets its pages on every node; an entry also ends when the next timed item opens.
 */
export class CoursePageCache {
  readonly #entries = new Map<string, CachedPage & { courseId: string }>();
  readonly #bus: Bus;
  readonly #maxAgeMs: number;
  readonly ready: Promise<void>;

  constructor(bus: Bus, maxAgeMs = 60_000) {
    this.#bus = bus;
    this.#maxAgeMs = maxAgeMs;
    this.ready = bus.subscribe(CHANNEL, (courseId) => this.#forgetLocally(courseId));
  }

  /** The page stored under `key`, unless it ended by `now` (the reader's time: a test moves its clock). */
  get(key: string, now = new Date()): CachedPage | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.until > now.getTime()) return entry;
    this.#entries.delete(key);
    return undefined;
  }

  /** Serialises and stores a page; `opensAt` is the earliest future availability in it, if any. */
  set(key: string, courseId: string, page: unknown, opensAt?: Date, now = new Date()): CachedPage {
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

  #forgetLocally(courseId: string) {
    for (const [key, entry] of this.#entries) if (entry.courseId === courseId) this.#entries.delete(key);
  }

  async forget(courseId: string): Promise<void> {
    this.#forgetLocally(courseId);
    await this.#bus.publish(CHANNEL, courseId);
  }
}

const caches = new WeakMap<Bus, CoursePageCache>();

/**
 * The node's cache of course pages (one per bus, that is per application): the same for the module that
 * serves the pages and for the routes that change them, so that a change forgets this node's pages before
 * its answer leaves.
 */
export function coursePageCache(bus: Bus): CoursePageCache {
  let cache = caches.get(bus);
  if (!cache) {
    cache = new CoursePageCache(bus);
    caches.set(bus, cache);
  }
  return cache;
}

/** Makes every node forget a course's cached pages, for modules that change a course from outside. */
export function forgetCoursePages(bus: Bus, courseId: string): Promise<void> {
  return bus.publish(CHANNEL, courseId);
}
