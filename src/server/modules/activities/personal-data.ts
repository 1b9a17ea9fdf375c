/** The activity kinds a person marked as favourites in the chooser (GDPR): exported, removed on erasure. */
import { asc, eq } from 'drizzle-orm';
import type { PersonalDataHolder } from '../../platform/privacy/index.ts';
import { activityFavourites } from './schema.ts';

export const favouritesPersonalData: PersonalDataHolder = {
  key: 'favouriteKinds',
  async export({ tx }, userId) {
    const rows = await tx
      .select()
      .from(activityFavourites)
      .where(eq(activityFavourites.userId, userId))
      .orderBy(asc(activityFavourites.createdAt));
    return rows.map((row) => ({ kind: row.kind, since: row.createdAt.toISOString() }));
  },
  async erase({ tx }, userId) {
    await tx.delete(activityFavourites).where(eq(activityFavourites.userId, userId));
  },
};
