import { formatBytes } from '../report/format.js';
import { assertByteBudget, budgetResult } from './budget.js';
import { measureRetention, type RetentionOptions } from './measure.js';
import { asVerdictTask } from '../tasks/verdict-task.js';
import type { MatcherContextLike, MatcherDeps, MatcherResult } from './types.js';

/** `await expect(fn).toRetainAtMost(bytes, options?)`; see MemscopeMatchers for the definition. */
export function createToRetainAtMost(deps: MatcherDeps) {
  return async function toRetainAtMost(
    this: MatcherContextLike, received: unknown, bytes: unknown, options?: RetentionOptions,
  ): Promise<MatcherResult> {
    assertByteBudget(bytes, 'toRetainAtMost', 'bytes');
    const m = await asVerdictTask('toRetainAtMost', () => measureRetention(received, deps.capture(), options), (r) => r.calls);
    return budgetResult(this, 'toRetainAtMost', 'bytes', m.retainedBytes <= bytes, (c, isNot) => {
      const calls = `${m.calls} call${m.calls === 1 ? '' : 's'}`;
      const split = `heap ${formatBytes(m.heapBytes)}, external ${formatBytes(m.externalBytes)}`;
      return [
        `Expected: ${isNot ? 'more than ' : 'at most '}${c.green(formatBytes(bytes))} retained`,
        `Received: ${c.red(formatBytes(m.retainedBytes))} retained after ${calls} and a settled GC ${c.dim(`(${split})`)}`,
      ];
    });
  };
}
