/**
 * The same measure with wrk (Debian's `wrk` package), a C load generator: for responses large enough that
 * autocannon, in JavaScript on the same two cores, saturates before the server does. Every answer is
 * checked: one that is not a 2xx (a 3xx included, which wrk itself does not count) makes the run throw.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Lua shared by the wrk scripts: per-thread counts of unexpected answers, read back in `done`. */
export const WRK_CHECK_LUA = `
bench_threads = {}
function setup(thread) table.insert(bench_threads, thread) end
unexpected = 0
first_unexpected = ""
function check_status(status, what, body)
  if status < 200 or status > 299 then
    unexpected = unexpected + 1
    if first_unexpected == "" then
      first_unexpected = (what or "") .. " -> " .. status .. " " .. string.gsub(string.sub(body or "", 1, 300), "%s+", " ")
    end
  end
end
function unexpected_answers()
  local n, sample = 0, ""
  for _, t in ipairs(bench_threads) do
    n = n + t:get("unexpected")
    if sample == "" then sample = t:get("first_unexpected") end
  end
  return n, sample
end
`;

const REPORT = `${WRK_CHECK_LUA}
function response(status, headers, body) check_status(status, wrk.path, body) end
done = function(summary, latency, requests)
  local bad, sample = unexpected_answers()
  io.write(string.format("JSON {\\"requests\\":%d,\\"seconds\\":%f,\\"p50\\":%f,\\"p90\\":%f,\\"p95\\":%f,\\"p99\\":%f,\\"max\\":%f,\\"non2xx\\":%d,\\"errors\\":%d,\\"bytes\\":%d}\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.bytes))
  io.write("UNEXPECTED " .. sample .. "\\n")
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
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const run = spawnSync('wrk', [...args, url], { encoding: 'utf8' });
  const lines = run.stdout.split('\n');
  const line = lines.find((l) => l.startsWith('JSON '));
  if (!line) throw new Error(`wrk: ${run.stderr || run.stdout}`);
  const r = JSON.parse(line.slice(5));
  if (r.non2xx || r.errors) {
    const sample = lines.find((l) => l.startsWith('UNEXPECTED '))?.slice(11);
    throw new Error(
      `wrk ${url} : ${r.non2xx} réponses autres que 2xx, ${r.errors} erreurs (${sample || 'pas de réponse'}) — aucun chiffre n’est donné`,
    );
  }
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
