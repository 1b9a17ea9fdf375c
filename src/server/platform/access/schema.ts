import { sql } from 'drizzle-orm';
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Contexts nest platform → domain → course → activity. `path` lists the ids from the root ("/1/7/42"),
 * so the ancestors of a context are read without recursion.
 */
export const contexts = pgTable(
  'contexts',
  {
    id: serial('id').primaryKey(),
    level: text('level', { enum: ['platform', 'domain', 'course', 'activity'] }).notNull(),
    instanceId: text('instance_id'),
    parentId: integer('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
  },
  (t) => [
    uniqueIndex('contexts_level_instance').on(t.level, t.instanceId),
    index('contexts_parent').on(t.parentId),
  ],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    contextId: integer('context_id')
      .notNull()
      .references(() => contexts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('role_assignments_unique').on(t.userId, t.role, t.contextId),
    index('role_assignments_context').on(t.contextId),
  ],
);

export const PLATFORM_CONTEXT_ID = 1;
export const platformContextSeed = sql`INSERT INTO contexts (id, level, instance_id, parent_id, path, depth) VALUES (1, 'platform', NULL, NULL, '/1', 1) ON CONFLICT DO NOTHING`;
