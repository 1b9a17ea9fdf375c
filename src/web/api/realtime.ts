/**
 * The realtime client of the web app: one WebSocket per tab (`/api/realtime`, the session cookie
 * authenticates it), opened when a component first listens to a channel and closed when none does. It
 * comes back after a loss with exponential back-off and jitter, and subscribes again from the last
 * sequence number it saw on each channel, so that the server replays what was missed. Components use
 * `useChannel` and `usePresence`; see `src/server/platform/realtime/README.md` for the protocol.
 */
import { useEffect, useRef, useState } from 'react';
import type { ClientMessage, PresencePerson, ServerMessage } from '../../shared/realtime.ts';
import { CLOSE } from '../../shared/realtime-close.ts';

export type Presence = { count: number; people?: PresencePerson[] };
export type ChannelMessage<T = unknown> = { seq: number; data: T };
type MessageListener = (message: ChannelMessage) => void;
/** `gap`: what was missed could not all be replayed; reload the state the channel feeds. */
type StatusListener = (status: { subscribed: boolean; refused?: boolean; gap?: boolean }) => void;

type ChannelEntry = {
  listeners: Set<MessageListener>;
  statusListeners: Set<StatusListener>;
  presenceListeners: Set<(presence: Presence) => void>;
  /** The last sequence number received: the replay starts after it. Undefined before the first answer. */
  seq: number | undefined;
  presence: Presence | undefined;
  refused: boolean;
};

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** A socket alive this long resets the back-off. */
const STABLE_MS = 10_000;
const PING_MS = 25_000;
/** Idle: closed shortly after its last listener leaves (a page change keeps it open). */
const IDLE_CLOSE_MS = 5_000;

export class RealtimeConnection {
  readonly #url: string;
  readonly #channels = new Map<string, ChannelEntry>();
  #socket: WebSocket | undefined;
  #attempt = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #idle: ReturnType<typeof setTimeout> | undefined;
  #ping: ReturnType<typeof setInterval> | undefined;
  #openedAt = 0;
  /** The session is over: nothing more until the page reloads (a new login). */
  #ended = false;

  readonly #open: (url: string) => WebSocket;

  /** `open` makes the socket (the tests' carries a cookie; a browser's sends it by itself). */
  constructor(url: string, open: (url: string) => WebSocket = (address) => new WebSocket(address)) {
    this.#url = url;
    this.#open = open;
  }

  /** Listens to a channel; returns how to stop. The first listener of a channel subscribes to it. */
  listen(
    channel: string,
    handlers: {
      message?: MessageListener;
      status?: StatusListener;
      presence?: (presence: Presence) => void;
    },
  ): () => void {
    let entry = this.#channels.get(channel);
    if (!entry) {
      entry = {
        listeners: new Set(),
        statusListeners: new Set(),
        presenceListeners: new Set(),
        seq: undefined,
        presence: undefined,
        refused: false,
      };
      this.#channels.set(channel, entry);
      this.#subscribe(channel, entry);
    }
    const current = entry;
    if (handlers.message) current.listeners.add(handlers.message);
    if (handlers.status) current.statusListeners.add(handlers.status);
    if (handlers.presence) {
      current.presenceListeners.add(handlers.presence);
      if (current.presence) handlers.presence(current.presence);
    }
    clearTimeout(this.#idle);
    this.#ensureOpen();
    return () => {
      if (handlers.message) current.listeners.delete(handlers.message);
      if (handlers.status) current.statusListeners.delete(handlers.status);
      if (handlers.presence) current.presenceListeners.delete(handlers.presence);
      if (current.listeners.size + current.statusListeners.size + current.presenceListeners.size > 0) return;
      this.#channels.delete(channel);
      if (!current.refused) this.#send({ type: 'unsubscribe', channel });
      if (this.#channels.size === 0) {
        clearTimeout(this.#idle);
        this.#idle = setTimeout(() => this.#close(), IDLE_CLOSE_MS);
      }
    };
  }

  #ensureOpen() {
    if (this.#ended || this.#socket || this.#retry) return;
    const socket = this.#open(this.#url);
    this.#socket = socket;
    socket.onopen = () => {
      this.#openedAt = Date.now();
      for (const [channel, entry] of this.#channels) if (!entry.refused) this.#subscribe(channel, entry);
      this.#ping = setInterval(() => this.#send({ type: 'ping' }), PING_MS);
    };
    socket.onmessage = (event) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      this.#received(message);
    };
    socket.onclose = (event) => {
      clearInterval(this.#ping);
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      for (const entry of this.#channels.values())
        for (const listener of entry.statusListeners) listener({ subscribed: false });
      if (event.code === CLOSE.sessionEnded) {
        this.#ended = true;
        return;
      }
      if (this.#channels.size === 0) return;
      if (Date.now() - this.#openedAt > STABLE_MS) this.#attempt = 0;
      // Full jitter: clients cut off together (a node restarting) do not come back together.
      const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** this.#attempt);
      this.#attempt++;
      this.#retry = setTimeout(() => {
        this.#retry = undefined;
        this.#ensureOpen();
      }, Math.random() * ceiling);
    };
  }

  #close() {
    if (this.#channels.size > 0) return;
    const socket = this.#socket;
    this.#socket = undefined;
    clearInterval(this.#ping);
    socket?.close(1000);
  }

  #send(message: ClientMessage) {
    if (this.#socket?.readyState === 1) this.#socket.send(JSON.stringify(message));
  }

  #subscribe(channel: string, entry: ChannelEntry) {
    this.#send({ type: 'subscribe', channel, ...(entry.seq !== undefined && { since: entry.seq }) });
  }

  #received(message: ServerMessage) {
    if (!('channel' in message)) return;
    const entry = this.#channels.get(message.channel);
    if (!entry) return;
    switch (message.type) {
      case 'message':
        // A replay overlapping what was already seen (a subscription asked twice) is not shown twice.
        if (entry.seq !== undefined && message.seq <= entry.seq) return;
        entry.seq = message.seq;
        for (const listener of entry.listeners) listener({ seq: message.seq, data: message.data });
        return;
      case 'subscribed':
        entry.seq = Math.max(entry.seq ?? 0, message.seq);
        for (const listener of entry.statusListeners)
          listener({ subscribed: true, ...(message.gap && { gap: true }) });
        return;
      case 'refused':
        entry.refused = true;
        for (const listener of entry.statusListeners) listener({ subscribed: false, refused: true });
        return;
      case 'presence': {
        const presence: Presence = {
          count: message.count,
          ...(message.people && { people: message.people }),
        };
        entry.presence = presence;
        for (const listener of entry.presenceListeners) listener(presence);
        return;
      }
    }
  }
}

let shared: RealtimeConnection | undefined;

/** The tab's one connection, made on first use. */
export function realtime(): RealtimeConnection {
  if (!shared) {
    const { protocol, host } = window.location;
    shared = new RealtimeConnection(`${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api/realtime`);
  }
  return shared;
}

/**
 * Calls `onMessage` with each message of `channel` (`null`: none) while the component is mounted, the
 * ones missed during a reconnection included, in order. `onStatus` hears whether the subscription holds
 * (and `gap` when a reload of the state is needed). The handlers may change between renders.
 */
export function useChannel<T = unknown>(
  channel: string | null,
  onMessage: (message: ChannelMessage<T>) => void,
  onStatus?: StatusListener,
): void {
  const handlers = useRef({ onMessage, onStatus });
  handlers.current = { onMessage, onStatus };
  useEffect(() => {
    if (!channel) return;
    return realtime().listen(channel, {
      message: (message) => handlers.current.onMessage(message as ChannelMessage<T>),
      status: (status) => handlers.current.onStatus?.(status),
    });
  }, [channel]);
}

/** Who is connected to `channel`, across the nodes; undefined until the server has said. */
export function usePresence(channel: string | null): Presence | undefined {
  const [presence, setPresence] = useState<Presence | undefined>(undefined);
  useEffect(() => {
    setPresence(undefined);
    if (!channel) return;
    return realtime().listen(channel, { presence: setPresence });
  }, [channel]);
  return presence;
}
