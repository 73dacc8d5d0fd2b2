import { formatBytes } from '../report/format.js';
import { assertByteBudget, budgetResult } from './budget.js';
import { measureAllocation, type AllocationOptions } from './measure.js';
import { asVerdictTask } from '../tasks/verdict-task.js';
import type { MatcherContextLike, MatcherDeps, MatcherResult } from './types.js';

/** `await expect(fn).toAllocateAtMost(bytesPerCall, options?)`; see MemscopeMatchers for the definition. */
export function createToAllocateAtMost(deps: MatcherDeps) {
  return async function toAllocateAtMost(
    this: MatcherContextLike, received: unknown, bytesPerCall: unknown, options?: AllocationOptions,
  ): Promise<MatcherResult> {
    assertByteBudget(bytesPerCall, 'toAllocateAtMost', 'bytesPerCall');
    const m = await asVerdictTask('toAllocateAtMost', () => measureAllocation(received, deps.capture(), options), (r) => r.warmup + r.calls);
    return budgetResult(this, 'toAllocateAtMost', 'bytesPerCall', m.perCall <= bytesPerCall, (c, isNot) => {
      const how = `${formatBytes(m.totalBytes)} over ${m.calls} calls after ${m.warmup} warm-up, ${m.gcCount} GC${m.gcCount === 1 ? '' : 's'} in between`;
      return [
        `Expected: ${isNot ? 'more than ' : 'at most '}${c.green(`${formatBytes(bytesPerCall)} per call`)}`,
        `Received: ${c.red(`${formatBytes(m.perCall)} per call`)} ${c.dim(`(${how})`)}`,
        '',
        c.dim('Allocated = heap growth + bytes freed by garbage collections during the measured calls.'),
      ];
    });
  };
}
