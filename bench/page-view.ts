/**
 * Page views as a person makes them, not one API call: Chromium (Playwright, /usr/bin/chromium) opens the
 * course page (`/parcours/:id`) and "Mon espace" (`/`) as a participant, and the requests it makes for one
 * view — the HTML shell and the API calls, in the order it sent them — are then replayed by many virtual
 * users at once with wrk (Debian's `wrk`, C; a Lua script plays each connection as one person), each view
 * signed in as the next of 96 participants (sessions rotated). Hashed `/assets/*` files are cached by the
 * browser (immutable): they are not replayed, but counted — fetched on a cold view (a fresh profile), and on
 * a warm one (the page opened again) either taken from the cache or revalidated: the output says which.
 *
 * The server is the real process `node src/server/main.ts` with `WORKERS=2` (BENCH_WORKERS), jobs in the
 * first worker, on a fresh database of the machine's PostgreSQL (BENCH_PG_ADMIN_URL, as `course-page`),
 * with two courses of the sizes of Moodle's generator: S (10 sections, 64 activities, 100 enrolled) and
 * M (100 sections, 307 activities, 1,000 enrolled), see `lib/generate.ts`.
 *
 * A view is replayed **sequentially** on one kept-alive connection per virtual user: each request once the
 * previous one has answered, in the order Chromium sent them (the browser overlaps some of them; the
 * output says which). Per view: p50 / p95 / p99 of the time from its first request to its last answer.
 * The CPU used meanwhile is given for wrk, the server's processes, its PostgreSQL backends and the whole
 * machine: on two cores, client and server compete, and a figure is only worth what the client left.
 * Any answer other than a 2xx (a 304 included: no validator is sent) fails the bench, with what came back.
 * BENCH_CACHE=warm replays a warm view instead: the requests Chromium sent on opening the page again, with
 * its validators (If-None-Match…), and a 304 expected exactly where Chromium got one.
 *
 * Run: `npm run build`, then `npm run bench -- page-view`. BENCH_DURATION (s, default 20) per measure after
 * a 3 s warm-up, BENCH_CONCURRENCY (default `1,8,32`), BENCH_SHAPES (default `S,M`), BENCH_VIEWS (default
 * `course,home`), BENCH_WORKERS (default 2), BENCH_SESSIONS (default 96). BENCH_URL is not supported.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Request } from '@playwright/test';
import { createDatabase, type GeneratedCourse, generateCourse, MOODLE_SHAPES } from './lib/generate.ts';
import { count, durationSeconds, type Session, SMOKE, signIn, startTarget } from './lib/harness.ts';
import { WRK_CHECK_LUA, wrkAvailable } from './lib/wrk.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One request of a view, as Chromium sent it. */
type Step = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  kind: 'document' | 'api' | 'asset' | 'static';
  status: number;
  /** Answered by the browser's cache, without a request to the server. */
  cached: boolean;
  /** Sent with a cache validator (If-None-Match, If-Modified-Since): a revalidation. */
  conditional: boolean;
  /** Milliseconds from the view's first request: when it was sent and when its answer ended. */
  start: number;
  end: number;
};

type Capture = {
  /** The shell and the API calls of a cold view (BENCH_CACHE=cold), or of a warm one (warm): what is replayed. */
  steps: Step[];
  cold: Step[];
  warm: Step[];
  /** Groups of requests the browser had in flight together (one entry per group: its size). */
  overlap: number[];
};

/** Headers never replayed as captured: the session's own and the connection's. */
const DROPPED = new Set(['cookie', 'host', 'content-length', 'connection', 'x-csrf-token']);
/** The cache validators: replayed only in the warm replay (BENCH_CACHE=warm). */
const VALIDATORS = ['if-none-match', 'if-modified-since'];

function kindOf(request: Request, pathname: string): Step['kind'] {
  if (request.resourceType() === 'document') return 'document';
  if (pathname.startsWith('/api/')) return 'api';
  if (pathname.startsWith('/assets/')) return 'asset';
  return 'static';
}

/** Every request of one navigation to `pathname`, once the page has drawn its heading and the network is idle. */
async function record(
  page: import('@playwright/test').Page,
  origin: string,
  pathname: string,
): Promise<Step[]> {
  const requests: Request[] = [];
  const listener = (request: Request) => {
    if (new URL(request.url()).origin === origin) requests.push(request);
  };
  // What Playwright does not say: which answers came from the browser's cache (memory or disk), and the
  // status on the wire (a revalidated fetch answered 304 is reported as the cached 200).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const fromCache = new Map<string, number>();
  const servedFromCache = new Set<string>();
  const urlOf = new Map<string, string>();
  const hit = (url: string) => fromCache.set(url, (fromCache.get(url) ?? 0) + 1);
  cdp.on('Network.requestWillBeSent', (event) => urlOf.set(event.requestId, event.request.url));
  cdp.on('Network.requestServedFromCache', (event) => servedFromCache.add(event.requestId));
  const wireStatus = new Map<string, number>();
  cdp.on('Network.responseReceivedExtraInfo', (event) => wireStatus.set(event.requestId, event.statusCode));
  cdp.on('Network.responseReceived', (event) => {
    if (
      event.response.fromDiskCache ||
      event.response.fromPrefetchCache ||
      servedFromCache.has(event.requestId)
    )
      hit(event.response.url);
  });
  page.on('request', listener);
  await page.goto(`${origin}${pathname}`, { waitUntil: 'networkidle', timeout: 120_000 });
  await page.locator('main h1').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  page.off('request', listener);
  // A memory-cache hit may end with no `responseReceived`: count those as well.
  for (const id of servedFromCache) {
    const url = urlOf.get(id);
    if (url && !fromCache.has(url)) hit(url);
  }
  await cdp.detach();
  const wireStatuses = new Map<string, number[]>();
  for (const [id, status] of wireStatus) {
    const url = urlOf.get(id);
    if (url) wireStatuses.set(url, [...(wireStatuses.get(url) ?? []), status]);
  }
  const shown = new URL(page.url()).pathname;
  if (shown !== pathname) throw new Error(`${pathname} : redirigé vers ${shown}`);
  const steps: Step[] = [];
  for (const request of requests) {
    const response = await request.response();
    const timing = request.timing();
    const url = new URL(request.url());
    const sent = await request.allHeaders();
    const headers = Object.fromEntries(
      Object.entries(sent).filter(([name]) => !DROPPED.has(name) && !name.startsWith(':')),
    );
    const cachedLeft = fromCache.get(request.url()) ?? 0;
    if (cachedLeft) fromCache.set(request.url(), cachedLeft - 1);
    const body = request.postData();
    steps.push({
      method: request.method(),
      path: url.pathname + url.search,
      headers,
      ...(body !== null ? { body } : {}),
      kind: kindOf(request, url.pathname),
      status: wireStatuses.get(request.url())?.shift() ?? response?.status() ?? 0,
      cached: cachedLeft > 0,
      conditional: 'if-none-match' in sent || 'if-modified-since' in sent,
      start: timing.startTime,
      end: timing.startTime + Math.max(timing.responseEnd, 0),
    });
  }
  const first = Math.min(...steps.map((s) => s.start));
  for (const step of steps) {
    step.start = Math.round((step.start - first) * 10) / 10;
    step.end = Math.round((step.end - first) * 10) / 10;
  }
  return steps.sort((a, b) => a.start - b.start);
}

/** Sizes of the groups of requests in flight together: a request joins a group if it started before the group's last answer ended. */
function overlapGroups(steps: Step[]): number[] {
  const groups: number[] = [];
  let groupEnd = -1;
  for (const step of steps) {
    if (groups.length && step.start < groupEnd) {
      groups[groups.length - 1]! += 1;
      groupEnd = Math.max(groupEnd, step.end);
    } else {
      groups.push(1);
      groupEnd = step.end;
    }
  }
  return groups;
}

/**
 * A cold view (a fresh browser profile signed in as `session`), then a warm one (the same page opened again
 * in that profile). Throws if the cold view received anything but a 2xx, or the warm one anything but a 2xx
 * or a 304 (a revalidation).
 */
async function capture(
  browser: Browser,
  origin: string,
  session: Session,
  pathname: string,
  cache: 'cold' | 'warm',
): Promise<Capture> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    const at = session.cookie.indexOf('=');
    await context.addCookies([
      { name: session.cookie.slice(0, at), value: session.cookie.slice(at + 1), url: origin },
    ]);
    const page = await context.newPage();
    const cold = await record(page, origin, pathname);
    const warm = await record(page, origin, pathname);
    const wrong = [
      ...cold
        .filter((s) => s.status < 200 || s.status > 299)
        .map((s) => `à froid ${s.method} ${s.path} ${s.status}`),
      ...warm
        .filter((s) => (s.status < 200 || s.status > 299) && s.status !== 304)
        .map((s) => `à chaud ${s.method} ${s.path} ${s.status}`),
    ];
    if (wrong.length) throw new Error(`${pathname} dans Chromium : ${wrong.join(', ')}`);
    const steps = (cache === 'cold' ? cold : warm).filter(
      (s) => !s.cached && (s.kind === 'document' || s.kind === 'api'),
    );
    return { steps, cold, warm, overlap: overlapGroups(steps) };
  } finally {
    await context.close();
  }
}

/** What one view sent to the server and took from the browser's cache, by kind of request. */
function tallyView(steps: Step[]) {
  const of = (kind: Step['kind']) => {
    const sent = steps.filter((s) => s.kind === kind && !s.cached);
    return {
      sent: sent.length,
      revalidated: sent.filter((s) => s.conditional).length,
      revalidations: sent.filter((s) => s.conditional).map((s) => `${s.method} ${s.path} → ${s.status}`),
      notModified: sent.filter((s) => s.status === 304).length,
      fromCache: steps.filter((s) => s.kind === kind && s.cached).length,
    };
  };
  return { document: of('document'), api: of('api'), assets: of('asset'), otherStatic: of('static') };
}

function describeView(capture: Capture) {
  return {
    requests: capture.steps.length,
    sequence: capture.steps.map((s) => `${s.method} ${s.path}`),
    browserOverlap: capture.overlap,
    cold: tallyView(capture.cold),
    warm: tallyView(capture.warm),
  };
}

/** One line for the log: what went to the server on a cold and on a warm view. */
function summarise(view: ReturnType<typeof describeView>) {
  const part = (t: ReturnType<typeof tallyView>) =>
    (['document', 'api', 'assets', 'otherStatic'] as const)
      .map((kind) => {
        const k = t[kind];
        return `${kind} ${k.sent}${k.revalidated ? ` (revalidés : ${k.revalidations.join(', ')})` : ''}${k.fromCache ? ` + ${k.fromCache} du cache` : ''}`;
      })
      .join(', ');
  return `à froid : ${part(view.cold)} ; à chaud : ${part(view.warm)}`;
}

/** A Lua string literal: every byte outside printable ASCII, quotes and backslashes as a decimal escape. */
function luaString(value: string) {
  let out = '"';
  for (const byte of Buffer.from(value, 'utf8'))
    out +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\${String(byte).padStart(3, '0')}`;
  return `${out}"`;
}

/**
 * The wrk script: each thread is one virtual user on one connection; it plays the steps in order, each view
 * as the next session of its share (user k of c takes sessions k, k + c, k + 2c… modulo their number), and
 * keeps every view's duration (first request sent → last answer read, CLOCK_MONOTONIC).
 */
function wrkScript(steps: Step[], sessions: Session[], origin: string, cache: 'cold' | 'warm') {
  const stepLines = steps.map((s) => {
    // Cold: no validator, every answer must be a 2xx. Warm: the browser's validators, and a 304 is expected
    // exactly where the browser got one.
    const sent = Object.entries(s.headers).filter(([name]) => cache === 'warm' || !VALIDATORS.includes(name));
    const headers = Object.entries({ ...Object.fromEntries(sent), ...(s.method !== 'GET' ? { origin } : {}) })
      .map(([name, value]) => `[${luaString(name)}] = ${luaString(value)}`)
      .join(', ');
    const unsafe = s.method !== 'GET' && s.method !== 'HEAD';
    return `  { method = ${luaString(s.method)}, path = ${luaString(s.path)}, unsafe = ${unsafe}, expect304 = ${cache === 'warm' && s.status === 304}, body = ${
      s.body === undefined ? 'nil' : luaString(s.body)
    }, headers = { ${headers} } },`;
  });
  const sessionLines = sessions.map(
    (s) => `  { cookie = ${luaString(s.cookie)}, csrf = ${luaString(s.csrf)} },`,
  );
  return `${WRK_CHECK_LUA}
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local steps = {
${stepLines.join('\n')}
}
local sessions = {
${sessionLines.join('\n')}
}

local users = 0
local setup_check = setup
function setup(thread)
  setup_check(thread)
  thread:set("user", users)
  users = users + 1
end

user = 0
views = 0
durations = {}
local step = 0
local turn = 0
local session = nil
local started = 0

function init(args)
  users_total = tonumber(args[1])
end

function request()
  if step == 0 then
    session = sessions[((user + turn * users_total) % #sessions) + 1]
    turn = turn + 1
    step = 1
    started = now_ms()
  end
  local s = steps[step]
  local headers = {}
  for name, value in pairs(s.headers) do headers[name] = value end
  headers["cookie"] = session.cookie
  if s.unsafe then headers["x-csrf-token"] = session.csrf end
  return wrk.format(s.method, s.path, headers, s.body)
end

function response(status, headers, body)
  local s = steps[step]
  if s.expect304 then
    if status ~= 304 then check_status(0, s.method .. " " .. s.path .. " (304 attendu, reçu " .. status .. ")", body) end
  else
    check_status(status, s.method .. " " .. s.path, body)
  end
  if step == #steps then
    views = views + 1
    durations[views] = now_ms() - started
    step = 0
  else
    step = step + 1
  end
end

done = function(summary, latency, requests)
  local bad, sample = unexpected_answers()
  local all, total = {}, 0
  for _, t in ipairs(bench_threads) do
    total = total + t:get("views")
    local d = t:get("durations")
    for i = 1, #d do all[#all + 1] = d[i] end
  end
  table.sort(all)
  local function pct(p)
    if #all == 0 then return 0 end
    return all[math.max(1, math.min(#all, math.ceil(p / 100 * #all)))]
  end
  io.write(string.format("JSON {\\"views\\":%d,\\"requests\\":%d,\\"seconds\\":%f,\\"viewP50\\":%f,\\"viewP95\\":%f,\\"viewP99\\":%f,\\"viewMax\\":%f,\\"requestP50\\":%f,\\"requestP95\\":%f,\\"requestP99\\":%f,\\"unexpected\\":%d,\\"errors\\":%d,\\"bytes\\":%d}\\n",
    total, summary.requests, summary.duration / 1e6, pct(50), pct(95), pct(99), all[#all] or 0,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    summary.bytes))
  io.write("UNEXPECTED " .. sample .. "\\n")
end
`;
}

/** CPU seconds (user + system) of every process now, with its parent and command line. */
function processes() {
  const all = new Map<number, { parent: number; cpu: number; cmdline: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all.set(Number(entry), {
        parent: Number(fields[1]),
        cpu: (Number(fields[11]) + Number(fields[12])) / 100, // USER_HZ, 100 on Linux
        cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '),
      });
    } catch {
      // gone meanwhile
    }
  }
  return all;
}

type Snapshot = ReturnType<typeof processes>;

/** The server's process and its descendants (workers), and the PostgreSQL backends of its database. */
function serverPids(snapshot: Snapshot, pid: number | undefined, database: string) {
  const tree = new Set(pid ? [pid] : []);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [child, { parent }] of snapshot)
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grown = true;
      }
  }
  // A backend's process title names its database: "postgres: user database host(port) state".
  const backends = [...snapshot].filter(([, p]) => p.cmdline.includes(` ${database} `)).map(([id]) => id);
  return { server: [...tree], database: backends };
}

/** CPU seconds used between two snapshots by `pids` (one started in between counts from zero; one gone is lost). */
function cpuBetween(before: Snapshot, after: Snapshot, pids: number[]) {
  return pids.reduce((sum, pid) => sum + (after.get(pid)?.cpu ?? 0) - (before.get(pid)?.cpu ?? 0), 0);
}

/** Busy and total CPU time of the whole machine so far (jiffies). */
function machineCpu() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3]! + (fields[4] ?? 0);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

type Figures = {
  views: number;
  viewsPerSecond: number;
  viewP50Ms: number;
  viewP95Ms: number;
  viewP99Ms: number;
  viewMaxMs: number;
  requestP50Ms: number;
  requestP95Ms: number;
  requestP99Ms: number;
  requestsPerSecond: number;
  /** Cores kept busy, on average, by wrk, the server's processes, its PostgreSQL backends, the whole machine. */
  clientCores: number;
  serverCores: number;
  databaseCores: number;
  machineBusyCores: number;
};

/** One wrk run of `seconds` with `users` virtual users; throws on any unexpected answer or error. */
async function replay(
  origin: string,
  script: string,
  users: number,
  seconds: number,
  server: { pid?: number; database: string },
): Promise<Figures> {
  const args = [
    `-t${users}`,
    `-c${users}`,
    `-d${seconds}s`,
    '--timeout',
    '10s',
    '-s',
    script,
    origin,
    '--',
    String(users),
  ];
  const before = processes();
  const machineBefore = machineCpu();
  // bash's `times` gives the CPU time of its finished children: wrk's own cost.
  const child = spawn('bash', ['-c', 'wrk "$@"; code=$?; times; exit $code', 'wrk', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const machineAfter = machineCpu();
  const after = processes();
  const pids = serverPids(after, server.pid, server.database);
  const lines = stdout.split('\n');
  const line = lines.find((l) => l.startsWith('JSON '));
  if (code !== 0 || !line) throw new Error(`wrk (code ${code}) : ${stderr || stdout}`);
  const r = JSON.parse(line.slice(5));
  if (r.unexpected || r.errors || r.views === 0) {
    const sample = lines.find((l) => l.startsWith('UNEXPECTED '))?.slice(11);
    throw new Error(
      `${r.unexpected} réponses autres que 2xx, ${r.errors} erreurs, ${r.views} vues (${sample || 'pas de réponse fautive'}) — aucun chiffre n’est donné`,
    );
  }
  // `times`: the shell's own line, then its children's: "0m1.234s 0m0.567s".
  const times = lines.filter((l) => /^\d+m[\d.]+s \d+m[\d.]+s$/.test(l.trim())).at(-1) ?? '0m0s 0m0s';
  const clientSeconds = times
    .trim()
    .split(' ')
    .map((t) => {
      const [, m, s] = t.match(/^(\d+)m([\d.]+)s$/)!;
      return Number(m) * 60 + Number(s);
    })
    .reduce((a, b) => a + b, 0);
  const round = (n: number) => Math.round(n * 10) / 10;
  const cores = os.cpus().length;
  return {
    views: r.views,
    viewsPerSecond: Math.round(r.views / r.seconds),
    viewP50Ms: round(r.viewP50),
    viewP95Ms: round(r.viewP95),
    viewP99Ms: round(r.viewP99),
    viewMaxMs: round(r.viewMax),
    requestP50Ms: round(r.requestP50),
    requestP95Ms: round(r.requestP95),
    requestP99Ms: round(r.requestP99),
    requestsPerSecond: Math.round(r.requests / r.seconds),
    clientCores: Math.round((clientSeconds / r.seconds) * 100) / 100,
    serverCores: Math.round((cpuBetween(before, after, pids.server) / r.seconds) * 100) / 100,
    databaseCores: Math.round((cpuBetween(before, after, pids.database) / r.seconds) * 100) / 100,
    machineBusyCores:
      Math.round(
        ((machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total)) *
          cores *
          100,
      ) / 100,
  };
}

/** Signs `n` accounts in, a few at a time (argon2 is slow on purpose). */
async function signInAll(origin: string, emails: string[]): Promise<Session[]> {
  const sessions: Session[] = new Array(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < emails.length) {
        const i = next++;
        sessions[i] = await signIn(origin, emails[i]!);
      }
    }),
  );
  return sessions;
}

const VIEWS = {
  course: { label: 'Page de parcours', path: (course: GeneratedCourse) => `/parcours/${course.courseId}` },
  home: { label: 'Mon espace', path: () => '/' },
} as const;

function list(name: string, fallback: string, allowed?: readonly string[]) {
  const values = (process.env[name] ?? fallback)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!values.length || (allowed && values.some((v) => !allowed.includes(v))))
    throw new Error(
      `${name} : ${allowed ? `parmi ${allowed.join(', ')}` : 'une liste'} (reçu ${process.env[name]})`,
    );
  return values;
}

export async function run(): Promise<number> {
  if (process.env.BENCH_URL) {
    console.error(
      'page-view démarre son propre serveur sur une base neuve : BENCH_URL n’est pas pris en charge',
    );
    return 2;
  }
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    console.error('dist/web absent : lancer `npm run build` avant ce banc');
    return 2;
  }
  if (!wrkAvailable()) {
    console.error('wrk absent : apt-get install -y wrk');
    return 2;
  }
  const shapes = list(
    'BENCH_SHAPES',
    SMOKE ? 'S' : 'S,M',
    Object.keys(MOODLE_SHAPES),
  ) as (keyof typeof MOODLE_SHAPES)[];
  const viewNames = list('BENCH_VIEWS', 'course,home', Object.keys(VIEWS)) as (keyof typeof VIEWS)[];
  const concurrency = list('BENCH_CONCURRENCY', SMOKE ? '4' : '1,8,32').map(Number);
  if (concurrency.some((c) => !Number.isInteger(c) || c < 1 || c > 256))
    throw new Error('BENCH_CONCURRENCY : des entiers de 1 à 256');
  const sessionCount = count('BENCH_SESSIONS', 96, 8, 10_000);
  const workers = count('BENCH_WORKERS', 2, 2, 64);
  const seconds = durationSeconds();
  const warmup = SMOKE ? 1 : 3;
  const cache = list('BENCH_CACHE', 'cold', ['cold', 'warm'])[0] as 'cold' | 'warm';

  const database = await createDatabase();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'page-view-'));
  try {
    const target = await startTarget({ env: { DATABASE_URL: database.url, WORKERS: String(workers) } });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
    });
    try {
      const results: { shape: string; view: string; users: number; figures: Figures }[] = [];
      const views: Record<string, ReturnType<typeof describeView>> = {};
      for (const shape of shapes) {
        // Smoke: the S shape scaled down; the view is the same code path.
        const spec = SMOKE
          ? { sections: 3, activities: 12, participants: sessionCount }
          : MOODLE_SHAPES[shape];
        if (spec.participants < sessionCount)
          throw new Error(`${shape} : ${spec.participants} inscrits pour ${sessionCount} sessions`);
        const started = Date.now();
        const course = await generateCourse(database.url, { ...spec, enrol: true, tag: shape.toLowerCase() });
        const emails = Array.from({ length: sessionCount }, (_, i) =>
          course.participantEmail(1 + Math.floor((i * spec.participants) / sessionCount)),
        );
        const sessions = await signInAll(target.url, emails);
        console.error(
          `${shape} : ${course.sections} sections, ${course.activities} activités, ${course.participants} inscrits ; ${sessions.length} sessions ouvertes (${Date.now() - started} ms)`,
        );
        for (const name of viewNames) {
          const view = VIEWS[name];
          const pathname = view.path(course);
          const captured = await capture(browser, target.url, sessions[0]!, pathname, cache);
          const described = describeView(captured);
          views[`${shape} ${name}`] = described;
          console.error(
            `${shape} ${view.label} (${pathname}) : ${described.requests} requêtes rejouées — ${described.sequence.join(', ')} ; en vol ensemble dans Chromium : ${described.browserOverlap.join(' + ')} ; ${summarise(described)}`,
          );
          const script = path.join(scratch, `${shape}-${name}.lua`);
          await writeFile(script, wrkScript(captured.steps, sessions, target.url, cache));
          for (const users of concurrency) {
            const server = { ...(target.pid ? { pid: target.pid } : {}), database: database.name };
            await replay(target.url, script, users, warmup, server);
            const figures = await replay(target.url, script, users, seconds, server);
            results.push({ shape, view: name, users, figures });
            console.error(
              `  c = ${users} : ${figures.viewsPerSecond} vues/s, p50 ${figures.viewP50Ms} ms, p95 ${figures.viewP95Ms} ms, p99 ${figures.viewP99Ms} ms (requêtes : ${figures.requestsPerSecond}/s, p95 ${figures.requestP95Ms} ms ; CPU : wrk ${figures.clientCores}, serveur ${figures.serverCores}, PostgreSQL ${figures.databaseCores}, machine ${figures.machineBusyCores} cœurs)`,
            );
          }
        }
      }
      console.log(
        `\npage-view — ${workers} processus (WORKERS), ${sessionCount} sessions, ${seconds} s par mesure, vues rejouées en séquence, cache ${cache === 'cold' ? 'froid (sans validateur)' : 'chaud (validateurs du navigateur, 304 attendus)'}`,
      );
      console.log(
        '| forme | vue | requêtes/vue | c | vues/s | p50 ms | p95 ms | p99 ms | req/s | p95 req ms | CPU wrk | CPU serveur | CPU PostgreSQL | CPU machine |',
      );
      console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
      for (const { shape, view, users, figures: f } of results)
        console.log(
          `| ${shape} | ${VIEWS[view as keyof typeof VIEWS].label} | ${views[`${shape} ${view}`]!.requests} | ${users} | ${f.viewsPerSecond} | ${f.viewP50Ms} | ${f.viewP95Ms} | ${f.viewP99Ms} | ${f.requestsPerSecond} | ${f.requestP95Ms} | ${f.clientCores} | ${f.serverCores} | ${f.databaseCores} | ${f.machineBusyCores} |`,
        );
      console.log(
        JSON.stringify({
          bench: 'page-view',
          workers,
          sessions: sessionCount,
          seconds,
          cache,
          views,
          results,
        }),
      );
      return 0;
    } finally {
      await browser.close();
      await target.stop();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await database.drop();
  }
}

if (import.meta.main) process.exitCode = await run();
