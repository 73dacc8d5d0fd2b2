import { finishBackgroundOptimization, joinRunChannel, MATCHER_NAMES, type MatcherResult, type RunSettings } from '@memscope/core/worker';

export { MATCHER_NAMES };
import { AwaitGuard } from './await-guard.js';
import { circusEventHandlers, followTestsThroughEvents } from './circus-events.js';
import { concurrentCircusTests, describeCircusTest, runningTest } from './circus-state.js';
import { JestFileLifecycle } from './file-lifecycle.js';

type Hook = (fn: () => unknown, timeout?: number) => void;
export type AsyncMatcher = (this: { isNot?: boolean }, ...args: unknown[]) => Promise<MatcherResult>;

/** The globals Jest gives a setup file (`setupFilesAfterEnv`). */
interface JestGlobals {
  expect?: {
    extend(matchers: Record<string, unknown>): void;
    getState(): { testPath?: string; currentTestName?: string };
  };
  beforeAll?: Hook;
  beforeEach?: Hook;
  afterEach?: Hook;
  afterAll?: Hook;
  Error?: ErrorConstructor;
}

/**
 * What only the test file's own module registry can provide: the matchers,
 * whose code (the verdict) loads there on first call so that the objects it
 * checks (a RegExp option, a thrown error) come from the test file's realm,
 * and the environment Jest gives that file.
 */
export interface TestFileBindings {
  /** The memscope matchers, loaded on their first call. */
  matchers: Record<string, AsyncMatcher>;
  env: NodeJS.ProcessEnv | Record<string, string | undefined>;
}

const INSTALLED = Symbol.for('memscope.jest.installed');

/** Our hooks wait for a verdict or a tracked-object check; Jest's 5 s default is too short for those. */
const HOOK_TIMEOUT_MS = 120_000;

/** The run's settings, read once per run directory rather than once per test file. */
let lastRun: { dir: string; settings: RunSettings } | null = null;

function runFor(env: TestFileBindings['env']): { dir: string; settings: RunSettings } | null {
  const dir = env.MEMSCOPE_RUN_DIR;
  if (!dir) return null;
  if (lastRun?.dir !== dir) lastRun = joinRunChannel(env);
  return lastRun;
}

/** The matchers from this module's own copy of core: for a setup file that loads everything through its runner. */
function ownBindings(): TestFileBindings {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createMatchersOnDemand } = require('@memscope/core/worker') as typeof import('@memscope/core/worker');
  return { matchers: createMatchersOnDemand() as Record<string, AsyncMatcher>, env: process.env };
}

/**
 * Installs memscope in the running Jest test file: the matchers, and
 * (when the memscope reporter runs) the per-test figures. Called once per
 * test file with that file's global; outside Jest it does nothing, so
 * importing `track` from a helper module is safe anywhere.
 *
 * This module is loaded once per process (see the package's index): what it
 * keeps between files (the run settings) is created here, in the main
 * context; what belongs to one file (its `expect`, its hooks, its recorder)
 * is reachable only from that file's hooks, so nothing of an ended file's
 * environment stays alive.
 */
export function installForJest(scope: object = globalThis, bindings?: TestFileBindings): boolean {
  const g = scope as JestGlobals & Record<symbol, unknown>;
  const { expect, beforeAll, beforeEach, afterEach, afterAll } = g;
  if (!expect || typeof expect.extend !== 'function' || !beforeEach || !afterEach || !afterAll) return false;
  if (g[INSTALLED]) return true;
  g[INSTALLED] = true;
  const { matchers: fileMatchers, env } = bindings ?? ownBindings();

  const testPath = () => expect.getState().testPath;
  // Errors for the test come from its own realm, like those its code throws.
  const guard = new AwaitGuard(testPath, g.Error ?? Error);
  const matchers: Record<string, unknown> = {};
  for (const name of MATCHER_NAMES) matchers[name] = guard.wrap(name, fileMatchers[name]!);
  expect.extend(matchers);

  const run = runFor(env);
  const path = testPath();
  const lifecycle = run && path ? new JestFileLifecycle(run, path) : null;
  const handlers = circusEventHandlers(scope);
  if (handlers) {
    followTestsThroughEvents(handlers, guard, lifecycle, finishBackgroundOptimization);
  } else {
    // Jest 29: hooks of our own, registered first on the root block.
    const current = () => runningTest(scope, expect.getState().currentTestName);
    // Concurrent tests open when circus calls their functions, all at once
    // after this hook (see openConcurrentTestOnCall); circus runs no
    // beforeEach or afterEach hook for them.
    if (lifecycle && beforeAll) {
      beforeAll(() => {
        for (const test of concurrentCircusTests(scope)) lifecycle.openConcurrentTestOnCall(test, () => describeCircusTest(test));
      }, HOOK_TIMEOUT_MS);
    }
    beforeEach(async () => {
      const test = current();
      if (lifecycle && test) await lifecycle.beginTest(test);
    }, HOOK_TIMEOUT_MS);
    afterEach(async () => {
      const unawaited = await guard.takeUnawaited();
      await lifecycle?.endTest(current(), unawaited?.message);
      if (unawaited) throw unawaited;
    }, HOOK_TIMEOUT_MS);
    afterAll(async () => {
      try {
        await lifecycle?.finishFile();
      } finally {
        finishBackgroundOptimization();
      }
    }, HOOK_TIMEOUT_MS);
  }
  return true;
}
