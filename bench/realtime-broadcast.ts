/**
 * 2,000 WebSocket clients on one node receive a broadcast: how long from `publish` (a transaction on
 * another node, the Redis hop, the node's delivery) to each client's `message`, and what the node weighs.
 * Target: p99 < 250 ms, server RSS < 1 GiB.
 *
 * The server (`src/server/main.ts`, WORKERS=1) runs on a fresh database of the machine's PostgreSQL and on
 * the machine's Redis. The clients all sign in as the demo participant and subscribe to `user:<her id>`
 * (one channel, 2,000 sockets: the broadcast). The bench process is a second node of the platform
 * (`createRuntime` on the same database and Redis) and publishes there, as any module would, one message
 * every 500 ms; each must reach every client once, in order, or the bench fails without a figure.
 *
 * Run: `npm run bench -- realtime-broadcast`; BENCH_CLIENTS (default 2000, smoke 100), BENCH_MESSAGES
 * (default 20, smoke 3), BENCH_REDIS_URL (default REDIS_URL or redis://127.0.0.1:6379), BENCH_PG_ADMIN_URL.
 * BENCH_URL is not supported: the bench publishes into the server's database.
 *
 * The clients share the bench process's one event loop (and the machine's cores with the server): the
 * latency includes the time the client side takes to read 2,000 frames, an upper bound of the server's.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { loadConfig } from '../src/server/config.ts';
import { publish } from '../src/server/platform/realtime/publish.ts';
import { createRuntime } from '../src/server/runtime.ts';
import type { ServerMessage } from '../src/shared/realtime.ts';
import { createDatabase } from './lib/generate.ts';
import { count, SMOKE, signIn, startTarget } from './lib/harness.ts';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.match(/\d+/)?.[0] ?? 0) / 1024);
}

type Client = { socket: WebSocket; got: number[]; subscribed: Promise<void> };

function openClient(
  url: string,
  cookie: string,
  origin: string,
  channel: string,
  latencies: number[][],
): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { cookie, origin } });
    const got: number[] = [];
    let subscribedNow: () => void = () => {};
    const subscribed = new Promise<void>((done) => {
      subscribedNow = done;
    });
    socket.on('message', (raw) => {
      const at = performance.timeOrigin + performance.now();
      const message = JSON.parse(raw.toString()) as ServerMessage;
      if (message.type === 'subscribed') subscribedNow();
      else if (message.type === 'message') {
        const { i, sentAt } = message.data as { i: number; sentAt: number };
        got.push(i);
        latencies[i]!.push(at - sentAt);
      } else if (message.type === 'refused' || message.type === 'error')
        reject(new Error(`réponse inattendue : ${raw.toString()}`));
    });
    socket.once('open', () => {
      socket.send(JSON.stringify({ type: 'subscribe', channel }));
      resolve({ socket, got, subscribed });
    });
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`connexion WebSocket refusée : ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

export async function run(): Promise<number> {
  if (process.env.BENCH_URL) {
    console.error(
      'realtime-broadcast publie dans la base de son serveur : BENCH_URL n’est pas pris en charge',
    );
    return 2;
  }
  const clients = count('BENCH_CLIENTS', 2000, 100, 20_000);
  const messages = count('BENCH_MESSAGES', 20, 3, 1_000);
  const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const database = await createDatabase();
  try {
    const target = await startTarget({
      env: { DATABASE_URL: database.url, REDIS_URL: redisUrl, WORKERS: '1', JOBS: 'false' },
    });
    // The publishing node: the platform's runtime on the same database and Redis.
    const publisher = await createRuntime(
      loadConfig({
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        WORKERS: '1',
        JOBS: 'false',
        LOG_LEVEL: 'warn',
      }),
      database.url,
    );
    const sockets: WebSocket[] = [];
    try {
      const session = await signIn(target.url, 'participant@magistere.test');
      const me = (await (
        await fetch(`${target.url}/api/me`, { headers: { cookie: session.cookie } })
      ).json()) as {
        user?: { id: string };
      };
      const userId = me.user?.id;
      if (!userId) throw new Error(`GET /api/me sans identifiant : ${JSON.stringify(me).slice(0, 200)}`);
      const channel = `user:${userId}`;
      const wsUrl = `${target.url.replace('http', 'ws')}/api/realtime`;
      const latencies: number[][] = Array.from({ length: messages }, () => []);
      const rssBefore = target.pid ? rssMiB(target.pid) : 0;

      const started = Date.now();
      const opened: Client[] = [];
      // In waves: 2,000 handshakes at once would measure the accept queue, not the broadcast.
      for (let i = 0; i < clients; i += 100) {
        const wave = await Promise.all(
          Array.from({ length: Math.min(100, clients - i) }, () =>
            openClient(wsUrl, session.cookie, target.url, channel, latencies),
          ),
        );
        opened.push(...wave);
        sockets.push(...wave.map((c) => c.socket));
      }
      await Promise.all(opened.map((c) => c.subscribed));
      console.error(`${clients} clients connectés et abonnés en ${Date.now() - started} ms`);
      const rssConnected = target.pid ? rssMiB(target.pid) : 0;

      let rssPeak = rssConnected;
      const payload = 'x'.repeat(200);
      for (let i = 0; i < messages; i++) {
        await publish(publisher.deps.db, channel, {
          i,
          sentAt: performance.timeOrigin + performance.now(),
          payload,
        });
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (target.pid) rssPeak = Math.max(rssPeak, rssMiB(target.pid));
      }
      // The last one has time to arrive everywhere.
      const deadline = Date.now() + 10_000;
      while (opened.some((c) => c.got.length < messages) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const short = opened.filter((c) => c.got.join() !== latencies.map((_, i) => i).join());
      if (short.length)
        throw new Error(
          `${short.length} clients n’ont pas reçu chaque message une fois, dans l’ordre (ex. ${short[0]!.got.join(',')}) — aucun chiffre n’est donné`,
        );

      // The first broadcast warms the paths up (JIT, connections): discarded, as the HTTP benches' warm-up.
      const measured = latencies
        .slice(messages > 1 ? 1 : 0)
        .flat()
        .sort((a, b) => a - b);
      const figures = {
        bench: 'realtime-broadcast',
        clients,
        messages,
        deliveries: measured.length,
        p50: Math.round(percentile(measured, 50)),
        p90: Math.round(percentile(measured, 90)),
        p99: Math.round(percentile(measured, 99)),
        max: Math.round(measured.at(-1) ?? Number.NaN),
        rssMiB: { idle: rssBefore, connected: rssConnected, peak: rssPeak },
        loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
        smoke: SMOKE,
      };
      console.log(
        `\n${clients} clients, ${messages} diffusions (la première écartée) : p50 ${figures.p50} ms, p90 ${figures.p90} ms, p99 ${figures.p99} ms, max ${figures.max} ms ; RSS du serveur ${rssBefore} → ${rssConnected} MiB (pic ${rssPeak})`,
      );
      console.log(JSON.stringify(figures));
      return 0;
    } finally {
      for (const socket of sockets) socket.terminate();
      await publisher.stop();
      await target.stop();
    }
  } finally {
    await database.drop();
  }
}

if (import.meta.main) process.exitCode = await run();
