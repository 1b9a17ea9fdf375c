import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type ProfileFields,
  type User,
  type UserCreateBody,
  type UserListQuery,
  type UserUpdateBody,
  Uuid,
} from '../../../shared/api.ts';
import { type Actor, can, scopeOf } from '../../platform/access/can.ts';
import { roleAssignments } from '../../platform/access/schema.ts';
import { type Origin, record } from '../../platform/audit/index.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/events/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { domainContextId, getDomain } from '../domains/index.ts';
import { issuePasswordLink } from './passwords.ts';
import { searchMatches } from './people.ts';
import { anonymiseAccount } from './personal-data.ts';
import { accountCapabilities as caps } from './policy.ts';
import { userSearchText, users } from './schema.ts';
import { destroyUserSessions } from './sessions.ts';

export type UserRow = typeof users.$inferSelect;
export type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'mailer' | 'publicUrl' | 'now'>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    homeDomainId: row.homeDomainId,
    academie: row.academie,
    departement: row.departement,
    discipline: row.discipline,
    bodyGrade: row.bodyGrade,
    status: row.status,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findUser(db: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)));
  return row;
}

/** The (not deleted) accounts among these ids, in no particular order. */
export async function findUsersByIds(db: Tx, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return (
    db
      .select()
      .from(users)
      // One array parameter rather than thousands of bound values.
      .where(and(sql`${users.id} = any(${sql.param([...ids])}::uuid[])`, isNull(users.deletedAt)))
  );
}

/** The (not deleted) accounts with these addresses, by lower-case address, in one query per 5,000. */
export async function usersByEmail(db: Tx, emails: readonly string[]): Promise<Map<string, UserRow>> {
  const unique = [...new Set(emails.map((email) => email.toLowerCase()))];
  const found = new Map<string, UserRow>();
  for (let i = 0; i < unique.length; i += 5000) {
    const rows = await db
      .select()
      .from(users)
      .where(
        and(
          sql`lower(${users.email}) = any(${sql.param(unique.slice(i, i + 5000))}::text[])`,
          isNull(users.deletedAt),
        ),
      );
    for (const row of rows) found.set(row.email.toLowerCase(), row);
  }
  return found;
}

/**
 * The names of these accounts, deleted ones included — what history shows of who acted or was acted on
 * ("Utilisateur supprimé" once erased). Ids of no account are absent.
 */
export async function userNames(
  db: Tx,
  ids: readonly string[],
): Promise<Map<string, { firstName: string; lastName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(sql`${users.id} = any(${sql.param([...new Set(ids)])}::uuid[])`);
  return new Map(rows.map(({ id, ...name }) => [id, name]));
}

export async function findUserByEmail(db: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.deletedAt)));
  return row;
}

/** The context a user account belongs to: its home domain's. */
export async function userContextId(db: Tx, userId: string): Promise<number | undefined> {
  if (!Uuid.safeParse(userId).success) return undefined;
  const user = await findUser(db, userId);
  return user ? domainContextId(db, user.homeDomainId) : undefined;
}

/** Users the actor may see, in the domains where they hold `user:view`, searched and paged. */
export async function listUsers(db: Db, actor: Actor, query: z.infer<typeof UserListQuery>) {
  const scope = scopeOf(actor, caps['user:view']);
  const filters: (SQL | undefined)[] = [isNull(users.deletedAt)];
  if (!scope.all)
    filters.push(scope.domainIds.length ? inArray(users.homeDomainId, scope.domainIds) : sql`false`);
  if (query.domainId) filters.push(eq(users.homeDomainId, query.domainId));
  if (query.status) filters.push(eq(users.status, query.status));
  if (query.q) filters.push(searchMatches(userSearchText(users), query.q));
  const where = and(...filters);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.lastName), asc(users.firstName), asc(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items: rows.map(toUser), total: count?.total ?? 0, page: query.page, pageSize: query.pageSize };
}

async function requireManage(db: Tx, actor: Actor, domainId: string) {
  const contextId = await domainContextId(db, domainId);
  if (contextId === undefined)
    throw problems.invalid('unknown_domain', 'errors.unknownDomain', 'homeDomainId');
  if (!(await can(db, actor, caps['user:manage'], contextId))) throw problems.forbidden();
  return contextId;
}

export async function createUser(ctx: Ctx, input: z.infer<typeof UserCreateBody>): Promise<UserRow> {
  const { password, ...fields } = input;
  const mailIds: string[] = [];
  const row = await ctx.db.transaction(async (tx) => {
    const contextId = await requireManage(tx, ctx.actor, input.homeDomainId);
    if (await findUserByEmail(tx, input.email))
      throw problems.conflict('email_taken', 'errors.emailTaken', 'email');
    const [created] = await tx
      .insert(users)
      .values({ ...fields, passwordHash: password ? await hashPassword(password) : null })
      .returning();
    if (!password)
      mailIds.push(await issuePasswordLink(tx, ctx.mailer, ctx.publicUrl, created!, 'welcome', ctx.now));
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'user.created',
      objectType: 'user',
      objectId: created!.id,
      contextId,
      domainId: created!.homeDomainId,
      details: { email: created!.email },
    });
    return created!;
  });
  await ctx.mailer.flush(mailIds);
  return row;
}

export async function updateUser(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof UserUpdateBody>,
): Promise<UserRow> {
  return ctx.db.transaction(async (tx) => {
    const user = await findUser(tx, id);
    if (!user) throw problems.notFound();
    const contextId = await requireManage(tx, ctx.actor, user.homeDomainId);
    if (input.homeDomainId && input.homeDomainId !== user.homeDomainId) {
      if (!(await getDomain(tx, input.homeDomainId)))
        throw problems.invalid('unknown_domain', 'errors.unknownDomain', 'homeDomainId');
      await requireManage(tx, ctx.actor, input.homeDomainId);
    }
    if (input.email && input.email !== user.email.toLowerCase()) {
      const other = await findUserByEmail(tx, input.email);
      if (other && other.id !== id) throw problems.conflict('email_taken', 'errors.emailTaken', 'email');
    }
    const [updated] = await tx
      .update(users)
      .set({ ...input, updatedAt: ctx.now })
      .where(eq(users.id, id))
      .returning();
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'user.updated',
      objectType: 'user',
      objectId: id,
      contextId,
      domainId: updated!.homeDomainId,
      details: { fields: Object.keys(input) },
    });
    await emit(tx, { type: 'access.changed', userId: id });
    return updated!;
  });
}

/** Suspends or reactivates an account; suspension ends its sessions at once. */
export async function setUserStatus(ctx: Ctx, id: string, status: 'active' | 'suspended'): Promise<UserRow> {
  if (id === ctx.actor.userId) throw problems.invalid('self_action', 'errors.cannotActOnSelf');
  return ctx.db.transaction(async (tx) => {
    const user = await findUser(tx, id);
    if (!user) throw problems.notFound();
    const contextId = await requireManage(tx, ctx.actor, user.homeDomainId);
    const [updated] = await tx
      .update(users)
      .set({ status, updatedAt: ctx.now })
      .where(eq(users.id, id))
      .returning();
    if (status === 'suspended') await destroyUserSessions(tx, id);
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: status === 'suspended' ? 'user.suspended' : 'user.reactivated',
      objectType: 'user',
      objectId: id,
      contextId,
      domainId: user.homeDomainId,
    });
    await emit(tx, { type: 'access.changed', userId: id });
    return updated!;
  });
}

/**
 * Deletes an account: its personal data is erased and its access removed, while the row stays so that
 * history (audit, later enrolments and posts) keeps pointing at "a deleted user".
 */
export async function deleteUser(ctx: Ctx, id: string): Promise<void> {
  if (id === ctx.actor.userId) throw problems.invalid('self_action', 'errors.cannotActOnSelf');
  await ctx.db.transaction(async (tx) => {
    const user = await findUser(tx, id);
    if (!user) throw problems.notFound();
    const contextId = await requireManage(tx, ctx.actor, user.homeDomainId);
    await anonymiseAccount(tx, id, ctx.now);
    await tx.delete(roleAssignments).where(eq(roleAssignments.userId, id));
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'user.deleted',
      objectType: 'user',
      objectId: id,
      contextId,
      domainId: user.homeDomainId,
    });
    await emit(tx, { type: 'access.changed', userId: id });
  });
}

/** A user edits their own profile (identity fields only; e-mail and domain are the admins'). */
export async function updateProfile(
  db: Db,
  actor: Actor,
  origin: Origin,
  input: Partial<z.infer<typeof ProfileFields>>,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...input, updatedAt: now })
      .where(eq(users.id, actor.userId));
    await record(tx, origin, {
      actorId: actor.userId,
      action: 'user.profile_updated',
      objectType: 'user',
      objectId: actor.userId,
      domainId: actor.homeDomainId,
      details: { fields: Object.keys(input) },
    });
    await emit(tx, { type: 'access.changed', userId: actor.userId });
  });
}
