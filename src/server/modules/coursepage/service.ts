/**
 * The course page as its reader is shown it, composed above the modules it draws on: the course engine's
 * page (courses: what each sight shows), narrowed to the reader's groups and naming the groups of
 * restricted activities for those who see everything (enrolment). Serialised and compressed once per
 * course and variant in the node's page cache, since a national course is read thousands of times for
 * each change.
 */
import { createHash } from 'node:crypto';
import type { CourseMine } from '../../../shared/api.ts';
import { type Actor, can } from '../../platform/access/can.ts';
import { findContext } from '../../platform/access/contexts.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { myCourseCompletion, recordPresence } from '../completion/index.ts';
import {
  activitiesOutOfReach,
  courseCapabilities,
  coursePage,
  pageAccess,
  type Sight,
} from '../courses/index.ts';
import { audienceNames, selfEnrolmentState } from '../enrolment/index.ts';
import { courseProgress } from '../progress/index.ts';
import { capabilitiesInCourse } from '../roles/index.ts';
import { practicalOf } from '../workflow/index.ts';
import type { CachedPage, CoursePageCache } from './page-cache.ts';

/** What reading a page needs: the request's database and time, and the node's page cache. */
export type PageCtx = Pick<RequestCtx, 'db' | 'now'> & { pages: CoursePageCache };

/** Who reads the page; `asParticipant`: an editor's preview of what participants see. */
export type Viewer = { actor: Actor; asParticipant?: boolean };

/** The course page for this viewer, ready to send: JSON, its gzip and its ETag. */
export async function readCoursePage(ctx: PageCtx, courseId: string, viewer: Viewer): Promise<CachedPage> {
  const { db } = ctx;
  const rights = viewer.asParticipant
    ? { canEdit: false, seeHidden: false }
    : await pageAccess(db, viewer.actor, courseId);
  const sight: Sight = rights.seeHidden ? 'all' : 'learner';
  // Who does not see everything gets the page of the groups they are in: the activities left out for
  // them are part of the key, so a page is shared only by people who see the same activities.
  const outOfReach = sight === 'learner' ? await activitiesOutOfReach(db, courseId, viewer.actor.userId) : [];
  const reach = outOfReach.length
    ? createHash('sha1').update(outOfReach.join(',')).digest('base64url')
    : 'all';
  const key = `${courseId}:${rights.seeHidden}:${rights.canEdit}:${reach}`;
  const { pages } = ctx;
  const cached = pages.get(key, ctx.now);
  if (cached) return cached;
  const restrictedTo = sight === 'all' ? await audienceNames(db, courseId) : undefined;
  const { page, opensAt } = await coursePage(
    db,
    courseId,
    { sight, canEdit: rights.canEdit, outOfReach, ...(restrictedTo && { restrictedTo }) },
    ctx.now,
  );
  return pages.set(key, courseId, page, opensAt, ctx.now);
}

/**
 * What the course is for the person reading it, beside its shared page: their capabilities, completion,
 * progress and self-enrolment, in one answer. Opening the course is a participant's presence (time spent,
 * follow-up): recorded by this read, so that a view costs no request of its own for it.
 */
export async function readCourseMine(
  ctx: Pick<RequestCtx, 'db' | 'now'>,
  actor: Actor,
  courseId: string,
): Promise<CourseMine> {
  const { db, now } = ctx;
  const [capabilities, completion, progress, selfEnrolment, practical] = await Promise.all([
    capabilitiesInCourse(db, actor, courseId),
    myCourseCompletion(db, actor, courseId),
    courseProgress(db, actor, courseId, now),
    selfEnrolmentState(db, actor, courseId),
    practicalOf(db, courseId),
  ]);
  if (completion.participant) await recordPresence(db, actor.userId, courseId, now);
  return { capabilities, completion, progress, selfEnrolment, practical };
}

/**
 * The same for the HTML shell of the course's address, so that the first answer carries it: undefined
 * when the person may not open the course (the app then asks the API, which says why).
 */
export async function courseMineForShell(
  ctx: Pick<RequestCtx, 'db' | 'now'>,
  actor: Actor,
  courseId: string,
): Promise<CourseMine | undefined> {
  const context = await findContext(ctx.db, 'course', courseId);
  if (!context || !(await can(ctx.db, actor, courseCapabilities['course:view'], context.id)))
    return undefined;
  return readCourseMine(ctx, actor, courseId);
}
