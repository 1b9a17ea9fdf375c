/** The cohorts a person belongs to (GDPR): given in their export, left when their account is erased. */
import { asc, eq } from 'drizzle-orm';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';
import { cohortMembers, cohorts } from './schema.ts';

export const cohortPersonalData: PersonalDataHolder = {
  key: 'cohorts',
  async export({ tx }, userId) {
    const rows = await tx
      .select({ name: cohorts.name, domainId: cohorts.domainId, addedAt: cohortMembers.addedAt })
      .from(cohortMembers)
      .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
      .where(eq(cohortMembers.userId, userId))
      .orderBy(asc(cohorts.name));
    return rows.map((row) => ({ ...row, addedAt: row.addedAt.toISOString() }));
  },
  async erase({ tx }, userId) {
    await tx.delete(cohortMembers).where(eq(cohortMembers.userId, userId));
  },
};
