import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A tenant: one per académie, plus national ones (dgesco, educagri). */
export const domains = pgTable('domains', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['academie', 'national'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
