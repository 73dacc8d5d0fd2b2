import { type RetentionOptions } from './measure.js';
import type { MatcherContextLike, MatcherDeps, MatcherResult } from './types.js';
/** `await expect(fn).toRetainAtMost(bytes, options?)`; see MemscopeMatchers for the definition. */
export declare function createToRetainAtMost(deps: MatcherDeps): (this: MatcherContextLike, received: unknown, bytes: unknown, options?: RetentionOptions) => Promise<MatcherResult>;
//# sourceMappingURL=to-retain-at-most.d.ts.map