/**
 * The reader's side of a course in one request (`GET /api/courses/:id/mine`, or none when the page's HTML
 * carried it) rather than five: the hooks showing its parts (capabilities, completion, progress,
 * self-enrolment, a session's practical information) mount together on a course page
 * and share one answer, which also records the participant's presence. A part asked again afterwards (a
 * change refetches it) comes on its own, from its own route.
 */
import type { QueryFunctionContext } from '@tanstack/react-query';
import { takeBootCourse } from './boot.ts';
import { get, path } from './client.ts';

type CourseMine = import('../../shared/api.ts').CourseMine;
type Part = keyof CourseMine;

/** How long an answer serves the parts not taken from it yet: the hooks of one page mount within it. */
const FRESH_MS = 2_000;
const views = new Map<string, { at: number; answer: Promise<CourseMine>; taken: Set<Part> }>();

export function partOfCourseView<P extends Part>(
  query: QueryFunctionContext,
  courseId: string,
  part: P,
  alone: () => Promise<CourseMine[P]>,
): Promise<CourseMine[P]> {
  // Asked again after a write (a view recorded, an enrolment): a shared answer may predate the write.
  if (query.client.getQueryState(query.queryKey)?.isInvalidated) return alone();
  const now = Date.now();
  let view = views.get(courseId);
  const fresh = view !== undefined && now - view.at <= FRESH_MS;
  if (fresh && view!.taken.has(part)) return alone();
  if (!fresh) {
    // The page was served with it (`#mg-boot`): the first view needs no request at all.
    const served = takeBootCourse(courseId)?.mine;
    view = {
      at: now,
      answer: served
        ? Promise.resolve(served)
        : get(path`/api/courses/${courseId}/mine`, (c) => c.api.CourseMine),
      taken: new Set(),
    };
    views.set(courseId, view);
  }
  view!.taken.add(part);
  // Refused (a session one may only enrol in, say): the part's own route says what there is to say.
  return view!.answer.then((mine) => mine[part], alone);
}
