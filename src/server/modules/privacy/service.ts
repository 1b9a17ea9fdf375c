/**
 * The GDPR for each person, self-served: the export of everything the platform holds of them, and the
 * request to have their account deleted, which an administrator of their domain (or of the platform)
 * approves — erasing it all in one transaction — or refuses, saying why.
 *
 * The module sits above the others and knows their data only through the holders their public faces give
 * (`platform/privacy`): each reads and erases its own tables.
 */
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type {
  ErasureListQuery,
  ErasureRefuseBody,
  ErasureRequest,
  ErasureRequestBody,
  MyErasureRequest,
} from '../../../shared/privacy.ts';
import { type Actor, scopeOf } from '../../platform/access/can.ts';
import { record } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import type { PersonalDataCtx, PersonalDataHolder } from '../../platform/privacy/index.ts';
import { accountPersonalData, findUsersByIds, userNames } from '../accounts/index.ts';
import { favouritesPersonalData } from '../activities/index.ts';
import { auditPersonalData } from '../audit/index.ts';
import { cohortPersonalData } from '../cohorts/index.ts';
import { completionPersonalData } from '../completion/index.ts';
import { activityUserData } from '../courses/index.ts';
import { domainContextId, domainsByIds } from '../domains/index.ts';
import { enrolmentPersonalData } from '../enrolment/index.ts';
import { followupPersonalData } from '../followup/index.ts';
import { notificationPersonalData } from '../notifications/index.ts';
import { subscriptionPersonalData } from '../offers/index.ts';
import { progressPersonalData } from '../progress/index.ts';
import { listAssignments, rolesPersonalData } from '../roles/index.ts';
import { privacyCapabilities as caps } from './policy.ts';
import { erasureRequests } from './schema.ts';

export type PrivacyCtx = Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'now' | 'files'>;
type Row = typeof erasureRequests.$inferSelect;

/** The person's own requests: in their export; their reasons erased with their account. */
const requestsPersonalData: PersonalDataHolder = {
  key: 'erasureRequests',
  async export({ tx }, userId) {
    const rows = await tx
      .select()
      .from(erasureRequests)
      .where(eq(erasureRequests.userId, userId))
      .orderBy(erasureRequests.requestedAt);
    return rows.map(toMine);
  },
  async erase({ tx }, userId) {
    await tx.update(erasureRequests).set({ reason: null }).where(eq(erasureRequests.userId, userId));
  },
};

/** Every holder, in the order of the export's parts. */
const HOLDERS: readonly PersonalDataHolder[] = [
  accountPersonalData,
  rolesPersonalData,
  enrolmentPersonalData,
  cohortPersonalData,
  completionPersonalData,
  progressPersonalData,
  activityUserData,
  favouritesPersonalData,
  followupPersonalData,
  subscriptionPersonalData,
  notificationPersonalData,
  auditPersonalData,
  requestsPersonalData,
];

/**
 * The order of erasure: people's work in activities first (a kind may still look at the enrolment or the
 * activity), then what hangs on enrolments, the enrolments and roles, the account last.
 */
const ERASURE: readonly PersonalDataHolder[] = [
  activityUserData,
  completionPersonalData,
  progressPersonalData,
  favouritesPersonalData,
  followupPersonalData,
  subscriptionPersonalData,
  notificationPersonalData,
  cohortPersonalData,
  enrolmentPersonalData,
  rolesPersonalData,
  auditPersonalData,
  requestsPersonalData,
  accountPersonalData,
];

const toMine = (row: Row): MyErasureRequest => ({
  id: row.id,
  status: row.status,
  reason: row.reason,
  requestedAt: row.requestedAt.toISOString(),
  decidedAt: row.decidedAt?.toISOString() ?? null,
  refusalReason: row.refusalReason,
});

// — The export —

/**
 * Everything the platform holds of the actor, one part per holder, read in one repeatable-read snapshot so
 * that the parts agree; the export itself goes into the audit log.
 */
export async function exportPersonalData(ctx: PrivacyCtx, t: TFunction) {
  const userId = ctx.actor.userId;
  const parts = await ctx.db.transaction(
    async (tx) => {
      const scope: PersonalDataCtx = { tx, files: ctx.files, now: ctx.now };
      const found: Record<string, unknown> = {};
      for (const holder of HOLDERS) found[holder.key] = await holder.export(scope, userId);
      return found;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  await record(ctx.db, ctx.origin, {
    actorId: userId,
    action: 'privacy.exported',
    objectType: 'user',
    objectId: userId,
    domainId: ctx.actor.homeDomainId,
  });
  return {
    fileName: `magistere-donnees-personnelles-${ctx.now.toISOString().slice(0, 10)}.json`,
    data: {
      format: 'magistere.personal-data',
      version: 1,
      exportedAt: ctx.now.toISOString(),
      notice: t('ui.privacy.export.notice'),
      ...parts,
    },
  };
}

// — The person's request —

export async function myErasureRequest(db: Tx, actor: Actor): Promise<MyErasureRequest | null> {
  const [row] = await db
    .select()
    .from(erasureRequests)
    .where(eq(erasureRequests.userId, actor.userId))
    .orderBy(desc(erasureRequests.requestedAt))
    .limit(1);
  return row ? toMine(row) : null;
}

/** The actor asks for their account to be deleted; one request may be pending at a time. */
export async function requestErasure(
  ctx: PrivacyCtx,
  body: z.infer<typeof ErasureRequestBody>,
): Promise<MyErasureRequest> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(erasureRequests)
      .values({
        userId: ctx.actor.userId,
        domainId: ctx.actor.homeDomainId,
        reason: body.reason,
        requestedAt: ctx.now,
      })
      // The partial unique index: a pending request already exists.
      .onConflictDoNothing()
      .returning();
    if (!row) throw problems.conflict('erasure_already_requested', 'ui.privacy.errors.alreadyRequested');
    // The reason stays out of the log, which outlives the account: it is the person's to erase.
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'privacy.erasure_requested',
      objectType: 'user',
      objectId: ctx.actor.userId,
      domainId: row.domainId,
    });
    return toMine(row);
  });
}

/** The actor withdraws their pending request. */
export async function cancelErasure(ctx: PrivacyCtx): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(erasureRequests)
      .set({ status: 'cancelled', decidedAt: ctx.now })
      .where(and(eq(erasureRequests.userId, ctx.actor.userId), eq(erasureRequests.status, 'pending')))
      .returning();
    if (!row) throw new HttpProblem(404, 'no_pending_erasure', 'ui.privacy.errors.nonePending');
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'privacy.erasure_cancelled',
      objectType: 'user',
      objectId: ctx.actor.userId,
      domainId: row.domainId,
    });
  });
}

// — The administrators' side —

/** The context whose administrators decide on a request: its domain's. */
export async function requestContextId(db: Tx, id: string): Promise<number | undefined> {
  const [row] = await db
    .select({ domainId: erasureRequests.domainId })
    .from(erasureRequests)
    .where(eq(erasureRequests.id, id));
  return row ? domainContextId(db, row.domainId) : undefined;
}

/** Requests as administrators see them: who asks (their address while the account lives), who decided. */
async function describe(db: Tx, rows: Row[]): Promise<ErasureRequest[]> {
  const userIds = rows.map((r) => r.userId);
  const deciders = rows.flatMap((r) => (r.decidedBy ? [r.decidedBy] : []));
  const [names, living, domains] = await Promise.all([
    userNames(db, [...userIds, ...deciders]),
    findUsersByIds(db, userIds),
    domainsByIds(
      db,
      rows.map((r) => r.domainId),
    ),
  ]);
  const emails = new Map(living.map((u) => [u.id, u.email]));
  const domainNames = new Map(domains.map((d) => [d.id, d.name]));
  const fullName = (id: string | null) => {
    const name = id ? names.get(id) : undefined;
    return name ? `${name.firstName} ${name.lastName}` : null;
  };
  return rows.map((row) => ({
    ...toMine(row),
    userId: row.userId,
    firstName: names.get(row.userId)?.firstName ?? '',
    lastName: names.get(row.userId)?.lastName ?? '',
    email: emails.get(row.userId) ?? null,
    domainId: row.domainId,
    domainName: domainNames.get(row.domainId) ?? '',
    decidedByName: fullName(row.decidedBy),
  }));
}

/** The requests of the domains where the actor decides (all for the platform's administrators), newest first. */
export async function listErasureRequests(db: Db, actor: Actor, query: z.infer<typeof ErasureListQuery>) {
  const scope = scopeOf(actor, caps['privacy:decide_erasure']);
  const filters: (SQL | undefined)[] = [];
  if (!scope.all)
    filters.push(scope.domainIds.length ? inArray(erasureRequests.domainId, scope.domainIds) : sql`false`);
  if (query.status) filters.push(eq(erasureRequests.status, query.status));
  const where = and(...filters);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(erasureRequests)
      .where(where)
      .orderBy(desc(erasureRequests.requestedAt), desc(erasureRequests.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(erasureRequests).where(where),
  ]);
  return {
    items: await describe(db, rows),
    total: count?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The pending request, locked for the decision: a second decision waits for the first, then finds it
 * decided (409). Nobody decides on their own request, and only a platform administrator on one of theirs.
 */
async function pendingForDecision(tx: Tx, actor: Actor, id: string): Promise<Row> {
  const [row] = await tx.select().from(erasureRequests).where(eq(erasureRequests.id, id)).for('update');
  if (!row) throw problems.notFound();
  if (row.userId === actor.userId)
    throw new HttpProblem(403, 'own_erasure_request', 'ui.privacy.errors.ownRequest');
  if (row.status !== 'pending')
    throw problems.conflict('erasure_already_decided', 'ui.privacy.errors.alreadyDecided');
  const isAdmin = (grants: { role: string }[]) => grants.some((g) => g.role === 'admin');
  if (!isAdmin(actor.grants) && isAdmin(await listAssignments(tx, row.userId)))
    throw new HttpProblem(403, 'erasure_of_admin', 'ui.privacy.errors.adminAccount');
  return row;
}

/**
 * Approves a request: in one transaction, every holder erases the person's data (see the README for what
 * is kept), the account is anonymised and its sessions end, and the request becomes the record of it.
 */
export async function approveErasure(ctx: PrivacyCtx, id: string): Promise<ErasureRequest> {
  const row = await ctx.db.transaction(async (tx) => {
    const request = await pendingForDecision(tx, ctx.actor, id);
    const scope: PersonalDataCtx = { tx, files: ctx.files, now: ctx.now };
    for (const holder of ERASURE) await holder.erase(scope, request.userId);
    const [approved] = await tx
      .update(erasureRequests)
      .set({ status: 'approved', reason: null, decidedAt: ctx.now, decidedBy: ctx.actor.userId })
      .where(eq(erasureRequests.id, id))
      .returning();
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'privacy.erasure_approved',
      objectType: 'user',
      objectId: request.userId,
      contextId: await domainContextId(tx, request.domainId),
      domainId: request.domainId,
    });
    return approved!;
  });
  return (await describe(ctx.db, [row]))[0]!;
}

/** Refuses a request, saying why: the person reads it and may ask again. */
export async function refuseErasure(
  ctx: PrivacyCtx,
  id: string,
  body: z.infer<typeof ErasureRefuseBody>,
): Promise<ErasureRequest> {
  const row = await ctx.db.transaction(async (tx) => {
    const request = await pendingForDecision(tx, ctx.actor, id);
    const [refused] = await tx
      .update(erasureRequests)
      .set({ status: 'refused', decidedAt: ctx.now, decidedBy: ctx.actor.userId, refusalReason: body.reason })
      .where(eq(erasureRequests.id, id))
      .returning();
    await record(tx, ctx.origin, {
      actorId: ctx.actor.userId,
      action: 'privacy.erasure_refused',
      objectType: 'user',
      objectId: request.userId,
      contextId: await domainContextId(tx, request.domainId),
      domainId: request.domainId,
    });
    return refused!;
  });
  return (await describe(ctx.db, [row]))[0]!;
}
