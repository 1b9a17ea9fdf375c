import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEvent, AuditListQuery } from '../../../shared/api.ts';
import { type Actor, scopeOf } from '../../platform/access/can.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import type { Db } from '../../platform/db/index.ts';
import { userNames } from '../accounts/index.ts';
import { domainsByIds } from '../domains/index.ts';
import { auditCapabilities as caps } from './policy.ts';

/** An object id as PostgreSQL writes a uuid: only those can name an account or a domain. */
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Events of the domains where the actor holds `audit:view` (all of them for a platform role), newest first. */
export async function listEvents(db: Db, actor: Actor, query: z.infer<typeof AuditListQuery>) {
  const scope = scopeOf(actor, caps['audit:view']);
  const filters: (SQL | undefined)[] = [];
  if (!scope.all)
    filters.push(scope.domainIds.length ? inArray(auditEvents.domainId, scope.domainIds) : sql`false`);
  if (query.action) filters.push(eq(auditEvents.action, query.action));
  if (query.actorId) filters.push(eq(auditEvents.actorId, query.actorId));
  if (query.domainId) filters.push(eq(auditEvents.domainId, query.domainId));
  const where = and(...filters);
  const [events, [count]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(auditEvents).where(where),
  ]);
  // Who acted and what was acted on, named for the page's events at once.
  const objectIds = (type: string) =>
    events.flatMap((e) =>
      e.objectType === type && e.objectId && UUID_TEXT.test(e.objectId) ? [e.objectId] : [],
    );
  const [names, domains] = await Promise.all([
    userNames(db, [...events.flatMap((e) => (e.actorId ? [e.actorId] : [])), ...objectIds('user')]),
    domainsByIds(db, objectIds('domain')),
  ]);
  const domainNames = new Map(domains.map((d) => [d.id, d.name]));
  const objectLabel = (event: (typeof events)[number]) => {
    if (event.objectType === 'user') {
      const name = names.get(event.objectId ?? '');
      return name ? `${name.firstName} ${name.lastName}` : null;
    }
    if (event.objectType === 'domain') return domainNames.get(event.objectId ?? '') ?? null;
    return null;
  };
  const items: z.infer<typeof AuditEvent>[] = events.map((event) => {
    const actorName = event.actorId ? names.get(event.actorId) : undefined;
    return {
      id: String(event.id),
      at: event.at.toISOString(),
      actorId: event.actorId,
      actorName: actorName?.firstName ? `${actorName.firstName} ${actorName.lastName}` : null,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      objectLabel: objectLabel(event),
      contextId: event.contextId,
      ip: event.ip,
      details: event.details,
    };
  });
  return { items, total: count?.total ?? 0, page: query.page, pageSize: query.pageSize };
}
