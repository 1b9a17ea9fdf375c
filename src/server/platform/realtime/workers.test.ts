/**
 * The workers of one machine without Redis (`WORKERS` > 1, the default of `npm start` on several cores):
 * their bus is PostgreSQL's LISTEN / NOTIFY. A message published on one reaches a client of the other.
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { users } from '../../modules/accounts/schema.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { userChannel } from './channels.ts';
import { publish } from './publish.ts';
import { is, RealtimeClient } from './testing/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ WORKERS: '2' });
});
afterAll(() => t.close());

it('carries a message from one worker to a client of the other through PostgreSQL, big ones included', async () => {
  const other = await t.otherNode();
  await other.app.listen({ port: 0, host: '127.0.0.1' });
  const me = await other.as('participant@magistere.test');
  const [user] = await t.db.select().from(users).where(eq(users.email, 'participant@magistere.test'));
  const channel = userChannel(user!.id);
  const client = await RealtimeClient.open(
    `ws://127.0.0.1:${(other.app.server.address() as AddressInfo).port}/api/realtime`,
    { cookie: me.cookie!, origin: t.config.publicUrl },
  );
  client.send({ type: 'subscribe', channel });
  const { seq } = await client.next(is('subscribed', channel));
  await publish(t.db, channel, { small: true });
  // Over what a NOTIFY carries: it crosses without its data, read back from PostgreSQL.
  // 'é' is two bytes: 5,000 of them pass a count of characters but not NOTIFY's 8,000 bytes.
  const big = 'é'.repeat(5_000);
  await t.db.transaction((tx) => publish(tx, channel, { big }));
  await client.next((m): m is never => m.type === 'message' && m.seq === seq + 2);
  expect(client.messagesOn(channel)).toEqual([
    { type: 'message', channel, seq: seq + 1, data: { small: true } },
    { type: 'message', channel, seq: seq + 2, data: { big } },
  ]);
  await client.close();
});
