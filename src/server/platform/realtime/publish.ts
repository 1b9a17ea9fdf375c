import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { emit } from '../events/index.ts';
import { channelDefinition } from './channels.ts';
import { realtimeChannels, realtimeMessages } from './schema.ts';

/** What one message may weigh, as JSON: realtime carries events and small states, not documents. */
export const MAX_DATA_BYTES = 32 * 1024;

/**
 * Publishes `data` on `channel`, inside the writer's transaction `tx`: the message gets the channel's next
 * sequence number and is stored with what the transaction writes; subscribers on every node receive it
 * once the transaction has committed, never if it rolls back. Publishing on `db` itself (no transaction)
 * stores and delivers at once. Returns the message's sequence number.
 *
 * The channel's counter stays locked until `tx` ends: publishers on one channel wait for each other. Keep
 * the transaction short, publish near its end.
 */
export async function publish(tx: Tx, channel: string, data: unknown): Promise<number> {
  if (!channelDefinition(channel)) throw new Error(`no module serves the realtime channel ${channel}`);
  const json = JSON.stringify(data);
  if (json === undefined) throw new Error(`realtime data on ${channel} is not JSON`);
  if (Buffer.byteLength(json) > MAX_DATA_BYTES)
    throw new Error(`realtime message on ${channel} over ${MAX_DATA_BYTES} bytes`);
  const [row] = await tx
    .insert(realtimeChannels)
    .values({ channel, seq: 1 })
    .onConflictDoUpdate({ target: realtimeChannels.channel, set: { seq: sql`${realtimeChannels.seq} + 1` } })
    .returning({ seq: realtimeChannels.seq });
  const seq = row!.seq;
  // Stored as it will be read back by a replay: the same JSON, whatever `data`'s prototype was.
  const plain = JSON.parse(json) as unknown;
  await tx.insert(realtimeMessages).values({ channel, seq, data: plain });
  await emit(tx, { type: 'realtime.published', channel, seq, data: plain });
  return seq;
}

/** The channel's last sequence number (0: nothing published yet). */
export async function headOf(tx: Tx, channel: string): Promise<number> {
  const [row] = await tx
    .select({ seq: realtimeChannels.seq })
    .from(realtimeChannels)
    .where(eq(realtimeChannels.channel, channel));
  return row?.seq ?? 0;
}

/** The messages of `channel` after `after` up to `upTo` included, in order, at most `limit`. */
export async function messagesBetween(tx: Tx, channel: string, after: number, upTo: number, limit: number) {
  return tx
    .select({ seq: realtimeMessages.seq, data: realtimeMessages.data })
    .from(realtimeMessages)
    .where(
      and(
        eq(realtimeMessages.channel, channel),
        gt(realtimeMessages.seq, after),
        lte(realtimeMessages.seq, upTo),
      ),
    )
    .orderBy(asc(realtimeMessages.seq))
    .limit(limit);
}
