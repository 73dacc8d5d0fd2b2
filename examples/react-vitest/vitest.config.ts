import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.tsx'],
    // Components need a DOM: jsdom's window, document and events.
    environment: 'jsdom',
    setupFiles: ['@memscope/vitest'],
    reporters: ['default', ['@memscope/vitest/reporter', { outputDir: 'memscope-report', baseline: false }]],
  },
});
