import type { AwaitGuard } from './await-guard.js';
import { describeCircusTest, type CircusTest } from './circus-state.js';
import type { ConcurrentCircusTest, JestFileLifecycle } from './file-lifecycle.js';

/**
 * Following each test through jest-circus's events instead of hooks.
 *
 * Jest 30 keeps jest-circus's event handlers in an array on the test
 * environment's global under `Symbol.for('EVENT_HANDLERS')` (Jest 29 keeps
 * them inside jest-circus, out of reach). circus awaits every handler for
 * every event, so a handler can start a test's scope on `test_started`
 * (before its beforeEach hooks) and end it on `test_done` (after its
 * afterEach hooks). A beforeEach and an afterEach hook of our own cost each
 * test two hook runs, each with its timeout timer, events and promises:
 * about 0.12 ms per test (bench/scopes.bench.mjs' suite, more than all of
 * memscope's own per-test work in sampled mode).
 */

interface CircusEvent {
  name: string;
  test?: CircusTest & ConcurrentCircusTest & { errors?: unknown[]; concurrent?: boolean };
}

type CircusEventHandler = (event: CircusEvent, state?: { unhandledErrors?: unknown[] }) => unknown;

const EVENT_HANDLERS = Symbol.for('EVENT_HANDLERS');

/** The running file's circus event handlers, or null where Jest does not share them (Jest 29). */
export function circusEventHandlers(scope: object): CircusEventHandler[] | null {
  const handlers = (scope as Record<symbol, unknown>)[EVENT_HANDLERS];
  return Array.isArray(handlers) ? (handlers as CircusEventHandler[]) : null;
}

/** A failure of memscope's own work fails the test it was for, as a throwing hook would. */
function failingTestOnError(test: NonNullable<CircusEvent['test']>, work: Promise<unknown>): Promise<void> {
  return work.then(
    () => undefined,
    (error: unknown) => {
      (test.errors ??= []).push(error);
    },
  );
}

function followConcurrentTest(eventName: string, test: NonNullable<CircusEvent['test']>, lifecycle: JestFileLifecycle | null): Promise<void> | undefined {
  if (!lifecycle) return undefined;
  if (eventName === 'test_started') {
    return failingTestOnError(test, new Promise<void>((resolve) => resolve(lifecycle.beginConcurrentTest(test, describeCircusTest(test)))));
  }
  if (eventName === 'test_done') return failingTestOnError(test, lifecycle.endConcurrentTest(test, describeCircusTest(test)));
  return undefined;
}

/**
 * Records every test of the file through circus's events; unawaited
 * matchers are caught once the test function has ended, before the
 * afterEach hooks, and fail the test. The file ends on `run_finish`, after
 * its afterAll hooks; a failure there fails the file, as one in an afterAll
 * hook would.
 */
export function followTestsThroughEvents(
  handlers: CircusEventHandler[],
  guard: AwaitGuard,
  lifecycle: JestFileLifecycle | null,
  onFileEnd: () => void = () => undefined,
): void {
  handlers.push((event, state) => {
    if (event.name === 'run_finish') {
      const finished = lifecycle?.finishFile() ?? Promise.resolve();
      return finished.finally(onFileEnd).catch((error: unknown) => {
        if (state?.unhandledErrors) state.unhandledErrors.push(error);
        else throw error;
      });
    }
    const test = event.test;
    if (!test) return undefined;
    // Concurrent tests overlap (Jest 30 runs no beforeEach or afterEach hook
    // for them): each is attributed its own figures.
    if (test.concurrent === true) return followConcurrentTest(event.name, test, lifecycle);
    switch (event.name) {
      case 'test_started':
        return lifecycle ? failingTestOnError(test, lifecycle.beginTest(describeCircusTest(test))) : undefined;
      case 'test_fn_success':
      case 'test_fn_failure':
        if (!guard.hasPending()) return undefined;
        return failingTestOnError(
          test,
          guard.takeUnawaited().then((unawaited) => {
            if (unawaited) throw unawaited;
          }),
        );
      case 'test_done':
        return lifecycle ? failingTestOnError(test, lifecycle.endTest(describeCircusTest(test))) : undefined;
      default:
        return undefined;
    }
  });
}
