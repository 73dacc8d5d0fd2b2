import { MemscopeError } from '../errors.js';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function describeThrown(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Calls `fn` `count` times in a row, awaiting each call that returns a
 * promise; the results are dropped at once so they do not stay reachable.
 * A throw or rejection becomes ERR_MEMSCOPE_FN_THREW naming the matcher and
 * the call, with the original error as `cause`.
 */
export async function callRepeatedly(fn: () => unknown, count: number, matcherName: string): Promise<void> {
  for (let call = 1; call <= count; call++) {
    try {
      const returned = fn();
      if (isThenable(returned)) await returned;
    } catch (error) {
      throw new MemscopeError(
        'ERR_MEMSCOPE_FN_THREW',
        `${matcherName}: the function threw on call ${call}: ${describeThrown(error)}. ` +
          'Memory figures need a function that runs cleanly; fix the error first.',
        { cause: error },
      );
    }
  }
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
