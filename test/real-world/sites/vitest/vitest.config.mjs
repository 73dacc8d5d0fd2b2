// TypeScript through Vite's transform, as Vitest runs it.
export default {
  test: {
    include: ['sites.spec.ts'],
    setupFiles: ['@memscope/vitest'],
    reporters: ['default', ['@memscope/vitest/reporter', { html: false, baseline: false }]],
    testTimeout: 120000,
  },
};
