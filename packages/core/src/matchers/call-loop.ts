import { MemscopeError } from '../errors.js';
import { CallRunner } from '../verdict/calls/call-runner.js';
import { whileMeasuring } from '../tasks/storage.js';

/**
 * Calls `fn` `count` times in a row, awaiting each call that returns a
 * promise; the results are dropped at once so they do not stay reachable.
 * A throw or rejection becomes ERR_MEMSCOPE_FN_THREW naming the matcher and
 * the call, with the original error as `cause`.
 */
export async function callRepeatedly(fn: () => unknown, count: number, matcherName: string): Promise<void> {
  const runner = new CallRunner(fn, 60_000, matcherName, 'Memory figures need a function that runs cleanly; fix the error first.');
  await whileMeasuring(() => runner.run(count));
}

export function assertFunction(received: unknown, matcherName: string): asserts received is () => unknown {
  if (typeof received !== 'function') {
    const shown = received === null ? 'null' : Array.isArray(received) ? 'an array' : `a ${typeof received}`;
    throw new MemscopeError(
      'ERR_MEMSCOPE_NOT_A_FUNCTION',
      `${matcherName}: expect(received) must be a function to call, got ${shown}. Wrap the code: expect(() => work()).${matcherName}(…).`,
    );
  }
}
