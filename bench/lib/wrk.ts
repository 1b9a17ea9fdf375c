/**
 * The same measure with wrk (Debian's `wrk` package), a C load generator: for responses large enough that
 * autocannon, in JavaScript on the same two cores, saturates before the server does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPORT = `done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"requests\\":%d,\\"seconds\\":%f,\\"p50\\":%f,\\"p90\\":%f,\\"p95\\":%f,\\"p99\\":%f,\\"max\\":%f,\\"non2xx\\":%d,\\"errors\\":%d,\\"bytes\\":%d}\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.bytes))
end
`;

export function wrkAvailable() {
  return spawnSync('wrk', ['--version']).error === undefined;
}

export function measureWithWrk(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
) {
  const script = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrk-')), 'report.lua');
  writeFileSync(script, REPORT);
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', script];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const run = spawnSync('wrk', [...args, url], { encoding: 'utf8' });
  const line = run.stdout.split('\n').find((l) => l.startsWith('JSON '));
  if (!line) throw new Error(`wrk: ${run.stderr || run.stdout}`);
  const r = JSON.parse(line.slice(5));
  return {
    client: 'wrk',
    url,
    connections,
    durationSeconds: seconds,
    requestsPerSecond: Math.round(r.requests / r.seconds),
    latencyP50Ms: r.p50,
    latencyP90Ms: r.p90,
    latencyP95Ms: r.p95,
    latencyP99Ms: r.p99,
    latencyMaxMs: r.max,
    responseBytes: Math.round(r.bytes / Math.max(1, r.requests)),
    non2xx: r.non2xx,
    errors: r.errors,
  };
}
