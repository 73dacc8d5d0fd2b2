import { defineConfig } from 'vitest/config';

// Heap-sensitive tests measure the process they run in, so files run one at a
// time in forked workers.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'native/test/**/*.test.ts', 'test/**/*.test.ts'],
    // The Jest end-to-end suite is not green yet (see the issue notes); it runs with
    // `npx vitest run --config vitest.config.mts test/jest --dir test/jest`.
    exclude: ['**/node_modules/**', 'test/jest/**'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
