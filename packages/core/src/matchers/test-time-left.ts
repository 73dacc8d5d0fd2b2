import { performance } from 'node:perf_hooks';

/**
 * What is left of the running test's timeout, read from the runner that
 * runs it, so that a verdict ends before the runner gives up on the test.
 * A verdict that ran past it would go on into the next test and charge its
 * findings there.
 *
 * Jest (jest-circus, 29 and 30) keeps the running test on its state (a
 * symbol described `JEST_STATE_SYMBOL` on the test environment's global):
 * `startedAt` on its own unfaked clock, and `timeout` or the state's
 * `testTimeout`. Vitest (3 and 4) keeps it as `__vitest_worker__.current`
 * with `timeout` and `result.startTime`. Both clocks are wall-clock
 * milliseconds; ours is `performance.timeOrigin + performance.now()` of
 * node:perf_hooks, which fake timers leave alone.
 */

interface CircusState {
  testTimeout?: unknown;
  currentlyRunningTest?: { startedAt?: unknown; timeout?: unknown } | null;
}

interface VitestTask {
  timeout?: unknown;
  result?: { startTime?: unknown };
}

/**
 * Time kept back for what follows the verdict's last check (a round under
 * way, the failure message, the runner's bookkeeping): on a loaded 2-core
 * machine a jsdom round overran its estimate by up to 0.7 s.
 */
const RESERVE_MS = 500;
const RESERVE_SHARE = 0.15;

function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

const usable = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

function jestTest(scope: Record<symbol | string, unknown>): { startedAt: number; timeout: number } | undefined {
  const key = Object.getOwnPropertySymbols(scope).find((s) => s.description === 'JEST_STATE_SYMBOL');
  const state = key === undefined ? undefined : (scope[key] as CircusState | undefined);
  const test = state?.currentlyRunningTest;
  const timeout = usable(test?.timeout) ? test!.timeout : state?.testTimeout;
  return test && usable(test.startedAt) && usable(timeout) ? { startedAt: test.startedAt, timeout } : undefined;
}

function vitestTest(scope: Record<symbol | string, unknown>): { startedAt: number; timeout: number } | undefined {
  const current = (scope['__vitest_worker__'] as { current?: VitestTask } | undefined)?.current;
  const startedAt = current?.result?.startTime;
  return current && usable(startedAt) && usable(current.timeout) ? { startedAt, timeout: current.timeout } : undefined;
}

/**
 * Milliseconds the verdict may take before the running test's timeout,
 * less a reserve; undefined outside a runner's test or without a timeout.
 */
export function testTimeLeftMs(scope: object = globalThis): number | undefined {
  const global = scope as Record<symbol | string, unknown>;
  const test = jestTest(global) ?? vitestTest(global);
  if (!test) return undefined;
  const reserve = Math.max(RESERVE_MS, RESERVE_SHARE * test.timeout);
  return Math.max(1, test.startedAt + test.timeout - wallClockMs() - reserve);
}
