import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const mode = process.env.MEMSCOPE_BENCH_MODE;

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('./suite', import.meta.url)),
    include: ['tests/*.test.cjs'],
    globals: true,
    setupFiles: mode && mode !== 'none' ? [fileURLToPath(new URL('./vitest-setup.mjs', import.meta.url))] : [],
  },
});
