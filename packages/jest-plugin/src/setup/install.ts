import { createMatchersOnDemand, joinRunChannel, type MatcherResult } from '@memscope/core/worker';
import { AwaitGuard } from './await-guard.js';
import { runningTest } from './circus-state.js';
import { JestFileLifecycle } from './file-lifecycle.js';

type Hook = (fn: () => unknown, timeout?: number) => void;

/** The globals Jest gives a setup file (`setupFilesAfterEnv`). */
interface JestGlobals {
  expect?: {
    extend(matchers: Record<string, unknown>): void;
    getState(): { testPath?: string; currentTestName?: string };
  };
  beforeEach?: Hook;
  afterEach?: Hook;
  afterAll?: Hook;
}

const INSTALLED = Symbol.for('memscope.jest.installed');

/** Our hooks wait for a verdict or a tracked-object check; Jest's 5 s default is too short for those. */
const HOOK_TIMEOUT_MS = 120_000;

/**
 * Installs memscope in the running Jest test file: the matchers, and
 * (when the memscope reporter runs) the per-test figures. Loaded once per
 * test file, in that file's environment; outside Jest it does nothing, so
 * importing `track` from a helper module is safe anywhere.
 */
export function installForJest(scope: object = globalThis): boolean {
  const g = scope as JestGlobals & Record<symbol, unknown>;
  const { expect, beforeEach, afterEach, afterAll } = g;
  if (!expect || typeof expect.extend !== 'function' || !beforeEach || !afterEach || !afterAll) return false;
  if (g[INSTALLED]) return true;
  g[INSTALLED] = true;

  const testPath = () => expect.getState().testPath;
  const guard = new AwaitGuard(testPath);
  const matchers: Record<string, unknown> = {};
  for (const [name, matcher] of Object.entries(createMatchersOnDemand())) {
    matchers[name] = guard.wrap(name, matcher as (...args: unknown[]) => Promise<MatcherResult>);
  }
  expect.extend(matchers);

  const run = joinRunChannel(process.env);
  const path = testPath();
  const lifecycle = run && path ? new JestFileLifecycle(run, path) : null;
  const current = () => runningTest(scope, expect.getState().currentTestName);

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
    await lifecycle?.finishFile();
  }, HOOK_TIMEOUT_MS);
  return true;
}
