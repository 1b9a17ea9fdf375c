import { eq, inArray, sql } from 'drizzle-orm';
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
import { record } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import { sanitizePlainText } from '../../platform/richtext/sanitize.ts';
import {
  clearCourseContent,
  copyCourse,
  copyCourseContent,
  courseCapabilities,
  coursesByIds,
  getCourse,
  sessionCountsFrom,
  setCourseMetadata,
} from '../courses/index.ts';
import { type DomainRow, domainContextId, domainsByIds, getDomain } from '../domains/index.ts';
import {
  courseOfferToDeploy,
  type OfferVersionRow,
  offerById,
  offerVersionsOf,
  searchCourseOffers,
} from '../offers/index.ts';
import { courseDeployments } from './schema.ts';

export type Ctx = Pick<RequestCtx, 'db' | 'actor' | 'origin' | 'files' | 'now'>;

type DomainRef = { id: string; slug: string; name: string };
const domainRef = ({ id, slug, name }: DomainRow): DomainRef => ({ id, slug, name });

/** The domains the actor may create parcours in, so deploy into, by name. */
async function targetDomainsOf(db: Tx, actor: Actor): Promise<DomainRef[]> {
  const scope = scopeOf(actor, courseCapabilities['course:create']);
  return (await domainsByIds(db, scope.all ? 'all' : scope.domainIds)).map(domainRef);
}

/** The deployed copies of these offers, oldest first. */
async function deploymentsOf(db: Tx, offerIds: string[]) {
  if (offerIds.length === 0) return [];
  return db
    .select()
    .from(courseDeployments)
    .where(inArray(courseDeployments.offerId, offerIds))
    .orderBy(courseDeployments.deployedAt, courseDeployments.courseId);
}

/**
 * The course offer as the hub shows it: published parcours matching the text (French stemming, accents
 * ignored), best match first, each with how many times it was deployed and how many sessions it gave —
 * from the parcours itself and from each of its deployed copies (the trash aside).
 */
export async function searchHub(db: Db, actor: Actor, query: HubSearchQuery): Promise<HubSearchResult> {
  const { total, rows } = await searchCourseOffers(db, query.q, { number: query.page, size: HUB_PAGE_SIZE });
  const deployments = await deploymentsOf(
    db,
    rows.map((row) => row.id),
  );
  const [domains, sessions, targetDomains] = await Promise.all([
    domainsByIds(
      db,
      rows.map((row) => row.domainId),
    ),
    sessionCountsFrom(db, [...rows.map((row) => row.courseId), ...deployments.map((d) => d.courseId)]),
    targetDomainsOf(db, actor),
  ]);
  const copies = await copiesIn(db, deployments, targetDomains);
  return {
    total,
    page: query.page,
    perPage: HUB_PAGE_SIZE,
    items: rows.map((offer) => {
      const deployed = deployments.filter((d) => d.offerId === offer.id);
      const origins = [offer.courseId, ...deployed.map((d) => d.courseId)];
      return {
        number: offer.number,
        title: offer.title,
        summary: offer.summary,
        // The offer's foreign key keeps its domain.
        domain: domainRef(domains.find((d) => d.id === offer.domainId)!),
        version: offer.version,
        publics: offer.publics,
        durationMinutes: offer.durationMinutes,
        publishedAt: offer.publishedAt.toISOString(),
        deployments: deployed.length,
        sessions: origins.reduce((sum, id) => sum + (sessions.get(id) ?? 0), 0),
        deployedCopies: copies.filter((c) => c.offerId === offer.id).map(({ offerId: _, ...copy }) => copy),
      };
    }),
    targetDomains,
  };
}

/** Of these deployments (oldest first), the copies that live in these domains, the trash aside. */
async function copiesIn(
  db: Tx,
  deployments: (typeof courseDeployments.$inferSelect)[],
  inDomains: DomainRef[],
) {
  if (deployments.length === 0 || inDomains.length === 0) return [];
  const courses = new Map(
    (
      await coursesByIds(
        db,
        deployments.map((d) => d.courseId),
      )
    ).map((c) => [c.id, c]),
  );
  return deployments.flatMap((d) => {
    const copy = courses.get(d.courseId);
    const domain = copy && copy.stage !== 'trash' && inDomains.find((t) => t.id === copy.domainId);
    if (!copy || !domain) return [];
    return [{ offerId: d.offerId, courseId: d.courseId, title: copy.title, version: d.version, domain }];
  });
}

/** The course offer of this number, published; a withdrawn one can no longer be deployed. */
async function deployableOffer(tx: Tx, number: number) {
  const offer = await courseOfferToDeploy(tx, number);
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
    const [existing] = await copiesIn(tx, await deploymentsOf(tx, [offer.id]), [
      { id: input.domainId, slug: '', name: '' },
    ]);
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
      now: ctx.now,
    });
    // The copy's indexation says the version it holds, not whatever the origin is editing towards.
    await setCourseMetadata(tx, copy.id, { ...origin.metadata, version }, ctx.now);
    await tx
      .insert(courseDeployments)
      .values({ courseId: copy.id, offerId: offer.id, version, deployedBy: ctx.actor.userId });
    await audit(tx, ctx, copy, 'course.deployed', { offer: offer.number, origin: origin.id, version });
    return { courseId: copy.id, title: copy.title, version };
  });
}

const toVersion = (row: OfferVersionRow): OfferVersionInfo => ({
  version: row.version,
  releaseNotes: row.releaseNotes,
  publishedAt: row.publishedAt.toISOString(),
});

/**
 * Of the offer's versions (oldest first), those published after the one the copy holds. A version the
 * offer no longer lists (it was republished under another number) counts from the moment of deployment or
 * last update.
 */
function newerVersions(versions: OfferVersionRow[], deployment: typeof courseDeployments.$inferSelect) {
  const held = versions.find((row) => row.version === deployment.version);
  const since = held?.publishedAt ?? deployment.updatedAt ?? deployment.deployedAt;
  return versions.filter((row) => row.publishedAt > since && row.version !== deployment.version);
}

/** Where a deployed copy comes from and what was published since; null for a course not deployed. */
export async function deploymentOf(db: Tx, courseId: string): Promise<Deployment | null> {
  const [deployment] = await db
    .select()
    .from(courseDeployments)
    .where(eq(courseDeployments.courseId, courseId));
  if (!deployment) return null;
  // The deployment's foreign key keeps its offer, and the offer's its domain.
  const offer = (await offerById(db, deployment.offerId))!;
  const [domain, versions] = await Promise.all([
    getDomain(db, offer.domainId),
    offerVersionsOf(db, offer.id),
  ]);
  const { slug, name } = domain!;
  const latest = versions.at(-1);
  return {
    offer: {
      number: offer.number,
      title: offer.title,
      status: offer.status,
      domain: { id: offer.domainId, slug, name },
    },
    version: deployment.version,
    deployedAt: deployment.deployedAt.toISOString(),
    updatedAt: deployment.updatedAt?.toISOString() ?? null,
    latest: latest ? toVersion(latest) : null,
    newer: newerVersions(versions, deployment).map(toVersion),
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
    const offer = (await offerById(tx, deployment.offerId))!;
    if (offer.status !== 'published') throw problems.conflict('offer_withdrawn', 'hub.errors.withdrawn');
    const version = offer.version;
    if (!version || version === deployment.version)
      throw problems.conflict('up_to_date', 'hub.errors.upToDate');
    const origin = await getCourse(tx, offer.courseId);
    const context = await findContext(tx, 'course', courseId);
    if (!context) throw problems.notFound();
    // The activities removed say so (`activity.removed`): course completions and the page follow.
    await clearCourseContent(tx, ctx.files, courseId, ctx.now);
    await copyCourseContent(tx, ctx.files, origin, { id: courseId, contextId: context.id }, { now: ctx.now });
    await setCourseMetadata(tx, courseId, { ...copy.metadata, version }, ctx.now);
    await tx
      .update(courseDeployments)
      .set({ version, updatedAt: ctx.now })
      .where(eq(courseDeployments.courseId, courseId));
    await audit(tx, ctx, copy, 'course.deployment_updated', {
      offer: offer.number,
      from: deployment.version,
      to: version,
    });
    return (await deploymentOf(tx, courseId))!;
  });
}
