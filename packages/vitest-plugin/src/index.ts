/**
 * `@memscope/vitest`: the setup file and the public surface.
 *
 * As a Vitest setup file it installs the memscope matchers and per-test
 * figures into the Vitest that runs it; imported anywhere else it only
 * exports `track`, `task` and the types.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: {
 *   setupFiles: ['@memscope/vitest'],
 *   reporters: ['default', ['@memscope/vitest/reporter', { html: true }]],
 * }});
 *
 * // cache.test.ts
 * import { task, track } from '@memscope/vitest';
 * await expect(() => cache.get(key)).not.toLeak();
 * await task('import users', () => importUsers(file));
 */
import './types.js';
import { MemscopeError } from '@memscope/core/worker';
import { findRunningVitest } from './runtime.js';
import { installIntoVitest } from './worker.js';

export { task, track } from '@memscope/core/worker';

/**
 * Installs memscope for the test file Vitest is collecting. Importing this
 * package as a setup file does it for you; call it yourself from a local
 * setup file when tests run with `isolate: false`, where Vitest re-runs
 * local setup files for every test file but not packages it already loaded.
 *
 * @example
 * // memscope.setup.ts, listed in `setupFiles`
 * import { installMemscope } from '@memscope/vitest';
 * installMemscope();
 */
export function installMemscope(): void {
  const vitest = findRunningVitest();
  if (!vitest) {
    throw new MemscopeError('ERR_MEMSCOPE_USAGE', 'installMemscope() must run inside a Vitest worker: call it from a file listed in `test.setupFiles`.');
  }
  installIntoVitest(vitest);
}
export type { LeakOptions, MemscopeMatchers } from '@memscope/core';

const running = findRunningVitest();
if (running) installIntoVitest(running);
