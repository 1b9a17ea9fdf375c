/**
 * Enrolment in a course or session: who is in it, in which role, and how they came. An active enrolment
 * goes with a role assignment in the course's context (what access control reads); unenrolment keeps
 * the row and the person's history (views, completions) and takes the role back.
 */
import { and, asc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  BULK_MAX_ENTRIES,
  type BulkResult,
  type Candidates,
  ENROL_ROLES,
  type EnrolMethod,
  type EnrolmentList,
  type EnrolmentListQuery,
  type EnrolRole,
  isEmail,
  type ListsBody,
  type ManualEnrolBody,
  parseRole,
  type SelfEnrolmentState,
  splitEmailList,
} from '../../../shared/enrolment.ts';
import { type Actor, canInPath } from '../../platform/access/can.ts';
import { roleAssignments } from '../../platform/access/schema.ts';
import { record } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import {
  accountCapabilities,
  findUsersByIds,
  mayCreateLocalAccounts,
  people,
  personMatches,
} from '../accounts/index.ts';
import { cohortForEnrolment } from '../cohorts/index.ts';
import { sessionOf } from '../courses/index.ts';
import { type AccountOptions, applyBulk, type BulkInput, planBulk, writeEnrolments } from './bulk.ts';
import { assertOpen, closedReason, type EnrolmentCourse, enrolmentCourse, lockEnrolments } from './course.ts';
import type { CsvRow } from './csv.ts';
import { notifyEnrolled } from './notify.ts';
import { enrolmentCapabilities as caps } from './policy.ts';
import { courseGroups, enrolments, groupMembers } from './schema.ts';

export type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'mailer' | 'publicUrl' | 'now'>;

const writeCtx = (ctx: Ctx) => ({
  actorId: ctx.actor.userId,
  actor: ctx.actor,
  origin: ctx.origin,
  mailer: ctx.mailer,
  publicUrl: ctx.publicUrl,
  now: ctx.now,
});

/**
 * What the actor may do with addresses that have no account here; asking to create them without the
 * right is refused (403) rather than quietly reported.
 */
function accountOptions(actor: Actor, course: EnrolmentCourse, createAccounts: boolean): AccountOptions {
  const canCreate = mayCreateLocalAccounts(actor, course.contextPath);
  if (createAccounts && !canCreate)
    throw new HttpProblem(403, 'account_creation_forbidden', 'errors.enrolment.accountCreationForbidden');
  return { canCreate, create: createAccounts };
}

// — Listing —

export async function listEnrolments(
  db: Db,
  actor: Actor,
  courseId: string,
  query: z.infer<typeof EnrolmentListQuery>,
): Promise<EnrolmentList> {
  const course = await enrolmentCourse(db, courseId);
  const filters: (SQL | undefined)[] = [
    eq(enrolments.courseId, courseId),
    eq(enrolments.status, query.status),
    query.role ? eq(enrolments.role, query.role) : undefined,
    query.groupId
      ? sql`exists (select 1 from group_members gm where gm.group_id = ${query.groupId} and gm.user_id = enrolments.user_id)`
      : undefined,
  ];
  if (query.q) filters.push(personMatches(query.q));
  const where = and(...filters);
  // Outer columns named in full: drizzle may leave them unqualified, and the subquery would capture them.
  const groupsJson = sql<{ id: string; name: string }[]>`coalesce((
      select json_agg(json_build_object('id', g.id, 'name', g.name) order by g.name)
      from group_members gm join course_groups g on g.id = gm.group_id
      where g.course_id = enrolments.course_id and gm.user_id = enrolments.user_id), '[]'::json)`;
  const [rows, [count], perRole] = await Promise.all([
    db
      .select({
        id: enrolments.id,
        userId: enrolments.userId,
        firstName: people.firstName,
        lastName: people.lastName,
        email: people.email,
        role: enrolments.role,
        method: enrolments.method,
        status: enrolments.status,
        enrolledAt: enrolments.enrolledAt,
        removedAt: enrolments.removedAt,
        groups: groupsJson,
      })
      .from(enrolments)
      .innerJoin(people, eq(people.id, enrolments.userId))
      .where(where)
      .orderBy(asc(people.lastName), asc(people.firstName), asc(enrolments.role), asc(enrolments.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(enrolments)
      .innerJoin(people, eq(people.id, enrolments.userId))
      .where(where),
    db
      .select({ role: enrolments.role, n: sql<number>`count(*)::int` })
      .from(enrolments)
      .where(and(eq(enrolments.courseId, courseId), eq(enrolments.status, 'active')))
      .groupBy(enrolments.role),
  ]);
  const counts = { participant: 0, trainer: 0, tutor: 0 };
  for (const row of perRole) counts[row.role] = row.n;
  return {
    items: rows.map((row) => ({
      ...row,
      enrolledAt: row.enrolledAt.toISOString(),
      removedAt: row.removedAt?.toISOString() ?? null,
    })),
    total: count?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    canManage: canInPath(actor, caps['enrolment:manage'], course.contextPath),
    closed: closedReason(course),
    counts,
  };
}

/**
 * People the actor may pick to enrol: those who may consult the domain's accounts search them by name
 * or address among the course's domain; others find a person by their exact address only, which they
 * must already know.
 */
export async function enrolmentCandidates(
  db: Db,
  actor: Actor,
  courseId: string,
  q: string,
): Promise<Candidates> {
  const course = await enrolmentCourse(db, courseId);
  const mode = canInPath(actor, accountCapabilities['user:view'], course.contextPath) ? 'search' : 'email';
  const text = q.trim().toLowerCase();
  const alive = and(isNull(people.deletedAt), eq(people.status, 'active'));
  let where: SQL | undefined;
  if (mode === 'email') {
    if (!isEmail(text)) return { mode, items: [] };
    where = and(alive, sql`lower(${people.email}) = ${text}`);
  } else {
    if (text.length < 2) return { mode, items: [] };
    where = and(
      alive,
      sql`(lower(${people.email}) = ${text} or (${people.homeDomainId} = ${course.domainId} and ${personMatches(text)}))`,
    );
  }
  const rows = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email })
    .from(people)
    .where(where)
    .orderBy(asc(people.lastName), asc(people.firstName))
    .limit(20);
  const enrolledAs = new Map<string, EnrolRole[]>();
  if (rows.length > 0)
    for (const { userId, role } of await db
      .select({ userId: enrolments.userId, role: enrolments.role })
      .from(enrolments)
      .where(
        and(
          eq(enrolments.courseId, courseId),
          eq(enrolments.status, 'active'),
          inArray(
            enrolments.userId,
            rows.map((row) => row.id),
          ),
        ),
      )
      .orderBy(asc(enrolments.role)))
      enrolledAs.set(userId, [...(enrolledAs.get(userId) ?? []), role]);
  return { mode, items: rows.map((row) => ({ ...row, enrolledAs: enrolledAs.get(row.id) ?? [] })) };
}

// — Bulk: pasted lists, CSV, cohorts, picked people —

const tooMany = () =>
  new HttpProblem(400, 'too_many_entries', 'errors.enrolment.tooManyEntries', {
    errors: [
      { path: 'lists', message: 'errors.enrolment.tooManyEntries', params: { max: BULK_MAX_ENTRIES } },
    ],
  });
const nothing = (path: string) =>
  new HttpProblem(400, 'nothing_to_enrol', 'errors.enrolment.nothingToEnrol', {
    errors: [{ path, message: 'errors.enrolment.nothingToEnrol' }],
  });

/** The entries of pasted lists, one list per role; line numbers are those of each list. */
export function listInputs(body: ListsBody): BulkInput[] {
  const inputs: BulkInput[] = [];
  for (const role of ENROL_ROLES) {
    for (const entry of splitEmailList(body.lists[role] ?? ''))
      inputs.push({ line: entry.line, list: role, email: entry.email, role, group: null });
    if (inputs.length > BULK_MAX_ENTRIES) throw tooMany();
  }
  if (inputs.length === 0) throw nothing('lists.participant');
  return inputs;
}

/** The rows of an enrolment CSV: an empty role cell means participant. */
export function csvInputs(rows: CsvRow[]) {
  return rows.map(
    (row): BulkInput => ({
      line: row.line,
      list: null,
      email: row.email.trim().toLowerCase(),
      role: row.role.trim() === '' ? 'participant' : parseRole(row.role),
      roleText: row.role.trim(),
      group: row.group.trim() || null,
      firstName: row.firstName,
      lastName: row.lastName,
    }),
  );
}

/** The current members of a cohort of the course's domain, in one role. */
export async function cohortInputs(
  db: Tx,
  course: EnrolmentCourse,
  cohortId: string,
  role: EnrolRole,
): Promise<BulkInput[]> {
  const cohort = await cohortForEnrolment(db, cohortId);
  if (!cohort || cohort.domainId !== course.domainId)
    throw new HttpProblem(400, 'unknown_cohort', 'errors.enrolment.unknownCohort', {
      errors: [{ path: 'cohortId', message: 'errors.enrolment.unknownCohort' }],
    });
  if (cohort.emails.length === 0) throw nothing('cohortId');
  return cohort.emails.map((email, index) => ({ line: index + 1, list: null, email, role, group: null }));
}

export async function validateBulk(
  db: Db,
  actor: Actor,
  courseId: string,
  inputs: (course: EnrolmentCourse) => Promise<BulkInput[]> | BulkInput[],
  createAccounts = false,
) {
  const course = await enrolmentCourse(db, courseId);
  assertOpen(course);
  const options = accountOptions(actor, course, createAccounts);
  return (await planBulk(db, course, await inputs(course), options)).report;
}

/**
 * Applies a bulk enrolment in one transaction — accounts created, enrolments, groups, mails queued —
 * then hands the mails to delivery once it is committed.
 */
export async function applyBulkEnrolment(
  ctx: Ctx,
  courseId: string,
  method: EnrolMethod,
  inputs: (tx: Tx, course: EnrolmentCourse) => Promise<BulkInput[]> | BulkInput[],
  createAccounts = false,
): Promise<BulkResult> {
  const { mailIds, ...result } = await ctx.db.transaction(async (tx) => {
    // Locked before anything is read: the stage and the enrolments checked are those written against.
    await lockEnrolments(tx, courseId);
    const course = await enrolmentCourse(tx, courseId);
    const options = accountOptions(ctx.actor, course, createAccounts);
    return applyBulk(tx, course, await inputs(tx, course), method, writeCtx(ctx), options);
  });
  await ctx.mailer.flush(mailIds);
  return result;
}

/** Enrols picked people (by id) or named ones (by address) in one role; unknown ones refuse the whole request. */
export async function enrolManually(ctx: Ctx, courseId: string, body: z.infer<typeof ManualEnrolBody>) {
  const byId = await findUsersByIds(ctx.db, body.userIds);
  const unknownIds = body.userIds
    .map((id, index) => ({ id, index }))
    .filter(({ id }) => !byId.some((row) => row.id === id));
  if (unknownIds.length > 0)
    throw new HttpProblem(400, 'unknown_user', 'errors.unknownUser', {
      errors: unknownIds.map(({ index }) => ({ path: `userIds.${index}`, message: 'errors.unknownUser' })),
    });
  const emails = [...new Set([...byId.map((row) => row.email.toLowerCase()), ...body.emails])];
  const inputs = emails.map(
    (email, index): BulkInput => ({ line: index + 1, list: null, email, role: body.role, group: null }),
  );
  const result = await applyBulkEnrolment(ctx, courseId, 'manual', () => inputs);
  return {
    enrolled: result.enrolled,
    reactivated: result.reactivated,
    alreadyEnrolled: result.report.totals.alreadyEnrolled,
  };
}

// — Unenrolment —

/**
 * Ends one enrolment: the row stays (`removed`, when and by whom), the role in the course is taken back,
 * and, once the person holds no role there any more, they leave the course's groups. Their views and
 * completions stay. Returns the person.
 */
export async function unenrol(ctx: Ctx, enrolmentId: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const courseId = await enrolmentCourseId(tx, enrolmentId);
    if (!courseId) throw problems.notFound();
    await lockEnrolments(tx, courseId);
    const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, enrolmentId));
    if (!row) throw problems.notFound();
    const course = await enrolmentCourse(tx, courseId);
    assertOpen(course);
    if (row.status !== 'active') throw new HttpProblem(409, 'not_enrolled', 'errors.enrolment.notEnrolled');
    await removeEnrolment(tx, course, row, ctx.actor.userId, ctx.now);
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'enrolment.removed',
      objectType: 'user',
      objectId: row.userId,
      contextId: course.contextId,
      domainId: course.domainId,
      details: { courseId: course.id, role: row.role },
    });
    return row.userId;
  });
}

async function removeEnrolment(
  tx: Tx,
  course: EnrolmentCourse,
  row: typeof enrolments.$inferSelect,
  by: string,
  now: Date,
) {
  await tx
    .update(enrolments)
    .set({ status: 'removed', removedAt: now, removedBy: by })
    .where(eq(enrolments.id, row.id));
  await tx
    .delete(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, row.userId),
        eq(roleAssignments.role, row.role),
        eq(roleAssignments.contextId, course.contextId),
      ),
    );
  await emit(tx, { type: 'enrolment.changed', courseId: course.id, userIds: [row.userId] });
  const [other] = await tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.courseId, course.id),
        eq(enrolments.userId, row.userId),
        eq(enrolments.status, 'active'),
        ne(enrolments.id, row.id),
      ),
    )
    .limit(1);
  if (!other)
    await tx
      .delete(groupMembers)
      .where(
        and(
          eq(groupMembers.userId, row.userId),
          sql`${groupMembers.groupId} in (select id from ${courseGroups} where ${courseGroups.courseId} = ${course.id})`,
        ),
      );
}

// — Self-enrolment —

type SelfContext = {
  course: EnrolmentCourse;
  enrolment: typeof enrolments.$inferSelect | undefined;
  reason: string | null;
  seatsLeft: number | null;
};

/** Whether the person may enrol themselves as participant now, and if not, why (a catalogue code). */
async function selfContext(db: Tx, actor: Actor, courseId: string): Promise<SelfContext> {
  const course = await enrolmentCourse(db, courseId);
  const session = await sessionOf(db, courseId);
  const [enrolment] = await db
    .select()
    .from(enrolments)
    .where(
      and(
        eq(enrolments.courseId, courseId),
        eq(enrolments.userId, actor.userId),
        eq(enrolments.role, 'participant'),
      ),
    );
  let seatsLeft: number | null = null;
  if (session?.maxParticipants) {
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(enrolments)
      .where(
        and(
          eq(enrolments.courseId, courseId),
          eq(enrolments.role, 'participant'),
          eq(enrolments.status, 'active'),
        ),
      );
    seatsLeft = Math.max(0, session.maxParticipants - (count?.n ?? 0));
  }
  let reason: string | null = null;
  if (enrolment?.status === 'active') reason = 'alreadyEnrolled';
  else if (!session || course.stage !== 'session_running') reason = 'sessionNotRunning';
  else if (!session.selfEnrolment) reason = 'selfEnrolmentOff';
  else if (seatsLeft === 0) reason = 'sessionFull';
  return { course, enrolment, reason, seatsLeft };
}

function toState(context: SelfContext): SelfEnrolmentState {
  const enrolled = context.enrolment?.status === 'active';
  return {
    enrolled,
    canEnrol: context.reason === null,
    canUnenrol: enrolled && context.enrolment?.method === 'self' && closedReason(context.course) === null,
    reason: context.reason,
    seatsLeft: context.seatsLeft,
    // Named only to those it is open to: the title of a session one may join is in the offer anyway.
    title: enrolled || context.reason === null ? context.course.title : null,
  };
}

export async function selfEnrolmentState(db: Db, actor: Actor, courseId: string) {
  return toState(await selfContext(db, actor, courseId));
}

const SELF_PROBLEMS: Record<string, [number, string]> = {
  alreadyEnrolled: [409, 'already_enrolled'],
  sessionNotRunning: [409, 'session_not_running'],
  selfEnrolmentOff: [409, 'self_enrolment_off'],
  sessionFull: [409, 'session_full'],
};

export async function selfEnrol(ctx: Ctx, courseId: string): Promise<SelfEnrolmentState> {
  const { state } = await ctx.db.transaction(async (tx) => {
    await lockEnrolments(tx, courseId);
    const context = await selfContext(tx, ctx.actor, courseId);
    if (context.reason) {
      const [status, code] = SELF_PROBLEMS[context.reason]!;
      throw new HttpProblem(status, code, `errors.enrolment.${context.reason}`);
    }
    const pair = { userId: ctx.actor.userId, role: 'participant' as const };
    await writeEnrolments(tx, context.course, [pair], 'self', writeCtx(ctx));
    // A first enrolment only: coming back after leaving is the same enrolment, already announced.
    if (!context.enrolment) await notifyEnrolled(tx, ctx, context.course, [pair]);
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'enrolment.self',
      objectType: 'course',
      objectId: courseId,
      contextId: context.course.contextId,
      domainId: context.course.domainId,
    });
    return { state: toState(await selfContext(tx, ctx.actor, courseId)) };
  });
  return state;
}

/** Leaves a session one enrolled in oneself; an enrolment made by the trainers stays theirs to end. */
export async function selfUnenrol(ctx: Ctx, courseId: string): Promise<SelfEnrolmentState> {
  return ctx.db.transaction(async (tx) => {
    await lockEnrolments(tx, courseId);
    const context = await selfContext(tx, ctx.actor, courseId);
    assertOpen(context.course);
    const enrolment = context.enrolment;
    if (enrolment?.status !== 'active')
      throw new HttpProblem(409, 'not_enrolled', 'errors.enrolment.notEnrolled');
    if (enrolment.method !== 'self')
      throw new HttpProblem(409, 'self_unenrol_refused', 'errors.enrolment.selfUnenrolRefused');
    await removeEnrolment(tx, context.course, enrolment, ctx.actor.userId, ctx.now);
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'enrolment.self_removed',
      objectType: 'course',
      objectId: courseId,
      contextId: context.course.contextId,
      domainId: context.course.domainId,
    });
    return toState(await selfContext(tx, ctx.actor, courseId));
  });
}

/** The course of an enrolment, for access checks on `/api/enrolments/:id`. */
export async function enrolmentCourseId(db: Tx, enrolmentId: string) {
  const [row] = await db
    .select({ courseId: enrolments.courseId })
    .from(enrolments)
    .where(eq(enrolments.id, enrolmentId));
  return row?.courseId;
}
