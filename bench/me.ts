/**
 * GET /api/me, authenticated, 50 connections: the cost of the per-request session lookup (guard) plus the
 * profile the web app loads on every page (user, role assignments, visible domains).
 * Run: `npm run bench -- me` (or `node bench/me.ts`); BENCH_DURATION (s, default 20), BENCH_URL (127.0.0.1 only).
 */
import { login, measure, report, startTarget } from './lib/harness.ts';

export async function run(): Promise<number> {
  const target = await startTarget();
  try {
    const cookie = await login(target.url, 'participant@magistere.test');
    const figures = await measure('GET /api/me', {
      url: target.url,
      path: '/api/me',
      headers: { cookie },
      connections: 50,
    });
    return report(figures);
  } finally {
    await target.stop();
  }
}

if (import.meta.main) process.exitCode = await run();
