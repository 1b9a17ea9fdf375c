import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { domains } from '../domains/schema.ts';

/**
 * A person's request to have their account deleted and their data erased (GDPR, art. 17), and what an
 * administrator decided. The row outlives the erasure it led to, as its record: the account it points at
 * is then anonymised, and the person's reason is erased with the rest.
 */
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /**
     * The person's home domain when they asked: whose administrators decide (the platform's always may).
     * Kept on the request so that its list and its decision agree whatever the account becomes.
     */
    domainId: uuid('domain_id')
      .notNull()
      .references(() => domains.id),
    status: text('status', { enum: ['pending', 'approved', 'refused', 'cancelled'] })
      .notNull()
      .default('pending'),
    /** Why the person asks; null once the request is approved (erased with the account). */
    reason: text('reason'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The administrator who approved or refused. */
    decidedBy: uuid('decided_by').references(() => users.id),
    /** Why it was refused, for the person. */
    refusalReason: text('refusal_reason'),
  },
  (t) => [
    // One open request per person at a time.
    uniqueIndex('erasure_requests_pending').on(t.userId).where(sql`${t.status} = 'pending'`),
    index('erasure_requests_status').on(t.status, t.requestedAt),
  ],
);
