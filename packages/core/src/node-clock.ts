import { performance } from 'node:perf_hooks';
import { clearImmediate, clearTimeout, setImmediate, setTimeout } from 'node:timers';

/**
 * Node's own timers and clock, whatever the test environment puts on the
 * global object.
 *
 * A test environment replaces globals: jsdom and happy-dom have no
 * `setImmediate`; `jest.useFakeTimers()` and `vi.useFakeTimers()` swap
 * `setTimeout`, `setImmediate` and `performance` for fakes that only move
 * when the test advances them. A verdict that waited on those would throw or
 * never finish. The modules `node:timers` and `node:perf_hooks` are not
 * touched by either: fake timers patch properties of the global object, and
 * Jest's module registry hands its test files Node's real built-ins.
 */
export const nodeTimers = { setTimeout, clearTimeout, setImmediate, clearImmediate };

/** Milliseconds on Node's monotonic clock (`performance.now()` of node:perf_hooks). */
export function nowMs(): number {
  return performance.now();
}

/** Resolves on Node's next macrotask turn, after I/O callbacks and finalizers queued so far. */
export function nextMacrotask(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
