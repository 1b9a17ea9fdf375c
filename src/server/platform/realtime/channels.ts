/**
 * Which channels exist and who may read them. A channel is `prefix:rest`; the module owning the prefix
 * registers its rule at start-up (`defineChannel`), as it lends `narrowReach` or `defineAudience`: the
 * platform serves channels without knowing any module.
 */
import { CHANNEL_PATTERN } from '../../../shared/realtime.ts';
import type { Actor } from '../access/can.ts';
import type { Db } from '../db/index.ts';

export type ChannelContext = { db: Db; actor: Actor; now: Date };

/** What subscribers of a channel learn of who else is connected to it. */
export type PresenceMode = 'none' | 'count' | 'people';

export type ChannelDefinition = {
  /**
   * Whether the actor may read the channel `prefix:rest`. Asked at each subscription and again whenever
   * the actor's access may have changed: a subscription no longer allowed is closed. A rule that throws
   * refuses.
   */
  authorize(ctx: ChannelContext, rest: string): Promise<boolean>;
  /** Default `count`. `people` lists who is there (up to a few dozen; only the count beyond). */
  presence?: PresenceMode | ((db: Db, rest: string) => Promise<PresenceMode>);
};

const definitions = new Map<string, ChannelDefinition>();

export function defineChannel(prefix: string, definition: ChannelDefinition) {
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(prefix)) throw new Error(`bad channel prefix ${prefix}`);
  const known = definitions.get(prefix);
  if (known && known !== definition) throw new Error(`channel prefix ${prefix} defined twice`);
  definitions.set(prefix, definition);
}

/** The prefix's definition and the rest of the name, or nothing for a name no module serves. */
export function channelDefinition(channel: string) {
  if (!CHANNEL_PATTERN.test(channel)) return undefined;
  const cut = channel.indexOf(':');
  const definition = definitions.get(channel.slice(0, cut));
  return definition && { definition, rest: channel.slice(cut + 1) };
}

export async function mayRead(ctx: ChannelContext, channel: string): Promise<boolean> {
  const found = channelDefinition(channel);
  if (!found) return false;
  try {
    return await found.definition.authorize(ctx, found.rest);
  } catch {
    return false;
  }
}

export async function presenceOf(db: Db, channel: string): Promise<PresenceMode> {
  const found = channelDefinition(channel);
  if (!found) return 'none';
  const { presence = 'count' } = found.definition;
  return typeof presence === 'function' ? presence(db, found.rest) : presence;
}

/** A person's own channel: what is for them alone (notifications, their unread counters). */
export const userChannel = (userId: string) => `user:${userId}`;

defineChannel('user', {
  authorize: async ({ actor }, rest) => rest === actor.userId,
  presence: 'none',
});
