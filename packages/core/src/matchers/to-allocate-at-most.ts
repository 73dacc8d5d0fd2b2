import { formatBytes } from '../report/format.js';
import { assertByteBudget } from './budget.js';
import { matcherColors } from './colors.js';
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
    const isNot = this.isNot === true;
    return {
      pass: m.perCall <= bytesPerCall,
      message: () => {
        const c = matcherColors(this.utils);
        const hint = this.utils.matcherHint('toAllocateAtMost', 'fn', 'bytesPerCall', { isNot, promise: this.promise ?? '' });
        const how = `${formatBytes(m.totalBytes)} over ${m.calls} calls after ${m.warmup} warm-up, ${m.gcCount} GC${m.gcCount === 1 ? '' : 's'} in between`;
        return [
          hint,
          '',
          `Expected: ${isNot ? 'more than ' : 'at most '}${c.green(`${formatBytes(bytesPerCall)} per call`)}`,
          `Received: ${c.red(`${formatBytes(m.perCall)} per call`)} ${c.dim(`(${how})`)}`,
          '',
          c.dim('Allocated = heap growth + bytes freed by garbage collections during the measured calls.'),
        ].join('\n');
      },
    };
  };
}
