/**
 * GET /healthz, 50 connections: the baseline — Fastify with every global hook (guard, metrics, helmet) but no
 * database — i.e. the most this machine can serve with client and server on the same cores.
 * Run: `npm run bench -- healthz`; BENCH_DURATION (s, default 20), BENCH_URL (127.0.0.1 only).
 */
import { measure, report, startTarget } from './lib/harness.ts';

export async function run(): Promise<number> {
  const target = await startTarget();
  try {
    const figures = await measure('GET /healthz', {
      url: target.url,
      path: '/healthz',
      headers: {},
      connections: 50,
    });
    return report(figures);
  } finally {
    await target.stop();
  }
}

if (import.meta.main) process.exitCode = await run();
