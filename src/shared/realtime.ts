/**
 * The realtime protocol, one JSON object per WebSocket message, shared by the server
 * (`platform/realtime`) and the web client (`web/api/realtime.ts`).
 */
import { z } from 'zod';

/** `prefix:rest`: a registered prefix, then what the prefix's rule reads (ids, names). */
export const CHANNEL_PATTERN = /^[a-z][a-z0-9-]{0,30}:[A-Za-z0-9:_-]{1,200}$/;
export const Channel = z.string().max(232).regex(CHANNEL_PATTERN);

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('subscribe'),
    channel: Channel,
    /** The last sequence number the client holds: what came after it is replayed first. */
    since: z.number().int().min(0).optional(),
  }),
  z.object({ type: z.literal('unsubscribe'), channel: Channel }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export type PresencePerson = { id: string };

export type ServerMessage =
  | { type: 'message'; channel: string; seq: number; data: unknown }
  /**
   * Live from `seq` on (what came before was replayed). `gap`: some of what was asked for could not be
   * replayed (pruned, or too much): the client reloads its state instead of trusting the replay.
   */
  | { type: 'subscribed'; channel: string; seq: number; gap?: true }
  | { type: 'refused'; channel: string; reason: RefusalReason }
  /** Who is connected to the channel across the nodes; `people` only where the channel shows them. */
  | { type: 'presence'; channel: string; count: number; people?: PresencePerson[] }
  | { type: 'pong' }
  /** A message the server could not take (not JSON, unknown type, too fast); repeated, it closes. */
  | { type: 'error'; reason: 'bad_message' | 'rate_limited' };

export type RefusalReason = 'forbidden' | 'unknown_channel' | 'too_many_channels';

export { CLOSE } from './realtime-close.ts';
