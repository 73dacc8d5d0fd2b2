import { MemscopeError } from '../errors.js';
import type { Colors } from '../report/colors.js';
import { matcherColors } from './colors.js';
import type { MatcherContextLike, MatcherResult } from './types.js';

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

/**
 * A byte-budget matcher's result. Its message (the framework's hint, a blank
 * line, then the matcher's own lines) is built only when the runner reads it.
 */
export function budgetResult(
  context: MatcherContextLike,
  matcherName: string,
  argument: string,
  pass: boolean,
  lines: (c: Colors, isNot: boolean) => string[],
): MatcherResult {
  const isNot = context.isNot === true;
  return {
    pass,
    message: () => {
      const hint = context.utils.matcherHint(matcherName, 'fn', argument, { isNot, promise: context.promise ?? '' });
      return [hint, '', ...lines(matcherColors(context.utils), isNot)].join('\n');
    },
  };
}
