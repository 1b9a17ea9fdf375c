/**
 * One node of the platform in its own process, for the multi-node tests: the real runtime and
 * application on DATABASE_URL (already migrated) and REDIS_URL, with the test suite's `test-notes` kind,
 * whose notes are published on its realtime channel. Prints `ready` once listening; SIGTERM stops it.
 */
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { registerActivityKind } from '../modules/activities/registry.ts';
import { notes } from '../modules/activities/testing/notes-kind.ts';
import { createRuntime } from '../runtime.ts';

registerActivityKind(notes);
const config = loadConfig();
const runtime = await createRuntime(config, config.databaseUrl!);
const app = await buildApp(runtime.deps);
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await runtime.stop();
  process.exit(0);
});
