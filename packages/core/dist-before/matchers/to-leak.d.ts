import type { LeakOptions } from '../verdict/options.js';
import type { MatcherContextLike, MatcherDeps, MatcherResult } from './types.js';
/**
 * `await expect(fn).not.toLeak(options?)`: passes when the leak verdict
 * finds memory growing with the number of calls. `.not` is the framework's:
 * `pass` says whether it leaked, and the message explains whichever way the
 * assertion failed.
 */
export declare function createToLeak(deps: MatcherDeps): (this: MatcherContextLike, received: unknown, options?: LeakOptions) => Promise<MatcherResult>;
//# sourceMappingURL=to-leak.d.ts.map