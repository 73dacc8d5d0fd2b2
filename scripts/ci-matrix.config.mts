import { defineConfig } from 'vitest/config';
import rootConfig, { TEST_FILES } from '../vitest.config.mts';

// The root config's settings, without its two projects: a matrix cell runs
// the end-to-end files it names one at a time, as each one's runner child
// is the busy process, and the cells themselves run one after another.
const { projects: _projects, sequence: _sequence, ...shared } = rootConfig.test!;

export default defineConfig({
  ...rootConfig,
  test: { ...shared, include: TEST_FILES, exclude: ['**/node_modules/**'], fileParallelism: false },
});
