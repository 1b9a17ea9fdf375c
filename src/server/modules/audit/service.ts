import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEvent, AuditListQuery } from '../../../shared/api.ts';
import { type Actor, scopeOf } from '../../platform/access/can.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import type { Db } from '../../platform/db/index.ts';
import { users } from '../accounts/schema.ts';
import { auditCapabilities as caps } from './policy.ts';

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
  const [rows, [count]] = await Promise.all([
    db
      .select({
        event: auditEvents,
        firstName: users.firstName,
        lastName: users.lastName,
        objectLabel: sql<string | null>`CASE ${auditEvents.objectType}
          WHEN 'user' THEN (SELECT o.first_name || ' ' || o.last_name FROM users o WHERE o.id::text = ${auditEvents.objectId})
          WHEN 'domain' THEN (SELECT d.name FROM domains d WHERE d.id::text = ${auditEvents.objectId})
        END`,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(auditEvents).where(where),
  ]);
  const items: z.infer<typeof AuditEvent>[] = rows.map(({ event, firstName, lastName, objectLabel }) => ({
    id: String(event.id),
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorName: firstName ? `${firstName} ${lastName}` : null,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    objectLabel,
    contextId: event.contextId,
    ip: event.ip,
    details: event.details,
  }));
  return { items, total: count?.total ?? 0, page: query.page, pageSize: query.pageSize };
}
