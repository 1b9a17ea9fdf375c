/**
 * The audit log's part of a person's data (GDPR): what they did (with the address and browser it came
 * from) and what was done to their account, without the events' details, which may name other people.
 * Erasure keeps the log — the platform's security record — whose events then name "Utilisateur supprimé"
 * (the accounts module removes the address they carried).
 */
import { and, asc, eq, or } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';

export const auditPersonalData: PersonalDataHolder = {
  key: 'history',
  async export({ tx }, userId) {
    const events = await tx
      .select()
      .from(auditEvents)
      .where(
        or(
          eq(auditEvents.actorId, userId),
          and(eq(auditEvents.objectType, 'user'), eq(auditEvents.objectId, userId)),
        ),
      )
      .orderBy(asc(auditEvents.at), asc(auditEvents.id));
    return {
      actions: events
        .filter((e) => e.actorId === userId)
        .map((e) => ({
          at: e.at.toISOString(),
          action: e.action,
          objectType: e.objectType,
          ip: e.ip,
          userAgent: e.userAgent,
        })),
      onMyAccount: events
        .filter((e) => e.actorId !== userId)
        .map((e) => ({ at: e.at.toISOString(), action: e.action })),
    };
  },
  // Kept on purpose (see above).
  erase: async () => {},
};
