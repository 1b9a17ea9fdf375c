import type { z } from 'zod';
import { formatDate } from '../../../shared/format.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import {
  type AnnounceBody,
  type CourseMetadata,
  type CreateSessionBody,
  type FromTemplateBody,
  isSession,
  missingIndexation,
  type OnSiteDay,
  type OpenSessionBody,
  type SessionPractical,
  type SessionSettings,
  type Stage,
  TRANSITIONS,
  type Transition,
  type Workflow,
} from '../../../shared/lifecycle.ts';
import { type Actor, can, canInPath } from '../../platform/access/can.ts';
import type { Capability } from '../../platform/access/capabilities.ts';
import { findContext } from '../../platform/access/contexts.ts';
import { record } from '../../platform/audit/index.ts';
import { assertVersion } from '../../platform/concurrency/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import type { FieldError } from '../../platform/http/types.ts';
import { sanitizePlainText } from '../../platform/richtext/sanitize.ts';
import { findUsersByIds } from '../accounts/index.ts';
import {
  addSession,
  assertShortNameFree,
  changeSession,
  copiesOf,
  copyCourse,
  courseCapabilities,
  getCourse,
  type SessionRow,
  sessionOf,
  setCourseMetadata,
  setCourseStage,
  toSession,
} from '../courses/index.ts';
import { domainContextId } from '../domains/index.ts';
import { enrolledPeople } from '../enrolment/index.ts';
import { notify } from '../notifications/index.ts';
import { ANNOUNCE_NOTIFICATION, type AnnounceData } from './notifications.ts';
import { workflowCapabilities as caps } from './policy.ts';

export type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'files' | 'mailer' | 'publicUrl' | 'now'>;
type CourseRow = Awaited<ReturnType<typeof getCourse>>;
type Blocker = { code: string; field?: string };

const t = createI18n('fr').t;

/**
 * The workflow: from which stages each action starts, the capability it needs, and what else it requires.
 * A stage not listed in `from` hides the action; a missing capability or precondition shows it, blocked,
 * with the reason — so the interface can say which field is missing instead of hiding the button.
 */
const RULES: Record<
  Transition,
  { from: readonly Stage[]; capability: Capability; requires?: (state: State) => Blocker[] }
> = {
  make_template: { from: ['construction'], capability: caps['course:template'] },
  unmake_template: { from: ['template'], capability: caps['course:template'] },
  create_session: {
    from: ['construction'],
    capability: caps['session:create'],
    requires: ({ course }) =>
      missingIndexation(course.metadata).map((field) => ({
        code: 'missingField',
        field: `metadata.${field}`,
      })),
  },
  open: {
    from: ['session_preparation'],
    capability: caps['session:manage'],
    requires: ({ session }) => datesBlockers(session),
  },
  announce: {
    from: ['session_preparation', 'session_running'],
    capability: caps['session:manage'],
    requires: ({ participants }) => (participants === 0 ? [{ code: 'noParticipants' }] : []),
  },
  archive: { from: ['session_running'], capability: caps['session:manage'] },
  reopen: { from: ['session_archived'], capability: caps['session:manage'] },
  trash: {
    from: ['template', 'construction', 'session_preparation', 'session_archived', 'session_running'],
    capability: caps['course:delete'],
    requires: ({ course }) => (course.stage === 'session_running' ? [{ code: 'archiveFirst' }] : []),
  },
  restore: { from: ['trash'], capability: caps['course:delete'] },
};

type State = { course: CourseRow; session: SessionRow | null; participants: number; path: string };

function datesBlockers(session: SessionRow | null): Blocker[] {
  const blockers: Blocker[] = [];
  if (!session?.startsAt) blockers.push({ code: 'missingField', field: 'session.startsAt' });
  if (!session?.endsAt) blockers.push({ code: 'missingField', field: 'session.endsAt' });
  if (session?.startsAt && session.endsAt && session.endsAt <= session.startsAt)
    blockers.push({ code: 'endBeforeStart', field: 'session.endsAt' });
  return blockers;
}

async function stateOf(db: Tx, courseId: string): Promise<State> {
  const course = await getCourse(db, courseId);
  const context = await findContext(db, 'course', courseId);
  if (!context) throw problems.notFound();
  const session = isSession(course.stage) ? await sessionOf(db, courseId) : null;
  const participants = session ? (await enrolledPeople(db, courseId)).length : 0;
  return { course, session, participants, path: context.path };
}

function blockersOf(actor: Actor, state: State, transition: Transition): Blocker[] | null {
  const rule = RULES[transition];
  if (!rule.from.includes(state.course.stage)) return null;
  if (!canInPath(actor, rule.capability, state.path)) return [{ code: 'forbidden' }];
  return rule.requires?.(state) ?? [];
}

/** Refuses a transition the actor may not take now: 403 without the capability, 409 with what is missing. */
function assertAllowed(actor: Actor, state: State, transition: Transition) {
  const blockers = blockersOf(actor, state, transition);
  if (blockers === null)
    throw new HttpProblem(409, 'wrong_stage', 'workflow.errors.wrongStage', {
      errors: [{ path: 'stage', message: `workflow.stages.${state.course.stage}` }],
    });
  if (blockers.some((b) => b.code === 'forbidden')) throw problems.forbidden();
  if (blockers.length > 0) {
    const errors: FieldError[] = blockers.map((b) => ({
      path: b.field ?? '',
      message: `workflow.blockers.${b.code}`,
      ...(b.field && { params: { field: t(`workflow.fields.${b.field}`) } }),
    }));
    throw new HttpProblem(409, 'transition_blocked', 'workflow.errors.blocked', { errors });
  }
}

async function audit(
  tx: Tx,
  ctx: Ctx,
  course: CourseRow,
  action: string,
  details: Record<string, unknown> = {},
) {
  await record(tx, ctx.origin, {
    actorId: ctx.actor.userId,
    action,
    objectType: 'course',
    objectId: course.id,
    domainId: course.domainId,
    details,
  });
}

/** The course's stage, its session, its origin and sessions, and what the actor may do next. */
export async function workflowOf(db: Tx, actor: Actor, courseId: string): Promise<Workflow> {
  const state = await stateOf(db, courseId);
  const origin = state.course.originId ? await getCourse(db, state.course.originId).catch(() => null) : null;
  const copies = await copiesOf(db, courseId);
  const sessionRows = await Promise.all(
    copies.filter((c) => isSession(c.stage)).map(async (c) => ({ c, s: await sessionOf(db, c.id) })),
  );
  return {
    stage: state.course.stage,
    isSession:
      isSession(state.course.stage) ||
      (state.course.stage === 'trash' && isSession(state.course.stageBeforeTrash ?? 'construction')),
    session: state.session ? toSession(state.session) : null,
    origin: origin ? { id: origin.id, title: origin.title } : null,
    sessions: sessionRows.map(({ c, s }) => ({
      id: c.id,
      title: c.title,
      stage: c.stage,
      startsAt: s?.startsAt?.toISOString() ?? null,
    })),
    transitions: TRANSITIONS.flatMap((transition) => {
      const blockers = blockersOf(actor, state, transition);
      return blockers === null ? [] : [{ transition, blockers }];
    }),
  };
}

/** A simple stage change (template, archive, reopen, trash, restore), checked and recorded. */
export async function move(ctx: Ctx, courseId: string, transition: Transition) {
  return ctx.db.transaction(async (tx) => {
    const state = await stateOf(tx, courseId);
    assertAllowed(ctx.actor, state, transition);
    const from = state.course.stage;
    const to = targetOf(transition, state.course);
    // In the trash, the course's offer is withdrawn too (the offers module hears `course.stage_changed`).
    const course = await setCourseStage(tx, courseId, to, ctx.now, to === 'trash' ? from : null);
    if (transition === 'archive') await changeSession(tx, courseId, { archivedAt: ctx.now });
    await audit(tx, ctx, course, `course.${transition}`, { from, to });
    return course;
  });
}

function targetOf(transition: Transition, course: CourseRow): Stage {
  switch (transition) {
    case 'make_template':
      return 'template';
    case 'unmake_template':
      return 'construction';
    case 'archive':
      return 'session_archived';
    case 'reopen':
    case 'open':
      return 'session_running';
    case 'trash':
      return 'trash';
    case 'restore':
      return course.stageBeforeTrash ?? 'construction';
    default:
      throw new Error(`${transition} is not a simple move`);
  }
}

/** A new parcours in construction from a template, in a domain where the actor may create courses. */
export async function createFromTemplate(
  ctx: Ctx,
  templateId: string,
  input: z.infer<typeof FromTemplateBody>,
) {
  return ctx.db.transaction(async (tx) => {
    const template = await getCourse(tx, templateId);
    if (template.stage !== 'template')
      throw problems.invalid('not_a_template', 'workflow.errors.notATemplate', 'templateId');
    const domainContext = await domainContextId(tx, input.domainId);
    if (domainContext === undefined)
      throw problems.invalid('unknown_domain', 'errors.unknownDomain', 'domainId');
    if (!(await can(tx, ctx.actor, courseCapabilities['course:create'], domainContext)))
      throw problems.forbidden();
    // Typed in the same form as a new course's: refused when taken, as there.
    const shortName = sanitizePlainText(input.shortName, 100);
    await assertShortNameFree(tx, input.domainId, shortName);
    const course = await copyCourse(tx, ctx.files, templateId, {
      domainId: input.domainId,
      domainContextId: domainContext,
      title: sanitizePlainText(input.title, 255),
      shortName,
      createdBy: ctx.actor.userId,
      stage: 'construction',
      now: ctx.now,
    });
    await audit(tx, ctx, course, 'course.created_from_template', { template: templateId });
    return course;
  });
}

/**
 * Replaces the indexation of a course. `expected`: the indexation version the person edited (`If-Match`);
 * a save from an older one gets 409 and writes nothing.
 */
export async function indexCourse(ctx: Ctx, courseId: string, metadata: CourseMetadata, expected?: number) {
  return ctx.db.transaction(async (tx) => {
    const before = await getCourse(tx, courseId);
    if (before.stage === 'trash') throw wrongStage(before.stage);
    assertVersion(before.metadataVersion, expected);
    const course = await setCourseMetadata(tx, courseId, metadata, ctx.now, expected);
    await audit(tx, ctx, course, 'course.indexed', { fields: Object.keys(metadata) });
    return course;
  });
}

function wrongStage(stage: Stage) {
  return new HttpProblem(409, 'wrong_stage', 'workflow.errors.wrongStage', {
    errors: [{ path: 'stage', message: `workflow.stages.${stage}` }],
  });
}

const toDate = (value: string | null | undefined) => (value ? new Date(value) : null);

/** The session row's values from settings (only those given). */
function sessionValues(settings: Partial<SessionSettings>) {
  return {
    ...(settings.startsAt !== undefined && { startsAt: toDate(settings.startsAt) }),
    ...(settings.endsAt !== undefined && { endsAt: toDate(settings.endsAt) }),
    ...(settings.selfEnrolment !== undefined && { selfEnrolment: settings.selfEnrolment }),
    ...(settings.maxParticipants !== undefined && { maxParticipants: settings.maxParticipants }),
    ...(settings.gaiaDispositif !== undefined && { gaiaDispositif: settings.gaiaDispositif || null }),
    ...(settings.gaiaModule !== undefined && { gaiaModule: settings.gaiaModule || null }),
    ...(settings.gaiaSession !== undefined && { gaiaSession: settings.gaiaSession || null }),
    ...(settings.contactEmail !== undefined && { contactEmail: settings.contactEmail || null }),
    ...(settings.onSiteDays !== undefined && {
      onSiteDays: settings.onSiteDays.map((day) => ({ ...day, place: sanitizePlainText(day.place, 500) })),
    }),
  };
}

type Dated = { startsAt?: Date | null; endsAt?: Date | null; onSiteDays?: OnSiteDay[] };

/** The calendar day of an instant in Paris, `YYYY-MM-DD`: what a session's dates mean to its people. */
const parisDay = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);

/**
 * The session's dates in order, and its on-site days each ending after it starts and within the
 * session's dates — checked in the order given, so each error names the row the person typed.
 */
function assertDatesInOrder(row: Dated) {
  if (row.startsAt && row.endsAt && row.endsAt <= row.startsAt)
    throw new HttpProblem(400, 'end_before_start', 'errors.validation', {
      errors: [{ path: 'endsAt', message: 'workflow.blockers.endBeforeStart' }],
    });
  const first = row.startsAt ? parisDay(row.startsAt) : null;
  const last = row.endsAt ? parisDay(row.endsAt) : null;
  const errors: FieldError[] = [];
  for (const [i, day] of (row.onSiteDays ?? []).entries()) {
    if ((first && day.date < first) || (last && day.date > last))
      errors.push({ path: `onSiteDays.${i}.date`, message: 'workflow.errors.dayOutsideSession' });
    if (day.endTime <= day.startTime)
      errors.push({ path: `onSiteDays.${i}.endTime`, message: 'workflow.errors.endTimeBeforeStart' });
  }
  if (errors.length) throw new HttpProblem(400, 'invalid_on_site_days', 'errors.validation', { errors });
}

/** On-site days as stored and shown: by date, then hour. */
const byDate = (days: OnSiteDay[]) =>
  [...days].sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));

/** The values to write, once checked: on-site days in date order. */
function ordered<T extends { onSiteDays?: OnSiteDay[] }>(values: T): T {
  return values.onSiteDays ? { ...values, onSiteDays: byDate(values.onSiteDays) } : values;
}

/**
 * Creates a session of a parcours: a copy of it (sections, activities, files by reference) in the same
 * domain, in preparation, linked to its origin, with its own dates.
 */
export async function createSession(ctx: Ctx, courseId: string, input: z.infer<typeof CreateSessionBody>) {
  return ctx.db.transaction(async (tx) => {
    const state = await stateOf(tx, courseId);
    assertAllowed(ctx.actor, state, 'create_session');
    const values = sessionValues(input.settings ?? {});
    assertDatesInOrder(values);
    const domainContext = await domainContextId(tx, state.course.domainId);
    const session = await copyCourse(tx, ctx.files, courseId, {
      domainId: state.course.domainId,
      domainContextId: domainContext!,
      title: sanitizePlainText(input.title, 255),
      shortName: sanitizePlainText(input.shortName ?? state.course.shortName, 100),
      createdBy: ctx.actor.userId,
      stage: 'session_preparation',
      now: ctx.now,
    });
    await addSession(tx, session.id, ordered(values));
    await audit(tx, ctx, session, 'course.create_session', { from: courseId });
    return session;
  });
}

/** Changes a session's dates, self-enrolment, limit, GAIA identifiers, contact and on-site days. */
export async function updateSession(ctx: Ctx, courseId: string, settings: Partial<SessionSettings>) {
  return ctx.db.transaction(async (tx) => {
    const course = await getCourse(tx, courseId);
    const current = isSession(course.stage) ? await sessionOf(tx, courseId) : null;
    if (!current) throw problems.invalid('not_a_session', 'workflow.errors.notASession');
    const values = sessionValues(settings);
    assertDatesInOrder({ ...current, ...values });
    const row = await changeSession(tx, courseId, ordered(values));
    await audit(tx, ctx, course, 'session.updated', { fields: Object.keys(values) });
    return row!;
  });
}

/** Opens a session (dates required), optionally for self-enrolment. */
export async function openSession(ctx: Ctx, courseId: string, input: z.infer<typeof OpenSessionBody>) {
  return ctx.db.transaction(async (tx) => {
    const state = await stateOf(tx, courseId);
    assertAllowed(ctx.actor, state, 'open');
    await changeSession(tx, courseId, {
      openedAt: ctx.now,
      ...(input.selfEnrolment !== undefined && { selfEnrolment: input.selfEnrolment }),
    });
    const course = await setCourseStage(tx, courseId, 'session_running', ctx.now);
    await audit(tx, ctx, course, 'course.open', { selfEnrolment: input.selfEnrolment ?? null });
    return course;
  });
}

/**
 * Announces a session to its participants: the trainer's message, the dates and the link, through the
 * notifications (by default the bell and this mail, at once), written with the announcement.
 */
export async function announceSession(ctx: Ctx, courseId: string, input: z.infer<typeof AnnounceBody>) {
  return ctx.db.transaction(async (tx) => {
    const state = await stateOf(tx, courseId);
    assertAllowed(ctx.actor, state, 'announce');
    const people = await findUsersByIds(
      tx,
      (await enrolledPeople(tx, courseId)).map((p) => p.userId),
    );
    const { startsAt, endsAt } = state.session ?? {};
    const dates =
      startsAt && endsAt
        ? t('workflow.mail.dates', { start: formatDate(startsAt), end: formatDate(endsAt) })
        : '';
    await notify(tx, {
      userIds: people.map((person) => person.id),
      type: ANNOUNCE_NOTIFICATION,
      data: {
        courseId,
        title: state.course.title,
        subject: sanitizePlainText(input.subject, 200),
        message: input.message,
        dates,
      } satisfies AnnounceData,
      now: ctx.now,
    });
    await changeSession(tx, courseId, { announcedAt: ctx.now });
    await audit(tx, ctx, state.course, 'course.announce', { recipients: people.length });
    return people.length;
  });
}

/**
 * What a session's participants need to take part in it: its dates, its trainers (those enrolled as
 * such, by name), whom to write to (the session's contact address, else the indexation's contact) and
 * its on-site days. A course that is not a session has none (404).
 */
export async function sessionPractical(db: Tx, courseId: string): Promise<SessionPractical> {
  const practical = await practicalOf(db, courseId);
  if (!practical) throw problems.notFound();
  return practical;
}

/** A course's practical information when it is a session; null for any other course. */
export async function practicalOf(db: Tx, courseId: string): Promise<SessionPractical | null> {
  const course = await getCourse(db, courseId);
  const session = isSession(course.stage) ? await sessionOf(db, courseId) : null;
  if (!session) return null;
  const trainers = await findUsersByIds(
    db,
    (await enrolledPeople(db, courseId, ['trainer'])).map((p) => p.userId),
  );
  trainers.sort(
    (a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'),
  );
  return {
    startsAt: session.startsAt?.toISOString() ?? null,
    endsAt: session.endsAt?.toISOString() ?? null,
    trainers: trainers.map((p) => ({ name: `${p.firstName} ${p.lastName}` })),
    contact: { email: session.contactEmail, text: course.metadata.contact ?? null },
    onSiteDays: session.onSiteDays,
  };
}
