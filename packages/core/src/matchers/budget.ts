import { MemscopeError } from '../errors.js';

/** A byte budget given to a matcher: a finite number ≥ 0. */
export function assertByteBudget(value: unknown, matcherName: string, argument: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    throw new MemscopeError(
      'ERR_MEMSCOPE_INVALID_OPTION',
      `${matcherName}: \`${argument}\` must be a finite number of bytes ≥ 0, got ${shown}.`,
    );
  }
}
