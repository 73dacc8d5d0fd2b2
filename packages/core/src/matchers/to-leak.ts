import type { LeakOptions } from '../verdict/options.js';
import { assertFunction } from './call-loop.js';
import { matcherColors } from './colors.js';
import { formatLeakDiagnosis, formatNoLeak } from './diagnosis.js';
import type { MatcherContextLike, MatcherDeps, MatcherResult } from './types.js';

/**
 * `await expect(fn).not.toLeak(options?)`: passes when the leak verdict
 * finds memory growing with the number of calls. `.not` is the framework's:
 * `pass` says whether it leaked, and the message explains whichever way the
 * assertion failed.
 */
export function createToLeak(deps: MatcherDeps) {
  return async function toLeak(this: MatcherContextLike, received: unknown, options?: LeakOptions): Promise<MatcherResult> {
    assertFunction(received, 'toLeak');
    // A verdict that finds growth takes heap snapshots; should they kill the
    // worker, the tests that finished before keep their figures.
    await deps.checkpoint?.();
    const result = await deps.checkLeak(received, options);
    const isNot = this.isNot === true;
    if (result.leaked && isNot) deps.recordFindings?.(result.findings);
    const hint = () =>
      this.utils.matcherHint('toLeak', 'fn', options === undefined ? '' : 'options', { isNot, promise: this.promise ?? '' });
    return {
      pass: result.leaked,
      message: () => {
        const c = matcherColors(this.utils);
        const body = result.leaked ? formatLeakDiagnosis(result, c) : formatNoLeak(result, c);
        return `${hint()}\n\n${body}`;
      },
    };
  };
}
