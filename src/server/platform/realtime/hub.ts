/**
 * The realtime hub of one node: the WebSocket connections it holds, what they are subscribed to, and the
 * bridge to the other nodes through the bus. See README.md for the protocol and the guarantees.
 */
import { randomUUID } from 'node:crypto';
import type { ServerMessage } from '../../../shared/realtime.ts';
import type { Actor } from '../access/can.ts';
import type { Db } from '../db/index.ts';
import type { Events } from '../events/index.ts';
import type { Bus } from './bus.ts';
import { mayRead, type PresenceMode, presenceOf } from './channels.ts';
import { headOf, messagesBetween } from './publish.ts';

const MESSAGES = 'magistere:realtime';
const PRESENCE = 'magistere:presence';
/** Above this, a message crosses the bus without its data and each node reads it from PostgreSQL. */
const INLINE_MAX = 6_000;
/** A client back after longer than this many messages reloads its state instead (`gap`). */
export const REPLAY_MAX = 1_000;
/** Beyond this many people on a channel, its presence is a count only. */
const PEOPLE_MAX = 50;
const PRESENCE_HEARTBEAT_MS = 15_000;
const PRESENCE_TTL_MS = 40_000;
const PRESENCE_DEBOUNCE_MS = 250;

/** One client connection, as the hub sees it (the route owns the socket). */
export type Subscriber = {
  readonly id: string;
  actor: Actor;
  /** Sends an already serialised ServerMessage (a Buffer: the same frame for many, encoded once). */
  sendRaw(json: string | Buffer): void;
  /** The channels it is subscribed to (or being subscribed to). */
  readonly channels: Set<string>;
  /** Ends the connection (the client comes back and subscribes again). */
  close(code: number, reason: string): void;
};

type ChannelState = {
  /** The last sequence number delivered here; -1 until read from PostgreSQL. */
  seq: number;
  subscribers: Set<Subscriber>;
  /** Subscriptions and deliveries of the channel run one after the other, in order. */
  chain: Promise<void>;
  pending: number;
  /** Read with the first subscription. */
  presence: PresenceMode | undefined;
};

type Announcement = { channel: string; users: string[] | null; count: number };
type PresenceMessage = { node: string; entries: Announcement[]; ask?: string[] };
type RemotePresence = Map<string, { users: string[] | null; count: number; expires: number }>;
type Logger = { error: (details: object, message: string) => void };

export class Realtime {
  readonly node = randomUUID();
  readonly #db: Db;
  readonly #bus: Bus;
  readonly #channels = new Map<string, ChannelState>();
  readonly #remote = new Map<string, RemotePresence>();
  readonly #presenceDue = new Map<string, NodeJS.Timeout>();
  readonly #announceDue = new Set<string>();
  readonly #asking = new Set<string>();
  #announceTimer: NodeJS.Timeout | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #logger: Logger = { error: (details, message) => console.error(message, details) };
  readonly ready: Promise<void>;

  constructor(options: { db: Db; bus: Bus; events: Events }) {
    this.#db = options.db;
    this.#bus = options.bus;
    // After COMMIT, on the node that wrote: to every node, this one included.
    options.events.on('realtime.published', async ({ channel, seq, data }) => {
      const json = JSON.stringify(data);
      const message =
        Buffer.byteLength(json) <= INLINE_MAX ? `${seq}\n${channel}\n${json}` : `${seq}\n${channel}\n`;
      await this.#bus.publish(MESSAGES, message);
    });
    this.ready = Promise.all([
      this.#bus.subscribe(MESSAGES, (message) => this.#received(message)),
      this.#bus.subscribe(PRESENCE, (message) => this.#presenceReceived(message)),
    ]).then(() => {
      this.#heartbeat = setInterval(() => this.#announceAll(), PRESENCE_HEARTBEAT_MS);
      this.#heartbeat.unref();
    });
  }

  logTo(logger: Logger) {
    this.#logger = logger;
  }

  stop() {
    clearInterval(this.#heartbeat);
    clearTimeout(this.#announceTimer);
    for (const timer of this.#presenceDue.values()) clearTimeout(timer);
  }

  /** How many connections are subscribed here, by channel (metrics, tests). */
  subscriberCount(channel: string) {
    return this.#channels.get(channel)?.subscribers.size ?? 0;
  }

  /**
   * Subscribes after checking the channel's rule: replays what came after `since` (when given), then
   * sends `subscribed` and the live messages, with no gap and no duplicate. Resolves to whether it was
   * allowed.
   */
  async subscribe(subscriber: Subscriber, channel: string, since: number | undefined, now: Date) {
    if (!(await mayRead({ db: this.#db, actor: subscriber.actor, now }, channel))) return false;
    // Asked again (a client catching up on the same socket): the replay starts over from `since`.
    this.#leave(subscriber, channel);
    subscriber.channels.add(channel);
    const state = this.#state(channel);
    state.pending++;
    this.#enqueue(channel, state, async () => {
      state.pending--;
      try {
        if (subscriber.channels.has(channel)) await this.#join(subscriber, channel, state, since);
      } catch (error) {
        // The database failed this subscription: the client reconnects after its back-off and asks again.
        subscriber.channels.delete(channel);
        subscriber.close(1011, 'subscription failed');
        throw error;
      } finally {
        this.#forgetIfEmpty(channel, state);
      }
    });
    return true;
  }

  async #join(subscriber: Subscriber, channel: string, state: ChannelState, since: number | undefined) {
    if (state.seq < 0) state.seq = await headOf(this.#db, channel);
    state.presence ??= await presenceOf(this.#db, channel);
    let gap = since !== undefined && since > state.seq;
    if (since !== undefined && since < state.seq) {
      const from = Math.max(since, state.seq - REPLAY_MAX);
      const rows = await messagesBetween(this.#db, channel, from, state.seq, REPLAY_MAX);
      if (from > since || rows[0]?.seq !== since + 1) gap = true;
      for (const row of rows)
        subscriber.sendRaw(frame({ type: 'message', channel, seq: row.seq, data: row.data }));
    }
    // Unsubscribed or gone while its replay was read: nothing more to send.
    if (!subscriber.channels.has(channel)) return;
    state.subscribers.add(subscriber);
    subscriber.sendRaw(frame({ type: 'subscribed', channel, seq: state.seq, ...(gap && { gap: true }) }));
    this.#presenceChanged(channel, state, true);
  }

  unsubscribe(subscriber: Subscriber, channel: string) {
    this.#leave(subscriber, channel);
  }

  /** The connection is gone: all its subscriptions with it. */
  disconnect(subscriber: Subscriber) {
    for (const channel of [...subscriber.channels]) this.#leave(subscriber, channel);
  }

  /**
   * Asks each channel's rule again (the actor's access may have changed): returns the channels no longer
   * allowed, already left.
   */
  async reauthorize(subscriber: Subscriber, now: Date): Promise<string[]> {
    const lost: string[] = [];
    for (const channel of [...subscriber.channels])
      if (!(await mayRead({ db: this.#db, actor: subscriber.actor, now }, channel))) {
        this.#leave(subscriber, channel);
        lost.push(channel);
      }
    return lost;
  }

  #leave(subscriber: Subscriber, channel: string) {
    if (!subscriber.channels.delete(channel)) return;
    const state = this.#channels.get(channel);
    if (!state) return;
    if (state.subscribers.delete(subscriber)) this.#presenceChanged(channel, state, false);
    this.#forgetIfEmpty(channel, state);
  }

  #forgetIfEmpty(channel: string, state: ChannelState) {
    if (state.subscribers.size > 0 || state.pending > 0 || this.#channels.get(channel) !== state) return;
    this.#channels.delete(channel);
    this.#remote.delete(channel);
  }

  #state(channel: string): ChannelState {
    let state = this.#channels.get(channel);
    if (!state) {
      state = {
        seq: -1,
        subscribers: new Set(),
        chain: Promise.resolve(),
        pending: 0,
        presence: undefined,
      };
      this.#channels.set(channel, state);
    }
    return state;
  }

  #enqueue(channel: string, state: ChannelState, step: () => Promise<void>) {
    state.chain = state.chain.then(step).catch((error) => {
      this.#logger.error({ err: error, channel }, 'realtime: delivery failed');
      // What this node holds of the channel is no longer sure: read its head again on the next step.
      state.seq = -1;
    });
  }

  #received(message: string) {
    const first = message.indexOf('\n');
    const second = message.indexOf('\n', first + 1);
    if (first < 0 || second < 0) return;
    const seq = Number(message.slice(0, first));
    const channel = message.slice(first + 1, second);
    const state = this.#channels.get(channel);
    if (!state || !Number.isSafeInteger(seq)) return;
    const json = message.slice(second + 1);
    this.#enqueue(channel, state, () => this.#deliver(channel, state, seq, json || undefined));
  }

  /**
   * Delivers message `seq` to this node's subscribers, after any message before it the bus lost or
   * brought later (read from PostgreSQL: everything up to `seq` is committed, since the channel's numbers
   * are committed in order). A message already delivered is dropped.
   */
  async #deliver(channel: string, state: ChannelState, seq: number, json: string | undefined) {
    // What was delivered before a failure is unknown: start again from this message.
    if (state.seq < 0) state.seq = seq - 1;
    if (seq <= state.seq) return;
    const missing = seq - state.seq - (json === undefined ? 0 : 1);
    if (missing > 0) {
      const rows = await messagesBetween(this.#db, channel, state.seq, seq, Math.min(missing, REPLAY_MAX));
      for (const row of rows) {
        if (row.seq === seq && json !== undefined) break;
        this.#broadcast(state, frame({ type: 'message', channel, seq: row.seq, data: row.data }));
      }
    }
    if (json !== undefined)
      this.#broadcast(
        state,
        `{"type":"message","channel":${JSON.stringify(channel)},"seq":${seq},"data":${json}}`,
      );
    state.seq = seq;
  }

  #broadcast(state: ChannelState, json: string) {
    // Encoded once for all the channel's subscribers, not once per socket.
    const frame = state.subscribers.size > 1 ? Buffer.from(json) : json;
    for (const subscriber of state.subscribers) subscriber.sendRaw(frame);
  }

  // Presence: each node tells the others who is connected to a channel through it, on every change and
  // every few seconds; what a node has not repeated for a while is forgotten (a node that died).

  #presenceChanged(channel: string, state: ChannelState, joined: boolean) {
    if (state.presence === undefined || state.presence === 'none') return;
    this.#announceDue.add(channel);
    // A channel new on this node: the others say who they hold there, without waiting for their heartbeat.
    if (joined && !this.#remote.has(channel)) {
      this.#remote.set(channel, new Map());
      this.#asking.add(channel);
    }
    this.#announceTimer ??= setTimeout(() => this.#announce(), PRESENCE_DEBOUNCE_MS);
    this.#schedulePresence(channel);
  }

  #localEntry(channel: string): Announcement {
    const state = this.#channels.get(channel);
    const users = new Set<string>();
    for (const subscriber of state?.subscribers ?? []) users.add(subscriber.actor.userId);
    return { channel, users: users.size <= PEOPLE_MAX ? [...users] : null, count: users.size };
  }

  #announce() {
    this.#announceTimer = undefined;
    const entries = [...this.#announceDue].map((channel) => this.#localEntry(channel));
    this.#announceDue.clear();
    const ask = [...this.#asking];
    this.#asking.clear();
    this.#send(entries, ask);
  }

  #announceAll() {
    const entries: Announcement[] = [];
    for (const [channel, state] of this.#channels)
      if (state.presence && state.presence !== 'none' && state.subscribers.size > 0)
        entries.push(this.#localEntry(channel));
    this.#send(entries, []);
    // Forget what other nodes stopped repeating.
    const now = Date.now();
    for (const [channel, nodes] of this.#remote)
      for (const [node, entry] of nodes)
        if (entry.expires < now) {
          nodes.delete(node);
          this.#schedulePresence(channel);
        }
  }

  /** In messages small enough for any bus (PostgreSQL's NOTIFY stops at 8,000 bytes). */
  #send(entries: Announcement[], ask: string[]) {
    if (entries.length === 0 && ask.length === 0) return;
    let batch: Announcement[] = [];
    let size = 0;
    const flush = (withAsk: boolean) => {
      const message: PresenceMessage = { node: this.node, entries: batch, ...(withAsk && { ask }) };
      void this.#bus
        .publish(PRESENCE, JSON.stringify(message))
        .catch((error) => this.#logger.error({ err: error }, 'realtime: presence not sent'));
      batch = [];
      size = 0;
    };
    for (const entry of entries) {
      const length = JSON.stringify(entry).length;
      if (size + length > 5_000 && batch.length > 0) flush(false);
      batch.push(entry);
      size += length;
    }
    flush(ask.length > 0);
  }

  #presenceReceived(message: string) {
    let parsed: PresenceMessage;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (parsed.node === this.node || !Array.isArray(parsed.entries)) return;
    const expires = Date.now() + PRESENCE_TTL_MS;
    for (const { channel, users, count } of parsed.entries) {
      if (!this.#channels.has(channel)) continue;
      let nodes = this.#remote.get(channel);
      if (!nodes) {
        nodes = new Map();
        this.#remote.set(channel, nodes);
      }
      if (count === 0) nodes.delete(parsed.node);
      else nodes.set(parsed.node, { users, count, expires });
      this.#schedulePresence(channel);
    }
    const asked = (parsed.ask ?? []).filter(
      (channel) => (this.#channels.get(channel)?.subscribers.size ?? 0) > 0,
    );
    if (asked.length > 0)
      this.#send(
        asked.map((channel) => this.#localEntry(channel)),
        [],
      );
  }

  /** Tells this node's subscribers of a channel who is there, once the changes of a moment have settled. */
  #schedulePresence(channel: string) {
    if (this.#presenceDue.has(channel)) return;
    this.#presenceDue.set(
      channel,
      setTimeout(() => {
        this.#presenceDue.delete(channel);
        const state = this.#channels.get(channel);
        if (!state?.presence || state.presence === 'none' || state.subscribers.size === 0) return;
        this.#broadcast(state, frame(this.presence(channel)));
      }, PRESENCE_DEBOUNCE_MS),
    );
  }

  /** Who is connected to the channel, on every node, as its subscribers are told. */
  presence(channel: string): Extract<ServerMessage, { type: 'presence' }> {
    const local = this.#localEntry(channel);
    const mode = this.#channels.get(channel)?.presence ?? 'count';
    let listed = local.users !== null;
    const people = new Set(local.users ?? []);
    let unlisted = local.users === null ? local.count : 0;
    for (const entry of this.#remote.get(channel)?.values() ?? []) {
      if (entry.users) for (const user of entry.users) people.add(user);
      else {
        listed = false;
        unlisted += entry.count;
      }
    }
    // One person on two nodes (two tabs) counts once when the lists say so; beyond them, counts add up.
    const count = people.size + unlisted;
    return {
      type: 'presence',
      channel,
      count,
      ...(mode === 'people' &&
        listed &&
        count <= PEOPLE_MAX && { people: [...people].map((id) => ({ id })) }),
    };
  }
}

export function frame(message: ServerMessage): string {
  return JSON.stringify(message);
}
