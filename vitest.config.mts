import { defineConfig } from 'vitest/config';

// Heap-sensitive tests measure the process they run in, so files run one at a
// time in forked workers.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'native/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
