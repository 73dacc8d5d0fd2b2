import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { AsyncMatcher, TestFileBindings } from './setup/install.js';
import type * as WorkerEntry from '@memscope/core/worker';
export type * from './types/jest.js';
export type * from './types/jest-globals.js';

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
 * const { track, task } = require('@memscope/jest');
 * test('does not leak', async () => {
 *   await expect(() => cache.get('k')).not.toLeak();
 * });
 */

type InstallModule = typeof import('./setup/install.js');
type MainProcess = NodeJS.Process & {
  getBuiltinModule?: (id: 'node:module') => typeof import('node:module');
  mainModule?: { require(id: string): unknown };
};

/**
 * Jest evaluates a setup file, and every module it requires, afresh in each
 * test file's module registry: the recorder, the hooks and their helpers
 * would be compiled and run once per test file. So this file, the only one
 * Jest evaluates per test file, loads them with Node's own `require`, once
 * per process, in the main context (where the process-wide capture and task
 * state already live; see core's main-context). The main context's `process`
 * is Node's real one: its `module` builtin is not the runner's. Null outside
 * a build (the TypeScript sources have no `.js` file to load).
 */
function loadOncePerProcess(): InstallModule | null {
  if (!__filename.endsWith('.js')) return null;
  const mainProcess = vm.runInThisContext('process') as MainProcess;
  const moduleBuiltin = mainProcess.getBuiltinModule?.('node:module') ?? (mainProcess.mainModule?.require('node:module') as typeof import('node:module') | undefined);
  // The packed file: install.js and the modules it loads, in one file (scripts/pack-setup-entries.mjs).
  return (moduleBuiltin?.createRequire(__filename)('./setup/install.packed.js') as InstallModule | undefined) ?? null;
}

/**
 * Core as this test file's registry loads it: `track` and the matchers run
 * here, in the test file's realm (a verdict checks the user's options and
 * errors with `instanceof`; `toBeCollected` reads what `track` recorded in
 * the same copy), and load on first use, which most test files never make.
 */
let fileCore: typeof WorkerEntry | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadFileCore = (): typeof WorkerEntry => (fileCore ??= require('@memscope/core/worker') as typeof WorkerEntry);

function matchersOnDemand(names: readonly string[]): Record<string, AsyncMatcher> {
  let loaded: Record<string, AsyncMatcher> | undefined;
  const matchers: Record<string, AsyncMatcher> = {};
  for (const name of names) {
    // A named function: runners show the matcher's name in stacks and errors.
    matchers[name] = {
      async [name](this: { isNot?: boolean }, ...args: unknown[]): Promise<unknown> {
        loaded ??= loadFileCore().createMatchersOnDemand() as Record<string, AsyncMatcher>;
        return loaded[name]!.apply(this, args);
      },
    }[name] as AsyncMatcher;
  }
  return matchers;
}

/**
 * Names an object so memscope can later say whether it was collected, and
 * if not, what holds it. Returns the value.
 *
 * @example
 * const session = track(new Session(user), 'session');
 */
export function track<T>(value: T, name: string): T {
  return loadFileCore().track(value, name);
}

/**
 * Runs `fn` as a task of its own inside the running test: the report shows
 * it as a child of the test with its own figures, and a baseline judges it
 * by name. Outside a test memscope records, `fn` just runs.
 *
 * @example
 * const { task } = require('@memscope/jest');
 * test('imports users', async () => {
 *   await task('import users', async () => { await importUsers(file); });
 * });
 */
export function task<T>(name: string, fn: () => T | Promise<T>): Promise<Awaited<T>> {
  return loadFileCore().task(name, fn);
}

/** A call of one of memscope's matchers in a test file's own source: `.toLeak(`, `.toRetainAtMost(`. */
function namesAMatcher(names: readonly string[]): boolean {
  const testPath = (globalThis as { expect?: { getState?(): { testPath?: string } } }).expect?.getState?.().testPath;
  if (!testPath) return false;
  try {
    const source = readFileSync(testPath, 'utf8');
    return names.some((name) => source.includes(`.${name}(`));
  } catch {
    return false;
  }
}

const install = loadOncePerProcess();
if (install) {
  const bindings: TestFileBindings = { matchers: matchersOnDemand(install.MATCHER_NAMES), env: process.env };
  install.installForJest(globalThis, bindings);
  // Jest compiles the matchers' modules into each file's registry on their
  // first call, inside that test's timeout: under load 2.5–4 s of a
  // component test's 5 s default, and the first verdict ran out of time. A
  // file that calls one loads them here, while its setup runs; the others
  // (most files) still never load them.
  if (namesAMatcher(install.MATCHER_NAMES)) loadFileCore().preloadMatchers();
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./setup/install.js') as InstallModule).installForJest();
}

export type { AllocationOptions, LeakOptions, MemscopeMatchers, RetentionOptions } from '@memscope/core';
