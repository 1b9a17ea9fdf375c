import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { auditEvents } from './schema.ts';

/** Where a request came from, copied onto each event it causes. */
export type Origin = { ip: string | null; userAgent: string | null };

export type AuditEntry = {
  actorId: string | null;
  action: string;
  objectType?: string;
  objectId?: string;
  contextId?: number;
  domainId?: string | null;
  details?: Record<string, unknown>;
};

/** Appends one event to the log; call it inside the transaction of the change it describes. */
export async function record(db: Tx, origin: Origin, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    contextId: entry.contextId ?? null,
    domainId: entry.domainId ?? null,
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, 500) ?? null,
    details: entry.details ?? {},
  });
}

/**
 * The one change the log accepts after the fact: when a person's account is erased (GDPR), the address
 * its events carried in `details` (an account created, a failed login) goes. What happened, when, from
 * where and by whom stays — the log is the platform's security record — and the account it names now
 * reads "Utilisateur supprimé".
 */
export async function forgetAccountAddress(db: Tx, userId: string): Promise<void> {
  await db
    .update(auditEvents)
    .set({ details: sql`${auditEvents.details} - 'email'` })
    .where(
      and(
        eq(auditEvents.objectType, 'user'),
        eq(auditEvents.objectId, userId),
        sql`${auditEvents.details} ? 'email'`,
      ),
    );
}
