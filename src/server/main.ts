/**
 * Process entry: configuration → database (embedded or DATABASE_URL) → migrations → demo data → jobs →
 * HTTP. SIGTERM and SIGINT stop it in the reverse order. A failed start says in French which step failed
 * and why, and leaves no PostgreSQL behind; an embedded PostgreSQL that dies is restarted by its watchdog,
 * and when it cannot be, the process ends with code 1 so that a supervisor starts it again.
 */
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
  console.log(reason);
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

  const runtime = await during('préparation des services', () =>
    createRuntime(config, databaseUrl, {
      onError: (error) =>
        // A lost connection is one line, not the driver's whole client object; anything else keeps its stack.
        (error as { code?: unknown })?.code
          ? console.error(`Tâches de fond : ${(error as Error).message}`)
          : console.error('Tâches de fond :', error),
    }),
  );
  cleanups.push(() => runtime.stop());
  await during('application des migrations', () => applyMigrations(runtime.database));
  const seeded = config.demoData
    ? await during('chargement des données de démonstration', () =>
        seedDemo(runtime.deps.db, runtime.deps.files),
      )
    : false;
  await during('démarrage des tâches de fond', () => runtime.deps.jobs.start());
  const app = await during('construction de l’application', () => buildApp(runtime.deps));
  cleanups.push(() => app.close());
  await during(`ouverture du port ${config.port}`, () =>
    app.listen({ host: config.host, port: config.port }),
  );

  const lines = [
    '',
    `Magistère est prêt : ${config.publicUrl}`,
    `Base de données : ${embedded ? `PostgreSQL embarqué (${embedded.dir})` : 'DATABASE_URL'}`,
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

main().catch(async (error) => {
  console.error(describeStartFailure(error, config));
  await cleanUp();
  process.exit(1);
});
