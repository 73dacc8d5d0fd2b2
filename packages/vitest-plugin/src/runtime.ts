/**
 * The Vitest that is running this worker.
 *
 * `@memscope/vitest` never imports `vitest` at run time: in a monorepo or a
 * linked install, `require('vitest')` from this package can resolve to a
 * different copy of Vitest than the one running the tests, and matchers or
 * hooks registered on that copy are silently ignored. Every Vitest worker
 * (forks, threads, vmThreads, vmForks; Vitest 3 and 4) publishes its own
 * module namespace as `globalThis.__vitest_index__`, the object behind
 * `import.meta.vitest`, and its `expect` under `Symbol.for('expect-global')`;
 * both belong to the running instance, so they are what we bind to.
 */

/** The part of a Vitest test task memscope reads and writes. */
export interface RunnerTest {
  name: string;
  mode?: string;
  concurrent?: boolean;
  meta: Record<string, unknown>;
  file?: { filepath: string; name: string; meta: Record<string, unknown> };
  /** The enclosing describe, or the file task (which has `filepath`) for top-level tests. */
  suite?: RunnerSuite;
  promises?: Promise<unknown>[];
  onFinished?: Array<() => unknown>;
  result?: { state?: string };
}

export interface RunnerSuite {
  name: string;
  filepath?: string;
  suite?: RunnerSuite;
}

export interface RunnerTestContext {
  task: RunnerTest;
}

type Hook = (fn: (context: RunnerTestContext) => unknown, timeout?: number) => void;
type AllHook = (fn: () => unknown, timeout?: number) => void;

export interface ChaiLike {
  Assertion: { prototype: Record<string, unknown> };
  util: { flag(object: unknown, key: string): unknown };
}

export interface ExpectLike {
  extend(matchers: Record<string, unknown>): void;
  getState(): { testPath?: string; currentTestName?: string };
}

export interface RunningVitest {
  expect: ExpectLike;
  chai: ChaiLike;
  beforeEach: Hook;
  afterEach: Hook;
  afterAll: AllHook;
  /** Values the main process provided (`project.provide`); absent before Vitest 2.1. */
  inject?: (key: string) => unknown;
}

const EXPECT_GLOBAL = Symbol.for('expect-global');

function isRunningVitest(candidate: unknown): candidate is Omit<RunningVitest, 'expect'> & { expect?: ExpectLike } {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const index = candidate as Record<string, unknown>;
  return (
    typeof index['beforeEach'] === 'function' &&
    typeof index['afterEach'] === 'function' &&
    typeof index['afterAll'] === 'function' &&
    typeof index['chai'] === 'object'
  );
}

/** The running Vitest, or null outside a Vitest worker (plain Node, a build script). */
export function findRunningVitest(scope: object = globalThis): RunningVitest | null {
  const globals = scope as Record<string | symbol, unknown>;
  const index = globals['__vitest_index__'];
  if (!isRunningVitest(index)) return null;
  const expect = (globals[EXPECT_GLOBAL] ?? index.expect) as ExpectLike | undefined;
  if (!expect || typeof expect.extend !== 'function') return null;
  return {
    expect, chai: index.chai, beforeEach: index.beforeEach, afterEach: index.afterEach, afterAll: index.afterAll,
    ...(typeof index.inject === 'function' ? { inject: index.inject } : {}),
  };
}
