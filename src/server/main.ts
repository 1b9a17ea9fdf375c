/**
 * Process entry: configuration → database (embedded or DATABASE_URL) → migrations → demo data → jobs →
 * HTTP; with WORKERS > 1 (one per core by default), this primary process stops after the demo data and
 * starts the workers, each with its own runtime on the same port, the jobs in the first. SIGTERM and SIGINT stop it in the reverse order. A failed start says in French which step failed
 * and why, and leaves no PostgreSQL behind; an embedded PostgreSQL that dies is restarted by its watchdog,
 * and when it cannot be, the process ends with code 1 so that a supervisor starts it again.
 */
import cluster, { type Worker } from 'node:cluster';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createI18n } from '../shared/i18n/index.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './platform/db/embedded.ts';
import { applyMigrations } from './platform/db/index.ts';
import { createRuntime } from './runtime.ts';
import { checkPortFree, describeStartFailure, during } from './startup.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

/** What has started so far, stopped in the reverse order on a failed start or at the end. */
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
}

let embedded: EmbeddedDatabase | undefined;
let stopping = false;
async function stop(reason: string, code: number) {
  if (stopping) return;
  stopping = true;
  embedded?.expectStop();
  if (reason) console.log(reason);
  // A database gone for good can make a graceful stop wait forever on its connections.
  setTimeout(() => process.exit(code), 10_000).unref();
  await cleanUp();
  process.exit(code);
}

async function main() {
  // From the first step on, a stop signal stops what has started, the database last.
  process.on('SIGTERM', () => void stop('SIGTERM reçu : arrêt en cours', 0));
  process.on('SIGINT', () => void stop('SIGINT reçu : arrêt en cours', 0));
  await during('préparation du dossier de données (DATA_DIR)', () =>
    mkdir(config.dataDir, { recursive: true }),
  );
  await during(`vérification du port ${config.port}`, () => checkPortFree(config.host, config.port));

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    console.log(`Démarrage de PostgreSQL embarqué dans ${path.join(config.dataDir, 'pg')}…`);
    const started = await during('démarrage de PostgreSQL embarqué', () =>
      startEmbeddedPostgres(path.join(config.dataDir, 'pg'), 'magistere', {
        onEvent: (message) => console.log(message),
        onFatal: (error) => {
          console.error(describeStartFailure(error, config).replace(/^Échec du démarrage/, 'Arrêt'));
          void stop('Arrêt de Magistère (code 1) : un superviseur peut le relancer.', 1);
        },
      }),
    );
    embedded = started;
    cleanups.push(() => started.stop());
    databaseUrl = started.url;
  }

  const clustered = config.workers > 1;
  // Clustered, this process only prepares the database and watches over the workers, who run the jobs.
  const runtime = await during('préparation des services', () =>
    createRuntime(clustered ? { ...config, jobs: false } : config, databaseUrl, { onError: reportJobError }),
  );
  cleanups.push(() => runtime.stop());
  await during('application des migrations', () => applyMigrations(runtime.database));
  const seeded = config.demoData
    ? await during('chargement des données de démonstration', () =>
        seedDemo(runtime.deps.db, runtime.deps.files),
      )
    : false;
  if (clustered) {
    await runtime.stop();
    cleanups.pop();
    await during(`démarrage des ${config.workers} processus (WORKERS)`, () => startWorkers(databaseUrl));
  } else {
    await serve(runtime);
  }

  const lines = [
    '',
    `Magistère est prêt : ${config.publicUrl}`,
    `Base de données : ${embedded ? `PostgreSQL embarqué (${embedded.dir})` : 'DATABASE_URL'}`,
    ...(clustered
      ? [`Processus : ${config.workers} sur le même port (WORKERS), les tâches de fond dans le premier`]
      : []),
    `Courriels : ${config.smtpUrl ? 'SMTP' : `fichiers .eml dans ${path.join(config.dataDir, 'mail')} (visibles dans Administration › Courriels)`}`,
  ];
  if (config.demoData) {
    lines.push(
      `Comptes de démonstration${seeded ? ' (créés à l’instant)' : ''}, mot de passe « ${DEMO_PASSWORD} » :`,
    );
    const { t } = createI18n('fr');
    const labelled = DEMO_ACCOUNTS.map((account) => [t(`ui.roles.${account.role}`), account.email]);
    const width = Math.max(...labelled.map(([label]) => label!.length));
    for (const [label, email] of labelled) lines.push(`  ${label!.padEnd(width)}  ${email}`);
  }
  console.log(lines.join('\n'));
}

/** A lost connection is one line, not the driver's whole client object; anything else keeps its stack. */
function reportJobError(error: unknown) {
  if ((error as { code?: unknown })?.code) console.error(`Tâches de fond : ${(error as Error).message}`);
  else console.error('Tâches de fond :', error);
}

/** Jobs, then the application on the port: what one process does alone, or each worker. */
async function serve(runtime: Awaited<ReturnType<typeof createRuntime>>) {
  await during('démarrage des tâches de fond', () => runtime.deps.jobs.start());
  const app = await during('construction de l’application', () => buildApp(runtime.deps));
  cleanups.push(() => app.close());
  await during(`ouverture du port ${config.port}`, () =>
    app.listen({ host: config.host, port: config.port }),
  );
}

/**
 * One worker per slot over the same port (the cluster shares it), the jobs in the first. Resolves once all
 * listen; a worker that dies later is started again in its slot. Stopped with the rest (`cleanups`).
 */
function startWorkers(databaseUrl: string) {
  const slots = new Map<Worker, number>();
  const fork = (slot: number) =>
    slots.set(
      cluster.fork({
        DATABASE_URL: databaseUrl,
        WORKERS: String(config.workers),
        JOBS: String(slot === 0 && config.jobs),
      }),
      slot,
    );
  cleanups.push(async () => {
    const alive = [...slots.keys()].filter((worker) => !worker.isDead());
    await Promise.all(
      alive.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
            setTimeout(() => worker.process.kill('SIGKILL'), 8_000).unref();
          }),
      ),
    );
  });
  return new Promise<void>((resolve, reject) => {
    let ready = 0;
    cluster.on('message', (_worker, message) => {
      if (message === 'ready' && ++ready === config.workers) resolve();
    });
    cluster.on('exit', (worker, code, signal) => {
      const slot = slots.get(worker) ?? 0;
      slots.delete(worker);
      if (stopping) return;
      if (ready < config.workers) {
        reject(
          new Error(`le processus ${slot + 1} s’est arrêté pendant son démarrage (code ${code ?? signal})`),
        );
        return;
      }
      console.error(`Processus ${slot + 1} arrêté (${signal ?? `code ${code}`}) : il est relancé.`);
      fork(slot);
    });
    for (let slot = 0; slot < config.workers; slot++) fork(slot);
  });
}

/** A worker: the database is ready (the primary migrated it); it serves until told to stop. */
async function worker() {
  const stopWorker = () => void stop('', 0);
  process.on('SIGTERM', stopWorker);
  process.on('SIGINT', stopWorker);
  // The primary gone (killed), nobody would stop this worker any more.
  process.on('disconnect', stopWorker);
  const runtime = await during('préparation des services', () =>
    createRuntime(config, config.databaseUrl!, { onError: reportJobError }),
  );
  cleanups.push(() => runtime.stop());
  await serve(runtime);
  process.send?.('ready');
}

if (cluster.isWorker) {
  worker().catch(async (error) => {
    console.error(describeStartFailure(error, config));
    await cleanUp();
    process.exit(1);
  });
} else {
  main().catch(async (error) => {
    console.error(describeStartFailure(error, config));
    await cleanUp();
    process.exit(1);
  });
}
