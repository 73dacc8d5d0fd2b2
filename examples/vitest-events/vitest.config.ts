import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A leak verdict calls the function a few thousand times: give it room.
    testTimeout: 60_000,
    setupFiles: ['@memscope/vitest'],
    reporters: ['default', ['@memscope/vitest/reporter', { outputDir: 'memscope-report', baseline: false }]],
  },
});
