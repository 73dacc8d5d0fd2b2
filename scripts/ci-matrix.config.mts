import { defineConfig } from 'vitest/config';
import rootConfig from '../vitest.config.mts';

// The root config, without its exclusion of test/jest: the CI matrix names
// the end-to-end files it runs, the Jest ones included. Cells of two Nodes
// run side by side, each Node's with the cache folder ci-matrix.sh names, so
// that one never reads the results file the other is writing.
const cacheDir = process.env.MEMSCOPE_MATRIX_CACHE_DIR;

export default defineConfig({
  ...rootConfig,
  ...(cacheDir ? { cacheDir } : {}),
  test: { ...rootConfig.test, exclude: ['**/node_modules/**'] },
});
