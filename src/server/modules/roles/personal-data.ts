/** The roles a person holds, and where (GDPR): given in their export, all taken back on erasure. */
import { eq } from 'drizzle-orm';
import { roleAssignments } from '../../platform/access/schema.ts';
import { emit } from '../../platform/events/index.ts';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';
import { listAssignments } from './service.ts';

export const rolesPersonalData: PersonalDataHolder = {
  key: 'roles',
  async export({ tx }, userId) {
    return (await listAssignments(tx, userId)).map((a) => ({
      role: a.role,
      contextLevel: a.contextLevel,
      where: a.contextLabel,
      since: a.createdAt,
    }));
  },
  async erase({ tx }, userId) {
    await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
    await emit(tx, { type: 'access.changed', userId });
  },
};
