import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.tsx'],
    // Components need a DOM: jsdom's window, document and events.
    environment: 'jsdom',
    // A memory verdict on a jsdom heap (40+ MB) settles and walks it every
    // round: seconds on a busy CI machine, past the default 5 s. Under the
    // default a verdict still ends in time and says what it could not do.
    testTimeout: 60_000,
    setupFiles: ['@memscope/vitest'],
    reporters: ['default', ['@memscope/vitest/reporter', { outputDir: 'memscope-report', baseline: false }]],
  },
});
