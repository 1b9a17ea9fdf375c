/**
 * What the web app's first HTML answer carries (`#mg-boot`), so that a page view is one round trip rather
 * than a shell and then the API calls its page makes at once: who is signed in, and for the pages read most
 * — "Mon espace" and a course page — the reader's own data, read with the same rights as the API routes that
 * give it — and on every page the header's counters (notifications, unread messages). Whatever cannot be given (no right, an error) is left out: the app then asks the API as usual.
 */
import type { FastifyRequest } from 'fastify';
import type { Boot } from '../shared/api.ts';
import type { Deps } from './app.ts';
import { meDescriber } from './modules/accounts/index.ts';
import { courseMineForShell } from './modules/coursepage/index.ts';
import { mySpace } from './modules/home/index.ts';
import { unreadCounts } from './modules/messaging/index.ts';
import { notificationSummary } from './modules/notifications/index.ts';
import { listAssignments } from './modules/roles/index.ts';

const COURSE_PAGE = /^\/parcours\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/;

export function shellBoot(deps: Pick<Deps, 'db' | 'authCache'>) {
  const describeMe = meDescriber({ db: deps.db, authCache: deps.authCache, rolesOf: listAssignments });
  return async (request: FastifyRequest, pathname: string): Promise<Boot> => {
    const auth = request.auth;
    if (!auth) return { me: null };
    const { actor } = auth;
    const ctx = { db: deps.db, now: request.ctx.now };
    const course = COURSE_PAGE.exec(pathname)?.[1];
    const failed = (err: unknown) => {
      request.log.error({ err }, 'shell: data left for the app to ask');
      return undefined;
    };
    const [me, space, mine, notifications, messages] = await Promise.all([
      describeMe(actor, auth.csrfToken).catch(() => null),
      pathname === '/' ? mySpace(deps.db, actor, ctx.now).catch(failed) : undefined,
      course ? courseMineForShell(ctx, actor, course).catch(failed) : undefined,
      notificationSummary(deps.db, actor).catch(failed),
      unreadCounts({ db: deps.db, actor }).catch(failed),
    ]);
    return {
      me,
      ...(space && { space }),
      ...(mine && course && { course: { id: course, mine } }),
      ...(notifications && messages && { header: { notifications, messages } }),
    };
  };
}
