import type { LeakOptions } from '../verdict/options.js';
import { assertFunction } from './call-loop.js';
import { nowMs } from '../node-clock.js';
import { matcherColors } from './colors.js';
import { formatLeakDiagnosis, formatNoLeak, formatUndecided } from './diagnosis.js';
import type { MatcherContextLike, MatcherDeps, MatcherResult } from './types.js';

/** The user's options, with the running test's time left as the verdict's limit unless they set one. */
function withTestTimeLimit(options: LeakOptions | undefined, leftMs: number | undefined): LeakOptions | undefined {
  if (leftMs === undefined || (options !== null && typeof options === 'object' && 'timeLimit' in options)) return options;
  // Anything but an object is the verdict's to refuse, as given.
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) return options;
  return { ...options, timeLimit: leftMs };
}

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
    const leftAtStart = deps.testTimeLeftMs?.();
    const checkpointStarted = nowMs();
    await deps.checkpoint?.();
    const leftMs = leftAtStart === undefined ? undefined : Math.max(1, leftAtStart - (nowMs() - checkpointStarted));
    const result = await deps.checkLeak(received, withTestTimeLimit(options, leftMs));
    const isNot = this.isNot === true;
    if (result.leaked && isNot) deps.recordFindings?.(result.findings);
    const hint = () =>
      this.utils.matcherHint('toLeak', 'fn', options === undefined ? '' : 'options', { isNot, promise: this.promise ?? '' });
    return {
      // No verdict fails `.toLeak()` and `.not.toLeak()` alike.
      pass: result.undecided ? isNot : result.leaked,
      message: () => {
        const c = matcherColors(this.utils);
        const body = result.undecided ? formatUndecided(result, c) : result.leaked ? formatLeakDiagnosis(result, c) : formatNoLeak(result, c);
        return `${hint()}\n\n${body}`;
      },
    };
  };
}
