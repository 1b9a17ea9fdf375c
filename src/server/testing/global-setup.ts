/**
 * Once per test run: a PostgreSQL (DATABASE_URL, else the embedded one under var/test) and a template
 * database holding the migrations, pg-boss's schema and the demo data. Each test file then copies the
 * template (CREATE DATABASE … TEMPLATE, fast) and never sees another file's rows.
 */
import path from 'node:path';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../demo/seed.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../platform/db/embedded.ts';
import { applyMigrations, connect } from '../platform/db/index.ts';
import { Files, LocalBlobStore } from '../platform/files/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    templateDb: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let serverUrl = '';
const templateDb = `magistere_tpl_${process.pid}`;

/** The same server URL, naming another database. */
export function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) serverUrl = process.env.DATABASE_URL;
  else {
    embedded = await startEmbeddedPostgres(path.resolve('var/test/pg'), 'postgres');
    serverUrl = embedded.url;
  }
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${templateDb}`);
    await client.query(`CREATE DATABASE ${templateDb}`);
  });
  const url = withDatabase(serverUrl, templateDb);
  const database = connect(url, 2);
  await applyMigrations(database);
  // Demo data holds no file yet; the store is only there because seeding takes one.
  const files = new Files({
    db: database.db,
    store: new LocalBlobStore(path.resolve('var/test/seed-files')),
    maxBytes: 1024 * 1024,
  });
  await seedDemo(database.db, files);
  await database.close();
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false });
  project.provide('serverUrl', serverUrl);
  project.provide('templateDb', templateDb);
}

export async function teardown() {
  await admin(async (client) => {
    // Anything a crashed test file left behind goes too.
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`${templateDb}_%`, templateDb],
    );
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  });
  await embedded?.stop();
}
