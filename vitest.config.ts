import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/server/testing/global-setup.ts'],
    pool: 'forks',
    // Files run one after another in each worker, reusing the modules already loaded: importing the server
    // for each file was most of the suite's time. Each file still has its own database and runtime; what a
    // module memoises for the process is forgotten when a runtime starts (platform/cache).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
