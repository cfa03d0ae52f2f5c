import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser flows: one file at a time, one test after another (they share a server and a browser), with
// timeouts long enough for a cold server start (migrations, 45k regions, demo data) on two cores. In CI a
// failed test is run once more: on a loaded two-core machine a click during an antd animation is now and then
// lost, and one such loss cost a whole CI run; a test that passes only on its second try is listed by .ci/run
// (docs/decisions.md "A browser test gets a second try in CI").
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    retry: process.env.CI ? 1 : 0,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    reporters: ['verbose'],
  },
});
