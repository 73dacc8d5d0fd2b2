import { defineConfig } from 'vitest/config';
import rootConfig from '../vitest.config.mts';

// The root config, without its exclusion of test/jest: the CI matrix names
// the end-to-end files it runs, the Jest ones included.
export default defineConfig({
  ...rootConfig,
  test: { ...rootConfig.test, exclude: ['**/node_modules/**'] },
});
