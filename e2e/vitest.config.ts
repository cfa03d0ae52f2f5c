import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser flows: one file at a time, one test after another (they share a server and a browser), with
// timeouts long enough for a cold server start (migrations, 45k regions, demo data) on two cores.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    reporters: ['verbose'],
  },
});
