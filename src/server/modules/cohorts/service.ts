/**
 * Cohorts: named sets of people of a domain (a school's staff, this year's new teachers) that the domain's
 * administrators and managers keep, and that trainers enrol in one go. Enrolling a cohort enrols its
 * members of the moment; later changes to the cohort do not follow.
 */
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  BULK_MAX_ENTRIES,
  type Cohort,
  type CohortCreateBody,
  type CohortDetail,
  type CohortUpdateBody,
  isEmail,
  splitEmailList,
} from '../../../shared/enrolment.ts';
import { type Actor, can, scopeOf } from '../../platform/access/can.ts';
import { record } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import type { FieldError } from '../../platform/http/types.ts';
import { people, usersByEmail } from '../accounts/index.ts';
import { domainContextId } from '../domains/index.ts';
import { cohortCapabilities as caps } from './policy.ts';
import { cohortMembers, cohorts } from './schema.ts';

export type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'origin'>;
type CohortRow = typeof cohorts.$inferSelect;

/** Members whose account was not deleted. */
const memberCount = sql<number>`${new QueryBuilder()
  .select({ n: sql`count(*)::int` })
  .from(cohortMembers)
  .innerJoin(people, eq(people.id, cohortMembers.userId))
  .where(and(eq(cohortMembers.cohortId, cohorts.id), isNull(people.deletedAt)))}`;

const toCohort = (row: CohortRow & { memberCount: number }): Cohort => ({
  id: row.id,
  domainId: row.domainId,
  name: row.name,
  description: row.description,
  memberCount: row.memberCount,
  createdAt: row.createdAt.toISOString(),
});

/** The access context of a cohort: its domain's. */
export async function cohortContextId(db: Tx, cohortId: string) {
  const [row] = await db.select({ domainId: cohorts.domainId }).from(cohorts).where(eq(cohorts.id, cohortId));
  return row ? domainContextId(db, row.domainId) : undefined;
}

/** Cohorts of the domains where the actor manages cohorts (all of them for a platform admin). */
export async function listCohorts(db: Db, actor: Actor, domainId?: string): Promise<Cohort[]> {
  const scope = scopeOf(actor, caps['cohort:manage']);
  const filters: (SQL | undefined)[] = [domainId ? eq(cohorts.domainId, domainId) : undefined];
  if (!scope.all)
    filters.push(scope.domainIds.length ? inArray(cohorts.domainId, scope.domainIds) : sql`false`);
  const rows = await db
    .select({ cohort: cohorts, memberCount })
    .from(cohorts)
    .where(and(...filters))
    .orderBy(asc(cohorts.name));
  return rows.map((row) => toCohort({ ...row.cohort, memberCount: row.memberCount }));
}

/** The cohorts of one domain, for a trainer choosing one to enrol in a course of that domain. */
export async function cohortsOfDomain(db: Tx, domainId: string): Promise<Cohort[]> {
  const rows = await db
    .select({ cohort: cohorts, memberCount })
    .from(cohorts)
    .where(eq(cohorts.domainId, domainId))
    .orderBy(asc(cohorts.name));
  return rows.map((row) => toCohort({ ...row.cohort, memberCount: row.memberCount }));
}

export async function getCohort(db: Tx, id: string): Promise<CohortDetail> {
  const [row] = await db.select({ cohort: cohorts, memberCount }).from(cohorts).where(eq(cohorts.id, id));
  if (!row) throw problems.notFound();
  const members = await db
    .select({
      userId: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      email: people.email,
      addedAt: cohortMembers.addedAt,
    })
    .from(cohortMembers)
    .innerJoin(people, eq(people.id, cohortMembers.userId))
    .where(and(eq(cohortMembers.cohortId, id), isNull(people.deletedAt)))
    .orderBy(asc(people.lastName), asc(people.firstName));
  return {
    ...toCohort({ ...row.cohort, memberCount: row.memberCount }),
    members: members.map((m) => ({ ...m, addedAt: m.addedAt.toISOString() })),
  };
}

/** What enrolling a cohort needs: its domain and its members' addresses (deleted accounts left out). */
export async function cohortForEnrolment(db: Tx, cohortId: string) {
  const [row] = await db.select().from(cohorts).where(eq(cohorts.id, cohortId));
  if (!row) return undefined;
  const members = await db
    .select({ email: people.email })
    .from(cohortMembers)
    .innerJoin(people, eq(people.id, cohortMembers.userId))
    .where(and(eq(cohortMembers.cohortId, cohortId), isNull(people.deletedAt)));
  return { domainId: row.domainId, name: row.name, emails: members.map((m) => m.email.toLowerCase()) };
}

const nameTaken = () => problems.conflict('cohort_name_taken', 'errors.cohorts.nameTaken', 'name');

async function requireManage(db: Tx, actor: Actor, domainId: string) {
  const contextId = await domainContextId(db, domainId);
  if (contextId === undefined) throw problems.invalid('unknown_domain', 'errors.unknownDomain', 'domainId');
  if (!(await can(db, actor, caps['cohort:manage'], contextId))) throw problems.forbidden();
  return contextId;
}

async function audit(tx: Tx, ctx: Ctx, cohort: CohortRow, action: string, details = {}) {
  await record(tx, ctx.origin, {
    actorId: ctx.actor.userId,
    action,
    objectType: 'cohort',
    objectId: cohort.id,
    domainId: cohort.domainId,
    details: { name: cohort.name, ...details },
  });
}

export async function createCohort(ctx: Ctx, input: z.infer<typeof CohortCreateBody>) {
  const id = await ctx.db.transaction(async (tx) => {
    await requireManage(tx, ctx.actor, input.domainId);
    const [row] = await tx
      .insert(cohorts)
      .values({ domainId: input.domainId, name: input.name, description: input.description })
      .onConflictDoNothing()
      .returning();
    if (!row) throw nameTaken();
    await audit(tx, ctx, row, 'cohort.created');
    return row.id;
  });
  return getCohort(ctx.db, id);
}

async function lockCohort(tx: Tx, id: string) {
  const [row] = await tx.select().from(cohorts).where(eq(cohorts.id, id)).for('update');
  if (!row) throw problems.notFound();
  return row;
}

export async function updateCohort(ctx: Ctx, id: string, input: z.infer<typeof CohortUpdateBody>) {
  await ctx.db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, id);
    if (input.name !== undefined && input.name !== cohort.name) {
      const [clash] = await tx
        .select({ id: cohorts.id })
        .from(cohorts)
        .where(and(eq(cohorts.domainId, cohort.domainId), eq(cohorts.name, input.name)));
      if (clash) throw nameTaken();
    }
    await tx
      .update(cohorts)
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
      })
      .where(eq(cohorts.id, id));
    await audit(tx, ctx, cohort, 'cohort.updated', { fields: Object.keys(input) });
  });
  return getCohort(ctx.db, id);
}

export async function deleteCohort(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, id);
    await tx.delete(cohorts).where(eq(cohorts.id, id));
    await audit(tx, ctx, cohort, 'cohort.deleted');
  });
}

const MAX_LISTED_ERRORS = 50;

/**
 * Adds the people of a pasted list of addresses (separated as for enrolment). Every address must be
 * valid and known, or nothing is added: the problem lists the wrong ones with their line.
 */
export async function addCohortMembers(ctx: Ctx, id: string, text: string) {
  const entries = splitEmailList(text);
  const field = (message: string, params: Record<string, string | number>): FieldError => ({
    path: 'emails',
    message,
    params,
  });
  if (entries.length === 0)
    throw new HttpProblem(400, 'nothing_to_add', 'errors.cohorts.nothingToAdd', {
      errors: [{ path: 'emails', message: 'errors.cohorts.nothingToAdd' }],
    });
  if (entries.length > BULK_MAX_ENTRIES)
    throw new HttpProblem(400, 'too_many_entries', 'errors.enrolment.tooManyEntries', {
      errors: [field('errors.enrolment.tooManyEntries', { max: BULK_MAX_ENTRIES })],
    });
  return ctx.db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, id);
    const emails = [...new Set(entries.map((e) => e.email).filter(isEmail))];
    const found = new Map([...(await usersByEmail(tx, emails))].map(([email, user]) => [email, user.id]));
    const errors: FieldError[] = [];
    for (const entry of entries) {
      if (!isEmail(entry.email))
        errors.push(field('errors.cohorts.invalidEmail', { line: entry.line, email: entry.email }));
      else if (!found.has(entry.email))
        errors.push(field('errors.cohorts.unknownEmail', { line: entry.line, email: entry.email }));
    }
    if (errors.length > 0)
      throw new HttpProblem(422, 'cohort_members_invalid', 'errors.cohorts.membersInvalid', {
        errors: errors.slice(0, MAX_LISTED_ERRORS),
      });
    const userIds = [...new Set(found.values())];
    let added = 0;
    for (let i = 0; i < userIds.length; i += 1000) {
      const rows = await tx
        .insert(cohortMembers)
        .values(userIds.slice(i, i + 1000).map((userId) => ({ cohortId: id, userId })))
        .onConflictDoNothing()
        .returning({ userId: cohortMembers.userId });
      added += rows.length;
    }
    await audit(tx, ctx, cohort, 'cohort.members_added', { added });
    return { added, alreadyMembers: userIds.length - added };
  });
}

export async function removeCohortMember(ctx: Ctx, id: string, userId: string) {
  await ctx.db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, id);
    const removed = await tx
      .delete(cohortMembers)
      .where(and(eq(cohortMembers.cohortId, id), eq(cohortMembers.userId, userId)))
      .returning({ userId: cohortMembers.userId });
    if (removed.length === 0) throw problems.notFound();
    await audit(tx, ctx, cohort, 'cohort.member_removed', { userId });
  });
}
