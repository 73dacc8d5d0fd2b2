import { installForJest } from './setup/install.js';
import './types/jest.js';
import './types/jest-globals.js';

/**
 * `@memscope/jest`: list it in `setupFilesAfterEnv` and every test file gets
 * the memscope matchers and, with the reporter, per-test memory figures.
 *
 * @example
 * // jest.config.js
 * module.exports = {
 *   setupFilesAfterEnv: ['@memscope/jest'],
 *   reporters: ['default', ['@memscope/jest/reporter', {}]],
 * };
 * // cache.test.js
 * const { track } = require('@memscope/jest');
 * test('does not leak', async () => {
 *   await expect(() => cache.get('k')).not.toLeak();
 * });
 */
installForJest();

export { track } from '@memscope/core/worker';
export type { AllocationOptions, LeakOptions, MemscopeMatchers, RetentionOptions } from '@memscope/core';
