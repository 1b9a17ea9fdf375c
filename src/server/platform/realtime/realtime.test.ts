/**
 * The realtime layer through the real server: a listening application, real WebSockets, real PostgreSQL.
 * Who may connect and subscribe, what is delivered after COMMIT (and nothing on ROLLBACK), catching up
 * after a disconnection, presence, and clients that misbehave.
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../modules/accounts/schema.ts';
import { registerActivityKind } from '../../modules/activities/registry.ts';
import { NOTES_DDL, notes } from '../../modules/activities/testing/notes-kind.ts';
import { courses } from '../../modules/courses/schema.ts';
import { type ApiClient, startTestApp, type TestApp } from '../../testing/harness.ts';
import { userChannel } from './channels.ts';
import { pruneRealtimeMessages } from './jobs.ts';
import { publish } from './publish.ts';
import { realtimeMessages } from './schema.ts';
import { is, RealtimeClient } from './testing/client.ts';

let t: TestApp;
let url = '';
let participant: ApiClient;
let participantId = '';
let observer: ApiClient;
let observerId = '';
let activityId = '';
let unregister = () => {};
const origin = 'http://localhost:3000';

beforeAll(async () => {
  unregister = registerActivityKind(notes);
  t = await startTestApp();
  await t.pool.query(NOTES_DDL);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/realtime`;
  participant = await t.as('participant@magistere.test');
  observer = await t.as('observateur@magistere.test');
  const idOf = async (email: string) =>
    (await t.db.select().from(users).where(eq(users.email, email)))[0]!.id;
  participantId = await idOf('participant@magistere.test');
  observerId = await idOf('observateur@magistere.test');
  // A notes activity in the demo session the participant follows (and the observer does not).
  const [session] = await t.db.select().from(courses).where(eq(courses.shortName, 'MEMOIRE-C34-S1'));
  const admin = await t.as('admin@magistere.test');
  const sectionId = (await admin.get(`/api/courses/${session!.id}`)).json().sections[0].id;
  const created = await admin.post(`/api/courses/${session!.id}/activities`, {
    sectionId,
    kind: 'test-notes',
    title: 'Vos notes',
    settings: { prompt: 'Qu’avez-vous retenu ?' },
  });
  expect(created.statusCode, created.body).toBe(201);
  activityId = created.json().id;
});
afterAll(async () => {
  await t.close();
  unregister();
});

const connect = (client: ApiClient, headers: { origin?: string } = { origin }) =>
  RealtimeClient.open(url, { cookie: client.cookie!, ...headers });

/** Subscribes and waits for the answer. */
async function subscribe(client: RealtimeClient, channel: string, since?: number) {
  const from = client.received.length;
  client.send({ type: 'subscribe', channel, ...(since !== undefined && { since }) });
  return client.next(
    (m): m is Extract<typeof m, { type: 'subscribed' | 'refused' }> =>
      (m.type === 'subscribed' || m.type === 'refused') && m.channel === channel,
    5_000,
    from,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the WebSocket endpoint', () => {
  it('refuses an upgrade without a session, from another site or without an Origin', async () => {
    await expect(RealtimeClient.open(url, { origin })).rejects.toMatchObject({ status: 401 });
    await expect(connect(participant, { origin: 'https://evil.example' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(connect(participant, {})).rejects.toMatchObject({ status: 403 });
    await expect(RealtimeClient.open(url, { cookie: 'mag_sid=forged', origin })).rejects.toMatchObject({
      status: 401,
    });
  });

  it('serves my own channel and refuses, then closes, the channels I may not read', async () => {
    const client = await connect(participant);
    expect(await subscribe(client, userChannel(participantId))).toMatchObject({ type: 'subscribed', seq: 0 });
    expect(await subscribe(client, userChannel(observerId))).toEqual({
      type: 'refused',
      channel: userChannel(observerId),
      reason: 'forbidden',
    });
    // An activity channel of a course the observer is not in, another name, a channel nobody serves.
    const outsider = await connect(observer);
    expect(await subscribe(outsider, `activity:${activityId}:notes`)).toMatchObject({ type: 'refused' });
    expect(await subscribe(client, `activity:${activityId}:nope`)).toMatchObject({ type: 'refused' });
    expect(await subscribe(client, 'nowhere:1')).toMatchObject({ type: 'refused' });
    expect(await subscribe(client, `activity:${activityId}:notes`)).toMatchObject({ type: 'subscribed' });
    // What was refused is not delivered.
    await publish(t.db, userChannel(observerId), { secret: true });
    await publish(t.db, userChannel(participantId), { hello: 1 });
    await client.next(is('message', userChannel(participantId)));
    expect(client.messagesOn(userChannel(observerId))).toEqual([]);
    // A client that keeps asking for what it may not read is shown the door.
    for (let i = 0; i < 25; i++) outsider.send({ type: 'subscribe', channel: userChannel(participantId) });
    expect((await outsider.closed).code).toBe(1008);
    await client.close();
  });

  it('delivers after COMMIT, in order, and nothing of a rolled-back transaction', async () => {
    const client = await connect(participant);
    const channel = userChannel(participantId);
    const { seq: start } = (await subscribe(client, channel)) as { seq: number };
    await t.db
      .transaction(async (tx) => {
        await publish(tx, channel, { n: 'rolled back' });
        throw new Error('rollback');
      })
      .catch(() => {});
    await t.db.transaction(async (tx) => {
      await publish(tx, channel, { n: 1 });
      // A savepoint rolled back takes its message and its number with it.
      await tx
        .transaction(async (sp) => {
          await publish(sp, channel, { n: 'savepoint' });
          throw new Error('rollback');
        })
        .catch(() => {});
      await publish(tx, channel, { n: 2 });
      await sleep(200);
      // Not before COMMIT.
      expect(client.messagesOn(channel)).toEqual([]);
    });
    await client.next(is('message', channel));
    await sleep(300);
    expect(client.messagesOn(channel)).toEqual([
      { type: 'message', channel, seq: start + 1, data: { n: 1 } },
      { type: 'message', channel, seq: start + 2, data: { n: 2 } },
    ]);
    await client.close();
  });

  it('replays what a client missed while away, then goes on live, with no gap and no duplicate', async () => {
    const channel = userChannel(participantId);
    const first = await connect(participant);
    await subscribe(first, channel);
    await publish(t.db, channel, { step: 'a' });
    const seen = (await first.next(is('message', channel))).seq;
    first.terminate();
    for (const step of ['b', 'c', 'd']) await publish(t.db, channel, { step });
    const back = await connect(participant);
    const answer = await subscribe(back, channel, seen);
    expect(answer).toMatchObject({ type: 'subscribed', seq: seen + 3 });
    expect(answer).not.toHaveProperty('gap');
    await publish(t.db, channel, { step: 'e' });
    await back.next((m): m is never => m.type === 'message' && m.seq === seen + 4);
    expect(back.messagesOn(channel).map((m) => [m.seq, (m.data as { step: string }).step])).toEqual([
      [seen + 1, 'b'],
      [seen + 2, 'c'],
      [seen + 3, 'd'],
      [seen + 4, 'e'],
    ]);
    // Past the retention period, the replay says it is incomplete.
    await pruneRealtimeMessages(t.db, new Date(Date.now() + 60_000), 0);
    expect(await t.db.select().from(realtimeMessages)).toEqual([]);
    const late = await connect(participant);
    expect(await subscribe(late, channel, seen)).toMatchObject({ type: 'subscribed', gap: true });
    await Promise.all([back.close(), late.close()]);
  });

  it('publishes a note live to the readers of its activity, and tells them who is there', async () => {
    const channel = `activity:${activityId}:notes`;
    const reader = await connect(participant);
    const second = await connect(participant);
    await subscribe(reader, channel);
    await subscribe(second, channel);
    const presence = await reader.next(is('presence', channel));
    // Two tabs of one person: one person there.
    expect(presence).toEqual({ type: 'presence', channel, count: 1, people: [{ id: participantId }] });
    const posted = await participant.post(`/api/activities/${activityId}/test-notes`, { body: 'En direct' });
    expect(posted.statusCode, posted.body).toBe(201);
    const message = await reader.next(is('message', channel));
    expect(message.data).toEqual({ id: posted.json().id, body: 'En direct' });
    await Promise.all([reader.close(), second.close()]);
  });

  it('stops a subscription the moment its reader loses access to it', async () => {
    const channel = `activity:${activityId}:notes`;
    const reader = await connect(participant);
    expect(await subscribe(reader, channel)).toMatchObject({ type: 'subscribed' });
    const admin = await t.as('admin@magistere.test');
    expect((await admin.patch(`/api/activities/${activityId}`, { visibility: 'hidden' })).statusCode).toBe(
      200,
    );
    expect(await reader.next(is('refused', channel))).toEqual({
      type: 'refused',
      channel,
      reason: 'forbidden',
    });
    await publish(t.db, channel, { id: '00000000-0000-4000-8000-000000000000', body: 'caché' });
    await sleep(300);
    expect(reader.messagesOn(channel).map((m) => m.data)).not.toContainEqual(
      expect.objectContaining({ body: 'caché' }),
    );
    expect((await admin.patch(`/api/activities/${activityId}`, { visibility: 'visible' })).statusCode).toBe(
      200,
    );
    await reader.close();
  });

  it('closes the connection when its session ends', async () => {
    const me = await t.as('participant@magistere.test');
    const client = await connect(me);
    await subscribe(client, userChannel(participantId));
    expect((await me.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client.closed).code).toBe(4001);
  });

  it('takes bad messages without harm and closes a client that floods, leaving the others alone', async () => {
    const calm = await connect(participant);
    await subscribe(calm, userChannel(participantId));
    const noisy = await connect(participant);
    noisy.send('not json');
    noisy.send('{"type":"subscribe","channel":"user:../../etc"}');
    noisy.send(JSON.stringify({ type: 'nope' }));
    await noisy.next((m): m is never => m.type === 'error' && m.reason === 'bad_message');
    noisy.send({ type: 'ping' });
    await noisy.next(is('pong'));
    for (let i = 0; i < 500; i++) noisy.send({ type: 'ping' });
    expect(await noisy.closed).toMatchObject({ code: 1008 });
    expect(noisy.received.some((m) => m.type === 'error' && m.reason === 'rate_limited')).toBe(true);
    // The calm client still talks and hears.
    calm.send({ type: 'ping' });
    await calm.next(is('pong'));
    await publish(t.db, userChannel(participantId), { still: 'here' });
    await calm.next(
      (m): m is never => m.type === 'message' && (m.data as { still?: string }).still === 'here',
    );
    // A message over the size limit closes its sender (1009), no one else.
    const big = await connect(participant);
    big.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(10_000) }));
    expect((await big.closed).code).toBe(1009);
    calm.send({ type: 'ping' });
    await calm.next(
      (m): m is never => m.type === 'pong' && calm.received.filter((r) => r.type === 'pong').length === 2,
    );
    await calm.close();
  });
});
