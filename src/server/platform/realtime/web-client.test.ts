/**
 * The web app's realtime client (`web/api/realtime.ts`) against the real server, through the WebSocket
 * of Node (the browsers' API): a connection lost is found again after a back-off, and the channel's
 * listener gets what was published meanwhile, in order, once each.
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RealtimeConnection } from '../../../web/api/realtime.ts';
import { users } from '../../modules/accounts/schema.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { userChannel } from './channels.ts';
import { publish } from './publish.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const waitFor = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

it('reconnects after a loss and resubscribes from the last sequence number it saw', async () => {
  const me = await t.as('participant@magistere.test');
  const [user] = await t.db.select().from(users).where(eq(users.email, 'participant@magistere.test'));
  const channel = userChannel(user!.id);
  const sockets: WebSocket[] = [];
  const connection = new RealtimeConnection(
    `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/realtime`,
    (url) => {
      // Node's WebSocket takes the headers a browser would send by itself.
      const Socket = WebSocket as unknown as new (url: string, init: object) => WebSocket;
      const socket = new Socket(url, { headers: { cookie: me.cookie!, origin: t.config.publicUrl } });
      sockets.push(socket);
      return socket;
    },
  );
  const got: number[] = [];
  const statuses: boolean[] = [];
  const stop = connection.listen(channel, {
    message: ({ data }) => got.push((data as { n: number }).n),
    status: ({ subscribed }) => statuses.push(subscribed),
  });
  await waitFor(() => statuses.includes(true));
  await publish(t.db, channel, { n: 1 });
  await waitFor(() => got.length === 1);
  // The network drops: the client sees the close, waits, comes back.
  sockets[0]!.close(4000, 'lost');
  await waitFor(() => statuses.at(-1) === false);
  for (const n of [2, 3, 4]) await publish(t.db, channel, { n });
  await waitFor(() => sockets.length === 2 && statuses.at(-1) === true);
  await publish(t.db, channel, { n: 5 });
  await waitFor(() => got.length === 5);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(got).toEqual([1, 2, 3, 4, 5]);
  stop();
  sockets[1]!.close();
});
