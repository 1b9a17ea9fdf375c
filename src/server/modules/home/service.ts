/**
 * "Mon espace": a person's courses sorted into blocks by their role in each — the sessions they take as
 * participant ("Mes parcours"), those they lead as trainer or tutor ("Mes formations"), the templates and
 * parcours they design ("Mes conceptions") — each with where to take it up again. Read from their
 * enrolments and their role assignments in courses, never from what they may list: a domain-wide role
 * lets one open many courses, it does not make them one's own.
 */
import type { MyCourseProgress } from '../../../shared/completion.ts';
import type { MySpace, SpaceCourse } from '../../../shared/home.ts';
import { isSession, type Stage } from '../../../shared/lifecycle.ts';
import { type Actor, canInPath, canSomewhere } from '../../platform/access/can.ts';
import type { Db } from '../../platform/db/index.ts';
import { completionCapabilities, myProgress } from '../completion/index.ts';
import {
  type CourseWithPath,
  courseCapabilities,
  courseShown,
  coursesOfPerson,
  sessionsOf,
  toCourses,
} from '../courses/index.ts';
import { enrolmentsOf } from '../enrolment/index.ts';
import { resumePoints } from '../progress/index.ts';

type CourseRole = SpaceCourse['roles'][number];
type Block = 'courses' | 'trainings' | 'designs';

const COURSE_ROLES: readonly CourseRole[] = ['participant', 'trainer', 'tutor', 'designer'];
/** Roles that make a person staff somewhere: "Mes parcours" then concerns them only if it lists something. */
const STAFF_ROLES = new Set(['admin', 'domain_admin', 'manager', 'designer', 'trainer', 'tutor', 'observer']);
/** Running sessions first, then those to come, then the past; a designer's parcours before templates. */
const STAGE_ORDER: Record<Stage, number> = {
  session_running: 0,
  session_preparation: 1,
  construction: 2,
  template: 3,
  session_archived: 4,
  trash: 5,
};

/**
 * The block a course belongs to for this person, or none. Leading it wins over designing it, which wins
 * over taking it: a trainer enrolled in her own session for a try finds it under "Mes formations". A
 * course the person made, while they design in its domain, is theirs to design while it is a template or
 * a parcours; its sessions are their trainers'. A participant's course is one they were enrolled in
 * (never a draft someone else is building: templates are not taken).
 */
function blockOf(
  actor: Actor,
  roles: ReadonlySet<CourseRole>,
  { course, path }: CourseWithPath,
): Block | null {
  if (roles.has('trainer') || roles.has('tutor')) return 'trainings';
  if (roles.has('designer')) return 'designs';
  if (
    course.createdBy === actor.userId &&
    (course.stage === 'template' || course.stage === 'construction') &&
    canInPath(actor, courseCapabilities['course:update'], path)
  )
    return 'designs';
  if (roles.has('participant') && course.stage !== 'template') return 'courses';
  return null;
}

export async function mySpace(db: Db, actor: Actor, now: Date): Promise<MySpace> {
  const roles = new Map<string, Set<CourseRole>>();
  const hold = (courseId: string, role: string) => {
    if (!(COURSE_ROLES as readonly string[]).includes(role)) return;
    const set = roles.get(courseId) ?? new Set<CourseRole>();
    set.add(role as CourseRole);
    roles.set(courseId, set);
  };
  for (const e of await enrolmentsOf(db, actor.userId)) hold(e.courseId, e.role);
  for (const g of actor.grants) if (g.level === 'course' && g.instanceId) hold(g.instanceId, g.role);

  const placed: { row: CourseWithPath; block: Block; open: boolean; seeHidden: boolean }[] = [];
  for (const row of await coursesOfPerson(db, [...roles.keys()], actor.userId)) {
    const mine = roles.get(row.course.id) ?? new Set<CourseRole>();
    const block = blockOf(actor, mine, row);
    if (!block) continue;
    const seeHidden = canInPath(actor, courseCapabilities['course:viewhidden'], row.path);
    let open = canInPath(actor, courseCapabilities['course:view'], row.path);
    if (block === 'courses' && !seeHidden) {
      // Hidden from participants: not theirs to see at all. Not open yet: listed, with its dates.
      if (row.course.visibility !== 'visible') continue;
      open = open && courseShown('learner', row.course, now);
    }
    placed.push({ row, block, open, seeHidden });
  }

  const ids = placed.map((p) => p.row.course.id);
  const [courses, sessions, points, progress] = await Promise.all([
    toCourses(
      db,
      placed.map((p) => p.row.course),
    ),
    sessionsOf(db, ids),
    resumePoints(
      db,
      actor.userId,
      placed.map((p) => ({
        courseId: p.row.course.id,
        seeHidden: p.seeHidden,
        tracked: canInPath(actor, completionCapabilities['completion:track'], p.row.path),
      })),
      now,
    ),
    placed.some((p) => p.block === 'courses')
      ? myProgress(db, actor.userId)
      : Promise.resolve([] as MyCourseProgress[]),
  ]);
  const progressOf = new Map(progress.map((p) => [p.courseId, p]));

  const blocks: Record<Block, SpaceCourse[]> = { courses: [], trainings: [], designs: [] };
  placed.forEach(({ row, block, open }, i) => {
    const id = row.course.id;
    const session = isSession(row.course.stage) ? sessions.get(id) : undefined;
    const point = points.get(id);
    blocks[block].push({
      course: courses[i]!,
      contextId: Number(row.path.split('/').pop()),
      roles: COURSE_ROLES.filter((r) => roles.get(id)?.has(r)),
      session: session ? { startsAt: session.startsAt, endsAt: session.endsAt } : null,
      open,
      progress: block === 'courses' ? (progressOf.get(id) ?? null) : null,
      resume: {
        activityId: open ? (point?.activityId ?? null) : null,
        title: open ? (point?.title ?? null) : null,
        started: point?.started ?? false,
      },
    });
  });
  const collator = new Intl.Collator('fr');
  for (const list of Object.values(blocks))
    list.sort(
      (a, b) =>
        STAGE_ORDER[a.course.stage] - STAGE_ORDER[b.course.stage] ||
        collator.compare(a.course.title, b.course.title),
    );

  const heldRoles = new Set(actor.grants.map((g) => g.role));
  const staff = [...heldRoles].some((r) => STAFF_ROLES.has(r));
  const canCreate = canSomewhere(actor, courseCapabilities['course:create']);
  return {
    ...blocks,
    blocks: {
      courses: blocks.courses.length > 0 || !staff,
      trainings: blocks.trainings.length > 0 || heldRoles.has('trainer') || heldRoles.has('tutor'),
      designs: blocks.designs.length > 0 || canCreate,
    },
    canCreate,
  };
}
