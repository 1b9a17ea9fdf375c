/**
 * Bulk enrolment in two steps: `planBulk` checks every entry against the database (a few batched queries,
 * whatever the number of entries) and says what applying would do; `applyBulk` plans again inside one
 * transaction and writes everything — the accounts of unknown addresses when asked and allowed, the
 * enrolments, the groups, the mails — or, if a single entry is wrong, nothing.
 */
import { eq, sql } from 'drizzle-orm';
import {
  type EnrolMethod,
  type EnrolmentReport,
  type EnrolRole,
  type EntryIssue,
  fold,
  GROUP_NAME_MAX,
  isEmail,
  type ReportEntry,
} from '../../../shared/enrolment.ts';
import type { Actor } from '../../platform/access/can.ts';
import { roleAssignments } from '../../platform/access/schema.ts';
import { type Origin, record } from '../../platform/audit/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import {
  cleanName,
  createLocalAccounts,
  localAdministrators,
  type NewAccount,
  nameFromEmail,
  usersByEmail,
} from '../accounts/index.ts';
import { assertOpen, type EnrolmentCourse, lockEnrolments } from './course.ts';
import { groupsChanged } from './groups.ts';
import { type MailDeps, notifyEnrolled } from './notify.ts';
import { courseGroups, enrolments, groupMembers } from './schema.ts';

/** One entry to check: from a CSV line, a pasted list, a cohort member or a picked person. */
export type BulkInput = {
  line: number;
  list: EnrolRole | null;
  email: string;
  /** Null when the text named no role (a bad role). */
  role: EnrolRole | null;
  /** What the file said, to show a bad role as written. */
  roleText?: string;
  group: string | null;
  /** Names a CSV gave, for an account created for an unknown address. */
  firstName?: string;
  lastName?: string;
};

/**
 * What to do with addresses that have no account: `canCreate`, whether the actor may create them here;
 * `create`, whether they asked to (only when they may).
 */
export type AccountOptions = { canCreate: boolean; create: boolean };

type Pair = { userId: string; role: EnrolRole };

export type BulkPlan = {
  report: EnrolmentReport;
  /** Enrolments to create or reactivate, one per person and role. */
  toWrite: (Pair & { reactivate: boolean })[];
  /** Group memberships to add, by folded group name. */
  memberships: { userId: string; group: string }[];
  /** Existing groups by folded name; and the names of those to create, as first written. */
  groups: Map<string, string>;
  groupsToCreate: string[];
  /** Accounts to create first, when the options say so. */
  accounts: NewAccount[];
};

const REPORTED_MAX = 1000;
const UNKNOWN_LISTED_MAX = 100;

export async function planBulk(
  db: Tx,
  course: EnrolmentCourse,
  inputs: BulkInput[],
  options: AccountOptions = { canCreate: false, create: false },
): Promise<BulkPlan> {
  const create = options.create && options.canCreate;
  const valid = inputs.filter((input) => isEmail(input.email));
  const people = await usersByEmail(
    db,
    valid.map((input) => input.email),
  );
  const existing = new Map<string, 'active' | 'removed'>();
  for (const row of await db
    .select({ userId: enrolments.userId, role: enrolments.role, status: enrolments.status })
    .from(enrolments)
    .where(eq(enrolments.courseId, course.id)))
    existing.set(`${row.userId}|${row.role}`, row.status);
  const groups = new Map<string, string>();
  for (const row of await db
    .select({ id: courseGroups.id, name: courseGroups.name })
    .from(courseGroups)
    .where(eq(courseGroups.courseId, course.id)))
    groups.set(fold(row.name), row.id);
  const inGroups = new Set<string>();
  for (const row of await db
    .select({ groupId: groupMembers.groupId, userId: groupMembers.userId })
    .from(groupMembers)
    .innerJoin(courseGroups, eq(courseGroups.id, groupMembers.groupId))
    .where(eq(courseGroups.courseId, course.id)))
    inGroups.add(`${row.groupId}|${row.userId}`);

  const seen = new Map<string, number>();
  // People with no account yet are keyed by address (`new:`) until applying creates them.
  const planned = new Map<string, { userId: string | null; role: EnrolRole; reactivate: boolean }>();
  const accounts = new Map<string, NewAccount>();
  const unknown = new Set<string>();
  const memberships = new Map<string, { userId: string; group: string }>();
  const groupsToCreate = new Map<string, string>();
  const reported: ReportEntry[] = [];
  let errors = 0;
  let skipped = 0;

  for (const input of inputs) {
    const issues: EntryIssue[] = [];
    if (!input.email) issues.push('missing_email');
    else if (!isEmail(input.email)) issues.push('invalid_email');
    if (!input.role) issues.push('bad_role');
    const group = input.group?.trim() || null;
    if (group && group.length > GROUP_NAME_MAX) issues.push('bad_group');
    const key = `${input.email}|${input.role}|${group ? fold(group) : ''}`;
    const firstLine = seen.get(key) ?? null;
    if (firstLine !== null && input.email) issues.push('duplicate');
    else seen.set(key, input.line);
    const person = people.get(input.email);
    const noAccount = isEmail(input.email) && !person;
    if (noAccount) {
      unknown.add(input.email);
      if (!create) issues.push('unknown_user');
    }

    let status: ReportEntry['status'] = 'error';
    let name = person ? `${person.firstName} ${person.lastName}` : null;
    if (issues.length === 0 && noAccount && input.role) {
      status = 'create';
      issues.push('new_account');
      let account = accounts.get(input.email);
      if (!account) {
        const guessed = nameFromEmail(input.email);
        account = {
          email: input.email,
          firstName: cleanName(input.firstName ?? '') || guessed.firstName,
          lastName: cleanName(input.lastName ?? '') || guessed.lastName,
        };
        accounts.set(input.email, account);
      }
      name = `${account.firstName} ${account.lastName}`.trim();
      const pairKey = `new:${input.email}|${input.role}`;
      if (!planned.has(pairKey)) planned.set(pairKey, { userId: null, role: input.role, reactivate: false });
      if (group) {
        const folded = fold(group);
        if (!groups.has(folded) && !groupsToCreate.has(folded)) groupsToCreate.set(folded, group);
        memberships.set(`${folded}|new:${input.email}`, { userId: `new:${input.email}`, group: folded });
      }
    } else if (issues.length === 0 && person && input.role) {
      const pairKey = `${person.id}|${input.role}`;
      const before = existing.get(pairKey);
      if (before === 'active') {
        status = 'skip';
        issues.push('already_enrolled');
      } else {
        status = before === 'removed' ? 'reactivate' : 'enrol';
        if (!planned.has(pairKey))
          planned.set(pairKey, { userId: person.id, role: input.role, reactivate: before === 'removed' });
      }
      if (group) {
        const folded = fold(group);
        const groupId = groups.get(folded);
        if (!groupId && !groupsToCreate.has(folded)) groupsToCreate.set(folded, group);
        if (!groupId || !inGroups.has(`${groupId}|${person.id}`))
          memberships.set(`${folded}|${person.id}`, { userId: person.id, group: folded });
      }
    }
    if (status === 'error') errors += 1;
    if (status === 'skip') skipped += 1;
    if (issues.length > 0)
      reported.push({
        line: input.line,
        list: input.list,
        email: input.email,
        role: input.role,
        roleText: input.role ? null : (input.roleText?.slice(0, 100) ?? null),
        group,
        status,
        issues,
        firstLine: issues.includes('duplicate') ? firstLine : null,
        name,
      });
  }

  const toWrite = [...planned.values()].filter((pair): pair is Pair & { reactivate: boolean } =>
    Boolean(pair.userId),
  );
  const toReactivate = toWrite.filter((pair) => pair.reactivate).length;
  const askTo = unknown.size > 0 && !options.canCreate ? await localAdministrators(db, course.domainId) : [];
  return {
    report: {
      ok: errors === 0,
      totals: {
        entries: inputs.length,
        toEnrol: planned.size,
        toReactivate,
        alreadyEnrolled: skipped,
        errors,
        groupMemberships: memberships.size,
        accountsToCreate: accounts.size,
      },
      entries: reported.slice(0, REPORTED_MAX),
      omitted: Math.max(0, reported.length - REPORTED_MAX),
      groupsToCreate: [...groupsToCreate.values()],
      accounts: {
        unknown: unknown.size,
        unknownEmails: [...unknown].slice(0, UNKNOWN_LISTED_MAX),
        canCreate: options.canCreate,
        create,
        askTo,
      },
      file: null,
    },
    toWrite,
    memberships: [...memberships.values()],
    groups,
    groupsToCreate: [...groupsToCreate.values()],
    accounts: [...accounts.values()],
  };
}

/** A bulk enrolment refused because its report has errors: sent as a 422 problem carrying the report. */
export class BulkRejected extends HttpProblem {
  readonly report: EnrolmentReport;
  constructor(report: EnrolmentReport) {
    super(422, 'enrolment_report_has_errors', 'errors.enrolment.reportHasErrors');
    this.report = report;
  }
}

export type WriteCtx = { actorId: string; origin: Origin; now: Date };
export type ApplyCtx = WriteCtx & MailDeps & { actor: Actor };

/**
 * Writes enrolments (new ones, or reactivated: the row keeps its id and history) and the matching role
 * assignments in the course's context: one statement each, the rows passed as arrays (`unnest`), so
 * 10,000 people cost two round trips. Their access changed (`enrolment.changed`).
 */
export async function writeEnrolments(
  tx: Tx,
  course: EnrolmentCourse,
  pairs: Pair[],
  method: EnrolMethod,
  ctx: WriteCtx,
) {
  if (pairs.length === 0) return;
  const userIds = sql.param(pairs.map((pair) => pair.userId));
  const roles = sql.param(pairs.map((pair) => pair.role));
  await tx.execute(sql`
    INSERT INTO ${enrolments} (course_id, user_id, role, method, status, enrolled_at, enrolled_by)
    SELECT ${course.id}, t.user_id, t.role, ${method}, 'active', ${ctx.now}, ${ctx.actorId}
      FROM unnest(${userIds}::uuid[], ${roles}::text[]) AS t(user_id, role)
    ON CONFLICT (course_id, user_id, role) DO UPDATE
      SET status = 'active', method = excluded.method, enrolled_at = excluded.enrolled_at,
          enrolled_by = excluded.enrolled_by, removed_at = NULL, removed_by = NULL`);
  await tx.execute(sql`
    INSERT INTO ${roleAssignments} (user_id, role, context_id, created_by)
    SELECT t.user_id, t.role, ${course.contextId}, ${ctx.actorId}
      FROM unnest(${userIds}::uuid[], ${roles}::text[]) AS t(user_id, role)
    ON CONFLICT DO NOTHING`);
  await emit(tx, {
    type: 'enrolment.changed',
    courseId: course.id,
    userIds: [...new Set(pairs.map((pair) => pair.userId))],
  });
}

/** Adds people to groups, given as parallel arrays; memberships already there are kept. */
async function writeMemberships(tx: Tx, rows: { groupId: string; userId: string }[], now: Date) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO ${groupMembers} (group_id, user_id, added_at)
    SELECT t.group_id, t.user_id, ${now}
      FROM unnest(${sql.param(rows.map((r) => r.groupId))}::uuid[], ${sql.param(rows.map((r) => r.userId))}::uuid[])
        AS t(group_id, user_id)
    ON CONFLICT DO NOTHING`);
}

/**
 * Plans again under the course's enrolment lock (taken here if the caller has not: the lock is
 * re-entrant within a transaction) and writes it all, or throws `BulkRejected`. Accounts to create are
 * created first, then the plan is made once more with them known: what is written is what a plan of
 * known people says. Returns the mails queued (invitations, enrolment notices), to flush after commit.
 */
export async function applyBulk(
  tx: Tx,
  course: EnrolmentCourse,
  inputs: BulkInput[],
  method: EnrolMethod,
  ctx: ApplyCtx,
  options: AccountOptions = { canCreate: false, create: false },
) {
  await lockEnrolments(tx, course.id);
  assertOpen(course);
  let plan = await planBulk(tx, course, inputs, options);
  if (!plan.report.ok) throw new BulkRejected(plan.report);
  const report = plan.report;
  const mailIds: string[] = [];
  const newAccounts = new Set<string>();
  if (plan.accounts.length > 0) {
    const made = await createLocalAccounts(
      tx,
      { actor: ctx.actor, origin: ctx.origin, mailer: ctx.mailer, publicUrl: ctx.publicUrl, now: ctx.now },
      { domainId: course.domainId, contextPath: course.contextPath },
      plan.accounts,
      { courseId: course.id },
    );
    mailIds.push(...made.mailIds);
    for (const account of made.created) newAccounts.add(account.id);
    plan = await planBulk(tx, course, inputs, { canCreate: options.canCreate, create: false });
    if (!plan.report.ok) throw new BulkRejected(plan.report);
  }
  const groupIds = new Map(plan.groups);
  if (plan.groupsToCreate.length > 0) {
    const created = await tx
      .insert(courseGroups)
      .values(plan.groupsToCreate.map((name) => ({ courseId: course.id, name })))
      .returning({ id: courseGroups.id, name: courseGroups.name });
    for (const row of created) groupIds.set(fold(row.name), row.id);
  }
  await writeEnrolments(tx, course, plan.toWrite, method, ctx);
  await writeMemberships(
    tx,
    plan.memberships.map((m) => ({ groupId: groupIds.get(m.group)!, userId: m.userId })),
    ctx.now,
  );
  if (plan.memberships.length > 0) await groupsChanged(tx, course.id);
  const created = plan.toWrite.filter((pair) => !pair.reactivate);
  const notified = await notifyEnrolled(tx, ctx, course, created, { newAccounts });
  await record(tx, ctx.origin, {
    actorId: ctx.actorId,
    action: 'enrolment.bulk_applied',
    objectType: 'course',
    objectId: course.id,
    contextId: course.contextId,
    domainId: course.domainId,
    details: {
      method,
      entries: inputs.length,
      enrolled: plan.toWrite.length - plan.report.totals.toReactivate,
      reactivated: plan.report.totals.toReactivate,
      groupsCreated: plan.groupsToCreate,
      groupMemberships: plan.memberships.length,
      accountsCreated: newAccounts.size,
      notified,
    },
  });
  return {
    report,
    enrolled: plan.toWrite.length - plan.report.totals.toReactivate,
    reactivated: plan.report.totals.toReactivate,
    groupsCreated: plan.groupsToCreate,
    accountsCreated: newAccounts.size,
    notified,
    mailIds,
  };
}
