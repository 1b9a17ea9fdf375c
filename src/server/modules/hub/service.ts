import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import {
  type DeployBody,
  type Deployment,
  type DeployResult,
  HUB_PAGE_SIZE,
  type HubSearchQuery,
  type HubSearchResult,
  type OfferVersionInfo,
} from '../../../shared/hub.ts';
import { type Actor, can, scopeOf } from '../../platform/access/can.ts';
import { findContext } from '../../platform/access/contexts.ts';
import { type Origin, record } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { Files } from '../../platform/files/index.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import { sanitizePlainText } from '../../platform/richtext/sanitize.ts';
import {
  clearCourseContent,
  copyCourse,
  copyCourseContent,
  courseCapabilities,
  getCourse,
  setCourseMetadata,
} from '../courses/index.ts';
import { domainContextId } from '../domains/index.ts';
import { domains } from '../domains/schema.ts';
import { offers, offerVersions } from '../offers/schema.ts';
import { courseDeployments } from './schema.ts';

export type Ctx = { db: Db; actor: Actor; origin: Origin; files: Files };

const domainRef = { id: domains.id, slug: domains.slug, name: domains.name };

/** Deployed copies of the offer. */
const deploymentsCount = sql<number>`(select count(*)::int from course_deployments d where d.offer_id = ${offers.id})`;

/**
 * Sessions given from the parcours itself and from each of its deployed copies: a session is a copy whose
 * origin is one of them. Sessions in the trash have the `trash` stage and are not counted.
 */
const sessionsCount = sql<number>`(select count(*)::int from courses s
  where s.stage like 'session\\_%'
    and (s.origin_id = ${offers.courseId}
      or s.origin_id in (select d.course_id from course_deployments d where d.offer_id = ${offers.id})))`;

/** The domains the actor may create parcours in, so deploy into. */
async function targetDomainsOf(db: Tx, actor: Actor) {
  const scope = scopeOf(actor, courseCapabilities['course:create']);
  if (!scope.all && scope.domainIds.length === 0) return [];
  return db
    .select(domainRef)
    .from(domains)
    .where(scope.all ? undefined : inArray(domains.id, scope.domainIds))
    .orderBy(asc(domains.name));
}

/**
 * The course offer as the hub shows it: published parcours matching the text (French stemming, accents
 * ignored), best match first, each with how many times it was deployed and how many sessions it gave.
 */
export async function searchHub(db: Db, actor: Actor, query: HubSearchQuery): Promise<HubSearchResult> {
  const text = query.q ? sql`websearch_to_tsquery('french', f_unaccent(${query.q}))` : null;
  const where = and(
    eq(offers.kind, 'course'),
    eq(offers.status, 'published'),
    text ? sql`${offers.search} @@ ${text}` : undefined,
  );
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(offers).where(where);
  const rows = await db
    .select({
      id: offers.id,
      number: offers.number,
      title: offers.title,
      summary: offers.summary,
      domain: domainRef,
      version: offers.version,
      publics: offers.publics,
      durationMinutes: offers.durationMinutes,
      publishedAt: offers.publishedAt,
      deployments: deploymentsCount,
      sessions: sessionsCount,
    })
    .from(offers)
    .innerJoin(domains, eq(domains.id, offers.domainId))
    .where(where)
    // The number breaks ties so pages never share or skip an offer.
    .orderBy(
      ...(text ? [sql`ts_rank(${offers.search}, ${text}) desc`] : []),
      desc(offers.publishedAt),
      asc(offers.number),
    )
    .limit(HUB_PAGE_SIZE)
    .offset((query.page - 1) * HUB_PAGE_SIZE);
  const targetDomains = await targetDomainsOf(db, actor);
  const copies = await copiesIn(
    db,
    rows.map((row) => row.id),
    targetDomains,
  );
  return {
    total: counted?.n ?? 0,
    page: query.page,
    perPage: HUB_PAGE_SIZE,
    items: rows.map(({ id, ...row }) => ({
      ...row,
      publishedAt: row.publishedAt.toISOString(),
      deployedCopies: copies.filter((c) => c.offerId === id).map(({ offerId: _, ...copy }) => copy),
    })),
    targetDomains,
  };
}

/** The deployed copies of these offers that live in these domains, the trash aside, oldest first. */
async function copiesIn(db: Tx, offerIds: string[], inDomains: { id: string; slug: string; name: string }[]) {
  if (offerIds.length === 0 || inDomains.length === 0) return [];
  const rows = await db.execute<{
    offer_id: string;
    course_id: string;
    title: string;
    version: string;
    domain_id: string;
  }>(sql`SELECT d.offer_id, d.course_id, c.title, d.version, c.domain_id
    FROM course_deployments d JOIN courses c ON c.id = d.course_id
    WHERE d.offer_id IN ${offerIds} AND c.domain_id IN ${inDomains.map((d) => d.id)} AND c.stage <> 'trash'
    ORDER BY d.deployed_at, c.id`);
  return rows.rows.map((row) => ({
    offerId: row.offer_id,
    courseId: row.course_id,
    title: row.title,
    version: row.version,
    domain: inDomains.find((d) => d.id === row.domain_id)!,
  }));
}

/** The course offer of this number, published; a withdrawn one can no longer be deployed. */
async function deployableOffer(tx: Tx, number: number) {
  const [offer] = await tx
    .select()
    .from(offers)
    .where(and(eq(offers.number, number), eq(offers.kind, 'course')))
    .for('share');
  if (!offer) throw problems.notFound();
  if (offer.status !== 'published') throw problems.conflict('offer_withdrawn', 'hub.errors.withdrawn');
  if (!offer.version) throw problems.conflict('no_version', 'hub.errors.noVersion');
  return offer;
}

async function audit(
  tx: Tx,
  ctx: Ctx,
  course: { id: string; domainId: string },
  action: string,
  details: Record<string, unknown>,
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

/**
 * Deploys a parcours of the course offer into a domain: a copy in construction (sections, activities,
 * files by reference) that remembers the offer and the version it was taken at.
 */
export async function deployOffer(ctx: Ctx, number: number, input: DeployBody): Promise<DeployResult> {
  return ctx.db.transaction(async (tx) => {
    const offer = await deployableOffer(tx, number);
    const domainContext = await domainContextId(tx, input.domainId);
    if (domainContext === undefined)
      throw problems.invalid('unknown_domain', 'errors.unknownDomain', 'domainId');
    if (!(await can(tx, ctx.actor, courseCapabilities['course:create'], domainContext)))
      throw problems.forbidden();
    // Within its own domain a parcours is duplicated, not deployed: a copy there would track nothing new.
    if (input.domainId === offer.domainId)
      throw problems.invalid('same_domain', 'hub.errors.sameDomain', 'domainId');
    // One copy per domain follows the offer: a second would split its sessions and updates. Two deploys
    // of one offer into one domain at once wait for each other, so the second sees the first's copy.
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtext('course_deployment'), hashtext(${`${offer.id}:${input.domainId}`}))`,
    );
    const [existing] = await copiesIn(tx, [offer.id], [{ id: input.domainId, slug: '', name: '' }]);
    if (existing)
      throw new HttpProblem(409, 'already_deployed', 'hub.errors.alreadyDeployed', {
        errors: [{ path: 'domainId', message: 'hub.errors.alreadyDeployed' }],
        extensions: { courseId: existing.courseId },
      });
    const origin = await getCourse(tx, offer.courseId);
    const version = offer.version!;
    const copy = await copyCourse(tx, ctx.files, origin.id, {
      domainId: input.domainId,
      domainContextId: domainContext,
      title: sanitizePlainText(input.title ?? offer.title, 255),
      shortName: origin.shortName,
      createdBy: ctx.actor.userId,
      stage: 'construction',
    });
    // The copy's indexation says the version it holds, not whatever the origin is editing towards.
    await setCourseMetadata(tx, copy.id, { ...origin.metadata, version });
    await tx
      .insert(courseDeployments)
      .values({ courseId: copy.id, offerId: offer.id, version, deployedBy: ctx.actor.userId });
    await audit(tx, ctx, copy, 'course.deployed', { offer: offer.number, origin: origin.id, version });
    return { courseId: copy.id, title: copy.title, version };
  });
}

const toVersion = (row: typeof offerVersions.$inferSelect): OfferVersionInfo => ({
  version: row.version,
  releaseNotes: row.releaseNotes,
  publishedAt: row.publishedAt.toISOString(),
});

/**
 * The versions published after the one the copy holds, oldest first. A version the offer no longer lists
 * (it was republished under another number) counts from the moment of deployment or last update.
 */
async function newerVersions(tx: Tx, deployment: typeof courseDeployments.$inferSelect) {
  const [held] = await tx
    .select()
    .from(offerVersions)
    .where(and(eq(offerVersions.offerId, deployment.offerId), eq(offerVersions.version, deployment.version)));
  const since = held?.publishedAt ?? deployment.updatedAt ?? deployment.deployedAt;
  const rows = await tx
    .select()
    .from(offerVersions)
    .where(and(eq(offerVersions.offerId, deployment.offerId), gt(offerVersions.publishedAt, since)))
    .orderBy(asc(offerVersions.publishedAt));
  return rows.filter((row) => row.version !== deployment.version);
}

/** Where a deployed copy comes from and what was published since; null for a course not deployed. */
export async function deploymentOf(db: Tx, courseId: string): Promise<Deployment | null> {
  const [row] = await db
    .select({ deployment: courseDeployments, offer: offers, domain: domainRef })
    .from(courseDeployments)
    .innerJoin(offers, eq(offers.id, courseDeployments.offerId))
    .innerJoin(domains, eq(domains.id, offers.domainId))
    .where(eq(courseDeployments.courseId, courseId));
  if (!row) return null;
  const { deployment, offer, domain } = row;
  const [latest] = await db
    .select()
    .from(offerVersions)
    .where(eq(offerVersions.offerId, offer.id))
    .orderBy(desc(offerVersions.publishedAt))
    .limit(1);
  return {
    offer: { number: offer.number, title: offer.title, status: offer.status, domain },
    version: deployment.version,
    deployedAt: deployment.deployedAt.toISOString(),
    updatedAt: deployment.updatedAt?.toISOString() ?? null,
    latest: latest ? toVersion(latest) : null,
    newer: (await newerVersions(db, deployment)).map(toVersion),
  };
}

/**
 * Updates a deployed copy to its origin's current version: its sections and activities are replaced by the
 * origin's, in one transaction; its title, domain, enrolments and indexation stay, except the version.
 */
export async function updateDeployment(ctx: Ctx, courseId: string): Promise<Deployment> {
  return ctx.db.transaction(async (tx) => {
    const [deployment] = await tx
      .select()
      .from(courseDeployments)
      .where(eq(courseDeployments.courseId, courseId))
      .for('update');
    if (!deployment) throw problems.conflict('not_deployed', 'hub.errors.notDeployed');
    const copy = await getCourse(tx, courseId);
    if (copy.stage === 'trash')
      throw new HttpProblem(409, 'wrong_stage', 'workflow.errors.wrongStage', {
        errors: [{ path: 'stage', message: `workflow.stages.${copy.stage}` }],
      });
    // The deployment's foreign key keeps its offer.
    const offer = (await tx.select().from(offers).where(eq(offers.id, deployment.offerId)))[0]!;
    if (offer.status !== 'published') throw problems.conflict('offer_withdrawn', 'hub.errors.withdrawn');
    const version = offer.version;
    if (!version || version === deployment.version)
      throw problems.conflict('up_to_date', 'hub.errors.upToDate');
    const origin = await getCourse(tx, offer.courseId);
    const context = await findContext(tx, 'course', courseId);
    if (!context) throw problems.notFound();
    // The activities removed say so (`activity.removed`): course completions and the page follow.
    await clearCourseContent(tx, ctx.files, courseId);
    await copyCourseContent(tx, ctx.files, origin, { id: courseId, contextId: context.id });
    await setCourseMetadata(tx, courseId, { ...copy.metadata, version });
    await tx
      .update(courseDeployments)
      .set({ version, updatedAt: new Date() })
      .where(eq(courseDeployments.courseId, courseId));
    await audit(tx, ctx, copy, 'course.deployment_updated', {
      offer: offer.number,
      from: deployment.version,
      to: version,
    });
    return (await deploymentOf(tx, courseId))!;
  });
}
