import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The last sequence number given on each realtime channel. Publishing updates this row, which locks it
 * until the writer's transaction ends: the numbers of one channel are given, and committed, one after the
 * other, with no gap (a rolled-back publication gives its number back).
 */
export const realtimeChannels = pgTable('realtime_channels', {
  channel: text('channel').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});

/** What was published on each channel, kept for the retention period so that a client back can catch up. */
export const realtimeMessages = pgTable(
  'realtime_messages',
  {
    channel: text('channel').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.seq] }), index('realtime_messages_created').on(t.createdAt)],
);
