/**
 * A WebSocket client of the realtime protocol for the tests and the benchmark: it records every message
 * and lets a test wait for the one it expects.
 */
import WebSocket from 'ws';
import type { ClientMessage, ServerMessage } from '../../../../shared/realtime.ts';

export type Refusal = { status: number };

export class RealtimeClient {
  readonly received: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly #socket: WebSocket;
  #waiters: (() => void)[] = [];

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (raw) => {
      this.received.push(JSON.parse(raw.toString()) as ServerMessage);
      for (const wake of this.#waiters) wake();
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.#waiters) wake();
      }),
    );
  }

  /** Opens a socket; rejects with the HTTP status when the server refuses the upgrade. */
  static open(url: string, headers: { cookie?: string; origin?: string }): Promise<RealtimeClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, {
        headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >,
      });
      socket.once('open', () => resolve(new RealtimeClient(socket)));
      socket.once('unexpected-response', (_request, response) => {
        reject(Object.assign(new Error(`refused: ${response.statusCode}`), { status: response.statusCode }));
        socket.terminate();
      });
      socket.once('error', reject);
    });
  }

  send(message: ClientMessage | string) {
    this.#socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  get open() {
    return this.#socket.readyState === WebSocket.OPEN;
  }

  /** The first message received (from `from` on) that `match` accepts, waiting up to `ms`. */
  async next<T extends ServerMessage>(
    match: (message: ServerMessage) => message is T,
    ms = 5_000,
    from = 0,
  ): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.received.slice(from).find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching message in ${ms} ms; received ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.#waiters = [];
    }
  }

  messagesOn(channel: string) {
    return this.received.filter(
      (m): m is Extract<ServerMessage, { type: 'message' }> => m.type === 'message' && m.channel === channel,
    );
  }

  close() {
    this.#socket.close();
    return this.closed;
  }

  terminate() {
    this.#socket.terminate();
  }
}

export const is =
  <K extends ServerMessage['type']>(type: K, channel?: string) =>
  (message: ServerMessage): message is Extract<ServerMessage, { type: K }> =>
    message.type === type && (channel === undefined || ('channel' in message && message.channel === channel));
