import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { courses } from '../courses/schema.ts';
import { offers } from '../offers/schema.ts';

/**
 * A course deployed from the course offer (Réseau des concepteurs): the copy in the deployer's domain
 * remembers the offer it came from and the version it holds, so a newer version can be offered to it.
 */
export const courseDeployments = pgTable(
  'course_deployments',
  {
    courseId: uuid('course_id')
      .primaryKey()
      .references(() => courses.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    deployedBy: uuid('deployed_by').references(() => users.id),
    deployedAt: timestamp('deployed_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [index('course_deployments_offer').on(t.offerId)],
);
